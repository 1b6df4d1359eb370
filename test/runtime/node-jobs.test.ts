import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bigQuestionnaireCsv } from "../../scripts/fixtures/big-csv.js";
import { startNodeServer } from "../../src/runtime/node.js";

/**
 * The Node runtime's job threads, in the real server: questionnaires are parsed and matched off
 * the event loop, a job over its memory or time fails alone with a reason, and the server (and
 * the next job) carry on.
 */
type Server = Awaited<ReturnType<typeof startNodeServer>>;
let running: { server: Server; dir: string } | null = null;

async function start(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "quire-node-jobs-"));
  const server = await startNodeServer(
    { PORT: "0", QUIRE_DB: join(dir, "quire.db"), QUIRE_LIBRARY: "answer-library", QUIRE_JOB_THREADS: "1", ...env },
    { log: false },
  );
  running = { server, dir };
  const base = `http://127.0.0.1:${server.port}`;
  const auth = { authorization: `Bearer ${server.demoKey}` };
  const customerId = (
    (await (
      await fetch(`${base}/v1/customers`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ name: "Buyer", region: "eu" }),
      })
    ).json()) as { id: string }
  ).id;
  const uploadFile = async (bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
    form.append("customerId", customerId);
    const res = await fetch(`${base}/v1/questionnaires`, { method: "POST", headers: auth, body: form });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  const get = async (id: string) =>
    (await (await fetch(`${base}/v1/questionnaires/${id}`, { headers: auth })).json()) as {
      status: string;
      failure: { code: string; message: string } | null;
    };
  const settled = async (id: string) => {
    for (let i = 0; i < 1200; i++) {
      const q = await get(id);
      if (q.status !== "queued" && q.status !== "processing") return q;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`questionnaire ${id} did not finish`);
  };
  return { base, server, uploadFile, get, settled };
}

afterEach(async () => {
  if (!running) return;
  await running.server.stop();
  rmSync(running.dir, { recursive: true, force: true });
  running = null;
});

describe("Node job threads", () => {
  it("answers /health while a large questionnaire is being processed (the event loop froze for the whole job)", async () => {
    const q = await start();
    const id = await q.uploadFile(bigQuestionnaireCsv(3000), "big.csv");
    for (let i = 0; i < 1200 && (await q.get(id)).status === "queued"; i++) await new Promise((r) => setTimeout(r, 25));
    const health = await fetch(`${q.base}/health`);
    expect(health.status).toBe(200);
    // /health answered before the work was done: the work is not on this thread.
    expect((await q.get(id)).status).toBe("processing");
    expect((await q.settled(id)).status).toBe("drafted");
  }, 240_000);

  it("fails a job that needs more memory than a job may use, and carries on", async () => {
    const q = await start({ QUIRE_JOB_HEAP_MB: "64" });
    const id = await q.uploadFile(bigQuestionnaireCsv(20_000), "huge.csv");
    const failed = await q.settled(id);
    expect(failed.status).toBe("failed");
    expect(failed.failure?.code).toBe("job_memory_exceeded");
    const next = await q.uploadFile(readFileSync("fixtures/simple.csv"), "simple.csv");
    expect((await q.settled(next)).status).toBe("drafted");
  }, 300_000);

  it("stops a job that runs over its time, and carries on", async () => {
    const q = await start({ QUIRE_JOB_TIMEOUT_MS: "400" });
    const id = await q.uploadFile(bigQuestionnaireCsv(20_000), "slow.csv");
    const failed = await q.settled(id);
    expect(failed.status).toBe("failed");
    expect(failed.failure?.code).toBe("processing_timeout");
    expect(failed.failure?.message).toMatch(/split the questionnaire/);
    expect((await fetch(`${q.base}/health`)).status).toBe(200);
  }, 300_000);
});
