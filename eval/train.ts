/**
 * `npm run train`: fits the ranker (src/domain/matching/features.ts) on the TUNING part of the eval
 * set only, and writes src/domain/matching/ranker-weights.ts. The holdout is never read here.
 *
 * For every tuning question, each shortlisted entry is one example: label 1 when the entry's
 * controls map to an acceptable Annex A id, 0 otherwise (all 0 for unanswerable questions). A
 * logistic regression with an L2 penalty learns the weights; its output is the probability that
 * an entry answers the question, which the draft bar reads. The draft bar is chosen on 5-fold
 * cross-validated probabilities (each question scored by a model that did not see it), so the
 * figures printed for tuning are out-of-sample, not a fit's echo.
 *
 * Flags: --dry (print, write nothing), --lambda <n> (L2 strength, default 1), --target <p>
 * (cross-validated precision the draft bar must reach, default 0.98).
 */
import { writeFileSync } from "node:fs";
import type { PreparedLibrary } from "../src/domain/answering/answer-questions.js";
import { prepareLibrary } from "../src/domain/answering/prepare.js";
import { FEATURE_NAMES, type Features, probabilityOf, type RankerWeights } from "../src/domain/matching/features.js";
import { buildQuery, matchQuery, SHORTLIST } from "../src/domain/matching/match.js";
import { loadLibraryDir } from "../src/library-files/load.js";
import { type EvalItem, readEvalSet } from "./dataset.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const LAMBDA = arg("--lambda", 1);
const TARGET = arg("--target", 0.98);
const FOLDS = 5;

interface Example {
  readonly question: number;
  readonly x: number[];
  readonly y: 0 | 1;
}

function isoRefsOf(prepared: PreparedLibrary, entryId: string): Set<string> {
  const entry = prepared.entriesById.get(entryId);
  const refs = new Set<string>();
  for (const id of entry?.controls ?? []) {
    for (const r of prepared.controlsById.get(id)?.refs ?? []) if (r.framework === "ISO27001:2022") refs.add(r.ref);
  }
  return refs;
}

function examplesOf(prepared: PreparedLibrary, items: readonly EvalItem[]): Example[] {
  const out: Example[] = [];
  items.forEach((item, question) => {
    const candidates = matchQuery(prepared.index, buildQuery(prepared.index, item.text, item.previous), SHORTLIST);
    for (const c of candidates) {
      const refs = isoRefsOf(prepared, c.entryId);
      const y = item.answerable && item.acceptable.some((a) => refs.has(a)) ? 1 : 0;
      out.push({ question, x: FEATURE_NAMES.map((n) => c.features[n]), y });
    }
  });
  return out;
}

/** L2-penalised logistic regression by gradient descent on standardised features. */
function fit(examples: readonly Example[]): RankerWeights {
  const d = FEATURE_NAMES.length;
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((s, e) => s + (e.x[j] ?? 0), 0) / examples.length);
  const sd = Array.from({ length: d }, (_, j) => {
    const v = examples.reduce((s, e) => s + ((e.x[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / examples.length;
    return Math.sqrt(v) || 1;
  });
  const z = examples.map((e) => e.x.map((v, j) => (v - (mean[j] ?? 0)) / (sd[j] ?? 1)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = examples.length;
  for (let iter = 0; iter < 3000; iter++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = z[i] ?? [];
      let s = b;
      for (let j = 0; j < d; j++) s += (w[j] ?? 0) * (xi[j] ?? 0);
      const err = 1 / (1 + Math.exp(-s)) - (examples[i]?.y ?? 0);
      for (let j = 0; j < d; j++) gw[j] = (gw[j] ?? 0) + err * (xi[j] ?? 0);
      gb += err;
    }
    const rate = 0.5;
    for (let j = 0; j < d; j++) w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / n + (LAMBDA * (w[j] ?? 0)) / n);
    b -= rate * (gb / n);
  }
  // Back to the raw feature scale, so the domain applies the weights to features as computed.
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, (w[j] ?? 0) / (sd[j] ?? 1)])) as Record<
    (typeof FEATURE_NAMES)[number],
    number
  >;
  const bias = b - FEATURE_NAMES.reduce((s, _, j) => s + ((w[j] ?? 0) * (mean[j] ?? 0)) / (sd[j] ?? 1), 0);
  return { bias, weights };
}

const toFeatures = (x: readonly number[]): Features =>
  Object.fromEntries(FEATURE_NAMES.map((n, j) => [n, x[j] ?? 0])) as unknown as Features;

/** Per question: the probability of its best entry and whether that entry is right. */
interface TopChoice {
  readonly p: number;
  readonly correct: boolean;
  readonly answerable: boolean;
}

