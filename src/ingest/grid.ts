import { columnLetters } from "../domain/questionnaire/cell-ref.js";
/**
 * A format-neutral view of one sheet (xlsx sheet, CSV file) that header and question detection
 * work on, so they never touch SheetJS objects or raw CSV. Rows and columns are 0-based here;
 * A1 references are made only at the edge (`a1`).
 */

export interface CellRange {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** A list data validation: the cells it covers and the values it allows. */
export interface ListValidation {
  readonly ranges: readonly CellRange[];
  readonly values: readonly string[];
}

export interface SheetGrid {
  /** Sheet name, or null for a CSV file. */
  readonly name: string | null;
  /** Cell texts by row, then column; missing rows/cells are empty. */
  readonly rows: readonly (readonly string[] | undefined)[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenCols: ReadonlySet<number>;
  readonly merges: readonly CellRange[];
  /** Rows whose first filled cell is bold (section rows are usually bold). */
  readonly boldRows: ReadonlySet<number>;
  readonly validations: readonly ListValidation[];
}

export function cellText(grid: SheetGrid, r: number, c: number): string {
  return grid.rows[r]?.[c] ?? "";
}

/** 0-based column index → letters ("A" for 0); the A1 helpers are shared with export. */
export function colLetters(c: number): string {
  return columnLetters(c + 1);
}

/** "C" or "3" (1-based) → 0-based column; null if neither. */
export function parseColumn(spec: string): number | null {
  const t = spec.trim().toUpperCase();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n >= 1 ? n - 1 : null;
  }
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

/** "$B$3" / "B3" → 0-based {r, c}; a column-only or row-only ref takes the given defaults. */
function parseRef(ref: string, defRow: number, defCol: number): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(ref.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const c = m[1] ? (parseColumn(m[1]) ?? defCol) : defCol;
  const r = m[2] ? Number(m[2]) - 1 : defRow;
  return { r, c };
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** "A1:B4", "C5", "$A:$A" → a range; null if unreadable. */
export function parseRange(text: string): CellRange | null {
  const [a, b] = text.trim().split(":");
  if (!a) return null;
  const s = parseRef(a, 0, 0);
  if (!s) return null;
  const e = b ? parseRef(b, MAX_ROW, MAX_COL) : s;
  if (!e) return null;
  return { r1: Math.min(s.r, e.r), c1: Math.min(s.c, e.c), r2: Math.max(s.r, e.r), c2: Math.max(s.c, e.c) };
}

/**
 * Lookup of list validations by cell. Validations are few; indexing them per column keeps the
 * per-question lookup cheap even for 10,000 rows.
 */
export class ValidationIndex {
  private readonly byCol = new Map<number, { r1: number; r2: number; values: readonly string[] }[]>();

  constructor(validations: readonly ListValidation[]) {
    for (const v of validations) {
      for (const rg of v.ranges) {
        // Whole-column refs would create thousands of entries; cap the span we index.
        const c2 = Math.min(rg.c2, rg.c1 + 200);
        for (let c = rg.c1; c <= c2; c++) {
          const list = this.byCol.get(c) ?? [];
          list.push({ r1: rg.r1, r2: rg.r2, values: v.values });
          this.byCol.set(c, list);
        }
      }
    }
  }

  at(r: number, c: number): readonly string[] | null {
    const list = this.byCol.get(c);
    if (!list) return null;
    // Later validations win, as in Excel when ranges overlap.
    for (let i = list.length - 1; i >= 0; i--) {
      const v = list[i];
      if (v && r >= v.r1 && r <= v.r2) return v.values;
    }
    return null;
  }
}

/** Index of merges by their top-left row, for section-row detection. */
export function mergesByRow(grid: SheetGrid): Map<number, CellRange[]> {
  const out = new Map<number, CellRange[]>();
  for (const m of grid.merges) {
    const list = out.get(m.r1) ?? [];
    list.push(m);
    out.set(m.r1, list);
  }
  return out;
}

/** Collapse whitespace (incl. newlines from multi-line cells) to single spaces. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
