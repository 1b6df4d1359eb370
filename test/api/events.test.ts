import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

interface Progress {
  questionnaireId: string;
  status: string;
  questions: number | null;
  saved: number;
  counts: Record<string, number>;
}
interface Sse {
  event: string;
  id?: string;
  data: string;
}

/** Reads server-sent events from a streaming response as they arrive (the parser EventSource has). */
function events(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const seen: Sse[] = [];
  const comments: string[] = [];
  async function next(): Promise<Sse> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const e: Sse = { event: "message", data: "" };
        let any = false;
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) comments.push(line);
          else if (line.startsWith("event: ")) {
            e.event = line.slice(7);
            any = true;
          } else if (line.startsWith("id: ")) e.id = line.slice(4);
          else if (line.startsWith("data: ")) {
            e.data += line.slice(6);
            any = true;
          }
        }
        if (any) {
          seen.push(e);
          return e;
        }
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  }
  /** The next progress event that satisfies `ok`. */
  async function until(ok: (p: Progress) => boolean): Promise<Progress> {
    for (;;) {
      const e = await next();
      if (e.event !== "progress") continue;
      const p = JSON.parse(e.data) as Progress;
      if (ok(p)) return p;
    }
  }
  return { next, until, seen, comments, cancel: () => reader.cancel() };
}

describe("live progress and counts over server-sent events", () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;
  let qn = "";

  beforeAll(async () => {
    h = await harness({ deps: { events: { intervalMs: 40, heartbeatMs: 150, maxMs: 30_000 } } });
    a = await h.tenant("Vendor A");
    b = await h.tenant("Vendor B");
  });
  afterAll(() => h.close());

  const open = (id: string, key: string | null, signal?: AbortSignal) =>
    h.app.request(`/v1/questionnaires/${id}/events`, {
      headers: key ? { authorization: `Bearer ${key}`, accept: "text/event-stream" } : {},
      ...(signal && { signal }),
    });

  it("follows a questionnaire from queued to drafted, then each review action, as it happens", async () => {
    const customer = await h.call("POST", "/v1/customers", {
      key: a.adminKey,
      json: { name: "Initech", region: "us" },
    });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/caiq-like.xlsx"), "caiq-like.xlsx", { customerId: customer.body.id }),
    });
    qn = up.body.id;
    const abort = new AbortController();
    const res = await open(qn, a.adminKey, abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const stream = events(res);

    // The first event comes at once, wherever the job runner has got to.
    const first = await stream.until(() => true);
    expect(first.questionnaireId).toBe(qn);
    expect(["queued", "processing", "drafted"]).toContain(first.status);

    await h.jobs.drain();
    const drafted = await stream.until((p) => p.status === "drafted");
    expect(drafted.questions).toBe(36);
    expect(drafted.saved).toBe(36);
    const sum = Object.values(drafted.counts).reduce((x, y) => x + y, 0);
    expect(sum).toBe(36);

    // Another reviewer approves: the open stream sees the counts move without being asked.
    const list = await h.call("GET", `/v1/questionnaires/${qn}/answers?status=drafted&limit=1`, { key: a.adminKey });
    expect((await h.call("POST", `/v1/answers/${list.body.data[0].id}/approve`, { key: a.adminKey })).status).toBe(200);
    const approved = await stream.until((p) => p.counts.approved === 1);
    expect(approved.counts.drafted).toBe((drafted.counts.drafted as number) - 1);
    expect(approved.status).toBe("in_review");

    // Only changes are sent; in between, keep-alive comments hold the connection.
    const ids = stream.seen.filter((e) => e.event === "progress").map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    await new Promise((r) => setTimeout(r, 400));
    const kept = stream.next().catch(() => null);
    await new Promise((r) => setTimeout(r, 50));
    expect(stream.comments.some((c) => c.startsWith(": keep-alive"))).toBe(true);
    abort.abort();
    await stream.cancel().catch(() => undefined);
    await kept;
  });

  it("ends with an end event after the longest allowed time (clients reconnect)", async () => {
    const short = await harness({ deps: { events: { intervalMs: 20, heartbeatMs: 1_000, maxMs: 150 } } });
    try {
      const t = await short.tenant("Vendor C");
      const c = await short.call("POST", "/v1/customers", { key: t.adminKey, json: { name: "X", region: "eu" } });
      const up = await short.call("POST", "/v1/questionnaires", {
        key: t.adminKey,
        form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { customerId: c.body.id }),
      });
      await short.jobs.drain();
      const res = await short.app.request(`/v1/questionnaires/${up.body.id}/events`, {
        headers: { authorization: `Bearer ${t.adminKey}` },
      });
      const text = await res.text();
      expect(text).toMatch(/^event: progress\n/);
      expect(text).toMatch(/event: end\ndata: \{\}\n\n$/);
      expect(text).toContain("retry: 2000");
    } finally {
      await short.close();
    }
  });

  it("is tenant-scoped and authenticated: 404 and 401 problems, never a stream", async () => {
    const other = await open(qn, b.adminKey);
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    expect(((await other.json()) as { code: string }).code).toBe("not_found");
    const anonymous = await open(qn, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    const noScope = await a.key(["library:read"]);
    const forbidden = await open(qn, noScope.key);
    expect(forbidden.status).toBe(403);
  });
});
