import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestFingerprint } from "../../src/api/middleware/request-fingerprint.js";
import { idempotencyKeys } from "../../src/db/schema/index.js";
import { releaseAbandonedClaims } from "../../src/services/idempotency/store.js";
import { classifyAddress } from "../../src/services/webhooks/ssrf.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/**
 * The defects the hostile trial found, each reproduced over HTTP against the real app (SQLite file,
 * durable job runner). Every test here failed before the fix it names.
 */
const CSV = readFileSync("fixtures/simple.csv");

/** Encodes a multipart body once, so a test can send the very same bytes (or a fresh boundary) again. */
async function encoded(form: FormData) {
  const request = new Request("http://x/", { method: "POST", body: form });
  return {
    body: new Uint8Array(await request.arrayBuffer()),
    contentType: request.headers.get("content-type") as string,
  };
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  return { server, port: (server.address() as AddressInfo).port };
}

describe("exports of any file name (defect 3)", () => {
  let h: Harness;
  let a: Tenant;
  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("A");
  });
  afterAll(() => h.close());

  const uploadAs = async (name: string) => {
    const customer = await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "Buyer", region: "eu" } });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(CSV, name, { customerId: customer.body.id }),
    });
    await h.jobs.drain();
    return up.body.id as string;
  };
  const auditActions = async (subject: string) =>
    (await h.call("GET", "/v1/audit?limit=500", { key: a.adminKey })).body.data
      .filter(
        (r: { subject: string; details: { questionnaireId?: string } }) =>
          r.subject === subject || r.details?.questionnaireId === subject,
      )
      .map((r: { action: string }) => r.action);

  it("serves a non-Latin-1 name with RFC 6266 filename* (it was a 500 for every format)", async () => {
    const id = await uploadAs("Fragebogen_日本_✓.csv");
    for (const format of ["original", "csv", "json"]) {
      const res = await h.call("GET", `/v1/questionnaires/${id}/export?format=${format}&include=drafts`, {
        key: a.adminKey,
      });
      expect(res.status, format).toBe(200);
      const disposition = res.headers.get("content-disposition") as string;
      expect(disposition).toMatch(
        /^attachment; filename="Fragebogen_____[^"]*"; filename\*=UTF-8''Fragebogen_%E6%97%A5%E6%9C%AC_%E2%9C%93\./,
      );
    }
    expect((await auditActions(id)).filter((x: string) => x === "questionnaire.export")).toHaveLength(3);
  });

  it("never echoes a path from the upload's name", async () => {
    const id = await uploadAs("../../etc/evil name.csv");
    const shown = await h.call("GET", `/v1/questionnaires/${id}`, { key: a.adminKey });
    expect(shown.body.fileName).toBe("evil name.csv");
    const res = await h.call("GET", `/v1/questionnaires/${id}/export?format=csv&include=drafts`, { key: a.adminKey });
    expect(res.headers.get("content-disposition")).not.toContain("..");
    expect(res.headers.get("content-disposition")).not.toContain("/");
  });

  it("audits nothing for a download that was not produced", async () => {
    const id = await uploadAs("not-approved.csv");
    // Approved answers only, none approved: the original has nothing to fill yet — but a refused
    // export (here: the file is gone) must leave no export or citation rows behind.
    const row = (await h.call("GET", `/v1/questionnaires/${id}`, { key: a.adminKey })).body;
    expect(row.status).toBe("drafted");
    await h.deps.blobs.delete(`${a.id}/${id}/original`);
    const res = await h.call("GET", `/v1/questionnaires/${id}/export`, { key: a.adminKey });
    expect(res.status).toBe(410);
    const actions = await auditActions(id);
    expect(actions).not.toContain("questionnaire.export");
    expect(actions).not.toContain("artifact.cite");
  });
});

