/**
 * The Worker in workerd: the bundle `wrangler deploy` would upload (size), run in workerd through
 * Miniflare with local D1, R2 and Queues, timed for real uploads:
 *   - a 300-question workbook and a 60-question PDF through the synchronous POST /v1/answer
 *     (first call: the isolate loads SheetJS / pdf.js; then the median of three warm calls);
 *   - a 5,000-question workbook as a queued job (POST /v1/questionnaires, one queue invocation;
 *     BENCH_WORKER_SIZES=5000,10000 adds other sizes);
 *   - small requests (per-request cost of the app itself, built once per isolate).
 *
 * CPU is the workerd process's own (the sum of its threads' run time from /proc, in ns), so it also
 * counts what the platform does not bill to a Worker: the local D1 and R2 simulators (SQLite runs
 * inside workerd here) and Miniflare's routing. The figures are an upper bound on the Worker's CPU.
 * Wall is the client's view. Linux only (reads /proc).
 *
 *   npm run bench -- worker
 */
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Miniflare } from "miniflare";
import { FlowDocument } from "../scripts/fixtures/pdf-builder.js";
import { BUNDLE_BUDGET_GZIP_BYTES, buildWorkerBundle } from "../scripts/worker-bundle.js";
import { multipart, startWorker } from "../test/runtime/workerd.js";
import { buildBenchWorkbook } from "./ingest.js";

interface Measurement {
  name: string;
  value: number;
  unit: string;
}

/** The workerd process Miniflare started for this process. */
function workerdPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = /\(([^)]*)\)/.exec(stat)?.[1];
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (comm === "workerd" && ppid === process.pid) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error("no workerd child process found (this bench reads /proc: Linux only)");
}

/** The process's peak resident memory so far (VmHWM): workerd with its D1/R2 simulators, an upper bound. */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Math.round(Number(kb) / 1024);
}

/** CPU time of every thread of a process so far, in ns (first field of each task's schedstat). */
function cpuNs(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread ended while we looked.
    }
  }
  return total;
}

/** Question wordings that differ from one another (a page-edge line that repeats on most pages is a running header). */
const STARTS = [
  "Is",
  "Does the vendor confirm that",
  "Are",
  "Has the organisation shown that",
  "Can customers verify that",
];
const TOPICS = [
  "multi-factor authentication is enforced for administrative access to production systems",
  "customer data is encrypted at rest with keys held in a managed key service",
  "access to customer data is reviewed and re-approved at least quarterly",
  "the incident response plan is tested annually with lessons learned tracked to closure",
  "backups are restored and verified in a separate region at least once a year",
  "vulnerability scans run monthly with critical findings fixed within fourteen days",
  "security events are collected centrally and monitored around the clock",
  "sub-processors are assessed before onboarding and reviewed every year",
  "employees complete security awareness training including phishing simulations",
  "changes to production require peer review, approval and testing",
  "penetration tests are performed by an independent firm every year",
  "data is deleted within thirty days after the end of the contract",
  "privileged accounts are separate from everyday accounts",
];

