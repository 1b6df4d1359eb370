import { isInverted } from "../drafting/inversion.js";
import { invertYesNo, type Polarity, polarityOf, statesValue } from "../drafting/values.js";
import type { LibraryEntry } from "../library/types.js";
import type { QuestionKind } from "../questionnaire/types.js";

/**
 * Whether an answer a person approves agrees with the library entry it came from. Used to refuse a
 * Yes/No or choice approval without a valid value, to keep "remember as phrasing" off an entry that
 * says the opposite, and to open a library conflict when an approved answer and its entry disagree.
 */

export interface AnsweredQuestion {
  readonly text: string;
  readonly kind: QuestionKind | string;
  readonly allowedValues: readonly string[] | null;
}

/** Why this value cannot be approved for this question (none, or not one the question allows), or null. */
export function approvalValueProblem(question: AnsweredQuestion, value: string | null): string | null {
  if (question.kind === "free_text") return null;
  const allowed = question.allowedValues ?? [];
  const choices = allowed.length > 0 ? allowed.join(", ") : "Yes, No or N/A";
  if (value === null || value.trim() === "")
    return `a ${question.kind} answer needs a value (${choices}) before it is approved`;
  if (allowed.length > 0) {
    const wanted = value.trim().toLowerCase();
    if (!allowed.some((a) => a.trim().toLowerCase() === wanted))
      return `"${value}" is not one of the allowed values (${choices})`;
    return null;
  }
  if (question.kind === "yes_no" && !["yes", "no", "na"].includes(polarityOf(value))) {
    return `"${value}" is not Yes, No or N/A`;
  }
  return null;
}

/** The entry's short answer as it reads for this question: flipped when the question is asked in the opposite sense. */
export function entryValueFor(question: AnsweredQuestion, entry: LibraryEntry): string | null {
  if (entry.short === null) return null;
  if (question.kind === "yes_no" && polarityOf(entry.short) === "other") {
    // "Annually" answers "Tested at least annually?" with Yes (as the drafter reads it); another
    // yes/no question says nothing the entry's value can be compared with.
    return statesValue(question.text, entry.short) ? "Yes" : null;
  }
  if (!isInverted(question.text, entry.question)) return entry.short;
  return invertYesNo(entry.short) ?? entry.short;
}

const squash = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Two values that mean the same ("Yes" and "Yes - Fully"; "Annually" and "annual"). */
export function sameValue(a: string, b: string): boolean {
  const pa: Polarity = polarityOf(a);
  const pb: Polarity = polarityOf(b);
  if (pa !== "other" || pb !== "other") return pa === pb;
  return squash(a) === squash(b) || statesValue(a, b) || statesValue(b, a);
}

/**
 * Why an approved value disagrees with its entry ("the reviewer approved No where entry X answers
 * Yes"), or null when it agrees or the entry gives no value to compare (a free-text entry).
 */
export function disagreement(question: AnsweredQuestion, value: string | null, entry: LibraryEntry): string | null {
  if (value === null || question.kind === "free_text") return null;
  const expected = entryValueFor(question, entry);
  if (expected === null || sameValue(value, expected)) return null;
  const flipped =
    expected !== entry.short ? ` (its "${entry.short}" read for a question asked the other way round)` : "";
  return `"${value}" was approved where entry ${entry.id} answers "${expected}"${flipped}`;
}

/** The value in the entry's own sense, so approved answers to differently phrased questions compare. */
export function valueInEntrySense(question: AnsweredQuestion, value: string, entry: LibraryEntry): string {
  return isInverted(question.text, entry.question) ? (invertYesNo(value) ?? value) : value;
}