function topChoices(examples: readonly Example[], model: RankerWeights, items: readonly EvalItem[]): TopChoice[] {
  const byQuestion = new Map<number, Example[]>();
  for (const e of examples) byQuestion.set(e.question, [...(byQuestion.get(e.question) ?? []), e]);
  return items.map((item, q) => {
    const scored = (byQuestion.get(q) ?? []).map((e) => ({ p: probabilityOf(toFeatures(e.x), model), y: e.y }));
    const best = scored.sort((a, b) => b.p - a.p)[0];
    return { p: best?.p ?? 0, correct: best?.y === 1, answerable: item.answerable };
  });
}

function curve(choices: readonly TopChoice[]) {
  const answerable = choices.filter((c) => c.answerable).length;
  const rows: { bar: number; precision: number; coverage: number; drafted: number }[] = [];
  for (let bar = 0.3; bar <= 0.951; bar += 0.025) {
    const drafted = choices.filter((c) => c.p >= bar);
    const right = drafted.filter((c) => c.correct).length;
    rows.push({
      bar: Math.round(bar * 1000) / 1000,
      precision: drafted.length === 0 ? 1 : right / drafted.length,
      coverage: choices.filter((c) => c.p >= bar && c.answerable).length / answerable,
      drafted: drafted.length,
    });
  }
  return rows;
}

function reliability(choices: readonly TopChoice[]) {
  const bins = [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  return bins.slice(0, -1).map((lo, i) => {
    const hi = bins[i + 1] ?? 1;
    const inBin = choices.filter((c) => c.p >= lo && c.p < hi);
    const mean = inBin.reduce((s, c) => s + c.p, 0) / (inBin.length || 1);
    const right = inBin.filter((c) => c.correct).length / (inBin.length || 1);
    return { bin: `${lo.toFixed(2)}-${Math.min(1, hi).toFixed(2)}`, n: inBin.length, predicted: mean, observed: right };
  });
}

const library = await loadLibraryDir("answer-library");
const prepared = prepareLibrary(library);
const items = readEvalSet("fixtures/eval/tuning.jsonl");
const examples = examplesOf(prepared, items);
console.log(`tuning: ${items.length} questions, ${examples.length} (question, entry) examples, λ=${LAMBDA}`);

// Cross-validated probabilities: fold by question, each fold scored by a model fitted without it.
const foldOf = (q: number) => q % FOLDS;
const cvChoices: TopChoice[] = new Array(items.length);
for (let f = 0; f < FOLDS; f++) {
  const model = fit(examples.filter((e) => foldOf(e.question) !== f));
  const held = items.map((_, q) => q).filter((q) => foldOf(q) === f);
  const choices = topChoices(
    examples.filter((e) => foldOf(e.question) === f),
    model,
    items,
  );
  for (const q of held) cvChoices[q] = choices[q] as TopChoice;
}

const rows = curve(cvChoices);
console.log("\ncross-validated precision / coverage by draft bar (tuning):");
for (const r of rows)
  console.log(
    `  ${r.bar.toFixed(3)}  precision ${(r.precision * 100).toFixed(1)}%  coverage ${(r.coverage * 100).toFixed(1)}%  drafted ${r.drafted}`,
  );
console.log("\nreliability (cross-validated, tuning): bin  n  predicted  observed");
for (const r of reliability(cvChoices))
  console.log(`  ${r.bin}  ${String(r.n).padStart(4)}  ${r.predicted.toFixed(3)}  ${r.observed.toFixed(3)}`);

const bar =
  rows.find((r) => r.precision >= TARGET && rows.filter((o) => o.bar >= r.bar).every((o) => o.precision >= TARGET))
    ?.bar ?? 0.9;
const model = fit(examples);
console.log(`\ndraft bar for cross-validated precision ≥ ${TARGET}: ${bar}`);
console.log("weights (raw feature scale):");
for (const name of FEATURE_NAMES) console.log(`  ${name.padEnd(18)} ${model.weights[name].toFixed(3)}`);
console.log(`  ${"bias".padEnd(18)} ${model.bias.toFixed(3)}`);

if (!args.includes("--dry")) {
  const fmt = (n: number) => Number(n.toFixed(4));
  const body = `// Generated by \`npm run train\` (eval/train.ts) from fixtures/eval/tuning.jsonl only (${items.length} questions,
// λ=${LAMBDA}). Do not edit by hand: change the features or the tuning data and run it again.
import type { RankerWeights } from "./features.js";

export const RANKER: RankerWeights = {
  bias: ${fmt(model.bias)},
  weights: {
${FEATURE_NAMES.map((n) => `    ${n}: ${fmt(model.weights[n])},`).join("\n")}
  },
};

/** The probability at or above which an answer is drafted: cross-validated precision ≥ ${TARGET} on tuning. */
export const DRAFT_BAR = ${bar};
`;
  writeFileSync("src/domain/matching/ranker-weights.ts", body);
  console.log("wrote src/domain/matching/ranker-weights.ts");
}
