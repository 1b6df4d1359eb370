import { expect } from "vitest";
import { parseCellRef } from "../../src/domain/questionnaire/cell-ref.js";
import type { Question } from "../../src/domain/questionnaire/types.js";
import { neutraliseFormula } from "../../src/export/csv/field.js";
import { writeBackCsv } from "../../src/export/csv-writeback.js";
import type { WriteBackAnswer } from "../../src/export/types.js";
import { type CsvFile, readCsvFile } from "../../src/ingest/csv.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";

/**
 * ingest → write-back → ingest on one CSV, and what must hold: the same questions, each answer
 * where ingest said it goes, and every byte outside the written fields unchanged.
 */

/** An answer for every question: a value for yes/no and choice, `text` in the comment (or answer) cell. */
export function answersTo(questions: readonly Question[], text: (q: Question) => string): WriteBackAnswer[] {
  return questions.map((q) => ({
    sheet: q.location.sheet,
    row: q.location.row,
    answerCell: q.location.answerCell,
    commentCell: q.location.commentCell,
    kind: q.kind,
    value: q.kind === "free_text" ? null : (q.allowedValues?.[0] ?? "Yes"),
    text: text(q),
    allowedValues: q.allowedValues,
  }));
}

/** What ingest reads back from a field the write-back filled with `written`. */
const readBack = (written: string, eol: string) =>
  neutraliseFormula(written)
    .replace(/\r\n?|\n/g, eol)
    .trim();

export async function roundTrip(bytes: Uint8Array, text: (q: Question) => string = (q) => `Answer to ${q.text}`) {
  const before = await ingestQuestionnaire(bytes, "questionnaire.csv");
  const answers = answersTo(before.questions, text);
  const result = writeBackCsv(bytes, answers);
  const after = await ingestQuestionnaire(result.bytes, "questionnaire.csv");
  const original = readCsvFile(bytes);
  const filled = readCsvFile(result.bytes);
  const cell = (file: CsvFile, ref: string | null) => {
    const a = ref === null ? null : parseCellRef(ref);
    return a ? (file.records[a.row - 1]?.fields[a.col - 1]?.value.trim() ?? "") : "";
  };

  // The same questions, found in the same places; only the customer's answers may have appeared.
  const strip = ({ existingAnswer: _, ...q }: Question) => q;
  expect(after.questions.map(strip)).toEqual(before.questions.map(strip));
  expect(filled.encoding).toBe(original.encoding);
  expect(filled.delimiter).toBe(original.delimiter);
  expect(filled.records.length).toBe(original.records.length);

  // Each answer in place: kept where the customer had answered, ours everywhere else.
  before.questions.forEach((q, i) => {
    const a = answers[i];
    if (!a) return;
    const mine = after.questions[i]?.existingAnswer;
    if (q.existingAnswer !== null) {
      expect(mine).toBe(q.existingAnswer);
      expect(result.cellsKept).toContain(q.location.answerCell);
      return;
    }
    const inAnswerCell = a.value ?? a.text;
    expect(mine, `${q.id} answer`).toBe(readBack(inAnswerCell, original.eol) || null);
    const comment = q.location.commentCell;
    if (a.value !== null && comment !== null) {
      // The customer's own comment stays; an empty comment cell gets our text.
      const theirs = cell(original, comment);
      expect(cell(filled, comment), `${q.id} comment`).toBe(theirs || readBack(a.text, original.eol));
      if (theirs) expect(result.cellsKept).toContain(comment);
    }
  });

  expect(outsideWritten(filled, result.bytes, result.cellsWritten, original)).toEqual(
    outsideWritten(original, bytes, result.cellsWritten, original),
  );
  return { before, after, answers, result, original, filled };
}

/**
 * The file's bytes with the written fields cut out, as hex runs. A field the record did not have
 * (a short record padded by the write-back) is cut from the end of the original record's last
 * field to the end of the last field written after it.
 */
function outsideWritten(file: CsvFile, bytes: Uint8Array, written: readonly string[], original: CsvFile): string[] {
  const cuts: [number, number][] = [];
  const appendedTo = new Map<number, number>();
  for (const ref of written) {
    const a = parseCellRef(ref);
    const had = a ? original.records[a.row - 1]?.fields.length : undefined;
    if (!a || had === undefined) throw new Error(`written cell ${ref} is not in the original file`);
    const record = file.records[a.row - 1];
    if (!record) throw new Error(`record ${a.row} is missing`);
    if (a.col <= had) {
      const f = record.fields[a.col - 1];
      if (f) cuts.push([f.start, f.end]);
    } else appendedTo.set(a.row, Math.max(appendedTo.get(a.row) ?? 0, a.col));
  }
  for (const [row, last] of appendedTo) {
    const record = file.records[row - 1];
    const had = original.records[row - 1]?.fields.length ?? 0;
    if (!record) continue;
    const from = record.fields[had - 1]?.end ?? record.end;
    const to = record.fields[last - 1]?.end ?? record.end;
    cuts.push([from, to]);
  }
  cuts.sort((x, y) => x[0] - y[0]);
  const runs: string[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    runs.push(Buffer.from(bytes.subarray(at, start)).toString("hex"));
    at = end;
  }
  runs.push(Buffer.from(bytes.subarray(at)).toString("hex"));
  return runs;
}
