/**
 * Pages set in two columns. pdf.js gives the runs in the order the producer wrote them, and a
 * producer filling a two-column table or form writes them line by line across the page, so the
 * page text interleaves the columns ("1.1 Is a named person responsible for 3.1 Is customer data
 * encrypted…"). Where a page has a gutter (a band down its middle that no run crosses, with text
 * on both sides on many lines) its lines are read column by column instead: the left column top to
 * bottom, then the right. Lines spanning the gutter above or below the columns (a title, a footer)
 * stay where they are.
 */
import { collapse } from "./grid.js";
import { linesOf, type PdfTableLine } from "./pdf-table.js";
import type { PdfRun } from "./pdf-text.js";

/** Lines with text on both sides of the gutter before a page counts as two columns. */
const MIN_SPLIT_LINES = 6;
/** Half the width of the empty band between the columns (PDF units). */
const HALF_GUTTER = 6;
/** Gutter positions tried per page: a fixed count, so a page of any width costs the same. */
const POSITIONS = 100;

const textOf = (runs: readonly PdfRun[]) => collapse(runs.map((r) => r.text).join(" "));

/** The x of the gutter between two columns, or null for a page in one column. */
export function gutterOf(lines: readonly PdfTableLine[]): number | null {
  const runs = lines.flatMap((l) => l.runs);
  if (runs.length < 2 * MIN_SPLIT_LINES) return null;
  // reduce, not Math.min(...): a dense page may hold more runs than a call takes arguments.
  const left = runs.reduce((m, r) => Math.min(m, r.x), Number.POSITIVE_INFINITY);
  const right = runs.reduce((m, r) => Math.max(m, r.x + r.width), Number.NEGATIVE_INFINITY);
  const width = right - left;
  let best: { x: number; split: number } | null = null;
  const step = Math.max(1, (width * 0.4) / POSITIONS);
  for (let x = left + width * 0.3; x <= left + width * 0.7; x += step) {
    const crosses = (r: PdfRun) => r.x < x + HALF_GUTTER && r.x + r.width > x - HALF_GUTTER;
    const state = lines.map((l) => {
      if (l.runs.some(crosses)) return "crossed";
      const l0 = l.runs.some((r) => r.x + r.width <= x);
      const r0 = l.runs.some((r) => r.x >= x);
      return l0 && r0 ? "split" : "one";
    });
    const first = state.indexOf("split");
    const last = state.lastIndexOf("split");
    const split = state.filter((s) => s === "split").length;
    // Between the first and the last line split by the band, no line may cross it.
    if (split < MIN_SPLIT_LINES || state.slice(first, last + 1).includes("crossed")) continue;
    if (!best || split > best.split) best = { x, split };
  }
  return best?.x ?? null;
}

/** The page's text read column by column, or null when the page is not set in two columns. */
export function columnOrderedText(runs: readonly PdfRun[]): string | null {
  const lines = linesOf(runs, 0);
  const gutter = gutterOf(lines);
  if (gutter === null) return null;
  const isCrossed = (l: PdfTableLine) => l.runs.some((r) => r.x < gutter && r.x + r.width > gutter);
  const firstCol = lines.findIndex((l) => !isCrossed(l));
  let lastCol = lines.length - 1;
  while (lastCol > firstCol && isCrossed(lines[lastCol] as PdfTableLine)) lastCol--;
  const body = lines.slice(firstCol, lastCol + 1);
  const leftLines = body.map((l) => textOf(l.runs.filter((r) => r.x < gutter))).filter((t) => t !== "");
  const rightLines = body.map((l) => textOf(l.runs.filter((r) => r.x >= gutter))).filter((t) => t !== "");
  return [
    ...lines.slice(0, firstCol).map((l) => textOf(l.runs)),
    ...leftLines,
    ...rightLines,
    ...lines.slice(lastCol + 1).map((l) => textOf(l.runs)),
  ].join("\n");
}
