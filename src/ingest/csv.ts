/**
 * The one CSV reader, for ingest and for write-back (export/csv-writeback.ts), so that both see the
 * same records, fields and delimiter. It records the file's encoding (a UTF-8 or UTF-16 BOM, UTF-8,
 * else Windows-1252 as Excel writes "CSV" on Windows) and every field's byte span, so a write-back
 * replaces exactly the fields it fills and copies every other byte as it was.
 *
 * Parsing is RFC 4180 and lenient where Excel-made files are: quoted fields with doubled quotes and
 * embedded newlines, a quote opening a field after spaces (`Q1, "a, b"`), CRLF/LF/CR line ends, and
 * the delimiter (`,` `;` tab `|`) sniffed from the first lines outside quotes. A record is a line
 * of the file, blank ones included, so record n is row n as a spreadsheet shows the file and a
 * quoted newline never shifts the rows that answer cells refer to.
 */
import { QuireError } from "../domain/errors.js";
import { type CsvEncoding, type DecodedCsv, decodeCsv } from "./csv-codec.js";
import type { SheetGrid } from "./grid.js";
import { type IngestLimits, tooManyCells, tooManyColumns, tooManyRows, tooMuchText } from "./limits.js";

export interface CsvField {
  /** Byte span of the field as written, quotes and surrounding spaces included. */
  readonly start: number;
  readonly end: number;
  /** The field's text: unquoted, doubled quotes undone, not trimmed. */
  readonly value: string;
}

export interface CsvRecord {
  readonly fields: readonly CsvField[];
  /** Byte offset just after the last field, before the line end: missing trailing fields go here. */
  readonly end: number;
}

export interface CsvFile {
  readonly encoding: CsvEncoding;
  /** Length in bytes of the byte-order mark (0 without one); the records start after it. */
  readonly bomBytes: number;
  readonly delimiter: string;
  /** The file's first line end (CRLF when it has none), for line breaks inside written fields. */
  readonly eol: string;
  readonly records: readonly CsvRecord[];
}

/**
 * Byte offsets of character offsets, asked for in increasing order (one pass over the text).
 * UTF-16 and Windows-1252 have fixed widths; UTF-8 is counted as it goes.
 */
function byteOffsets(decoded: DecodedCsv): (charIndex: number) => number {
  const { text, encoding, bomBytes } = decoded;
  if (encoding === "windows-1252") return (i) => bomBytes + i;
  if (encoding !== "utf-8") return (i) => bomBytes + 2 * i;
  let char = 0;
  let byte = bomBytes;
  return (target) => {
    for (; char < target; char++) {
      const c = text.charCodeAt(char);
      // A surrogate pair is 4 bytes: counted on its high half, the low half adds nothing.
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    }
    return byte;
  };
}

/** Delimiters in the order they win a tie: prose is full of commas, and almost never holds a tab. */
const CANDIDATES = ["\t", ";", "|", ","] as const;

/**
 * The delimiter is a tab when every one of the first lines has one; otherwise the candidate found on
 * the most of the first lines (a header full of commas in a semicolon file has them on one line only),
 * then the one with the same count on most lines (a table), then the first in CANDIDATES.
 */
