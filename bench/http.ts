/**
 * HTTP load: the real Node server (a child process, so the load generator does not share its
 * event loop) on a temp SQLite file, seeded with the demo tenant; a fixture questionnaire is
 * uploaded and drafted, then autocannon runs 10 s with 20 connections on loopback against
 *   GET  /v1/questionnaires/:id/answers   (36 answers with citations, the review screen's call)
 *   POST /v1/match                        (one question drafted from the library)
 *   GET  /v1/questionnaires/:id/answers   again, while a reviewer edits an answer 10 times a
 *                                         second (each edit empties the page cache, issue 13)
 * Target: >= 1,000 req/s with p99 < 50 ms each (the answers list: >= 1,500 req/s, p99 < 30 ms),
 * and no non-2xx response.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface Measurement {
  name: string;
  value: number;
  unit: string;
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 20;

/** Starts `src/runtime/node.ts` on a free port and reads the port and the demo key from its output. */
async function startServer(dbPath: string): Promise<{ child: ChildProcess; base: string; key: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/runtime/node.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", QUIRE_DB: dbPath, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 30_000);
    child.once("exit", (code) => fail(new Error(`server exited with ${code}:\n${out}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const key = /^QUIRE_DEMO_KEY=(\S+)$/m.exec(out)?.[1];
      const base = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
      if (key && base) {
        clearTimeout(timer);
        ready({ child, base, key });
      }
    });
  });
}

async function prepare(base: string, key: string): Promise<string> {
  const auth = { authorization: `Bearer ${key}` };
  const customer = await fetch(`${base}/v1/customers`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ name: "Bench buyer", region: "eu", nda: { onFile: true } }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  const form = new FormData();
  form.append("file", new File([readFileSync(join(ROOT, "fixtures/caiq-like.xlsx"))], "caiq-like.xlsx"));
  form.append("customerId", customer.id);
  const created = await fetch(`${base}/v1/questionnaires`, { method: "POST", headers: auth, body: form }).then(
    (r) => r.json() as Promise<{ id: string }>,
  );
  for (let i = 0; i < 300; i++) {
    const q = await fetch(`${base}/v1/questionnaires/${created.id}`, { headers: auth }).then(
      (r) => r.json() as Promise<{ status: string }>,
    );
    if (q.status === "drafted") return created.id;
    if (q.status === "failed") throw new Error("the fixture questionnaire failed to process");
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the fixture questionnaire was not drafted in 30 s");
}

export async function benchHttp(): Promise<Measurement[]> {
  const autocannon = (await import("autocannon" as string)).default as Autocannon;
  const dir = mkdtempSync(join(tmpdir(), "quire-bench-http-"));
  const { child, base, key } = await startServer(join(dir, "quire.db"));
  try {
    const questionnaireId = await prepare(base, key);
    const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const page = (await fetch(`${base}/v1/questionnaires/${questionnaireId}/answers?limit=1`, { headers: auth }).then(
      (r) => r.json(),
    )) as { data: { id: string }[] };
    const edited = page.data[0]?.id as string;
    let edits = 0;
    let editsSaved = 0;
    /** One reviewer's edit every 100 ms while the list is read: every write empties the page cache. */
    const editing = () => {
      const timer = setInterval(() => {
        void fetch(`${base}/v1/answers/${edited}`, {
          method: "PATCH",
          headers: auth,
          body: JSON.stringify({ text: `Edited during the bench (${++edits}).` }),
        }).then(async (r) => {
          await r.arrayBuffer();
          if (r.ok) editsSaved++;
        });
      }, 100);
      return () => clearInterval(timer);
    };
    const targets: { name: string; method: string; path: string; body?: string; alongside?: () => () => void }[] = [
      {
        name: "GET /v1/questionnaires/:id/answers",
        method: "GET",
        path: `/v1/questionnaires/${questionnaireId}/answers`,
      },
      {
        name: "POST /v1/match",
        method: "POST",
        path: "/v1/match",
        body: JSON.stringify({
          question: "Is customer data encrypted at rest and in transit?",
          kind: "yes_no",
          region: "eu",
          nda: { onFile: true },
        }),
      },
      {
        name: "GET /v1/questionnaires/:id/answers, 10 edits/s",
        method: "GET",
        path: `/v1/questionnaires/${questionnaireId}/answers`,
        alongside: editing,
      },
    ];
    const out: Measurement[] = [];
    for (const t of targets) {
      // Warm up (JIT, prepared library cache) before measuring.
      await autocannon({
        url: `${base}${t.path}`,
        method: t.method,
        body: t.body,
        duration: 1,
        connections: CONNECTIONS,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      });
      const stop = t.alongside?.();
      // autocannon returns a thenable instance, not a Promise: no .finally.
      const r = await autocannon({
        url: `${base}${t.path}`,
        method: t.method,
        body: t.body,
        duration: DURATION_S,
        connections: CONNECTIONS,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      }).then(
        (result) => {
          stop?.();
          return result;
        },
        (error: unknown) => {
          stop?.();
          throw error;
        },
      );
      const line = `${t.name}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}`;
      console.log(t.alongside ? `${line}, ${editsSaved} edits saved meanwhile` : line);
      out.push(
        { name: `${t.name} throughput`, value: Math.round(r.requests.average), unit: "req/s" },
        { name: `${t.name} latency p50`, value: r.latency.p50, unit: "ms" },
        { name: `${t.name} latency p99`, value: r.latency.p99, unit: "ms" },
        { name: `${t.name} non-2xx + errors`, value: r.non2xx + r.errors + r.timeouts, unit: "responses" },
      );
    }
    return out;
  } finally {
    child.kill("SIGTERM");
    await new Promise((done) => child.once("exit", done));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === new URL(`file://${resolve(process.argv[1] ?? "")}`).href) {
  for (const m of await benchHttp()) console.log(`${m.name.padEnd(56)} ${String(m.value).padStart(12)} ${m.unit}`);
}
