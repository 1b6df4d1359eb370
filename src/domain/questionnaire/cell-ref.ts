/**
 * A1 references, the one module for ingest and export: `C5` = column 3, row 5 (both 1-based,
 * as Excel shows them). Ingest's 0-based grid converts at its edge (ingest/grid.ts).
 */
export interface CellAddress {
  readonly col: number;
  readonly row: number;
}

/** The corners of a range, top-left `from` and bottom-right `to`, inclusive. */
export interface CellRangeRef {
  readonly from: CellAddress;
  readonly to: CellAddress;
}

/** Excel's grid limits; anything beyond cannot be a real cell. */
export const MAX_COL = 16_384;
export const MAX_ROW = 1_048_576;

/** Column letters (`C`, `ab`) → 1-based column number; null if not 1-3 letters inside the grid. */
export function columnNumber(letters: string): number | null {
  const s = letters.toUpperCase();
  if (s.length === 0 || s.length > 3) return null;
  let col = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return null;
    col = col * 26 + (c - 64);
  }
  return col <= MAX_COL ? col : null;
}

export function columnLetters(col: number): string {
  let out = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** One side of a reference: `$C$5`, `C5`, `C` (column only) or `5` (row only); parts absent are null. */
function parsePart(part: string): { col: number | null; row: number | null } | null {
  const m = /^\$?([A-Za-z]{0,3})\$?([0-9]{0,7})$/.exec(part.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const col = m[1] ? columnNumber(m[1]) : null;
  if (m[1] && col === null) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row !== null && (row < 1 || row > MAX_ROW || m[2]?.startsWith("0"))) return null;
  return { col, row };
}

/** Parse `C5` or `$C$5` (case-insensitive); null when it is not a single-cell reference. */
export function parseCellRef(ref: string): CellAddress | null {
  const plain = plainCellRef(ref);
  if (plain) return plain;
  const part = parsePart(ref);
  return part && part.col !== null && part.row !== null ? { col: part.col, row: part.row } : null;
}

/**
 * `C5` as every file and location writes it (1–3 capitals, a row without leading zeros), read
 * without a regex: a write-back parses several per answer. Null for anything else, which
 * `parsePart` then judges; the two agree wherever this one answers.
 */
function plainCellRef(ref: string): CellAddress | null {
  const n = ref.length;
  let i = 0;
  let col = 0;
  for (; i < n && i < 4; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i > 3 || col > MAX_COL || i === n || ref.charCodeAt(i) === 48) return null;
  const digits = i;
  let row = 0;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
  }
  return i - digits <= 7 && row <= MAX_ROW ? { col, row } : null;
}

export function formatCellRef(address: CellAddress): string {
  return `${columnLetters(address.col)}${address.row}`;
}

/**
 * Parse `A1:D48`, a single `A1`, whole columns `$A:$B` or whole rows `3:5` (as data validations and
 * defined names write them) into its corners; null if unreadable.
 */
export function parseRange(ref: string): CellRangeRef | null {
  const [a, b, ...rest] = ref.split(":");
  if (a === undefined || rest.length > 0) return null;
  if (b === undefined) {
    const cell = parseCellRef(a);
    return cell ? { from: cell, to: cell } : null;
  }
  const start = parsePart(a);
  const end = parsePart(b);
  // Both sides name the same kind of thing: cells, whole columns, or whole rows.
  if (!start || !end || (start.col === null) !== (end.col === null) || (start.row === null) !== (end.row === null)) {
    return null;
  }
  const c1 = start.col ?? 1;
  const c2 = end.col ?? MAX_COL;
  const r1 = start.row ?? 1;
  const r2 = end.row ?? MAX_ROW;
  return {
    from: { col: Math.min(c1, c2), row: Math.min(r1, r2) },
    to: { col: Math.max(c1, c2), row: Math.max(r1, r2) },
  };
}

/**
 * The cells of a mark span: a one-row range of two or more cells ("C7:E7"), where a form has one
 * column per answer value and the vendor marks the one that applies. Null for anything else.
 */
export function parseMarkSpan(ref: string): CellAddress[] | null {
  if (!ref.includes(":")) return null;
  const range = parseRange(ref);
  if (!range || range.from.row !== range.to.row || range.to.col <= range.from.col) return null;
  const { from, to } = range;
  if (to.col - from.col > 50) return null;
  const cells: CellAddress[] = [];
  for (let col = from.col; col <= to.col; col++) cells.push({ col, row: from.row });
  return cells;
}
