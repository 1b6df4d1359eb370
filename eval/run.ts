/**
 * `npm run eval`: precision, coverage and abstention of the answer engine on the labelled buyer
 * questions in fixtures/eval (definitions in eval/README.md), offline and through the LLM path with
 * a fake Messages API. Flags: --part tuning|holdout|holdout-2 (default all three, and then the two
 * strict parts of fixtures/eval/strict, offline), --sweep (threshold table, tuning too), --no-llm,
 * --strict-misses (the strict tuning part's misses). Writes eval/results.json when all parts ran.
 */

import { writeFileSync } from "node:fs";
import { type AnswerOptions, answerQuestion, type PreparedLibrary } from "../src/domain/answering/answer-questions.js";
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
import { EVAL_PARTS, type EvalPart, frozenProblems, isEvalPart } from "./frozen.js";
import { printPolarity, scorePolarity } from "./polarity.js";
import { confusion, type Metrics, metrics, type Outcome, outcome } from "./score.js";
import { readStrictSet, STRICT_PARTS, strictOutcome } from "./strict.js";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const partArg = args[args.indexOf("--part") + 1];
if (args.includes("--part") && !isEvalPart(partArg)) {
  console.error(`--part must be one of ${EVAL_PARTS.join(", ")}`);
  process.exit(2);
}
const parts: readonly EvalPart[] = args.includes("--part") && isEvalPart(partArg) ? [partArg] : EVAL_PARTS;

/** A US buyer without an NDA: the strictest citation case. */
const CUSTOMER: CustomerContext = { region: "us", ndaOnFile: false, asOf: "2026-11-24" };

