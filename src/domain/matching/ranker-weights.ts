// Relevance weights are set by hand (see eval/README.md); the calibration model below is generated
// by `npm run train` (eval/train.ts) from fixtures/eval/tuning.jsonl only.
import type { CalibrationWeights, RelevanceWeights } from "./features.js";

export const RELEVANCE: RelevanceWeights = {
  coverage: 0.5,
  dice: 0.25,
  questionStrength: 0.25,
  answerStrength: 0,
  controlStrength: 0,
  concept: 0,
};

export const CALIBRATION: CalibrationWeights = {
  bias: -6,
  weights: {
    relevance: 10,
    lead: 4,
    coverage: 0,
    phrasingCoverage: 0,
    dice: 0,
    questionStrength: 0,
    unknownShare: 0,
    queryTerms: 0,
    longQuestion: 0,
    governance: 0,
  },
};

/** The probability at or above which an answer is drafted. */
export const DRAFT_BAR = 0.8;
