import { columnLetters, formatCellRef, parseRange } from "../domain/questionnaire/cell-ref.js";
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

/** 0-based column index → letters ("A" for 0). */
export function colLetters(c: number): string {
  return columnLetters(c + 1);
}

/** A1 reference of a 0-based grid cell. */
export function a1(r: number, c: number): string {
  return formatCellRef({ row: r + 1, col: c + 1 });
}

/** "A1:B4", "C5", "$A:$A" → a 0-based range; null if unreadable (the A1 parsing is cell-ref's). */
export function gridRange(ref: string): CellRange | null {
  const range = parseRange(ref.trim());
  return range ? { r1: range.from.row - 1, c1: range.from.col - 1, r2: range.to.row - 1, c2: range.to.col - 1 } : null;
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

/** Two spaces in a row, or a space other than " " (tab, new line, no-break space): `\s+` has work to do. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/**
 * Collapse whitespace (incl. newlines from multi-line cells) to single spaces. Most cells have none
 * to collapse: the replace, which builds a new string at every space, runs only for those that do
 * (detection reads each cell of a 5,000-row sheet several times).
 */
export function collapse(s: string): string {
  return UNTIDY_SPACE.test(s) ? s.replace(/\s+/g, " ").trim() : s.trim();
}
