import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";
import { startWorker } from "./workerd.js";

/**
 * The Workers runtime for real: src/runtime/worker.ts built by wrangler as `wrangler deploy` would,
 * run in workerd through Miniflare with a D1 database, an R2 bucket and a queue, answering over HTTP.
 */
describe("Cloudflare Workers runtime (workerd via Miniflare)", () => {
  let mf: Miniflare;
  let key: string;

  beforeAll(async () => {
    ({ mf, key } = await startWorker());
  }, 180_000);
  afterAll(async () => mf?.dispose());

  it("answers /health from D1", async () => {
    const res = await mf.dispatchFetch("http://quire.test/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("refuses a request without a key with problem+json", async () => {
    const res = await mf.dispatchFetch("http://quire.test/v1/answer", { method: "POST" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  });

  const call = async (path: string, init: { method?: string; body?: FormData | object } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    let body: Uint8Array | string | undefined;
    if (init.body instanceof FormData) {
      // Encode the multipart body on this side so workerd receives plain bytes and a boundary.
      const encoded = new Request("http://quire.test/", { method: "POST", body: init.body });
      body = new Uint8Array(await encoded.arrayBuffer());
      headers["content-type"] = encoded.headers.get("content-type") ?? "";
    } else if (init.body) {
      body = JSON.stringify(init.body);
      headers["content-type"] = "application/json";
    }
    return mf.dispatchFetch(`http://quire.test${path}`, { method: init.method ?? "GET", headers, body });
  };

  it("processes an upload as a background job through Cloudflare Queues", async () => {
    const customer = await call("/v1/customers", {
      method: "POST",
      body: { name: "Globex GmbH", region: "eu", nda: { onFile: false } },
    });
    expect(customer.status).toBe(201);
    const { id: customerId } = (await customer.json()) as { id: string };
    const form = new FormData();
    form.set("file", new Blob([readFileSync("fixtures/simple.csv")]), "simple.csv");
    form.set("customerId", customerId);
    const created = await call("/v1/questionnaires", { method: "POST", body: form });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    let status = "queued";
    for (let i = 0; i < 100 && ["queued", "processing"].includes(status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await call(`/v1/questionnaires/${id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe("drafted");
    const answers = (await (await call(`/v1/questionnaires/${id}/answers`)).json()) as { data: unknown[] };
    expect(answers.data).toHaveLength(20);
    // The queue carried the job's id; the durable row in D1 records the run.
    const d1 = await mf.getD1Database("DB");
    const job = await d1
      .prepare("select state, attempts, lease_owner from jobs where payload like ?")
      .bind(`%${id}%`)
      .first<{ state: string; attempts: number; lease_owner: string | null }>();
    expect(job).toEqual({ state: "succeeded", attempts: 1, lease_owner: null });
  });

  it("resumes a job whose consumer died, from the scheduled sweep", async () => {
    const d1 = await mf.getD1Database("DB");
    // A job a consumer leased and never finished (its isolate was evicted mid-run).
    const form = new FormData();
    form.set("file", new Blob([readFileSync("fixtures/simple.csv")]), "simple.csv");
    const customer = (await (
      await call("/v1/customers", { method: "POST", body: { name: "Initech", region: "us" } })
    ).json()) as { id: string };
    form.set("customerId", customer.id);
    const { id } = (await (await call("/v1/questionnaires", { method: "POST", body: form })).json()) as { id: string };
    for (let i = 0; i < 100; i++) {
      const s = ((await (await call(`/v1/questionnaires/${id}`)).json()) as { status: string }).status;
      if (s === "drafted") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await d1.prepare("update questionnaires set status = 'processing' where id = ?").bind(id).run();
    await d1
      .prepare(
        "update jobs set state = 'running', lease_owner = 'worker:dead', lease_expires_at = '2000-01-01T00:00:00.000Z' where payload like ?",
      )
      .bind(`%${id}%`)
      .run();
    await d1.prepare("delete from answers where questionnaire_id = ?").bind(id).run();
    await d1.prepare("delete from questions where questionnaire_id = ?").bind(id).run();
    const scheduled = await mf
      .getWorker()
      .then((w) => (w as unknown as { scheduled(o?: object): Promise<unknown> }).scheduled({ cron: "* * * * *" }));
    expect(scheduled).toBeDefined();
    let status = "processing";
    for (let i = 0; i < 100 && status !== "drafted"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await call(`/v1/questionnaires/${id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe("drafted");
    const counts = await d1
      .prepare("select count(*) as n from answers where questionnaire_id = ?")
      .bind(id)
      .first<{ n: number }>();
    expect(counts?.n).toBe(20);
  });

  it("answers an uploaded workbook end to end and keeps the file in R2", async () => {
    const form = new FormData();
    form.set("file", new Blob([readFileSync("fixtures/caiq-like.xlsx")]), "caiq-like.xlsx");
    form.set("region", "us");
    form.set("nda", "true");
    form.set("asOf", "2026-11-24");
    // Encode the multipart body on this side so workerd receives plain bytes and a boundary.
    const encoded = new Request("http://quire.test/", { method: "POST", body: form });
    const res = await mf.dispatchFetch("http://quire.test/v1/answer", {
      method: "POST",
      body: new Uint8Array(await encoded.arrayBuffer()),
      headers: { authorization: `Bearer ${key}`, "content-type": encoded.headers.get("content-type") ?? "" },
    });
    expect(res.status).toBe(200);
    const report = AnswerReportSchema.parse(await res.json());
    expect(report.summary.questions).toBe(36);
    expect(report.summary.drafted).toBeGreaterThan(18);
    expect(report.questions.flatMap((q) => q.citations.map((c) => c.type))).toContain("soc2-type2");
    // Miniflare types the binding loosely without @cloudflare/workers-types: name the part used.
    const bucket = (await mf.getR2Bucket("BLOBS")) as unknown as { list(): Promise<{ objects: unknown[] }> };
    expect((await bucket.list()).objects.length).toBeGreaterThanOrEqual(1);
  });

  it("writes the answers back into the workbook with workerd's node:zlib (the one unzip, stored parts copied)", async () => {
    const list = await mf.dispatchFetch("http://quire.test/v1/questionnaires", {
      headers: { authorization: `Bearer ${key}` },
    });
    const listed = (await list.json()) as { data: { id: string; fileName: string }[] };
    const id = listed.data.find((q) => q.fileName === "caiq-like.xlsx")?.id;
    expect(id).toBeDefined();
    const res = await mf.dispatchFetch(
      `http://quire.test/v1/questionnaires/${id}/export?format=original&include=drafts`,
      {
        headers: { authorization: `Bearer ${key}` },
      },
    );
    expect(res.status).toBe(200);
    const filled = new Uint8Array(await res.arrayBuffer());
    const original = new Uint8Array(readFileSync("fixtures/caiq-like.xlsx"));
    const before = unzipSync(original);
    const after = unzipSync(filled);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(after).filter(
      (name) => !Buffer.from(after[name] ?? []).equals(Buffer.from(before[name] ?? [])),
    );
    expect(changed.length).toBeGreaterThan(0);
    for (const name of changed) expect(name).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    const book = XLSX.read(filled, { type: "array" });
    const values = Object.values(book.Sheets).flatMap((ws) =>
      Object.entries(ws ?? {})
        .filter(([k]) => !k.startsWith("!"))
        .map(([, c]) => String((c as XLSX.CellObject).v)),
    );
    expect(values.some((v) => v.includes("[DRAFT, not yet reviewed]"))).toBe(true);
  });

  it("runs the daily freshness sweep from its Cron Trigger, as of the day it was scheduled for", async () => {
    expect(readFileSync("wrangler.toml", "utf8")).toMatch(/\[triggers\]\s*crons = \[[^\]]*"0 6 \* \* \*"\]/);
    type Attention = {
      lastSweepAt: string | null;
      owners: { owner: string; findings: { subject: string; state: string; dueOn: string; kind: string }[] }[];
    };
    const soc2 = async () => {
      const body = (await (await call("/v1/attention?owner=Security%20GRC")).json()) as Attention;
      return body.owners.flatMap((o) => o.findings).filter((f) => f.subject === "soc2-type2-2026");
    };
    // Miniflare types the worker loosely without @cloudflare/workers-types: name the part used.
    const worker = (await mf.getWorker()) as unknown as {
      scheduled(options: { scheduledTime: Date; cron: string }): Promise<unknown>;
    };
    // 61 days before the report stops being current: nothing to say yet.
    await worker.scheduled({ scheduledTime: new Date("2027-07-31T06:00:00Z"), cron: "0 6 * * *" });
    expect(await soc2()).toEqual([]);
    // 60 days before: recorded, for its owner.
    await worker.scheduled({ scheduledTime: new Date("2027-08-01T06:00:00Z"), cron: "0 6 * * *" });
    expect(await soc2()).toEqual([
      expect.objectContaining({ kind: "artifact.expiring", state: "expiring", dueOn: "2027-09-30" }),
    ]);
    // The day after: expired, and the earlier step resolved.
    await worker.scheduled({ scheduledTime: new Date("2027-10-01T06:00:00Z"), cron: "0 6 * * *" });
    expect((await soc2()).map((f) => f.state)).toEqual(["expired"]);
  }, 120_000);

  it("invites a person who accepts and signs in, on D1; SSO refuses a non-https issuer", async () => {
    const invited = await call("/v1/invitations", {
      method: "POST",
      body: { email: "worker-invitee@vendor.example", role: "reviewer" },
    });
    expect(invited.status).toBe(201);
    const { token, link } = (await invited.json()) as { token: string; link: string };
    expect(link).toBe(`http://quire.test/app/invite#token=${token}`);
    const accept = () =>
      mf.dispatchFetch("http://quire.test/v1/invitations/accept", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, name: "Wren", password: "correct horse battery" }),
      });
    const accepted = await accept();
    expect(accepted.status).toBe(201);
    const session = (await accepted.json()) as { token: string; user: { role: string } };
    expect(session.user.role).toBe("reviewer");
    const me = await mf.dispatchFetch("http://quire.test/v1/me", {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe("worker-invitee@vendor.example");
    expect(((await (await accept()).json()) as { code: string }).code).toBe("invitation_used");
    const sso = await call("/v1/sso", {
      method: "PUT",
      body: {
        issuer: "http://127.0.0.1:9",
        clientId: "c",
        clientSecret: "s",
        allowedDomains: ["vendor.example"],
        defaultRole: "viewer",
      },
    });
    expect(sso.status).toBe(400);
    expect(((await sso.json()) as { code: string }).code).toBe("sso_issuer_forbidden");
  });

  // Last: it leaves this client address limited. With an app built per request the limiter was new
  // on every request and never limited anything on Workers.
  it("limits failed API keys across requests: the app and its limiter live as long as the isolate", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await mf.dispatchFetch("http://quire.test/v1/customers", {
        headers: { authorization: "Bearer qk_guess", "cf-connecting-ip": "203.0.113.9" },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toContain(429);
  });
});
