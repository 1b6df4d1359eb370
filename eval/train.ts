/**
 * `npm run train`: sets the matching weights from the TUNING part of the eval set only and writes
 * src/domain/matching/ranker-weights.ts. Neither holdout (holdout.jsonl, holdout-2.jsonl) is read here.
 *
 * Two steps, each checked out of sample by leave-one-family-out cross-validation (every figure
 * printed for tuning comes from weights fitted without that question's questionnaire family):
 * 1. Relevance: a coordinate search over a small grid of weights (features.ts relevanceOf) for the
 *    ordering that puts a right entry first for the most answerable questions.
 * 2. Calibration: a logistic regression (L2) on each question's best entry — its features, its
 *    relevance and its lead over the next — that says how likely that entry is right. A question
 *    whose label is unanswerable counts as "not right" whatever the entry. The draft bar is the
 *    lowest probability at which cross-validated precision stays at or above --target.
 *
 * Flags: --dry (print, write nothing), --target <p> (default 0.985), --lambda <n> (default 2),
 * --calibration-only (keep today's relevance weights, in the folds too; refit calibration and bar).
 */
import { writeFileSync } from "node:fs";
import type { PreparedLibrary } from "../src/domain/answering/answer-questions.js";
import { prepareLibrary } from "../src/domain/answering/prepare.js";
import {
  CALIBRATION_FEATURES,
  type CalibrationWeights,
  calibrationInput,
  type Features,
  probabilityOf,
  type RelevanceWeights,
  relevanceOf,
} from "../src/domain/matching/features.js";
import { buildQuery, matchQuery, SHORTLIST } from "../src/domain/matching/match.js";
import { RELEVANCE } from "../src/domain/matching/ranker-weights.js";
import { outOfScope } from "../src/domain/matching/scope.js";
import { loadLibraryDir } from "../src/library-files/load.js";
import { type EvalItem, readEvalSet } from "./dataset.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
// 0.985, not the 0.97 the holdout is asked for: leave-one-family-out on tuning still reads a library
// and rules written against these families, and ran about eight points above the holdout at the
// same bar (2026-12-04), so the bar is set where tuning is stricter than the goal.
const TARGET = arg("--target", 0.985);
const LAMBDA = arg("--lambda", 2);
const CALIBRATION_ONLY = args.includes("--calibration-only");

interface Shortlisted {
  readonly features: Features;
  readonly right: boolean;
  readonly controls: readonly string[];
}
interface TuningQuestion {
  readonly item: EvalItem;
  readonly fold: number;
  /** Out of scope, about the buyer's own systems, or a follow-up: never drafted, whatever matches. */
  readonly routed: boolean;
  readonly candidates: readonly Shortlisted[];
}

function isoRefsOf(prepared: PreparedLibrary, entryId: string): Set<string> {
  const refs = new Set<string>();
  for (const id of prepared.entriesById.get(entryId)?.controls ?? []) {
    for (const r of prepared.controlsById.get(id)?.refs ?? []) if (r.framework === "ISO27001:2022") refs.add(r.ref);
  }
  return refs;
}

/**
 * Folds are questionnaire families: each family is scored by weights fitted on the others, which is
 * what a buyer's questionnaire in a style nobody here wrote does to the engine.
 */
function shortlists(prepared: PreparedLibrary, items: readonly EvalItem[]): TuningQuestion[] {
  const families = [...new Set(items.map((i) => i.family))].sort();
  return items.map((item) => {
    const query = buildQuery(prepared.index, item.text, item.previous);
    return {
      item,
      fold: families.indexOf(item.family),
      routed:
        outOfScope(item.text, query.analysis.focus) !== null ||
        query.analysis.buyerSpecific !== null ||
        query.analysis.followUp,
      candidates: matchQuery(prepared.index, query, SHORTLIST).map((c) => {
        const refs = isoRefsOf(prepared, c.entryId);
        return {
          features: c.features,
          right: item.answerable && item.acceptable.some((a) => refs.has(a)),
          controls: prepared.entriesById.get(c.entryId)?.controls ?? [],
        };
      }),
    };
  });
}

/** The best candidate under these weights, with its relevance and its lead over the runner-up. */
function top(q: TuningQuestion, w: RelevanceWeights) {
  const ranked = q.candidates.map((c) => ({ c, r: relevanceOf(c.features, w) })).sort((a, b) => b.r - a.r);
  const [first, second] = ranked;
  if (!first) return null;
  const others = ranked.slice(1, 5);
  const consensus =
    others.length === 0
      ? 1
      : others.filter((o) => o.c.controls.some((id) => first.c.controls.includes(id))).length / others.length;
  return { candidate: first.c, relevance: first.r, lead: first.r - (second?.r ?? 0), consensus };
}

const top1 = (qs: readonly TuningQuestion[], w: RelevanceWeights) => {
  const answerable = qs.filter((q) => q.item.answerable);
  return answerable.filter((q) => top(q, w)?.candidate.right).length / (answerable.length || 1);
};