describe("Idempotency-Key on uploads (defects 2 and 5)", () => {
  let h: Harness;
  let a: Tenant;
  let customerId: string;
  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("A");
    customerId = (await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "B", region: "us" } })).body
      .id;
  });
  afterAll(() => h.close());

  const send = (body: Uint8Array, contentType: string, key: string) =>
    h.app.request("/v1/questionnaires", {
      method: "POST",
      headers: { authorization: `Bearer ${a.adminKey}`, "content-type": contentType, "idempotency-key": key },
      body: body as Uint8Array<ArrayBuffer>,
    });

  it("treats a client's retry with a new multipart boundary as the same request (it was 422)", async () => {
    const first = await encoded(fileForm(CSV, "simple.csv", { customerId }));
    const retry = await encoded(fileForm(CSV, "simple.csv", { customerId }));
    expect(first.contentType).not.toBe(retry.contentType); // different boundaries
    const r1 = await send(first.body, first.contentType, "retry-boundary");
    const r2 = await send(retry.body, retry.contentType, "retry-boundary");
    expect(r1.status).toBe(202);
    expect(r2.status).toBe(202);
    expect(r2.headers.get("idempotent-replayed")).toBe("true");
    expect(((await r2.json()) as { id: string }).id).toBe(((await r1.json()) as { id: string }).id);
    // Another file under the same key is still another request.
    const other = await encoded(
      fileForm(new TextEncoder().encode("Question\nDo you encrypt backups?\n"), "simple.csv", { customerId }),
    );
    expect((await send(other.body, other.contentType, "retry-boundary")).status).toBe(422);
  });

  it("takes over a claim its crashed request left unfinished (it answered 409 for 24 h)", async () => {
    const form = await encoded(fileForm(CSV, "simple.csv", { customerId }));
    // What a kill -9 mid-request leaves: a claim with no response, held by a process that is gone.
    await h.db.insert(idempotencyKeys).values({
      tenantId: a.id,
      key: "crashed-mid-request",
      method: "POST",
      path: "/v1/questionnaires",
      bodyHash: await requestFingerprint({
        query: "",
        contentType: form.contentType,
        body: form.body.buffer as ArrayBuffer,
      }),
      status: null,
      responseBody: null,
      contentType: null,
      owner: "node:gone:999999:dead",
      lockedUntil: new Date(Date.now() + 60_000).toISOString(),
      createdAt: new Date().toISOString(),
    });
    expect((await send(form.body, form.contentType, "crashed-mid-request")).status).toBe(409);
    // The restarted runtime releases claims of processes that are gone.
    expect(await releaseAbandonedClaims(h.deps, (owner) => owner === "node:gone:999999:dead")).toBe(1);
    expect((await send(form.body, form.contentType, "crashed-mid-request")).status).toBe(202);
  });

  it("returns the questionnaire a crashed first attempt created instead of creating a second", async () => {
    const form = await encoded(fileForm(CSV, "simple.csv", { customerId }));
    const first = await send(form.body, form.contentType, "created-then-crashed");
    const id = ((await first.json()) as { id: string }).id;
    // The response was never recorded (the process died before): the claim is gone on restart.
    await h.db.delete(idempotencyKeys);
    const again = await send(form.body, form.contentType, "created-then-crashed");
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: string }).id).toBe(id);
  });
});

describe("input validation (smaller defects)", () => {
  let h: Harness;
  let a: Tenant;
  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("A");
  });
  afterAll(() => h.close());

  it.each(["2026-02-31", "9999-99-99", "2026-13-01", "2025-02-29"])("refuses the impossible date %s", async (asOf) => {
    const sync = await h.call("POST", "/v1/answer", { key: a.adminKey, form: fileForm(CSV, "simple.csv", { asOf }) });
    expect(sync.status).toBe(400);
    expect(sync.body.errors.map((e: { field: string }) => e.field)).toContain("asOf");
    const customer = await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "D", region: "eu" } });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(CSV, "simple.csv", { customerId: customer.body.id, asOf }),
    });
    expect(up.status).toBe(400);
  });

  it("accepts a real leap day", async () => {
    const sync = await h.call("POST", "/v1/answer", {
      key: a.adminKey,
      form: fileForm(CSV, "simple.csv", { asOf: "2028-02-29" }),
    });
    expect(sync.status).toBe(200);
    expect(sync.body.customer.asOf).toBe("2028-02-29");
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "answers 404, not 500, for /app/assets/%s",
    async (name) => {
      const res = await h.call("GET", `/app/assets/${name}`);
      expect(res.status).toBe(404);
    },
  );

  it("points a file over the synchronous ceiling to the background route", async () => {
    const small = await harness({ deps: { syncAnswer: { maxBytes: 100 } } });
    try {
      const t = await small.tenant("S");
      const res = await small.call("POST", "/v1/answer", { key: t.adminKey, form: fileForm(CSV, "simple.csv", {}) });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe("sync_too_large");
      expect(res.body.detail).toContain("POST /v1/questionnaires");
    } finally {
      await small.close();
    }
  });
});

