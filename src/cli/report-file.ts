import { open } from "node:fs/promises";
import type { AnswerReport } from "../domain/answering/report.js";

/**
 * The report as `JSON.stringify(report, null, 2)` writes it plus a final newline, byte for byte,
 * produced a question at a time: a 5,000-question report is ~12 MB, which as one string (and its
 * UTF-8 copy) would be built in memory whole before the first byte reached the disk.
 */
export function* reportJsonChunks(report: AnswerReport): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== "function");
  yield "{";
  for (const [i, [key, value]] of entries.entries()) {
    yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    if (key === "questions" && Array.isArray(value) && value.length > 0) {
      yield "[";
      const written = new WeakMap<object, Written>();
      for (const [j, question] of value.entries())
        yield `${j === 0 ? "" : ","}\n    ${questionJson(question, written)}`;
      yield "\n  ]";
    } else {
      yield indent(JSON.stringify(value, null, 2), "  ");
    }
  }
  yield entries.length === 0 ? "}\n" : "\n}\n";
}

const indent = (json: string, by: string) => json.replaceAll("\n", `\n${by}`);

/**
 * One question as it sits in the report's array, two levels deep (its lines indented by four more
 * spaces), as JSON.stringify writes it. Stringifying it inside two arrays makes JSON.stringify indent
 * it so, and the wrappers' brackets are cut off: a third of the time of indenting it afterwards.
 */
const OPEN = "[\n  [\n    ";
const CLOSE = "\n  ]\n]";
function stringified(question: unknown): string {
  const wrapped = JSON.stringify([[question]], null, 2);
  return wrapped.slice(OPEN.length, wrapped.length - CLOSE.length);
}

/**
 * A question written whole, kept for the rows that repeat it: its keys and values, its text, and
 * where each key's line begins in the text (its comma included) and where the closing line does.
 */
interface Written {
  readonly question: Readonly<Record<string, unknown>>;
  readonly keys: readonly string[];
  readonly json: string;
  /** Per key, the offset of its part, or of the next written key's when it is left out. */
  readonly starts: readonly number[];
  /** Per key, whether any key before it was written (its part then opens with a comma). */
  readonly after: readonly boolean[];
}

/** A key's line inside a question: six spaces, then its quoted name (a value's lines are deeper). */
const KEY_LINE = '\n      "';
const KEY_INDENT = "\n      ";
const END_LINE = "\n    }";

/**
 * A repeated question's row (answerQuestionnaire) is its first row's answer, arrays and items, the
 * same frozen objects, with its own place: id, sheet, row, source id, section and allowed values. Its
 * text is the first row's with the span of keys whose values differ written afresh, so a 5,000-row
 * report stringifies ~2 KB of answer once per distinct question and not per row. The first row is
 * found by the row's first frozen value; every key is then compared (the same value, or arrays of
 * the same items, write the same text: nothing changes a report while it is written). Another key
 * order, a toJSON, or anything but a plain object is stringified whole, as before. A key's line is
 * found by its indent: a string's line breaks are escaped, and a value's own keys sit deeper.
 */
function questionJson(question: unknown, written: WeakMap<object, Written>): string {
  if (!isPlainRow(question)) return stringified(question);
  const keys = Object.keys(question);
  let anchor: object | null = null;
  for (const key of keys) {
    const value = question[key];
    if (value !== null && typeof value === "object" && Object.isFrozen(value)) {
      anchor = value;
      break;
    }
  }
  const first = anchor === null ? undefined : written.get(anchor);
  if (first) {
    const json = repeatJson(question, keys, first);
    if (json !== null) return json;
  }
  const json = stringified(question);
  if (anchor !== null && !first) {
    const kept = writtenOf(question, keys, json);
    if (kept) written.set(anchor, kept);
  }
  return json;
}

function isPlainRow(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !("toJSON" in value);
}

/** Whether JSON.stringify leaves the key out: undefined, a function, a symbol. */
const leftOut = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

/** Where each key's part begins in a question's text; null when the text is not read as expected. */
function writtenOf(question: Readonly<Record<string, unknown>>, keys: readonly string[], json: string): Written | null {
  if (!json.endsWith(END_LINE)) return null; // no key written: "{}"
  const starts: number[] = [];
  const after: boolean[] = [];
  let line = json.indexOf(KEY_LINE);
  let any = false;
  for (const key of keys) {
    after.push(any);
    if (leftOut(question[key])) {
      starts.push(-1);
      continue;
    }
    if (line < 0) return null;
    starts.push(any ? line - 1 : line); // a part opens with the comma after the part before it
    any = true;
    line = json.indexOf(KEY_LINE, line + 1);
  }
  if (line >= 0) return null; // more key lines than keys written: not the text expected
  // A key left out begins where the next written key does, or the closing line.
  let next = json.length - END_LINE.length;
  for (let k = keys.length - 1; k >= 0; k--) {
    if (starts[k] === -1) starts[k] = next;
    else next = starts[k] as number;
  }
  return { question, keys, json, starts, after };
}

/** Values that JSON.stringify writes the same: the same value, or arrays of the same items. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** The repeat's text from its first row's, or null when it must be stringified whole. */
function repeatJson(
  question: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  first: Written,
): string | null {
  if (keys.length !== first.keys.length) return null;
  let lo = -1;
  let hi = -1;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    if (key !== first.keys[k]) return null;
    if (sameJson(question[key], first.question[key])) continue;
    if (lo < 0) lo = k;
    hi = k;
  }
  if (lo < 0) return first.json;
  let middle = "";
  let any = first.after[lo] as boolean;
  for (let k = lo; k <= hi; k++) {
    const key = keys[k] as string;
    const value = question[key];
    if (leftOut(value)) continue;
    if (value !== null && typeof value === "object" && "toJSON" in value) return null;
    const json =
      value !== null && typeof value === "object"
        ? indent(JSON.stringify(value, null, 2), "      ")
        : (JSON.stringify(value) as string);
    middle += `${any ? "," : ""}${KEY_INDENT}${JSON.stringify(key)}: ${json}`;
    any = true;
  }
  // The part after hi opens with a comma when the first row wrote a key before it: so must this row.
  const next = hi + 1 < keys.length ? (first.after[hi + 1] as boolean) : null;
  if (next !== null && next !== any) return null;
  if (!any) return null; // nothing written at all ends in "{}", not the first row's closing line
  return `${first.json.slice(0, first.starts[lo])}${middle}${first.json.slice(hi + 1 < keys.length ? first.starts[hi + 1] : first.json.length - END_LINE.length)}`;
}

/** Bytes gathered before a write: few, large writes instead of one per question. */
const BATCH_BYTES = 1 << 20;

/**
 * Writes the report file from reportJsonChunks, each chunk UTF-8-encoded straight into a reused
 * one-megabyte buffer: joining the chunks into strings first and encoding those cost twice as much
 * (a 5,000-question report: ~300 → ~150 ms).
 */
export async function writeReportFile(path: string, report: AnswerReport): Promise<void> {
  const file = await open(path, "w");
  try {
    const buffer = Buffer.allocUnsafe(BATCH_BYTES);
    let used = 0;
    for (const chunk of reportJsonChunks(report)) {
      // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
      const most = chunk.length * 3;
      if (used + most > BATCH_BYTES && used > 0) {
        await file.write(buffer, 0, used);
        used = 0;
      }
      if (most > BATCH_BYTES) await file.write(chunk);
      else used += buffer.write(chunk, used);
    }
    if (used > 0) await file.write(buffer, 0, used);
  } finally {
    await file.close();
  }
}