const GRID: Record<keyof RelevanceWeights, readonly number[]> = {
  coverage: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
  topicCoverage: [0, 0.05, 0.1, 0.15, 0.2, 0.3],
  dice: [0, 0.1, 0.2, 0.25, 0.3, 0.4],
  questionStrength: [0, 0.1, 0.2, 0.25, 0.3, 0.4],
  answerStrength: [0, 0.05, 0.1, 0.15, 0.2],
  controlStrength: [0, 0.05, 0.1, 0.15, 0.2],
  concept: [0, 0.05, 0.1, 0.15, 0.2, 0.3],
  gram: [0, 0.2, 0.4, 0.6, 0.8, 1],
};

/** Coordinate search: each weight in turn takes its best grid value, three rounds. */
function searchRelevance(qs: readonly TuningQuestion[], start: RelevanceWeights): RelevanceWeights {
  let w = { ...start };
  if (CALIBRATION_ONLY) return w;
  for (let round = 0; round < 3; round++) {
    for (const key of Object.keys(GRID) as (keyof RelevanceWeights)[]) {
      let bestValue = w[key];
      let bestScore = top1(qs, w);
      for (const v of GRID[key]) {
        const score = top1(qs, { ...w, [key]: v });
        if (score > bestScore + 1e-9) {
          bestScore = score;
          bestValue = v;
        }
      }
      w = { ...w, [key]: bestValue };
    }
  }
  return w;
}

interface Example {
  readonly x: number[];
  readonly y: 0 | 1;
}

function examples(qs: readonly TuningQuestion[], w: RelevanceWeights): Example[] {
  // Calibration learns from every question, routed ones included: the scope and buyer rules are
  // written in words, and a buyer's unanswerable question in other words must still look uncertain.
  return qs.flatMap((q) => {
    const t = top(q, w);
    if (!t) return [];
    const input = calibrationInput(t.candidate.features, t.relevance, t.lead, t.consensus);
    return [{ x: CALIBRATION_FEATURES.map((n) => input[n]), y: t.candidate.right ? 1 : 0 }];
  });
}

