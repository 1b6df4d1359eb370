import { CALIBRATION, RELEVANCE } from "./ranker-weights.js";

/**
 * What matching reads of one (question, entry) pair. Every feature is a share or a ratio (about
 * 0..1) so that one set of weights holds for short and long questions and for any library size.
 */
export interface Features {
  /** Share of the question's information (idf mass) found anywhere in the entry's texts. */
  readonly coverage: number;
  /** Share found anywhere among the entries on the same topic (the entry's neighbourhood). */
  readonly topicCoverage: number;
  /** Share found in the single best-matching question or phrasing. */
  readonly phrasingCoverage: number;
  /** Weighted Dice of the ask and that phrasing: they say the same thing, both ways. */
  readonly dice: number;
  /** BM25 of the best phrasing over the best any phrasing could score for this question (capped at 1.5). */
  readonly questionStrength: number;
  /** The same for the entry's answer text. */
  readonly answerStrength: number;
  /** The same for the language of the entry's controls (Annex A titles, control descriptions). */
  readonly controlStrength: number;
  /** Share of the security concepts the question names (§mfa, §backup…) that the entry names too (0.5 when none). */
  readonly conceptShare: number;
  /** Share of the question's information in words the library never uses: what no entry can answer. */
  readonly unknownShare: number;
  /** How many distinct content words the ask has (log-scaled, 1 at about 20). */
  readonly queryTerms: number;
  /** 1 when the ask follows sentences of context. */
  readonly longQuestion: number;
  /** 1 when the question is a governance template around a topic. */
  readonly governance: number;
  /** Character 4-gram cosine of the question and the entry's closest question or phrasing (char-grams.ts). */
  readonly gramSimilarity: number;
}

/** Weights of the relevance score that orders entries for one question (see RELEVANCE). */
export type RelevanceWeights = Readonly<
  Record<
    | "coverage"
    | "topicCoverage"
    | "dice"
    | "questionStrength"
    | "answerStrength"
    | "controlStrength"
    | "concept"
    | "gram",
    number
  >
>;

/** How well an entry answers a question, for ordering the candidates of one question. */
export function relevanceOf(f: Features, w: RelevanceWeights = RELEVANCE): number {
  return (
    w.coverage * f.coverage +
    w.topicCoverage * f.topicCoverage +
    w.dice * f.dice +
    w.questionStrength * Math.min(1, f.questionStrength) +
    w.answerStrength * Math.min(1, f.answerStrength) +
    w.controlStrength * Math.min(1, f.controlStrength) +
    w.concept * (f.conceptShare - 0.5) +
    w.gram * f.gramSimilarity
  );
}

/**
 * The part of relevance the character-gram reading adds: what a tie "on the words" leaves out
 * (answering/siblings.ts).
 */
export function gramPart(f: Features, w: RelevanceWeights = RELEVANCE): number {
  return w.gram * f.gramSimilarity;
}

/**
 * What calibration reads: the best entry's features, its relevance, and how far it leads the next
 * one. A clear leader that covers the question is likely right; a narrow lead is a coin toss.
 * Only measures of fit are read. Priors on the question's form (its length, a governance template,
 * a long preamble, unknown words) were dropped: fitted on the tuning families they added up to
 * +10 on the logit, so on a CAIQ-style workbook long template questions were "certain" (0.99)
 * with half their words unmatched. Cross-validated on tuning, dropping them cost nothing.
 */
export const CALIBRATION_FEATURES = [
  "relevance",
  "lead",
  "consensus",
  "coverage",
  "phrasingCoverage",
  "dice",
  "questionStrength",
  "queryTerms",
] as const;
export type CalibrationFeature = (typeof CALIBRATION_FEATURES)[number];
export type CalibrationInput = Readonly<Record<CalibrationFeature, number>>;

/** A logistic model: the probability that the entry answers the question. */
export interface CalibrationWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<CalibrationFeature, number>>;
}

export function calibrationInput(f: Features, relevance: number, lead: number, consensus: number): CalibrationInput {
  return {
    relevance,
    lead,
    consensus,
    coverage: f.coverage,
    phrasingCoverage: f.phrasingCoverage,
    dice: f.dice,
    questionStrength: Math.min(1.5, f.questionStrength),
    queryTerms: f.queryTerms,
  };
}

export function probabilityOf(input: CalibrationInput, model: CalibrationWeights = CALIBRATION): number {
  let z = model.bias;
  for (const name of CALIBRATION_FEATURES) z += (model.weights[name] ?? 0) * input[name];
  return 1 / (1 + Math.exp(-z));
}
