/**
 * The freeze probe: while one large CSV (5k, 20k, 95k questions) is processed, /health is asked
 * back to back; the slowest answer is how long the server froze for every tenant. Run against
 * this checkout, or against another (BENCH_ROOT=/path/to/old/checkout) for the figure before a
 * change. `npm run bench -- freeze`, or `npx tsx bench/freeze.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bigQuestionnaireCsv } from "../scripts/fixtures/big-csv.js";
import { api, startServer, upload } from "../test/support/server-process.js";

interface Measurement {
  name: string;
  value: number;
  unit: string;
}

const SIZES = (process.env.BENCH_FREEZE_SIZES ?? "5000,20000").split(",").map(Number);

async function probe(size: number, root: string | undefined): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "quire-freeze-"));
  const server = await startServer(
    { QUIRE_DB: join(dir, "quire.db"), QUIRE_MAX_UPLOAD_BYTES: String(64 * 1024 * 1024) },
    root ? { root } : {},
  );
  try {
    const key = server.key as string;
    const customer = await api<{ id: string }>(server.base, key, "POST", "/v1/customers", {
      name: "Buyer",
      region: "eu",
    });
    const latencies: number[] = [];
    let done = false;
    let resets = 0;
    const prober = (async () => {
      while (!done) {
        const t = performance.now();
        // A keep-alive connection the frozen server timed out is reset: ask again; the wait counts.
        for (let tries = 0; tries < 3; tries++) {
          try {
            await fetch(`${server.base}/health`).then((r) => r.arrayBuffer());
            break;
          } catch {
            resets++;
          }
        }
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const started = performance.now();
    const created = await upload(
      server.base,
      key,
      bigQuestionnaireCsv(size, { short: true }),
      `big-${size}.csv`,
      customer.body.id,
    );
    let status = created.body.status;
    while (status === "queued" || status === "processing") {
      await new Promise((r) => setTimeout(r, 50));
      const polled = await api<{ status: string }>(
        server.base,
        key,
        "GET",
        `/v1/questionnaires/${created.body.id}`,
      ).catch(
        () => null, // a reset from a frozen server: ask again
      );
      if (polled) status = polled.body.status;
    }
    const elapsed = performance.now() - started;
    done = true;
    await prober;
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
    const max = latencies.at(-1) ?? 0;
    return [
      { name: `${size} questions: upload to ${status}`, value: Math.round(elapsed), unit: "ms" },
      { name: `${size} questions: /health slowest answer (freeze)`, value: Math.round(max), unit: "ms" },
      { name: `${size} questions: /health p99`, value: Math.round(p99), unit: "ms" },
      { name: `${size} questions: /health connections reset`, value: resets, unit: "" },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFreeze(): Promise<Measurement[]> {
  const root = process.env.BENCH_ROOT ? resolve(process.env.BENCH_ROOT) : undefined;
  const out: Measurement[] = [];
  for (const size of SIZES) out.push(...(await probe(size, root)));
  return out;
}

if (import.meta.url === new URL(`file://${resolve(process.argv[1] ?? "")}`).href) {
  for (const m of await benchFreeze()) console.log(`${m.name.padEnd(56)} ${String(m.value).padStart(12)} ${m.unit}`);
}
