import type { ReportQuestion } from "../../domain/answering/report.js";

/**
 * A large questionnaire repeats its questions (5,000 rows, ~450 texts) and answering drafts a
 * repeated question once and copies the draft (equal arrays, not the same ones). Saving stores
 * every row, but it need not encode and examine every copy: JSON.stringify of the answers' eight
 * JSON columns and each row's insight key were over a third of a 5,000-row save (issue 13).
 */

/** A draft's values stored as JSON columns on its answer row. */
const JSON_FIELDS = [
  "controls",
  "citations",
  "onRequest",
  "withheld",
  "entryIds",
  "alternatives",
  "notes",
  "matchedTerms",
] as const satisfies readonly (keyof ReportQuestion)[];

export interface RepeatedDrafts {
  /**
   * The report's rows in order. A row whose question text came earlier has each JSON value that
   * equals the first such row's replaced by that row's own object, so the insert encodes it once
   * (insertRows keeps the encoding of an object it has seen); other rows are the report's objects.
   */
  readonly rows: readonly ReportQuestion[];
  /**
   * Per row, the first row with the same question text when the two drafts are equal in every
   * field (status, answer, confidence, entry and every JSON value), else the row's own index.
   */
  readonly sameAs: Int32Array;
}

export function repeatedDrafts(questions: readonly ReportQuestion[]): RepeatedDrafts {
  const firstWithText = new Map<string, number>();
  const rows: ReportQuestion[] = new Array(questions.length);
  const sameAs = new Int32Array(questions.length);
  for (let i = 0; i < questions.length; i++) {
    const row = questions[i] as ReportQuestion;
    rows[i] = row;
    sameAs[i] = i;
    const f = firstWithText.get(row.question);
    if (f === undefined) {
      firstWithText.set(row.question, i);
      continue;
    }
    const first = rows[f] as ReportQuestion;
    let shared: Record<string, unknown> | undefined;
    let all = true;
    for (const field of JSON_FIELDS) {
      const own = row[field];
      const theirs = first[field];
      if (own === theirs) continue;
      if (sameJson(own, theirs)) {
        shared ??= { ...row };
        shared[field] = theirs;
      } else {
        all = false;
      }
    }
    if (shared) rows[i] = shared as unknown as ReportQuestion;
    if (
      all &&
      row.status === first.status &&
      row.confidence === first.confidence &&
      row.entryId === first.entryId &&
      row.answer?.value === first.answer?.value &&
      row.answer?.text === first.answer?.text &&
      (row.answer === null) === (first.answer === null)
    ) {
      sameAs[i] = f;
    }
  }
  return { rows, sameAs };
}

/**
 * True when JSON.stringify would write the same text for both values: equal primitives, arrays
 * of such, and plain objects with the same keys in the same order (an own toJSON would be a key
 * like any other, compared by identity). A class instance or NaN is only the same when it is the
 * same object, which keeps the answer on the safe side: a false "different" costs one more
 * stringify, never a wrong row.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== other[i] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