/** Numbered questions in sections of ten over several pages, with a running header and page numbers. */
export function buildBenchPdf(questions = 60): Uint8Array {
  const doc = new FlowDocument({
    header: "Bench Corp – Vendor Security Assessment",
    footer: (p, total) => `Page ${p} of ${total}`,
  });
  doc.paragraph("Vendor Security Assessment", { font: "bold", size: 18 });
  const perSection = 10;
  for (let s = 0; s < questions / perSection; s++) {
    doc.heading(`${s + 1}. Domain ${s + 1}`, 12, 16);
    for (let i = 0; i < perSection; i++) {
      const n = s * perSection + i;
      doc.paragraph(`${STARTS[n % STARTS.length]} ${TOPICS[n % TOPICS.length]}?`, {
        label: `${s + 1}.${i + 1}`,
        labelFont: "bold",
        indent: 30,
        spaceBefore: 7,
        size: 11,
      });
    }
  }
  return doc.build();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;

/** What any request costs in this setup before the app runs: a Worker that only says "ok". */
async function floorPerRequest(n: number): Promise<{ cpuMs: number; wallMs: number }> {
  const mf = new Miniflare({ modules: true, script: 'export default { fetch() { return new Response("ok") } }' });
  try {
    await mf.dispatchFetch("http://quire.test/").then((r) => r.text());
    const pid = workerdPid();
    const c0 = cpuNs(pid);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await mf.dispatchFetch("http://quire.test/").then((r) => r.text());
    return { cpuMs: (cpuNs(pid) - c0) / 1e6 / n, wallMs: (performance.now() - t0) / n };
  } finally {
    await mf.dispose();
  }
}

export async function benchWorker(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  // BENCH_WORKER_ENTRY=path/to/other-worker.ts measures another entry point (e.g. an older worker.ts) the same way.
  const entry = process.env.BENCH_WORKER_ENTRY;
  const floor = await floorPerRequest(200);
  out.push({ name: "floor: a Worker that only answers ok, per request: CPU", value: round(floor.cpuMs), unit: "ms" });
  out.push({ name: "floor: a Worker that only answers ok, per request: wall", value: round(floor.wallMs), unit: "ms" });
  const { mf, key, bundle } = await startWorker(entry ? { bundle: await buildWorkerBundle(undefined, entry) } : {});
  try {
    out.push({ name: "bundle (wrangler deploy --dry-run), raw", value: round(bundle.rawBytes / 1024), unit: "KiB" });
    out.push({
      name: `bundle gzip (budget ${BUNDLE_BUDGET_GZIP_BYTES / 1024} KiB)`,
      value: round(bundle.gzipBytes / 1024),
      unit: "KiB",
    });
    const pid = workerdPid();
    const auth = { authorization: `Bearer ${key}` };
    const timed = async <T>(run: () => Promise<T>) => {
      const c0 = cpuNs(pid);
      const t0 = performance.now();
      const value = await run();
      return { value, cpuMs: (cpuNs(pid) - c0) / 1e6, wallMs: performance.now() - t0 };
    };
    const fetchOk = async (path: string, init: RequestInit = {}) => {
      const res = await mf.dispatchFetch(`http://quire.test${path}`, init as never);
      const body = await res.text();
      if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${body.slice(0, 300)}`);
      return JSON.parse(body) as Record<string, unknown>;
    };

    // The first request starts the isolate and builds the app; every later one reuses both.
    const first = await timed(() => fetchOk("/health"));
    out.push({ name: "first request (isolate start, app built): CPU", value: round(first.cpuMs), unit: "ms" });
    for (const path of ["/no-such-route", "/health", "/v1/customers"]) {
      const n = 200;
      const run = await timed(async () => {
        for (let i = 0; i < n; i++)
          await mf.dispatchFetch(`http://quire.test${path}`, { headers: auth }).then((r) => r.text());
      });
      out.push({ name: `GET ${path}, per request: CPU`, value: round(run.cpuMs / n), unit: "ms" });
      out.push({ name: `GET ${path}, per request: wall`, value: round(run.wallMs / n), unit: "ms" });
    }

    const answer = async (bytes: Uint8Array, file: string, expected: number) => {
      const form = new FormData();
      form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), file);
      form.set("region", "us");
      const encoded = await multipart(form);
      const report = await fetchOk("/v1/answer", {
        method: "POST",
        headers: { ...auth, "content-type": encoded.contentType },
        body: encoded.body,
      });
      const questions = (report.summary as { questions: number }).questions;
      if (questions !== expected) throw new Error(`${file}: ${questions} questions, expected ${expected}`);
    };
    for (const [label, bytes, file, expected] of [
      ["300-question xlsx", buildBenchWorkbook(300), "bench-300.xlsx", 300],
      ["60-question PDF", buildBenchPdf(60), "bench-60.pdf", 60],
    ] as const) {
      const cold = await timed(() => answer(bytes, file, expected));
      const warm = [];
      for (let i = 0; i < 3; i++) warm.push(await timed(() => answer(bytes, file, expected)));
      out.push({ name: `${label}, POST /v1/answer, first: CPU`, value: round(cold.cpuMs), unit: "ms" });
      out.push({ name: `${label}, POST /v1/answer, first: wall`, value: round(cold.wallMs), unit: "ms" });
      out.push({
        name: `${label}, POST /v1/answer, warm: CPU`,
        value: round(median(warm.map((w) => w.cpuMs))),
        unit: "ms",
      });
      out.push({
        name: `${label}, POST /v1/answer, warm: wall`,
        value: round(median(warm.map((w) => w.wallMs))),
        unit: "ms",
      });
    }

    // Large files go through the queue: one queue invocation drafts a whole file (MAX_QUESTIONS caps it).
    const customer = await fetchOk("/v1/customers", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ name: "Bench buyer", region: "us" }),
    });
    // BENCH_WORKER_SIZES=5000,10000 adds larger files (a size that does not finish is reported, not thrown).
    const sizes = (process.env.BENCH_WORKER_SIZES ?? "5000").split(",").map(Number);
    for (const questions of sizes) {
      const label = `${questions.toLocaleString("en-US")}-question xlsx, queued job`;
      const form = new FormData();
      form.set("file", new Blob([buildBenchWorkbook(questions) as Uint8Array<ArrayBuffer>]), `bench-${questions}.xlsx`);
      form.set("customerId", String(customer.id));
      const encoded = await multipart(form);
      const queued = await timed(async (): Promise<Record<string, unknown> | null> => {
        const created = await fetchOk("/v1/questionnaires", {
          method: "POST",
          headers: { ...auth, "content-type": encoded.contentType },
          body: encoded.body,
        });
        for (let i = 0; i < 2_400; i++) {
          await new Promise((r) => setTimeout(r, 250));
          const q = await fetchOk(`/v1/questionnaires/${created.id}`, { headers: auth });
          if (q.status === "drafted") return q;
          if (q.status === "failed") throw new Error(`${label} failed: ${JSON.stringify(q.failure)}`);
        }
        return null;
      });
      if (!queued.value) {
        out.push({
          name: `${label}: NOT drafted within 10 minutes; CPU meanwhile`,
          value: round(queued.cpuMs),
          unit: "ms",
        });
        continue;
      }
      const jobs = (await mf.getD1Database("DB")).prepare("select attempts from jobs where payload like ?");
      const row = await jobs.bind(`%${String(queued.value.id)}%`).first<{ attempts: number }>();
      out.push({ name: `${label}: CPU (upload to drafted)`, value: round(queued.cpuMs), unit: "ms" });
      out.push({ name: `${label}: wall (upload to drafted)`, value: round(queued.wallMs), unit: "ms" });
      out.push({ name: `${label}: queue invocations (job attempts)`, value: row?.attempts ?? 0, unit: "" });
      out.push({ name: `${label}: workerd peak RSS so far`, value: peakRssMb(pid), unit: "MB" });
    }
  } finally {
    await mf.dispose();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const m of await benchWorker()) console.log(`${m.name.padEnd(60)} ${String(m.value).padStart(10)} ${m.unit}`);
}