describe("limits per tenant and per client", () => {
  it("slows a client down after too many invalid keys (2,405 failures/s were accepted)", async () => {
    const h = await harness({ deps: { authFailures: { burst: 5, perSecond: 0.5 } } });
    try {
      const a = await h.tenant("A");
      const wrong = "qk_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
      for (let i = 0; i < 5; i++) expect((await h.call("GET", "/v1/customers", { key: wrong })).status).toBe(401);
      const blocked = await h.call("GET", "/v1/customers", { key: wrong });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe("too_many_failed_keys");
      expect(blocked.headers.get("content-type")).toContain("application/problem+json");
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Even the right key waits: the address is what is slowed, not the key.
      expect((await h.call("GET", "/v1/customers", { key: a.adminKey })).status).toBe(429);
    } finally {
      await h.close();
    }
  });

  it("limits a tenant's uploads per minute and in flight, with Retry-After; other tenants are unaffected", async () => {
    const h = await harness({ deps: { limits: { uploadsPerMinute: 3, uploadsInFlight: 100 } } });
    try {
      const a = await h.tenant("A");
      const b = await h.tenant("B");
      const customer = async (t: Tenant) =>
        (await h.call("POST", "/v1/customers", { key: t.adminKey, json: { name: "C", region: "eu" } })).body.id;
      const [ca, cb] = [await customer(a), await customer(b)];
      for (let i = 0; i < 3; i++) {
        const ok = await h.call("POST", "/v1/questionnaires", {
          key: a.adminKey,
          form: fileForm(CSV, "s.csv", { customerId: ca }),
        });
        expect(ok.status).toBe(202);
      }
      const refused = await h.call("POST", "/v1/questionnaires", {
        key: a.adminKey,
        form: fileForm(CSV, "s.csv", { customerId: ca }),
      });
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe("too_many_uploads");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const sync = await h.call("POST", "/v1/answer", { key: a.adminKey, form: fileForm(CSV, "s.csv", {}) });
      expect(sync.status).toBe(429);
      const other = await h.call("POST", "/v1/questionnaires", {
        key: b.adminKey,
        form: fileForm(CSV, "s.csv", { customerId: cb }),
      });
      expect(other.status).toBe(202);
      await h.jobs.drain();
    } finally {
      await h.close();
    }
    const inFlight = await harness({ deps: { limits: { uploadsPerMinute: 100, uploadsInFlight: 1 } } });
    try {
      const a = await inFlight.tenant("A");
      const ca = (await inFlight.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "C", region: "eu" } }))
        .body.id;
      // Hold the job runner so the first upload stays queued.
      await inFlight.jobs.stop(0);
      expect(
        (
          await inFlight.call("POST", "/v1/questionnaires", {
            key: a.adminKey,
            form: fileForm(CSV, "s.csv", { customerId: ca }),
          })
        ).status,
      ).toBe(202);
      const second = await inFlight.call("POST", "/v1/questionnaires", {
        key: a.adminKey,
        form: fileForm(CSV, "s.csv", { customerId: ca }),
      });
      expect(second.status).toBe(429);
      expect(second.body.code).toBe("too_many_in_flight");
    } finally {
      await inFlight.close();
    }
  });
});

