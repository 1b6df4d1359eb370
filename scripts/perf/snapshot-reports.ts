/**
 * Writes every report the engine produces for the repository's questionnaires into one folder, so
 * a speed change can be proven output-identical: run it before and after, then `diff -r` the two.
 *
 *   npx tsx scripts/perf/snapshot-reports.ts <out-dir>
 *
 * Covered: each fixture questionnaire (fixtures/*.xlsx|csv|pdf) through the real CLI (report JSON
 * and filled file) for two customers; the eval sets (fixtures/eval/*.jsonl) through
 * answerQuestionnaire and, with their previous rows, answerQuestion; the bench's generated
 * 1,000-question questionnaire and 5,000-row workbook.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bigWorkbook } from "../../bench/big.js";
import { generateQuestionnaire } from "../../bench/match.js";
import { readEvalSet, toQuestion } from "../../eval/dataset.js";
import { runCli } from "../../src/cli/main.js";
import { answerQuestion, answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

const out = resolve(process.argv[2] ?? "out/snapshot");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const db = join(tmpdir(), `quire-snapshot-${process.pid}.db`);
const silent = { stdout: () => {}, stderr: (line: string) => console.error(`  ${line}`) };

const customers: [string, string[]][] = [
  ["eu", ["--region", "eu", "--as-of", "2026-11-24"]],
  ["us-nda", ["--region", "us", "--nda", "--as-of", "2027-03-01"]],
];
const files = readdirSync("fixtures").filter((name) => /\.(xlsx|csv|pdf)$/.test(name));
const bigDir = mkdtempSync(join(tmpdir(), "quire-snapshot-"));
const big = join(bigDir, "big.xlsx"); // a fixed name: the report names its file
writeFileSync(big, (await bigWorkbook(5_000, 500)).bytes);
for (const [who, flags] of customers) {
  for (const file of [...files.map((name) => join("fixtures", name)), big]) {
    const name = file === big ? "big.xlsx" : (file.split("/").pop() as string);
    const code = await runCli(
      [
        "answer",
        file,
        ...flags,
        "--offline",
        "--db",
        db,
        "--report",
        join(out, `${name}.${who}.report.json`),
        "--out",
        join(out, `${name}.${who}.filled${name.slice(name.lastIndexOf("."))}`),
      ],
      silent,
    );
    if (code !== 0) console.error(`${name} (${who}): exit ${code}`);
  }
}
rmSync(bigDir, { recursive: true, force: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });

const library = await loadLibraryDir("answer-library");
const prepared = prepareLibrary(library);
const customer: CustomerContext = { region: "eu", ndaOnFile: false, asOf: "2026-11-24" };
for (const part of ["tuning", "holdout"]) {
  const items = readEvalSet(`fixtures/eval/${part}.jsonl`);
  const questionnaire = {
    source: { file: `${part}.jsonl`, format: "csv" as const },
    questions: items.map(toQuestion),
    warnings: [],
  };
  const report = answerQuestionnaire(prepared, questionnaire, customer);
  writeFileSync(join(out, `eval-${part}.report.json`), JSON.stringify(report, null, 2));
  const single = items.map((item) => answerQuestion(prepared, toQuestion(item), customer, {}, item.previous));
  writeFileSync(join(out, `eval-${part}.single.json`), JSON.stringify(single, null, 2));
}
const generated = answerQuestionnaire(prepared, generateQuestionnaire(library, 1_000), customer);
writeFileSync(join(out, "bench-1000.report.json"), JSON.stringify(generated, null, 2));
console.log(`snapshot written to ${out}`);
