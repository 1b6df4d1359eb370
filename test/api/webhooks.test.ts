import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress } from "../../src/services/webhooks/ssrf.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  answered: number;
}

/** An independent Standard Webhooks verifier (node:crypto), not the code under test. */
function verify(secret: string, headers: Received["headers"], body: string): boolean {
  const id = String(headers["webhook-id"]);
  const timestamp = String(headers["webhook-timestamp"]);
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((sig) => {
      const [version, value] = sig.split(",");
      const got = Buffer.from(value ?? "", "base64");
      return version === "v1" && got.length === expected.length && timingSafeEqual(got, expected);
    });
}

describe("webhooks", () => {
  let h: Harness;
  let a: Tenant;
  let receiver: Server;
  let url: string;
  const received: Received[] = [];

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("A");
    // Fails the first two attempts of every message, then accepts.
    const attempts = new Map<string, number>();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const id = String(req.headers["webhook-id"]);
        const n = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, n);
        // The sweep's receiver (?sweep) accepts at once: its test judges a frozen day, where no retry falls due.
        const status = n <= 2 && !req.url?.includes("?sweep") ? 503 : 204;
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), answered: status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((ready) => receiver.listen(0, "127.0.0.1", ready));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/quire`;
  });
  afterAll(async () => {
    await h.close();
    await new Promise((done) => receiver.close(done));
  });

  it("signs questionnaire.drafted the Standard Webhooks way and retries until the receiver accepts", async () => {
    const created = await h.call("POST", "/v1/webhooks", {
      key: a.adminKey,
      json: { url, events: ["questionnaire.drafted", "questionnaire.failed", "questionnaire.approved"] },
    });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const shown = await h.call("GET", `/v1/webhooks/${created.body.id}`, { key: a.adminKey });
    expect(shown.body.secret).toBeUndefined();

    const customer = await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "B", region: "us" } });
    const upload = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { customerId: customer.body.id }),
    });
    await h.jobs.drain();

    const drafted = received.filter((r) => JSON.parse(r.body).type === "questionnaire.drafted");
    expect(drafted.map((r) => r.answered)).toEqual([503, 503, 204]);
    // One message: the same id and body on every attempt, each correctly signed.
    expect(new Set(drafted.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(drafted.map((r) => r.body)).size).toBe(1);
    for (const r of drafted) {
      expect(verify(secret, r.headers, r.body)).toBe(true);
      expect(Math.abs(Number(r.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(verify(secret, drafted[0]?.headers ?? {}, `${drafted[0]?.body} `)).toBe(false);
    const payload = JSON.parse(drafted[0]?.body ?? "{}");
    expect(payload.data).toMatchObject({ questionnaireId: upload.body.id, status: "drafted" });

    const log = await h.call("GET", `/v1/webhooks/${created.body.id}/deliveries`, { key: a.adminKey });
    const entry = log.body.data.find((d: { eventType: string }) => d.eventType === "questionnaire.drafted");
    expect(entry).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 204, nextAttemptAt: null });
  });

  it("sends questionnaire.failed and questionnaire.approved", async () => {
    const customer = await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "C", region: "eu" } });
    await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/bad/no-question-column.csv"), "uptime.csv", {
        customerId: customer.body.id,
      }),
    });
    const ok = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { customerId: customer.body.id }),
    });
    await h.jobs.drain();
    await h.call("POST", `/v1/questionnaires/${ok.body.id}/answers/bulk-approve`, {
      key: a.adminKey,
      json: { minConfidence: 0, statuses: ["drafted", "needs_review"] },
    });
    await h.jobs.drain();
    const types = received.filter((r) => r.answered === 204).map((r) => JSON.parse(r.body));
    const failed = types.find((t) => t.type === "questionnaire.failed");
    expect(failed?.data.failure.code).toEqual(expect.any(String));
    expect(types.find((t) => t.type === "questionnaire.approved")?.data.questionnaireId).toBe(ok.body.id);
  });

  it("sends the freshness sweep's events, signed, each finding once", async () => {
    // Judged on 2027-08-01: the SOC 2 report stops being current in 60 days, entries fall due.
    const h3 = await harness({ deps: { clock: { now: () => new Date("2027-08-01T06:00:00Z") } } });
    try {
      const t = await h3.tenant("T");
      const hook = await h3.call("POST", "/v1/webhooks", {
        key: t.adminKey,
        json: { url: `${url}?sweep`, events: ["artifact.expiring", "entry.review_due", "answer.stale"] },
      });
      const customer = await h3.call("POST", "/v1/customers", { key: t.adminKey, json: { name: "E", region: "us" } });
      await h3.call("POST", "/v1/questionnaires", {
        key: t.adminKey,
        form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", {
          customerId: customer.body.id,
          asOf: "2026-11-24",
        }),
      });
      await h3.jobs.drain();
      const before = received.length;
      const sweep = await h3.call("POST", "/v1/attention/sweep", { key: t.adminKey, json: {} });
      expect(sweep.status).toBe(200);
      expect(sweep.body).toMatchObject({ asOf: "2027-08-01", opened: sweep.body.findings });
      await h3.jobs.drain();
      const sent = received.slice(before).filter((r) => r.answered === 204);
      const events = sent.map((r) => JSON.parse(r.body));
      expect(new Set(events.map((e) => e.type))).toEqual(
        new Set(["artifact.expiring", "entry.review_due", "answer.stale"]),
      );
      for (const r of sent) expect(verify(hook.body.secret, r.headers, r.body)).toBe(true);
      const soc2 = events.find((e) => e.type === "artifact.expiring" && e.data.subject === "soc2-type2-2026");
      expect(soc2?.data).toMatchObject({ state: "expiring", dueOn: "2027-09-30", owner: "Security GRC", step: "60" });
      expect(events.find((e) => e.type === "answer.stale")?.data.answers.length).toBeGreaterThan(0);

      // The same day again: nothing new to announce.
      const again = await h3.call("POST", "/v1/attention/sweep", { key: t.adminKey, json: {} });
      expect(again.body.opened).toBe(0);
      await h3.jobs.drain();
      expect(received.length - before).toBe(sent.length);
    } finally {
      await h3.close();
    }
  });

  it("gives up after the last retry and logs the failure", async () => {
    const h2 = await harness({ deps: { webhooks: { retryDelaysMs: [10], timeoutMs: 1_000, allowLoopback: true } } });
    try {
      const t = await h2.tenant("T");
      const hook = await h2.call("POST", "/v1/webhooks", {
        key: t.adminKey,
        json: { url: `${url}?always-new`, events: ["questionnaire.failed"] },
      });
      const customer = await h2.call("POST", "/v1/customers", { key: t.adminKey, json: { name: "D", region: "us" } });
      await h2.call("POST", "/v1/questionnaires", {
        key: t.adminKey,
        form: fileForm(new TextEncoder().encode("month,uptime\njan,99.9\n"), "x.csv", { customerId: customer.body.id }),
      });
      await h2.jobs.drain();
      const log = await h2.call("GET", `/v1/webhooks/${hook.body.id}/deliveries`, { key: t.adminKey });
      expect(log.body.data[0]).toMatchObject({ status: "failed", attempts: 2, lastStatusCode: 503 });
      expect(log.body.data[0].lastError).toContain("503");
    } finally {
      await h2.close();
    }
  });

  it.each([
    ["http://10.0.0.8/hook", "private"],
    ["http://192.168.1.1/hook", "private"],
    ["http://172.20.0.1/hook", "private"],
    ["http://169.254.169.254/latest/meta-data", "metadata"],
    ["http://169.254.10.1/", "link-local"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://[::1]/", "loopback"],
    ["http://[::ffff:10.0.0.1]/", "private"],
    ["http://[fd00:ec2::254]/", "metadata"],
    ["http://[fe80::1]/", "link-local"],
    ["http://[fc00::1]/", "private"],
    ["http://localhost:8080/", "loopback"],
  ])("refuses %s (%s)", async (target, kind) => {
    const h2 = await harness({ deps: { webhooks: { retryDelaysMs: [], timeoutMs: 1_000, allowLoopback: false } } });
    try {
      const t = await h2.tenant("T");
      const res = await h2.call("POST", "/v1/webhooks", {
        key: t.adminKey,
        json: { url: target, events: ["questionnaire.drafted"] },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("webhook_url_forbidden");
      expect(res.body.detail).toContain(kind);
    } finally {
      await h2.close();
    }
  });

  it("refuses loopback unless the test-only setting allows it, and non-http schemes always", async () => {
    const strict = await harness({ deps: { webhooks: { retryDelaysMs: [], timeoutMs: 1_000, allowLoopback: false } } });
    try {
      const t = await strict.tenant("T");
      const res = await strict.call("POST", "/v1/webhooks", {
        key: t.adminKey,
        json: { url, events: ["questionnaire.drafted"] },
      });
      expect(res.body.code).toBe("webhook_url_forbidden");
      const ftp = await strict.call("POST", "/v1/webhooks", {
        key: t.adminKey,
        json: { url: "ftp://example.com/x", events: ["questionnaire.drafted"] },
      });
      expect(ftp.body.code).toBe("invalid_webhook_url");
      const creds = await strict.call("POST", "/v1/webhooks", {
        key: t.adminKey,
        json: { url: "https://user:pw@example.com/x", events: ["questionnaire.drafted"] },
      });
      expect(creds.body.code).toBe("invalid_webhook_url");
    } finally {
      await strict.close();
    }
  });

  it("classifies addresses", () => {
    expect(classifyAddress("8.8.8.8")).toBe("public");
    expect(classifyAddress("2606:4700::1111")).toBe("public");
    expect(classifyAddress("127.8.0.1")).toBe("loopback");
    expect(classifyAddress("::ffff:169.254.169.254")).toBe("metadata");
    expect(classifyAddress("100.64.0.1")).toBe("private");
    expect(classifyAddress("example.com")).toBeNull();
  });
});
