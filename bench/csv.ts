/**
 * CSV benchmark: a generated 10,000-question CSV (quoted questions with commas, doubled quotes and
 * non-ASCII text) read by the one CSV reader, ingested, and filled by the write-back. Median of 5.
 *
 *   npx tsx bench/csv.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { writeBackCsv } from "../src/export/csv-writeback.js";
import type { WriteBackAnswer } from "../src/export/types.js";
import { readCsvFile } from "../src/ingest/csv.js";
import { ingestQuestionnaire } from "../src/ingest/index.js";
import type { BenchResult } from "./ingest.js";

const QUESTIONS = 10_000;

export function buildBenchCsv(questions = QUESTIONS): Uint8Array {
  const lines = ["ID,Question,Answer (Yes/No/N/A),Comments"];
  for (let i = 1; i <= questions; i++) {
    lines.push(
      `Q${i},"Is customer data encrypted at rest, in transit and in backups (control ${i})? ""AES-256"" — géré",,`,
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

async function median(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)] ?? 0);
}

export async function benchCsv(): Promise<BenchResult[]> {
  const bytes = buildBenchCsv();
  const questionnaire = await ingestQuestionnaire(bytes, "bench-10k.csv");
  if (questionnaire.questions.length !== QUESTIONS) {
    throw new Error(`bench CSV: expected ${QUESTIONS} questions, got ${questionnaire.questions.length}`);
  }
  const answers: WriteBackAnswer[] = questionnaire.questions.map((q) => ({
    sheet: null,
    row: q.location.row,
    answerCell: q.location.answerCell,
    commentCell: q.location.commentCell,
    kind: q.kind,
    value: q.kind === "free_text" ? null : "Yes",
    text: "Yes. AES-256 at rest, TLS 1.2+ in transit; see the encryption policy.",
    allowedValues: q.allowedValues,
  }));
  return [
    { name: "csv_10k.file_size", value: Math.round(bytes.length / 1024), unit: "KB" },
    { name: "csv_10k.read_spans", value: await median(5, () => readCsvFile(bytes)), unit: "ms" },
    { name: "csv_10k.ingest", value: await median(5, () => ingestQuestionnaire(bytes, "bench-10k.csv")), unit: "ms" },
    { name: "csv_10k.write_back_20k_cells", value: await median(5, () => writeBackCsv(bytes, answers)), unit: "ms" },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const r of await benchCsv()) console.log(`${r.name.padEnd(34)} ${String(r.value).padStart(8)} ${r.unit}`);
}