/** L2-penalised logistic regression by gradient descent on standardised features. */
function fitLogistic(data: readonly Example[]): CalibrationWeights {
  const d = CALIBRATION_FEATURES.length;
  const n = data.length;
  const mean = Array.from({ length: d }, (_, j) => data.reduce((s, e) => s + (e.x[j] ?? 0), 0) / n);
  const sd = Array.from(
    { length: d },
    (_, j) => Math.sqrt(data.reduce((s, e) => s + ((e.x[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / n) || 1,
  );
  const z = data.map((e) => e.x.map((v, j) => (v - (mean[j] ?? 0)) / (sd[j] ?? 1)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let iter = 0; iter < 4000; iter++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = z[i] ?? [];
      let s = b;
      for (let j = 0; j < d; j++) s += (w[j] ?? 0) * (xi[j] ?? 0);
      const err = 1 / (1 + Math.exp(-s)) - (data[i]?.y ?? 0);
      for (let j = 0; j < d; j++) gw[j] = (gw[j] ?? 0) + err * (xi[j] ?? 0);
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] = (w[j] ?? 0) - 0.5 * ((gw[j] ?? 0) / n + (LAMBDA * (w[j] ?? 0)) / n);
    b -= 0.5 * (gb / n);
  }
  const weights = Object.fromEntries(CALIBRATION_FEATURES.map((name, j) => [name, (w[j] ?? 0) / (sd[j] ?? 1)]));
  const bias = b - CALIBRATION_FEATURES.reduce((s, _, j) => s + ((w[j] ?? 0) * (mean[j] ?? 0)) / (sd[j] ?? 1), 0);
  return { bias, weights: weights as CalibrationWeights["weights"] };
}

interface Scored {
  readonly p: number;
  readonly right: boolean;
  readonly answerable: boolean;
}

function scoreFold(qs: readonly TuningQuestion[], w: RelevanceWeights, model: CalibrationWeights): Scored[] {
  return qs.map((q) => {
    const t = q.routed ? null : top(q, w);
    const p = t ? probabilityOf(calibrationInput(t.candidate.features, t.relevance, t.lead, t.consensus), model) : 0;
    return { p, right: t?.candidate.right ?? false, answerable: q.item.answerable };
  });
}

function curve(scored: readonly Scored[]) {
  const answerable = scored.filter((s) => s.answerable).length || 1;
  const rows: { bar: number; precision: number; coverage: number; drafted: number }[] = [];
  for (let bar = 0.3; bar <= 0.976; bar += 0.025) {
    const drafted = scored.filter((s) => s.p >= bar);
    rows.push({
      bar: Math.round(bar * 1000) / 1000,
      precision: drafted.length === 0 ? 1 : drafted.filter((s) => s.right).length / drafted.length,
      coverage: drafted.filter((s) => s.answerable).length / answerable,
      drafted: drafted.length,
    });
  }
  return rows;
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

const library = await loadLibraryDir("answer-library");
const prepared = prepareLibrary(library);
const items = readEvalSet("fixtures/eval/tuning.jsonl");
const questions = shortlists(prepared, items);
const FOLDS = new Set(questions.map((q) => q.fold)).size;
console.log(`tuning: ${items.length} questions (holdout not read)`);

// Out-of-sample figures: weights chosen and calibration fitted without the fold they score.
const cv: Scored[] = [];
const cvTop1: number[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = questions.filter((q) => q.fold !== f);
  const test = questions.filter((q) => q.fold === f);
  const w = searchRelevance(train, RELEVANCE);
  cvTop1.push(top1(test, w));
  const held = scoreFold(test, w, fitLogistic(examples(train, w)));
  const at = (bar: number) => {
    const d = held.filter((s) => s.p >= bar);
    const right = d.filter((s) => s.right).length;
    return `${pct(d.length ? right / d.length : 1)}/${pct(d.filter((s) => s.answerable).length / (held.filter((s) => s.answerable).length || 1))}`;
  };
  console.log(
    `  fold ${test[0]?.item.family.padEnd(16)} top-1 ${pct(top1(test, w))}  precision/coverage at 0.8 ${at(0.8)}  at 0.9 ${at(0.9)}`,
  );
  cv.push(...scoreFold(test, w, fitLogistic(examples(train, w))));
}
console.log(
  `top-1 (right entry first, answerable), cross-validated: ${pct(cvTop1.reduce((a, b) => a + b, 0) / FOLDS)} (folds ${cvTop1.map(pct).join(" ")})`,
);
console.log(`top-1 with the current weights: ${pct(top1(questions, RELEVANCE))}`);

const rows = curve(cv);
console.log(
  "\ncross-validated precision / coverage of the best entry by draft bar (tuning; drafting rules not applied):",
);
for (const r of rows)
  console.log(`  ${r.bar.toFixed(3)}  ${pct(r.precision).padStart(6)}  ${pct(r.coverage).padStart(6)}  ${r.drafted}`);

console.log("\nreliability (cross-validated, tuning): bin  n  mean p  share right");
const bins = [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
for (let i = 0; i < bins.length - 1; i++) {
  const lo = bins[i] ?? 0;
  const hi = bins[i + 1] ?? 1;
  const inBin = cv.filter((s) => s.p >= lo && s.p < hi);
  if (inBin.length === 0) continue;
  const mean = inBin.reduce((s, x) => s + x.p, 0) / inBin.length;
  const right = inBin.filter((s) => s.right).length / inBin.length;
  console.log(
    `  ${lo.toFixed(2)}-${Math.min(1, hi).toFixed(2)}  ${String(inBin.length).padStart(4)}  ${mean.toFixed(3)}  ${right.toFixed(3)}`,
  );
}

const relevance = searchRelevance(questions, RELEVANCE);
const calibration = fitLogistic(examples(questions, relevance));
const bar = rows.find((r) => rows.filter((o) => o.bar >= r.bar).every((o) => o.precision >= TARGET))?.bar ?? 0.95;
console.log(`\nrelevance weights: ${JSON.stringify(relevance)}  (top-1 ${pct(top1(questions, relevance))})`);
console.log("calibration weights:");
for (const name of CALIBRATION_FEATURES) console.log(`  ${name.padEnd(18)} ${calibration.weights[name].toFixed(3)}`);
console.log(`  ${"bias".padEnd(18)} ${calibration.bias.toFixed(3)}`);
console.log(`draft bar (cross-validated precision ≥ ${TARGET} at and above it): ${bar}`);

if (!args.includes("--dry")) {
  const fmt = (n: number) => Number(n.toFixed(4));
  const body = `// Generated by \`npm run train\` (eval/train.ts) from fixtures/eval/tuning.jsonl only (${items.length} questions).
// Do not edit by hand: change the features or the tuning data and run it again.
import type { CalibrationWeights, RelevanceWeights } from "./features.js";

/** Orders one question's candidates (${
    CALIBRATION_ONLY
      ? "kept as they were by --calibration-only: the gram weight was chosen by hand for the most right entries first on tuning and strict-tuning, eval/README"
      : "coordinate search for the most right entries first"
  }). */
export const RELEVANCE: RelevanceWeights = {
${Object.entries(relevance)
  .map(([k, v]) => `  ${k}: ${v},`)
  .join("\n")}
};

/** The probability that the best entry is right (logistic regression, L2 ${LAMBDA}). */
export const CALIBRATION: CalibrationWeights = {
  bias: ${fmt(calibration.bias)},
  weights: {
${CALIBRATION_FEATURES.map((n) => `    ${n}: ${fmt(calibration.weights[n])},`).join("\n")}
  },
};

/** The probability at or above which an answer is drafted: cross-validated precision ≥ ${TARGET} on tuning. */
export const DRAFT_BAR = ${bar};
`;
  writeFileSync("src/domain/matching/ranker-weights.ts", body);
  console.log("wrote src/domain/matching/ranker-weights.ts");
}