describe("webhooks (defect 4)", () => {
  it("a receiver that never answers holds up no processing: the next upload is drafted while it hangs", async () => {
    const held: ServerResponse[] = [];
    const { server, port } = await listen((_req, res) => void held.push(res));
    const h = await harness({ deps: { webhooks: { retryDelaysMs: [], timeoutMs: 30_000, allowLoopback: true } } });
    try {
      const a = await h.tenant("A");
      await h.call("POST", "/v1/webhooks", {
        key: a.adminKey,
        json: { url: `http://127.0.0.1:${port}/slow`, events: ["questionnaire.drafted"] },
      });
      const customerId = (await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "C", region: "eu" } }))
        .body.id;
      const first = await h.call("POST", "/v1/questionnaires", {
        key: a.adminKey,
        form: fileForm(CSV, "1.csv", { customerId }),
      });
      for (let i = 0; i < 1000 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      const second = await h.call("POST", "/v1/questionnaires", {
        key: a.adminKey,
        form: fileForm(CSV, "2.csv", { customerId }),
      });
      let status = "queued";
      for (let i = 0; i < 200 && status !== "drafted"; i++) {
        await new Promise((r) => setTimeout(r, 25));
        status = (await h.call("GET", `/v1/questionnaires/${second.body.id}`, { key: a.adminKey })).body.status;
      }
      expect(status).toBe("drafted");
      expect((await h.call("GET", `/v1/questionnaires/${first.body.id}`, { key: a.adminKey })).body.status).toBe(
        "drafted",
      );
      // The first delivery is still being held by the receiver.
      expect(held.some((r) => !r.writableEnded)).toBe(true);
    } finally {
      await h.close();
      for (const r of held) r.destroy();
      // Deliveries that arrived after the destroy above must not keep close() waiting.
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });

  it("connects to the address that was checked, not to a second DNS answer (pinned)", async () => {
    const seen: { host: string | undefined }[] = [];
    const { server, port } = await listen((req, res) => {
      seen.push({ host: req.headers.host });
      res.writeHead(204).end();
    });
    // The checked answer for this name is 127.0.0.1; the system resolver does not know the name at
    // all, so a delivery that resolved it again (fetch by URL) could not connect anywhere.
    const resolveHost = async (name: string) => (name === "hooks.quire-test.invalid" ? ["127.0.0.1"] : []);
    const h = await harness({ deps: { resolveHost } });
    try {
      const a = await h.tenant("A");
      const url = `http://hooks.quire-test.invalid:${port}/in`;
      expect(
        (await h.call("POST", "/v1/webhooks", { key: a.adminKey, json: { url, events: ["questionnaire.drafted"] } }))
          .status,
      ).toBe(201);
      const customerId = (await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "C", region: "eu" } }))
        .body.id;
      await h.call("POST", "/v1/questionnaires", { key: a.adminKey, form: fileForm(CSV, "1.csv", { customerId }) });
      await h.jobs.drain();
      expect(seen).toEqual([{ host: `hooks.quire-test.invalid:${port}` }]);
    } finally {
      await h.close();
      await new Promise((done) => server.close(done));
    }
  });

  it.each([
    ["64:ff9b::a00:1", "translated"],
    ["64:ff9b:1::a00:1", "translated"],
    ["2002:a00:1::1", "translated"],
    ["2001:0:a00:1::1", "translated"],
    ["198.18.0.1", "reserved"],
    ["198.19.255.254", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.10", "reserved"],
    ["240.0.0.1", "reserved"],
    ["::ffff:10.0.0.1", "private"],
    ["::10.0.0.1", "private"],
  ])("classifies %s as %s and refuses it as a webhook address", async (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
    const strict = await harness({ deps: { webhooks: { retryDelaysMs: [], timeoutMs: 1000, allowLoopback: false } } });
    try {
      const t = await strict.tenant("T");
      const host = address.includes(":") ? `[${address}]` : address;
      const res = await strict.call("POST", "/v1/webhooks", {
        key: t.adminKey,
        json: { url: `http://${host}/hook`, events: ["questionnaire.drafted"] },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("webhook_url_forbidden");
    } finally {
      await strict.close();
    }
  });
});