/** Why LLM drafts were not used, counted by kind (never per question: the holdout stays unread). */
function fallbackReasons(report: AnswerReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of report.questions) {
    const note = q.notes.find((n) => n.startsWith("LLM draft not used: "));
    if (!note) continue;
    const kind = note
      .slice("LLM draft not used: ".length)
      .replace(/[("].*$/, "")
      .replace(/; offline draft kept$/, "")
      .trim();
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function offlineReport(
  prepared: PreparedLibrary,
  items: readonly EvalItem[],
  options: AnswerOptions = {},
): AnswerReport {
  const questions = items.map((item) => answerQuestion(prepared, toQuestion(item), CUSTOMER, options, item.previous));
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

/** Precision / coverage / abstention as the draft bar moves: aggregate figures only, safe for the holdout. */
function sweep(
  prepared: PreparedLibrary,
  items: readonly EvalItem[],
  part: string,
  scoreReport: (report: AnswerReport) => Outcome[] = (report) => score(items, report),
) {
  console.log(`\nprecision / coverage by draft bar (${part}): bar  precision  coverage  abstention  wrong`);
  for (let t = 0.5; t <= 0.9751; t += 0.025) {
    const thresholds = { ...DEFAULT_THRESHOLDS, draft: t, inferYes: t, review: Math.min(DEFAULT_THRESHOLDS.review, t) };
    const m = metrics(scoreReport(offlineReport(prepared, items, { thresholds })));
    const mark = Math.abs(t - DEFAULT_THRESHOLDS.draft) < 0.0125 ? "  <- default" : "";
    console.log(
      `  ${t.toFixed(3)}  ${pct(m.precision).padStart(6)}  ${pct(m.coverage).padStart(6)}  ${pct(m.abstention).padStart(6)}  ${String(m.drafted - m.draftedCorrect).padStart(4)}${mark}`,
    );
  }
}

/** Does the stated confidence mean what it says? Drafted-or-reviewed questions binned by confidence. */
function reliabilityTable(outcomes: readonly Outcome[], part: string) {
  console.log(`\nreliability (${part}): confidence bin  n  mean confidence  share right`);
  const bins = [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  for (let i = 0; i < bins.length - 1; i++) {
    const lo = bins[i] ?? 0;
    const hi = bins[i + 1] ?? 1;
    const inBin = outcomes.filter(
      (o) => o.result.entryId !== null && o.result.confidence >= lo && o.result.confidence < hi,
    );
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((s, o) => s + o.result.confidence, 0) / inBin.length;
    const right = inBin.filter((o) => o.correct).length / inBin.length;
    console.log(
      `  ${lo.toFixed(2)}-${Math.min(1, hi).toFixed(2)}  ${String(inBin.length).padStart(4)}  ${mean.toFixed(3)}  ${right.toFixed(3)}`,
    );
  }
}

/** Figures per questionnaire family: no family may hide behind the average. */
function familyTable(
  outcomes: readonly Outcome[],
  part: string,
  familyOf: (o: Outcome) => string = (o) => o.item.family,
) {
  const families = [...new Set(outcomes.map(familyOf))].sort();
  console.log(
    `\nper family (${part}, offline): family  questions  drafted  precision  coverage  abstention  value-on-open  verdict-on-open`,
  );
  for (const family of families) {
    const of = outcomes.filter((o) => familyOf(o) === family);
    const m = metrics(of);
    console.log(
      `  ${family.padEnd(16)} ${String(m.questions).padStart(5)} ${String(m.drafted).padStart(5)}  ${pct(m.precision).padStart(6)}  ${pct(m.coverage).padStart(6)}  ${pct(m.abstention).padStart(6)}  ${String(m.valueOnOpen).padStart(4)}  ${String(m.verdictOnOpen).padStart(4)}`,
    );
  }
}

/** Both holdouts are frozen: a changed file is a new holdout, and its figures are not comparable. */
function checkHoldoutsFrozen() {
  const problems = frozenProblems("fixtures/eval");
  for (const p of problems) console.error(`fixtures/eval/${p}`);
  if (problems.length > 0) process.exit(1);
  console.log("holdouts frozen: holdout.jsonl, holdout-2.jsonl and strict/holdout.jsonl match their sha256 files");
}

checkHoldoutsFrozen();
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
        // Each question's own row before (the items carry it), as the offline run read it.
        previous: items.map((item) => item.previous ?? null),
      });
      const m = metrics(score(items, refined.report));
      rows.push({ part, mode: "fake-llm", m });
      partResult.fakeLlm = { ...m, stats: refined.stats, fallbackReasons: fallbackReasons(refined.report) };
    }
    partResult.families = Object.fromEntries(
      [...new Set(items.map((i) => i.family))].map((f) => [
        f,
        metrics(offlineOutcomes.filter((o) => o.item.family === f)),
      ]),
    );
    if (part === "tuning") {
      partResult.misses = confusion(offlineOutcomes);
    }
    (results.parts as Record<string, unknown>)[part] = partResult;
  }
} finally {
  await fake?.close();
}

// The strict parts (fixtures/eval/strict/README.md): entry labels, offline, scored only when every
// part runs. The strict holdout is frozen like the others: aggregates only, its misses never printed.
const strictParts = parts.length === EVAL_PARTS.length ? STRICT_PARTS : [];
const strictScored = strictParts.map((part) => {
  const strict = readStrictSet(`fixtures/eval/strict/${part.replace("strict-", "")}.jsonl`);
  const items = strict.map((s) => s.item);
  const scoreReport = (report: AnswerReport) =>
    strict.map((s, i) => {
      const q = report.questions[i];
      if (!q || q.id !== s.item.id) throw new Error(`report out of order at ${s.item.id}`);
      return strictOutcome(s, q);
    });
  const outcomes = scoreReport(offlineReport(prepared, items));
  const setOf = (o: Outcome) => `set ${o.item.id.slice(0, 1)}`;
  rows.push({ part, mode: "offline", m: metrics(outcomes) });
  (results.parts as Record<string, unknown>)[part] = {
    offline: metrics(outcomes),
    sets: Object.fromEntries(
      [...new Set(outcomes.map(setOf))].map((k) => [k, metrics(outcomes.filter((o) => setOf(o) === k))]),
    ),
    families: Object.fromEntries(
      [...new Set(items.map((i) => i.family))].map((f) => [f, metrics(outcomes.filter((o) => o.item.family === f))]),
    ),
  };
  const entriesOf = new Map(strict.map((s) => [s.item.id, [...s.entries]]));
  const wanted = (o: Outcome) => entriesOf.get(o.item.id) ?? [];
  return { part, items, outcomes, scoreReport, setOf, wanted };
});

console.log("");
printTable(rows);
for (const part of parts) {
  const items = readEvalSet(`fixtures/eval/${part}.jsonl`);
  const outcomes = score(items, offlineReport(prepared, items));
  familyTable(outcomes, part);
  reliabilityTable(outcomes, part);
  if (flag("--sweep") || part !== "tuning") sweep(prepared, items, part);
}
for (const { part, items, outcomes, scoreReport, setOf, wanted } of strictScored) {
  familyTable(outcomes, `${part}, by probe set`, setOf);
  familyTable(outcomes, part);
  if (part === "strict-holdout") sweep(prepared, items, part, scoreReport);
  if (part === "strict-tuning" && flag("--strict-misses")) {
    console.log("\nconfusion list (strict-tuning, offline):");
    for (const line of confusion(outcomes, wanted)) console.log(`  ${line}`);
  }
}
if (parts.includes("tuning")) {
  // Neither holdout's failures are printed: reading them would turn it into tuning data.
  const items = readEvalSet("fixtures/eval/tuning.jsonl");
  console.log("\nconfusion list (tuning, offline):");
  for (const line of confusion(score(items, offlineReport(prepared, items)))) console.log(`  ${line}`);
}
// The weak-practice probe (tuning data): false Yes claims on questions about lapses and exceptions.
const polarity = scorePolarity(prepared, CUSTOMER);
printPolarity(polarity);
results.polarity = polarity;
if (parts.length === EVAL_PARTS.length) writeFileSync("eval/results.json", `${JSON.stringify(results, null, 2)}\n`);
