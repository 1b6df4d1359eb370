/**
 * `npm run eval:probes`: the read probe sets in fixtures/eval/probes/ (written by helpers from the
 * library's entry list, then read for error analysis; never frozen, never a measure of what nobody
 * has read). Prints precision, coverage, abstention and top-1 per file and per family, with the same
 * definitions and the same customer as `npm run eval`. `--rows` prints every row that was not drafted
 * right (they are read sets), `--file <name>` scores one file.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { answerQuestion } from "../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../src/domain/answering/customer.js";
import { prepareLibrary } from "../src/domain/answering/prepare.js";
import { loadLibraryDir } from "../src/library-files/load.js";
import { readEvalSet, toQuestion } from "./dataset.js";
import { type Metrics, metrics, type Outcome, outcome } from "./score.js";

const DIR = "fixtures/eval/probes";
const CUSTOMER: CustomerContext = { region: "us", ndaOnFile: false, asOf: "2026-11-24" };
const args = process.argv.slice(2);
const only = args.includes("--file") ? args[args.indexOf("--file") + 1] : undefined;

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const line = (label: string, m: Metrics) =>
  `${label.padEnd(24)} ${String(m.questions).padStart(4)}  drafted ${String(m.drafted).padStart(4)}  precision ${pct(m.precision).padStart(6)}  coverage ${pct(m.coverage).padStart(6)}  abstention ${pct(m.abstention).padStart(6)}  top-1 ${pct(m.top1Accuracy).padStart(6)}`;

function rowOf(o: Outcome): string | null {
  if (o.drafted && o.correct) return null;
  if (!o.item.answerable && !o.drafted) return null;
  const r = o.result;
  const what = o.drafted ? "WRONG" : `${r.status}${o.correct ? " (right entry)" : ""}`;
  return `  ${o.item.id} ${what} conf=${r.confidence.toFixed(2)} entry=${r.entryId ?? "-"} want=[${o.item.acceptable.join(",")}] :: ${o.item.text.slice(0, 140)}`;
}

const prepared = prepareLibrary(await loadLibraryDir("answer-library"));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".jsonl") && (only === undefined || f === only))
  .sort();
for (const file of files) {
  const items = readEvalSet(join(DIR, file));
  const outcomes = items.map((item) =>
    outcome(item, answerQuestion(prepared, toQuestion(item), CUSTOMER, {}, item.previous)),
  );
  console.log(line(file, metrics(outcomes)));
  for (const family of [...new Set(items.map((i) => i.family))].sort())
    console.log(line(`  ${family}`, metrics(outcomes.filter((o) => o.item.family === family))));
  if (args.includes("--rows"))
    for (const o of outcomes) {
      const row = rowOf(o);
      if (row) console.log(row);
    }
}
