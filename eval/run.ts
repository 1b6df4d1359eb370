/**
 * `npm run eval`: precision, coverage and abstention of the answer engine on the labelled buyer
 * questions in fixtures/eval (definitions in eval/README.md), offline and through the LLM path with
 * a fake Messages API. Flags: --part tuning|holdout (default both), --sweep (threshold table, tuning
 * only), --no-llm. Writes eval/results.json.
 */
import { writeFileSync } from "node:fs";
import { answerQuestion, type PreparedLibrary } from "../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../src/domain/answering/customer.js";
import { prepareLibrary } from "../src/domain/answering/prepare.js";
import { refineReport } from "../src/domain/answering/refine.js";
import type { AnswerReport } from "../src/domain/answering/report.js";
import { summarize } from "../src/domain/answering/report.js";
import { DEFAULT_THRESHOLDS } from "../src/domain/drafting/draft.js";
import { loadLibraryDir } from "../src/library-files/load.js";
import { AnthropicDrafter } from "../src/llm/anthropic-drafter.js";
import { startFakeMessagesApi } from "../src/llm/fake-messages-api.js";
import { type EvalItem, readEvalSet, toQuestion } from "./dataset.js";
import { fakeModel } from "./fake-model.js";
import { confusion, type Metrics, metrics, type Outcome, outcome } from "./score.js";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const partArg = args[args.indexOf("--part") + 1];
const parts = (args.includes("--part") ? [partArg] : ["tuning", "holdout"]) as ("tuning" | "holdout")[];

/** A US buyer without an NDA: the strictest citation case. */
const CUSTOMER: CustomerContext = { region: "us", ndaOnFile: false, asOf: "2026-11-24" };

function offlineReport(prepared: PreparedLibrary, items: readonly EvalItem[]): AnswerReport {
  const questions = items.map((item) => answerQuestion(prepared, toQuestion(item), CUSTOMER));
  return {
    source: { file: "eval", format: "csv" },
    customer: { region: CUSTOMER.region, ndaOnFile: CUSTOMER.ndaOnFile, asOf: CUSTOMER.asOf },
    questions,
    summary: summarize(questions),
    warnings: [],
  };
}

const score = (items: readonly EvalItem[], report: AnswerReport): Outcome[] =>
  items.map((item, i) => {
    const q = report.questions[i];
    if (!q || q.id !== item.id) throw new Error(`report out of order at ${item.id}`);
    return outcome(item, q);
  });

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
function printTable(rows: { part: string; mode: string; m: Metrics }[]) {
  const header = [
    "part",
    "mode",
    "questions",
    "drafted",
    "precision",
    "coverage",
    "abstention",
    "abst(no_match)",
    "top-1",
    "review",
    "no_match",
    "inv-blind-yes",
    "inv-flipped",
    "false-flips",
  ];
  const lines = rows.map(({ part, mode, m }) => [
    part,
    mode,
    String(m.questions),
    String(m.drafted),
    pct(m.precision),
    pct(m.coverage),
    pct(m.abstention),
    pct(m.abstentionNoMatch),
    pct(m.top1Accuracy),
    String(m.needsReview),
    String(m.noMatch),
    String(m.invertedBlindYes),
    String(m.invertedFlipped),
    String(m.falseFlips),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  for (const line of [header, ...lines])
    console.log(line.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  "));
}

function sweep(prepared: PreparedLibrary, items: readonly EvalItem[]) {
  console.log("\nthreshold sweep (tuning): draft threshold -> precision / coverage / abstention");
  for (let t = 0.3; t <= 0.701; t += 0.025) {
    const thresholds = { ...DEFAULT_THRESHOLDS, draft: t, review: Math.min(DEFAULT_THRESHOLDS.review, t) };
    const outcomes = items.map((item) =>
      outcome(item, answerQuestion(prepared, toQuestion(item), CUSTOMER, { thresholds })),
    );
    const m = metrics(outcomes);
    console.log(
      `  ${t.toFixed(3)}  ${pct(m.precision)} ${pct(m.coverage)} ${pct(m.abstention)}  (${m.drafted - m.draftedCorrect} wrong)`,
    );
  }
}

const library = await loadLibraryDir("answer-library");
const prepared = prepareLibrary(library);
console.log(
  `library: ${library.entries.length} entries, ${library.controls.length} controls, ${library.artifacts.length} artifacts; thresholds draft=${DEFAULT_THRESHOLDS.draft} review=${DEFAULT_THRESHOLDS.review}`,
);

const fake = flag("--no-llm") ? null : await startFakeMessagesApi(fakeModel);
const rows: { part: string; mode: string; m: Metrics }[] = [];
const results: Record<string, unknown> = {
  generatedAt: new Date().toISOString(),
  library: { entries: library.entries.length, controls: library.controls.length },
  thresholds: DEFAULT_THRESHOLDS,
  customer: CUSTOMER,
  definitions: "see eval/README.md",
  parts: {},
};
try {
  for (const part of parts) {
    const items = readEvalSet(`fixtures/eval/${part}.jsonl`);
    const offline = offlineReport(prepared, items);
    const offlineOutcomes = score(items, offline);
    const partResult: Record<string, unknown> = { offline: metrics(offlineOutcomes) };
    rows.push({ part, mode: "offline", m: metrics(offlineOutcomes) });
    if (fake) {
      const drafter = new AnthropicDrafter({
        apiKey: "fake-key",
        baseURL: fake.baseURL,
        model: "fake-model",
        maxRetries: 0,
      });
      const refined = await refineReport(offline, prepared, CUSTOMER, drafter, {
        maxCalls: 10_000,
        maxInputTokens: 100_000_000,
        concurrency: 8,
      });
      const m = metrics(score(items, refined.report));
      rows.push({ part, mode: "fake-llm", m });
      partResult.fakeLlm = { ...m, stats: refined.stats };
    }
    if (part === "tuning") {
      partResult.misses = confusion(offlineOutcomes);
    }
    (results.parts as Record<string, unknown>)[part] = partResult;
  }
} finally {
  await fake?.close();
}

console.log("");
printTable(rows);
if (parts.includes("tuning")) {
  const items = readEvalSet("fixtures/eval/tuning.jsonl");
  console.log("\nconfusion list (tuning, offline):");
  for (const line of confusion(score(items, offlineReport(prepared, items)))) console.log(`  ${line}`);
  if (flag("--sweep")) sweep(prepared, items);
}
if (parts.length === 2) writeFileSync("eval/results.json", `${JSON.stringify(results, null, 2)}\n`);
