/**
 * A CSV file as offsets: each record's fields with their raw spans, so a write-back can replace
 * exactly the fields it fills and copy every other character (quotes, spacing, line ends) as is.
 */
export interface FieldSpan {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface RecordSpan {
  readonly fields: FieldSpan[];
  /** End of the last field (where missing trailing fields get appended). */
  readonly end: number;
}

export interface CsvGrid {
  readonly delimiter: string;
  readonly eol: string;
  readonly records: RecordSpan[];
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

/** The delimiter is the candidate seen most often outside quotes on the header line (ties: comma first). */
export function detectDelimiter(text: string, from: number): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (CANDIDATES as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

export function parseGrid(text: string): CsvGrid {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = detectDelimiter(text, bom);
  const records: RecordSpan[] = [];
  let eol: string | null = null;
  let fields: FieldSpan[] = [];
  let i = bom;
  const n = text.length;
  if (n === bom) return { delimiter, eol: "\r\n", records };

  while (i <= n) {
    const start = i;
    let value = "";
    if (text[i] === '"') {
      i++;
      while (i < n) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept as part of the value (lenient, like Excel).
      while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") value += text[i++];
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") i++;
      value = text.slice(start, i);
    }
    fields.push({ start, end: i, value });
    if (i < n && text[i] === delimiter) {
      i++;
      continue;
    }
    records.push({ fields, end: i });
    fields = [];
    if (i >= n) break;
    const lineEnd = text[i] === "\r" && text[i + 1] === "\n" ? "\r\n" : (text[i] ?? "\n");
    eol ??= lineEnd;
    i += lineEnd.length;
    if (i >= n) break; // a final line end does not start another record
  }
  return { delimiter, eol: eol ?? "\r\n", records };
}

/** One field as CSV text: quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function quoteField(value: string, delimiter: string, eol: string): string {
  const lines = value.replace(/\r\n?|\n/g, eol);
  const needs =
    lines.includes(delimiter) ||
    lines.includes('"') ||
    lines.includes("\n") ||
    lines.includes("\r") ||
    lines !== lines.trim();
  return needs ? `"${lines.replaceAll('"', '""')}"` : lines;
}

/** A cell that spreadsheet apps would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function neutraliseFormula(value: string): string {
  const first = value.charAt(0);
  return first === "=" || first === "+" || first === "-" || first === "@" || first === "\t" || first === "\r"
    ? `'${value}`
    : value;
}
