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
   * Per row, the first row with the same question text when the two drafts are equal in every
   * field (status, answer, confidence, entry and every JSON value), else the row's own index. The
   * save takes such a row's JSON values from that first row (the same objects, so insertRows
   * encodes each once) and its insight too (insightFor).
   */
  readonly sameAs: Int32Array;
  /**
   * Rows that repeat an earlier text with a draft equal in some JSON values only (an LLM pass can
   * rewrite one copy): the row with those values replaced by the first row's objects.
   */
  readonly partly: ReadonlyMap<number, ReportQuestion>;
}

export function repeatedDrafts(questions: readonly ReportQuestion[]): RepeatedDrafts {
  const firstWithText = new Map<string, number>();
  const sameAs = new Int32Array(questions.length);
  const partly = new Map<number, ReportQuestion>();
  for (let i = 0; i < questions.length; i++) {
    const row = questions[i] as ReportQuestion;
    sameAs[i] = i;
    const f = firstWithText.get(row.question);
    if (f === undefined) {
      firstWithText.set(row.question, i);
      continue;
    }
    const first = questions[f] as ReportQuestion;
    let equal = 0;
    for (const field of JSON_FIELDS) if (sameJson(row[field], first[field])) equal++;
    if (
      equal === JSON_FIELDS.length &&
      row.status === first.status &&
      row.confidence === first.confidence &&
      row.entryId === first.entryId &&
      (row.answer === null) === (first.answer === null) &&
      row.answer?.value === first.answer?.value &&
      row.answer?.text === first.answer?.text
    ) {
      sameAs[i] = f;
    } else if (equal > 0) {
      const shared: Record<string, unknown> = { ...row };
      for (const field of JSON_FIELDS) if (sameJson(row[field], first[field])) shared[field] = first[field];
      partly.set(i, shared as unknown as ReportQuestion);
    }
  }
  return { sameAs, partly };
}

/**
 * The row whose draft the save stores for row i: the first row of its text when the whole draft
 * is equal, else the row itself with its equal JSON values taken from that first row.
 */
export function storedDraft(questions: readonly ReportQuestion[], repeats: RepeatedDrafts, i: number): ReportQuestion {
  const f = repeats.sameAs[i] as number;
  if (f !== i) return questions[f] as ReportQuestion;
  return repeats.partly.get(i) ?? (questions[i] as ReportQuestion);
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
  // Same keys in the same order (JSON.stringify's order is for-in's on a plain object), walked
  // without allocating a key list per object: about 50,000 objects per 5,000-row save.
  let keys = scratch[depth];
  if (!keys) {
    keys = [];
    scratch[depth] = keys;
  }
  let n = 0;
  for (const key in a) keys[n++] = key;
  let m = 0;
  for (const key in b) if (m >= n || keys[m++] !== key) return false;
  if (m !== n) return false;
  // A nested object uses the next level's list. (Should a getter throw, depth stays one higher:
  // later calls then start one level up, which is as correct.)
  depth++;
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      depth--;
      return false;
    }
  }
  depth--;
  return true;
}

/** Key lists of the objects being compared, one per nesting level (sameJson recurses). */
const scratch: string[][] = [];
let depth = 0;

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
