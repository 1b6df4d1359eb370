/**
 * The question tables of one sheet: usually one; where a sheet goes on, after the first table, with
 * a title and a header row of its own ("Supplementary questions" with other columns), each table
 * is read with its own layout, and its title is the section of its questions.
 */
import type { LayoutHints } from "../domain/questionnaire/layout-hints.js";
import { detectLayout, otherTableHeader, type TableLayout } from "./detect-header.js";
import { collapse, type SheetGrid } from "./grid.js";
import { isQuestionLike } from "./vocabulary.js";

export interface SheetTable {
  /** The sheet cut after this table's last row (row numbers unchanged). */
  readonly grid: SheetGrid;
  readonly layout: TableLayout;
  /** The title row right above a later table's header, when there is one. */
  readonly title: string | null;
}

/** More tables than this on one sheet is a sheet of repeated look-alike rows, not tables. */
const MAX_TABLES = 10;

export function detectTables(grid: SheetGrid, hints: LayoutHints = {}): SheetTable[] {
  const first = detectLayout(grid, hints);
  if (!first) return [];
  // The caller named the header or the columns: that is the one table to read.
  const named =
    hints.headerRow !== undefined ||
    hints.questionColumn !== undefined ||
    hints.answerColumn !== undefined ||
    hints.commentColumn !== undefined ||
    hints.idColumn !== undefined;
  if (named) return [{ grid, layout: first, title: null }];
  // The best-named header may be a later table's: a table above it with its own header comes first.
  const top = Math.min(first.dataStart, ...first.headerRows);
  const above = otherTableHeader(grid, first, 0, top);
  const opening = above === null ? null : detectLayout(grid, { headerRow: above + 1 });
  const out: SheetTable[] = [];
  let layout = opening ?? first;
  let title: string | null = null;
  for (;;) {
    const next =
      out.length + 1 < MAX_TABLES ? otherTableHeader(grid, layout, layout.dataStart, grid.rows.length) : null;
    if (next === null) {
      out.push({ grid, layout, title });
      return out;
    }
    const following = detectLayout(grid, { headerRow: next + 1 });
    if (!following) {
      out.push({ grid, layout, title });
      return out;
    }
    out.push({ grid: { ...grid, rows: grid.rows.slice(0, next) }, layout, title });
    title = titleAbove(grid, next, layout.dataStart);
    layout = following;
  }
}

/** A lone, short, non-question cell in the nearest filled row above a header: the table's title. */
function titleAbove(grid: SheetGrid, header: number, from: number): string | null {
  for (let r = header - 1; r >= from; r--) {
    const filled = (grid.rows[r] ?? []).filter((t) => t.trim() !== "");
    if (filled.length === 0) continue;
    const t = collapse(filled[0] ?? "");
    return filled.length === 1 && t.length <= 100 && /\p{L}{2}/u.test(t) && !isQuestionLike(t) ? t : null;
  }
  return null;
}
