/** A1 references: `C5` = column 3, row 5 (both 1-based). */
export interface CellAddress {
  readonly col: number;
  readonly row: number;
}

/** Excel's grid limits; anything beyond cannot be a real cell. */
const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

/** Parse `C5` or `$C$5` (case-insensitive); null when it is not a single-cell reference. */
export function parseCellRef(ref: string): CellAddress | null {
  let i = 0;
  const s = ref.trim().toUpperCase();
  if (s[i] === "$") i++;
  let col = 0;
  const colStart = i;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === colStart || i - colStart > 3) return null;
  if (s[i] === "$") i++;
  const digits = s.slice(i);
  if (!/^[1-9][0-9]{0,6}$/.test(digits)) return null;
  const row = Number(digits);
  if (col > MAX_COL || row > MAX_ROW) return null;
  return { col, row };
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

export function formatCellRef(address: CellAddress): string {
  return `${columnLetters(address.col)}${address.row}`;
}

/** Parse `A1:D48` (or a single `A1`) into its corners; null if unreadable. */
export function parseRange(ref: string): { from: CellAddress; to: CellAddress } | null {
  const [a, b, ...rest] = ref.split(":");
  if (a === undefined || rest.length > 0) return null;
  const from = parseCellRef(a);
  const to = b === undefined ? from : parseCellRef(b);
  if (!from || !to) return null;
  return {
    from: { col: Math.min(from.col, to.col), row: Math.min(from.row, to.row) },
    to: { col: Math.max(from.col, to.col), row: Math.max(from.row, to.row) },
  };
}