export function sniffDelimiter(text: string): string {
  const lines = logicalLines(text.slice(0, 64 * 1024), 20);
  // A tab on every line is a tab-separated file, whatever the commas say: prose does not hold tabs,
  // while a TSV's header ("Answer (Yes, No, N/A)") and questions ("at rest, in transit, …?") may hold
  // as many commas per line as it has tabs, and a row that stops after its question has fewer tabs.
  if (lines.length > 0 && lines.every((l) => countOutsideQuotes(l, "\t") > 0)) return "\t";
  let best: string = ",";
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const nonZero = counts.filter((n) => n > 0);
    if (nonZero.length === 0) continue;
    const mode = modeOf(nonZero);
    const score = nonZero.length * 1000 + counts.filter((n) => n === mode).length;
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

const [QUOTE, CR, LF] = [0x22, 0x0d, 0x0a];

const NO_LIMITS: Pick<IngestLimits, "maxRows" | "maxColumns" | "maxCellsPerSheet" | "maxTextChars"> = {
  maxRows: Number.POSITIVE_INFINITY,
  maxColumns: Number.POSITIVE_INFINITY,
  maxCellsPerSheet: Number.POSITIVE_INFINITY,
  maxTextChars: Number.POSITIVE_INFINITY,
};

/** The file's records with their fields' byte spans; `limits` refuses absurd files before they cost memory. */
export function readCsvFile(
  bytes: Uint8Array,
  limits: Pick<IngestLimits, "maxRows" | "maxColumns" | "maxCellsPerSheet" | "maxTextChars"> = NO_LIMITS,
): CsvFile {
  const decoded = decodeCsv(bytes);
  const { text } = decoded;
  if (text.length > limits.maxTextChars) throw tooMuchText(limits);
  const delimiter = sniffDelimiter(text);
  const at = byteOffsets(decoded);
  const records: CsvRecord[] = [];
  let eol: string | null = null;
  let fields: CsvField[] = [];
  let cells = 0;
  let start = 0;
  let value = "";
  let inQuotes = false;
  let quoteOpenedAt = 0;

  const endField = (end: number) => {
    if (fields.length >= limits.maxColumns) throw tooManyColumns("The CSV file", limits);
    if (value.trim() !== "" && ++cells > limits.maxCellsPerSheet) throw tooManyCells("The CSV file", limits);
    fields.push({ start: at(start), end: at(end), value });
    value = "";
  };
  const endRecord = (end: number) => {
    endField(end);
    if (records.length >= limits.maxRows) throw tooManyRows("The CSV file", limits);
    const last = fields[fields.length - 1];
    records.push({ fields, end: last ? last.end : at(end) });
    fields = [];
  };

  const n = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  let i = 0;
  while (i < n) {
    if (inQuotes) {
      const close = text.indexOf('"', i);
      if (close < 0) throw unclosedQuote(text, quoteOpenedAt);
      if (text[close + 1] === '"') {
        value += text.slice(i, close + 1);
        i = close + 2;
      } else {
        value += text.slice(i, close);
        inQuotes = false;
        i = close + 1;
      }
      continue;
    }
    const ch = text[i];
    if (ch === '"') {
      // A quote opens a quoted field when only spaces precede it; anywhere else it is a character.
      if (value.trim() === "") {
        value = "";
        inQuotes = true;
        quoteOpenedAt = i;
      } else value += ch;
      i++;
    } else if (ch === delimiter) {
      endField(i);
      start = ++i;
    } else if (ch === "\r" || ch === "\n") {
      const lineEnd = ch === "\r" && text[i + 1] === "\n" ? "\r\n" : ch;
      eol ??= lineEnd;
      endRecord(i);
      i += lineEnd.length;
      start = i;
    } else {
      let next = i + 1;
      while (next < n) {
        const c = text.charCodeAt(next);
        if (c === delimiterCode || c === QUOTE || c === CR || c === LF) break;
        next++;
      }
      value += text.slice(i, next);
      i = next;
    }
  }
  // A last line without a line end is a record; a final line end does not open another.
  if (start < n || fields.length > 0) endRecord(n);
  return { encoding: decoded.encoding, bomBytes: decoded.bomBytes, delimiter, eol: eol ?? "\r\n", records };
}

/**
 * Everything after a quote that is never closed would be one cell: every later row silently merged
 * into it. That file is refused, naming the line where the quote opened.
 */
function unclosedQuote(text: string, offset: number): QuireError {
  const line = text.slice(0, offset).split(/\r\n|\r|\n/).length;
  return new QuireError(
    "csv_unclosed_quote",
    `The CSV file has a quote (") opened on line ${line} that is never closed, so every row after it would be read as one cell. Close the quote or remove it, then upload again.`,
    422,
    { line },
  );
}

/** CSV → the format-neutral grid that header and question detection read (cell texts trimmed). */
export function readCsv(bytes: Uint8Array, limits: IngestLimits): SheetGrid {
  const file = readCsvFile(bytes, limits);
  return {
    name: null,
    rows: file.records.map((r) => r.fields.map((f) => f.value.trim())),
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    merges: [],
    boldRows: new Set(),
    validations: [],
  };
}
