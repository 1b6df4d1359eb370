import type { CellAddress } from "../domain/questionnaire/cell-ref.js";
import { type CsvGrid, neutraliseFormula, parseGrid, quoteField } from "./csv/grid.js";
import { decodeCsv, encodeCsv } from "./csv/text-codec.js";
import { type CellWrite, decideWrites, type Surface } from "./decide.js";
import type { WriteBackAnswer, WriteBackOptions, WriteBackResult } from "./types.js";

/*
 * The customer's CSV with the answer and comment fields filled in. Cell refs address the grid
 * like a spreadsheet would show it: "C5" is the third field of record 5 (header = record 1).
 * Only the filled fields change; delimiter, BOM, encoding, quoting of other fields and line
 * ends are copied as they were.
 */

const GRID = "csv";

export function writeBackCsv(
  original: Uint8Array,
  answers: readonly WriteBackAnswer[],
  options?: WriteBackOptions,
): WriteBackResult {
  const { text, encoding } = decodeCsv(original);
  const grid = parseGrid(text);
  const field = (a: CellAddress) => grid.records[a.row - 1]?.fields[a.col - 1];

  const surface: Surface<typeof GRID> = {
    target: () => ({ key: GRID, name: "" }),
    redirect: (_key, address) => address,
    state: (_key, address) => ((field(address)?.value.trim() ?? "") === "" ? "empty" : "value"),
    unwritable: (_key, address) =>
      address.row > grid.records.length ? `is beyond the last record (${grid.records.length}) of the file` : null,
  };
  const decision = decideWrites(answers, options, surface);
  const result = { cellsWritten: decision.cellsWritten, cellsKept: decision.cellsKept, warnings: decision.warnings };
  const writes = decision.writes.get(GRID) ?? [];
  if (writes.length === 0) return { bytes: original, ...result };

  const encoded = encodeCsv(applyCsvWrites(text, grid, writes), encoding);
  if (encoded.lossy) {
    result.warnings.push(
      "some answer characters have no equivalent in the file's Latin-1 encoding and were written as ?",
    );
  }
  return { bytes: encoded.bytes, ...result };
}

interface Splice {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

function applyCsvWrites(text: string, grid: CsvGrid, writes: readonly CellWrite[]): string {
  const encode = (value: string) => quoteField(neutraliseFormula(value), grid.delimiter, grid.eol);
  const splices: Splice[] = [];
  const byRecord = new Map<number, CellWrite[]>();
  for (const w of writes) byRecord.set(w.address.row, [...(byRecord.get(w.address.row) ?? []), w]);

  for (const [row, list] of byRecord) {
    const record = grid.records[row - 1];
    if (!record) continue;
    const appended = new Map<number, string>();
    for (const w of list) {
      const f = record.fields[w.address.col - 1];
      if (f) splices.push({ at: f.start, end: f.end, text: encode(w.text) });
      else appended.set(w.address.col, encode(w.text));
    }
    if (appended.size > 0) {
      // A short record (fewer fields than the header) is padded up to the written column.
      const last = Math.max(...appended.keys());
      let tail = "";
      for (let c = record.fields.length + 1; c <= last; c++) tail += grid.delimiter + (appended.get(c) ?? "");
      splices.push({ at: record.end, end: record.end, text: tail });
    }
  }
  splices.sort((a, b) => a.at - b.at || a.end - b.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const s of splices) {
    parts.push(text.slice(cursor, s.at), s.text);
    cursor = s.end;
  }
  parts.push(text.slice(cursor));
  return parts.join("");
}
