/**
 * The workbook I/O of one `quire answer` run, cold, as the CLI bundle runs it: ingest a workbook,
 * then write an answer for every question back into the same bytes; CPU ms of each and the RSS.
 * Run it bundled (tsx would add its own transform cost), in a fresh process per measurement:
 *
 *   npx esbuild bench/io-cold.ts --bundle --platform=node --format=esm --outfile=.tmp/io-cold.mjs \
 *     --external:better-sqlite3 --external:pdfjs-dist --external:@anthropic-ai/sdk \
 *     --banner:js="import { createRequire as cr } from 'node:module'; const require = cr(import.meta.url);"
 *   node .tmp/io-cold.mjs big.xlsx          (the workbook bench/big.ts writes: bigWorkbook())
 */
import { readFileSync } from "node:fs";
import { writeBackXlsx } from "../src/export/xlsx-writeback.js";
import { ingestQuestionnaire } from "../src/ingest/index.js";

const file = readFileSync(process.argv[2] ?? "big.xlsx");
const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
const cpu = (s: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(s);
  return Math.round((u.user + u.system) / 1000);
};
let s = process.cpuUsage();
const q = await ingestQuestionnaire(bytes, "big.xlsx");
const ingest = cpu(s);
const answers = q.questions.map((question) => ({
  sheet: question.location.sheet,
  row: question.location.row,
  answerCell: question.location.answerCell,
  commentCell: question.location.commentCell,
  kind: "yes_no" as const,
  value: "Yes",
  text: "We encrypt customer data at rest with AES-256; keys are managed in a KMS and rotated yearly. [SOC 2 Type II, ISO/IEC 27001:2022 certificate]",
  allowedValues: null,
}));
s = process.cpuUsage();
const out = writeBackXlsx(bytes, answers);
const wb = cpu(s);
console.log(
  JSON.stringify({
    ingest,
    writeBack: wb,
    bytes: out.bytes.length,
    rss: Math.round(process.memoryUsage().rss / 1048576),
  }),
);
