/**
 * Ingest benchmark: a generated 10,000-question workbook (id / question / answer with a yes/no
 * dropdown / comment, section rows every 50 questions, over 5 domain sheets + a Lists sheet),
 * ingested end to end. Reports wall time and peak memory. Target: < 3 s and < 300 MB.
 *
 *   npx tsx bench/ingest.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
// SheetJS 0.20.3 (patched build, see src/ingest/xlsx.ts); used here only to WRITE the bench workbook.
import * as XLSX from "xlsx";
import { ingestQuestionnaire } from "../src/ingest/index.js";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

const QUESTIONS = 10_000;
const SHEETS = 5;

const STARTS = [
  "Is",
  "Does the vendor",
  "Are",
  "Describe how",
  "Has the organisation",
  "Provide evidence that",
  "Can customers",
];
const TOPICS = [
  "multi-factor authentication enforced for administrative access to production systems",
  "customer data encrypted at rest with keys held in a managed key service",
  "access to customer data reviewed and re-approved at least quarterly",
  "the incident response plan tested annually with lessons learned tracked to closure",
  "backups restored and verified in a separate region at least once a year",
];

/** Builds the bench workbook in memory; list validations are added to the sheet XML afterwards. */
export function buildBenchWorkbook(questions = QUESTIONS): Uint8Array {
  const wb = XLSX.utils.book_new();
  const perSheet = Math.ceil(questions / SHEETS);
  let n = 0;
  for (let s = 0; s < SHEETS; s++) {
    const aoa: (string | null)[][] = [
      [`Domain ${s + 1} security questionnaire`],
      ["Answer every question using the drop-down in column C."],
      [],
      ["Question ID", "Question", "Answer (Yes/No/N/A)", "Comments / Evidence"],
    ];
    for (let i = 0; i < perSheet && n < questions; i++, n++) {
      if (i % 50 === 0) aoa.push([`Section ${s + 1}.${i / 50 + 1}`, null, null, null]);
      const start = STARTS[n % STARTS.length] ?? "Is";
      const topic = TOPICS[n % TOPICS.length] ?? "";
      aoa.push([
        `D${s + 1}-${String(i + 1).padStart(4, "0")}`,
        `${start} ${topic} (control ${n + 1})?`,
        n % 7 === 0 ? "Yes" : null,
        null,
      ]);
    }
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), `Domain ${s + 1}`);
  }
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Yes"], ["No"], ["N/A"]]), "Lists");
  const raw = XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer;
  // SheetJS CE does not write data validations: add one cross-sheet list per domain sheet.
  const files = unzipSync(new Uint8Array(raw));
  for (let s = 1; s <= SHEETS; s++) {
    const name = `xl/worksheets/sheet${s}.xml`;
    const xml = files[name];
    if (!xml) continue;
    const dv =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C5:C5000">' +
      "<formula1>Lists!$A$1:$A$3</formula1></dataValidation></dataValidations>";
    files[name] = strToU8(strFromU8(xml).replace(/(<\/sheetData>(?:<mergeCells[\s\S]*?<\/mergeCells>)?)/, `$1${dv}`));
  }
  return zipSync(files, { level: 6 });
}

interface ChildReport {
  ms: number;
  questions: number;
  baselineRssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
}

/** Runs in a fresh child process so that peak RSS covers ingest alone, not building the workbook. */
async function childIngest(file: string): Promise<ChildReport> {
  const bytes = new Uint8Array(readFileSync(file));
  const baselineRssMb = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const q = await ingestQuestionnaire(bytes, "bench-10k.xlsx");
  const ms = performance.now() - t0;
  return {
    ms,
    questions: q.questions.length,
    baselineRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1048576,
  };
}

export async function benchIngest(): Promise<BenchResult[]> {
  const bytes = buildBenchWorkbook();
  const dir = mkdtempSync(join(tmpdir(), "quire-bench-"));
  const file = join(dir, "bench-10k.xlsx");
  writeFileSync(file, bytes);
  try {
    const self = fileURLToPath(import.meta.url);
    const tsx = createRequire(import.meta.url).resolve("tsx/esm");
    const out = execFileSync(process.execPath, ["--import", pathToFileURL(tsx).href, self], {
      env: { ...process.env, QUIRE_BENCH_INGEST_FILE: file },
      encoding: "utf8",
      maxBuffer: 1024 * 1024,
    });
    const line = out.split("\n").find((l) => l.startsWith("{"));
    if (!line) throw new Error(`bench child printed no result: ${out}`);
    const r = JSON.parse(line) as ChildReport;
    if (r.questions !== QUESTIONS)
      throw new Error(`bench workbook: expected ${QUESTIONS} questions, got ${r.questions}`);
    return [
      { name: "ingest.xlsx_10k.time", value: Math.round(r.ms), unit: "ms" },
      { name: "ingest.xlsx_10k.peak_rss", value: Math.round(r.peakRssMb), unit: "MB" },
      { name: "ingest.xlsx_10k.rss_before_ingest", value: Math.round(r.baselineRssMb), unit: "MB" },
      { name: "ingest.xlsx_10k.heap_used_after", value: Math.round(r.heapUsedMb), unit: "MB" },
      { name: "ingest.xlsx_10k.file_size", value: Math.round(bytes.length / 1024), unit: "KB" },
      { name: "ingest.xlsx_10k.questions", value: r.questions, unit: "count" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childFile = process.env.QUIRE_BENCH_INGEST_FILE;
if (childFile) {
  console.log(JSON.stringify(await childIngest(childFile)));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const results = await benchIngest();
  for (const r of results) console.log(`${r.name.padEnd(34)} ${String(r.value).padStart(8)} ${r.unit}`);
}
