/**
 * Memory per job: questionnaires of several kinds and sizes (and hostile files from fixtures/bad)
 * are processed by the real server's job thread, one at a time; each job's thread reports the heap
 * it used (after a collection before the job: used-heap growth, and the committed heap at the end),
 * kept in the job row's `metrics`. The heap cap (QUIRE_JOB_HEAP_MB, 512 MB) bounds every one.
 * `npm run bench -- memory`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { badCorpus } from "../scripts/fixtures/bad-corpus.js";
import { bigQuestionnaireCsv } from "../scripts/fixtures/big-csv.js";
import { api, ROOT, startServer, upload } from "../test/support/server-process.js";

interface Measurement {
  name: string;
  value: number;
  unit: string;
}

export async function benchMemory(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "quire-bench-memory-"));
  const dbPath = join(dir, "quire.db");
  const server = await startServer({
    QUIRE_DB: dbPath,
    QUIRE_JOB_THREADS: "1",
    QUIRE_MAX_UPLOAD_BYTES: String(25 * 1024 * 1024),
  });
  const bad = new Map(badCorpus().map((c) => [c.file, c.bytes]));
  const files: [string, Uint8Array][] = [
    ["caiq-like.xlsx (36 questions)", readFileSync(join(ROOT, "fixtures/caiq-like.xlsx"))],
    ["numbered.pdf", readFileSync(join(ROOT, "fixtures/numbered.pdf"))],
    ["5,000-question CSV", bigQuestionnaireCsv(5_000, { short: true })],
    ["20,000-question CSV", bigQuestionnaireCsv(20_000, { short: true })],
    ...[
      "random-bytes.pdf",
      "flate-bomb.pdf",
      "zip-bomb.xlsx",
      "huge-shared-strings.xlsx",
      "redos-cells.csv",
      "too-many-rows.csv",
    ].map((f) => [`bad/${f}`, bad.get(f) ?? readFileSync(join(ROOT, "fixtures/bad", f))] as [string, Uint8Array]),
  ];
  try {
    const key = server.key as string;
    const customer = (await api<{ id: string }>(server.base, key, "POST", "/v1/customers", { name: "M", region: "eu" }))
      .body.id;
    const ids: [string, string][] = [];
    for (const [label, bytes] of files) {
      const name = label.startsWith("bad/")
        ? label.slice(4)
        : label.includes("CSV")
          ? "big.csv"
          : (label.split(" ")[0] ?? "x");
      const created = await upload(server.base, key, bytes, name, customer);
      ids.push([label, created.body.id]);
      for (;;) {
        const s = (await api<{ status: string }>(server.base, key, "GET", `/v1/questionnaires/${created.body.id}`)).body
          .status;
        if (s !== "queued" && s !== "processing") break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const db = new Database(dbPath, { readonly: true });
    const out: Measurement[] = [];
    try {
      for (const [label, id] of ids) {
        const row = db.prepare("select metrics from jobs where payload like ?").get(`%${id}%`) as
          | { metrics: string }
          | undefined;
        const q = db.prepare("select status, failure from questionnaires where id = ?").get(id) as {
          status: string;
          failure: string | null;
        };
        const m = JSON.parse(row?.metrics ?? "{}") as {
          durationMs?: number;
          heapUsedBytes?: number;
          peakHeapBytes?: number;
        };
        const outcome = q.status === "failed" ? (JSON.parse(q.failure ?? "{}") as { code: string }).code : q.status;
        out.push(
          {
            name: `${label} → ${outcome}: heap used by the job`,
            value: Math.round((m.heapUsedBytes ?? 0) / 1048576),
            unit: "MB",
          },
          {
            name: `${label}: job thread heap at the end`,
            value: Math.round((m.peakHeapBytes ?? 0) / 1048576),
            unit: "MB",
          },
          { name: `${label}: job time`, value: m.durationMs ?? 0, unit: "ms" },
        );
      }
    } finally {
      db.close();
    }
    return out;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === new URL(`file://${resolve(process.argv[1] ?? "")}`).href) {
  for (const m of await benchMemory()) console.log(`${m.name.padEnd(72)} ${String(m.value).padStart(8)} ${m.unit}`);
}
