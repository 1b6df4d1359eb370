/**
 * CSV → SheetGrid with an RFC 4180 parser of our own: quoted fields with doubled quotes and
 * embedded newlines, CRLF/LF/CR line ends, a UTF-8 or UTF-16 BOM, and the delimiter (`,` `;` tab
 * `|`) sniffed from the first lines outside quotes. Row index = record index, so a quoted newline
 * never shifts the record numbers that answer cells refer to.
 */
import { QuireError } from "../domain/errors.js";
import type { SheetGrid } from "./grid.js";
import { type IngestLimits, tooManyCells, tooManyColumns, tooManyRows, tooMuchText } from "./limits.js";

export function decodeText(bytes: Uint8Array, limits: IngestLimits): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      // Excel on Windows saves "CSV" in the ANSI code page.
      text = new TextDecoder("windows-1252").decode(body);
    }
  }
  if (text.length > limits.maxTextChars) throw tooMuchText(limits);
  return text;
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

/** The candidate that splits the first lines most consistently into more than one field. */
export function sniffDelimiter(text: string): string {
  const lines = logicalLines(text.slice(0, 64 * 1024), 20);
  let best: string = ",";
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const nonZero = counts.filter((n) => n > 0);
    if (nonZero.length === 0) continue;
    // Prefer delimiters present on most lines with the same count (a table), then more fields.
    const mode = modeOf(nonZero);
    const consistent = counts.filter((n) => n === mode).length;
    const score = consistent * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function modeOf(xs: number[]): number {
  const freq = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const x of xs) {
    const n = (freq.get(x) ?? 0) + 1;
    freq.set(x, n);
    if (n > bestN) {
      bestN = n;
      best = x;
    }
  }
  return best;
}

/** Lines that are not inside a quoted field. */
function logicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if ((ch === "\n" || ch === "\r") && !inQuotes) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < max && start < text.length) out.push(text.slice(start));
  return out.filter((l) => l.trim() !== "");
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === d && !inQuotes) n++;
  }
  return n;
}

export function parseCsv(text: string, delimiter: string, limits: IngestLimits): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoteOpenedAt = { record: 0, offset: 0 };
  let cells = 0;
  const endField = () => {
    if (record.length >= limits.maxColumns) throw tooManyColumns("The CSV file", limits);
    if (field !== "" && ++cells > limits.maxCellsPerSheet) throw tooManyCells("The CSV file", limits);
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    if (records.length >= limits.maxRows) throw tooManyRows("The CSV file", limits);
    records.push(record);
    record = [];
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      // Take the run up to the next quote in one slice: fast on long multi-line fields.
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      field = "";
      inQuotes = true;
      quoteOpenedAt = { record: records.length + 1, offset: i };
      i++;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (inQuotes) {
    // Everything after an unclosed quote would be one field: rows silently merged. Refuse instead.
    const line = text.slice(0, quoteOpenedAt.offset).split(/\r\n|\r|\n/).length;
    throw new QuireError(
      "csv_unclosed_quote",
      `The CSV file has a quote (") opened on line ${line} that is never closed, so every row after it would be read as one cell. Close the quote or remove it, then upload again.`,
      422,
      { line, record: quoteOpenedAt.record },
    );
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

export function readCsv(bytes: Uint8Array, limits: IngestLimits): SheetGrid {
  const text = decodeText(bytes, limits);
  const rows = parseCsv(text, sniffDelimiter(text), limits).map((r) => r.map((f) => f.trim()));
  return {
    name: null,
    rows,
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    merges: [],
    boldRows: new Set(),
    validations: [],
  };
}
