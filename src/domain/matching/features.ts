import { RANKER } from "./ranker-weights.js";

/**
 * What the ranker reads of one (question, entry) pair. Every feature is a share or a ratio (about
 * 0..1) so that one set of weights holds for short and long questions and for any library size.
 */
export const FEATURE_NAMES = [
  /** Share of the question's information (idf mass) found anywhere in the entry's texts. */
  "coverage",
  /** The same for the ask alone (a long question's context sentences left out). */
  "focusCoverage",
  /** Share found in the single best-matching question or phrasing. */
  "phrasingCoverage",
  /** Weighted Dice of the ask and that phrasing: they say the same thing, both ways. */
  "dice",
  /** BM25 of the best phrasing over the best any phrasing could score for this question. */
  "questionStrength",
  /** The same for the entry's answer text. */
  "answerStrength",
  /** Share of the question found in the language of the entry's controls (Annex A titles, descriptions). */
  "controlCoverage",
  /** How far this entry's BM25 leads (or trails) the best other shortlisted entry. */
  "lead",
  /** 1 for the BM25 leader. */
  "topRank",
  /** Share of the question's information in words the library never uses: what no entry can answer. */
  "unknownShare",
  /** Share of the security concepts the question names (§mfa, §backup…) that the entry names too. */
  "conceptShare",
  /** How many distinct content words the ask has (log-scaled). */
  "queryTerms",
  /** 1 when the ask follows sentences of context. */
  "longQuestion",
  /** 1 when the question is a governance template around a topic. */
  "governance",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Readonly<Record<FeatureName, number>>;

/** A logistic model: the probability that an entry answers a question. */
export interface RankerWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<FeatureName, number>>;
}

export function probabilityOf(features: Features, ranker: RankerWeights = RANKER): number {
  let z = ranker.bias;
  for (const name of FEATURE_NAMES) z += (ranker.weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-z));
}
