import type { LibraryEntry } from "../library/types.js";
import type { Question } from "../questionnaire/types.js";
import { isInverted } from "./inversion.js";
import { invertYesNo, mapShortAnswer, polarityOf } from "./values.js";

export type AnswerStatus = "drafted" | "needs_review" | "no_match";

export interface DraftThresholds {
  /** At or above: drafted. */
  readonly draft: number;
  /** At or above (and below draft): needs_review. Below: no_match. */
  readonly review: number;
}

/** Calibrated on fixtures/eval/tuning.jsonl (npm run eval). */
export const DEFAULT_THRESHOLDS: DraftThresholds = { draft: 0.5, review: 0.3 };

export interface Draft {
  readonly status: AnswerStatus;
  readonly value: string | null;
  readonly text: string;
  /** Why the draft needs a person, in words a reviewer can act on. */
  readonly notes: string[];
}

/**
 * Drafts one answer from the chosen entry in the question's own format. Never invents: a value
 * that cannot be mapped onto the allowed values, or a question phrased against the entry,
 * goes to review rather than out.
 */
export function draftAnswer(
  question: Pick<Question, "text" | "kind" | "allowedValues">,
  entry: LibraryEntry,
  matchedText: string,
  confidence: number,
  thresholds: DraftThresholds = DEFAULT_THRESHOLDS,
): Draft {
  const notes: string[] = [];
  let status: AnswerStatus = confidence >= thresholds.draft ? "drafted" : "needs_review";
  if (status === "needs_review") notes.push(`match confidence ${confidence.toFixed(2)} is below ${thresholds.draft}`);

  if (question.kind === "free_text") return { status, value: null, text: entry.answer, notes };

  if (!entry.short) {
    notes.push("the library entry has no short answer for a Yes/No or choice question");
    return { status: "needs_review", value: null, text: entry.answer, notes };
  }

  let short = entry.short;
  if (question.kind === "yes_no" && polarityOf(short) !== "other" && isInverted(question.text, matchedText)) {
    const flipped = invertYesNo(short);
    if (flipped) {
      notes.push(
        `the question is phrased in the opposite sense of the library entry: "${entry.short}" was turned into "${flipped}"; please confirm`,
      );
      short = flipped;
    } else {
      notes.push("the question may be phrased in the opposite sense of the library entry");
    }
    status = "needs_review";
  }

  const value = mapShortAnswer(short, question.allowedValues);
  if (value === null) {
    notes.push(`"${short}" is not one of the allowed values (${(question.allowedValues ?? []).join(", ")})`);
    return { status: "needs_review", value: null, text: entry.answer, notes };
  }
  return { status, value, text: entry.answer, notes };
}
