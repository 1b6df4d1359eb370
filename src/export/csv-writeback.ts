import type { CellAddress } from "../domain/questionnaire/cell-ref.js";
import { type CsvFile, readCsvFile } from "../ingest/csv.js";
import { encodeCsv } from "../ingest/csv-codec.js";
import { isPlaceholderAnswer } from "../ingest/vocabulary.js";
import { neutraliseFormula, quoteField } from "./csv/field.js";
import { type CellWrite, decideWrites, type Surface } from "./decide.js";
import type { WriteBackAnswer, WriteBackOptions, WriteBackResult } from "./types.js";

/*
 * The customer's CSV with the answer and comment fields filled in. The file is read with ingest's
 * own reader, so "C5" is the field ingest took it from: the third field of record 5 (header = 1).
 * The written fields' byte spans are replaced by the new text in the file's encoding; every other
 * byte (BOM, delimiter, quoting and spacing of other fields, line ends) is copied as it was.
 */

const GRID = "csv";

export function writeBackCsv(
  original: Uint8Array,
  answers: readonly WriteBackAnswer[],
  options?: WriteBackOptions,
): WriteBackResult {
  const file = readCsvFile(original);
  const field = (a: CellAddress) => file.records[a.row - 1]?.fields[a.col - 1];

  const surface: Surface<typeof GRID> = {
    target: () => ({ key: GRID, name: "" }),
    redirect: (_key, address) => address,
    // A template's prompt ("Please select") is no customer answer: ingest read it as empty too.
    state: (_key, address) => {
      const text = field(address)?.value.trim() ?? "";
      return text === "" || isPlaceholderAnswer(text) ? "empty" : "value";
    },
    unwritable: (_key, address) =>
      address.row > file.records.length ? `is beyond the last record (${file.records.length}) of the file` : null,
  };
  const decision = decideWrites(answers, options, surface);
  const result = { cellsWritten: decision.cellsWritten, cellsKept: decision.cellsKept, warnings: decision.warnings };
  const writes = decision.writes.get(GRID) ?? [];
  if (writes.length === 0) return { bytes: original, ...result };

  let lossy = false;
  const encode = (text: string) => {
    const encoded = encodeCsv(text, file.encoding);
    lossy ||= encoded.lossy;
    return encoded.bytes;
  };
  const bytes = splice(original, csvSplices(file, writes, encode));
  if (lossy) {
    result.warnings.push(
      "some answer characters have no equivalent in the file's Windows-1252 encoding and were written as ?",
    );
  }
  return { bytes, ...result };
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly bytes: Uint8Array;
}

/** Byte replacements: each written field's span, and for a short record the fields appended at its end. */
function csvSplices(file: CsvFile, writes: readonly CellWrite[], encode: (text: string) => Uint8Array): Splice[] {
  const fieldText = (value: string) => quoteField(neutraliseFormula(value), file.delimiter, file.eol);
  const byRecord = new Map<number, CellWrite[]>();
  for (const w of writes) byRecord.set(w.address.row, [...(byRecord.get(w.address.row) ?? []), w]);

  const splices: Splice[] = [];
  for (const [row, list] of byRecord) {
    const record = file.records[row - 1];
    if (!record) continue;
    const appended = new Map<number, string>();
    for (const w of list) {
      const f = record.fields[w.address.col - 1];
      if (f) splices.push({ start: f.start, end: f.end, bytes: encode(fieldText(w.text)) });
      else appended.set(w.address.col, fieldText(w.text));
    }
    if (appended.size > 0) {
      // A short record (fewer fields than the header) is padded up to the written column.
      const last = Math.max(...appended.keys());
      let tail = "";
      for (let c = record.fields.length + 1; c <= last; c++) tail += file.delimiter + (appended.get(c) ?? "");
      splices.push({ start: record.end, end: record.end, bytes: encode(tail) });
    }
  }
  return splices.sort((a, b) => a.start - b.start || a.end - b.end);
}

function splice(original: Uint8Array, splices: readonly Splice[]): Uint8Array {
  const size = splices.reduce((n, s) => n + s.bytes.length - (s.end - s.start), original.length);
  const out = new Uint8Array(size);
  let from = 0;
  let to = 0;
  for (const s of splices) {
    out.set(original.subarray(from, s.start), to);
    to += s.start - from;
    out.set(s.bytes, to);
    to += s.bytes.length;
    from = s.end;
  }
  out.set(original.subarray(from), to);
  return out;
}
