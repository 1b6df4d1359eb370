/**
 * A question table printed to PDF (a spreadsheet saved as PDF, a Word table) rebuilt as a SheetGrid
 * from the text runs' positions, so the spreadsheet path (detect-header.ts, detect-questions.ts)
 * reads it with the same rules: the id column by header meaning or the `idColumn` hint, section
 * columns and rows, repeated header rows, short questions in a row with an id.
 *
 * A PDF has no cells, only runs of text at x/y. Columns come from the header line (the line whose
 * cells name a question column and another role); every later run belongs to the rightmost column
 * whose header it starts after. Rows come from vertical gaps: lines of one cell sit at the font's
 * leading, rows are further apart (cell padding). Where a gap does not separate rows (single-line
 * rows printed tightly), each id in the id column starts or ends a row, as the table's vertical
 * alignment says (top-aligned cells put the id on a row's first line, bottom-aligned on its last).
 */

import { collapse, type SheetGrid } from "./grid.js";
import type { PdfRun } from "./pdf-text.js";
import { headerRole, ID_PATTERN, isTitleLike } from "./vocabulary.js";

/** A run's baseline within this distance of a line's is on that line (a fraction of the text height). */
const SAME_LINE = 0.5;
/** A gap this much larger than the leading inside a cell separates two rows (cell padding is often 1-2 pt). */
const ROW_GAP = 1.08;
/** Points of slack when comparing a run's start with a header's end. */
const SLACK = 2;

export interface PdfTableLine {
  readonly page: number;
  readonly y: number;
  readonly height: number;
  readonly runs: readonly PdfRun[];
}

/** Runs grouped into lines (by baseline), each line's runs left to right, lines top to bottom. */
export function linesOf(runs: readonly PdfRun[], page: number): PdfTableLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { page: number; y: number; height: number; runs: PdfRun[] }[] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    const tolerance = Math.max(1, SAME_LINE * Math.max(run.height, last?.height ?? 0));
    if (last && Math.abs(run.y - last.y) <= tolerance) {
      last.runs.push(run);
      last.height = Math.max(last.height, run.height);
    } else {
      lines.push({ page, y: run.y, height: run.height, runs: [run] });
    }
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

export const lineText = (line: PdfTableLine) => collapse(line.runs.map((r) => r.text).join(" "));

interface Header {
  /** Index into the lines of the document. */
  readonly line: number;
  /** Header cell texts and where each ends, left to right. */
  readonly cells: readonly { text: string; x: number; end: number }[];
  /** The shape of the line with every column, and of all the header's lines (repeated on each page). */
  readonly shape: string;
  readonly shapes: readonly string[];
}

/** Runs of one line joined into cells: runs closer than a space's width belong to one cell. */
function cellsOf(line: PdfTableLine): { text: string; x: number; end: number }[] {
  const cells: { text: string; x: number; end: number }[] = [];
  for (const run of line.runs) {
    const last = cells.at(-1);
    // About a space's width: runs further apart are separate cells, even in adjacent columns.
    const gap = Math.max(1.5, 0.3 * run.height);
    if (last && run.x - last.end < gap) {
      last.text = collapse(`${last.text} ${run.text}`);
      last.end = Math.max(last.end, run.x + run.width);
    } else {
      cells.push({ text: collapse(run.text), x: run.x, end: run.x + run.width });
    }
  }
  return cells;
}

const shapeOf = (cells: readonly { text: string }[]) => cells.map((c) => c.text.toLowerCase()).join("|");

/** The first line that reads as a question table's header: a question column and at least one other named column. */
function findHeader(lines: readonly PdfTableLine[]): Header | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.runs.length < 2) continue;
    const cells = cellsOf(line);
    if (cells.length < 2) continue;
    const roles = cells.map((c) => headerRole(c.text));
    if (!roles.includes("question")) continue;
    if (roles.filter((r) => r !== null && r !== "ignore").length < 2) continue;
    // A header names columns; a line of mostly unnamed cells is data that happens to contain "Question".
    if (roles.filter((r) => r === null).length > cells.length / 2) continue;
    return withWrappedHeaders(lines, { line: i, cells, shape: shapeOf(cells), shapes: [shapeOf(cells)] });
  }
  return null;
}

/**
 * Header cells that wrap ("Comments and evidence / references") put their other lines just above
 * (bottom-aligned), below (top-aligned) or on both sides (centred, as a spreadsheet's header
 * style often is) of the line that names the question column. The header is that band of close
 * lines without ids: its columns are the cells of all its lines, those that overlap side by side
 * being one column ("Ques" over "Num", "ISO" over "27002" over "Mapping"), so a narrow column
 * whose name wraps on both sides of that line is a column too. A line below the header that puts
 * text under the question's name is the first row, not the header.
 */
function withWrappedHeaders(lines: readonly PdfTableLine[], header: Header): Header {
  const main = lines[header.line];
  if (!main) return header;
  const questionCell = header.cells.find((c) => headerRole(c.text) === "question");
  const overlaps = (a: { x: number; end: number }, b: { x: number; end: number }) =>
    a.x < b.end - SLACK && b.x < a.end - SLACK;
  // A wrapped header's lines sit at the leading inside a cell; the first row sits further off by its padding.
  const lead = leadingOf(lines.slice(header.line + 1).filter((l) => l.page === main.page));
  const fits = (line: PdfTableLine | undefined, near: PdfTableLine, below: boolean): line is PdfTableLine => {
    if (!line || line.page !== main.page) return false;
    // Set in the header's own type: a bigger title right above the header is not part of it.
    if (Math.abs(line.height - main.height) > 0.15 * main.height) return false;
    const dy = Math.abs(line.y - near.y);
    if (dy > 1.6 * Math.max(line.height, near.height) || (lead > 0 && dy > lead * 1.04 + 0.3)) return false;
    return cellsOf(line).every(
      (cell) =>
        !ID_PATTERN.test(cell.text) &&
        cell.text.length <= 40 &&
        // Inside one column: a cell across two of the main line's names is a title or a row.
        header.cells.filter((h) => overlaps(h, cell)).length <= 1 &&
        !(below && questionCell && overlaps(cell, questionCell)),
    );
  };
  const band: PdfTableLine[] = [main];
  let near = main;
  for (let k = header.line - 1; k >= Math.max(0, header.line - 3); k--) {
    const line = lines[k];
    if (!fits(line, near, false)) break;
    band.unshift(line);
    near = line;
  }
  near = main;
  let below = 0;
  for (let k = header.line + 1; k <= header.line + 3; k++) {
    const line = lines[k];
    if (!fits(line, near, true)) break;
    band.push(line);
    near = line;
    below++;
  }
  if (band.length === 1) return header;
  // Every cell of the band, top to bottom; side by side overlapping cells make one column.
  const pieces = band.flatMap((line, order) => cellsOf(line).map((cell) => ({ ...cell, order })));
  const columns: { x: number; end: number; parts: typeof pieces }[] = [];
  for (const piece of [...pieces].sort((a, b) => a.x - b.x)) {
    const column = columns.find((c) => overlaps(c, piece));
    if (column) {
      column.parts.push(piece);
      column.x = Math.min(column.x, piece.x);
      column.end = Math.max(column.end, piece.end);
    } else columns.push({ x: piece.x, end: piece.end, parts: [piece] });
  }
  columns.sort((a, b) => a.x - b.x);
  return {
    line: header.line + below,
    cells: columns.map((c) => ({
      text: collapse(
        [...c.parts]
          .sort((a, b) => a.order - b.order || a.x - b.x)
          .map((p) => p.text)
          .join(" "),
      ),
      x: c.x,
      end: c.end,
    })),
    shape: header.shape,
    shapes: band.map((line) => shapeOf(cellsOf(line))),
  };
}

/** The column of a run: the rightmost column whose header ends before the run starts. */
function columnOf(header: Header, x: number): number {
  for (let c = header.cells.length - 1; c > 0; c--) {
    const previous = header.cells[c - 1];
    if (previous && x >= previous.end - SLACK) return c;
  }
  return 0;
}

interface Row {
  readonly lines: { cells: Map<number, string>; y: number; page: number; fonts: Set<string> }[];
}

/** The most common small distance between consecutive lines on a page: the leading inside a cell. */
function leadingOf(lines: readonly { y: number; page: number }[]): number {
  const deltas: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a && b && a.page === b.page) deltas.push(Math.round((b.y - a.y) * 2) / 2);
  }
  if (deltas.length === 0) return 0;
  deltas.sort((a, b) => a - b);
  // The smallest delta seen at least twice (a one-off tight pair is noise), else the smallest.
  for (let i = 1; i < deltas.length; i++) if (deltas[i] === deltas[i - 1]) return deltas[i] ?? 0;
  return deltas[0] ?? 0;
}

type Alignment = "top" | "bottom" | "middle";

/**
 * Rebuilds the table that starts at the first header line, over the rest of the document. Lines
 * flagged as page furniture (running headers, footers, page numbers) are skipped; a line equal to
 * the header (repeated on every page) is skipped. Null when there is no header.
 */
/** A rebuilt table; `fontsKnown` when its runs name more than one font, so bold rows are told apart. */
export interface PdfGrid extends SheetGrid {
  readonly fontsKnown: boolean;
}

export function rebuildTable(lines: readonly PdfTableLine[], furniture: (index: number) => boolean): PdfGrid | null {
  const header = findHeader(lines);
  if (!header) return null;
  const roleOf = header.cells.map((c) => headerRole(c.text));
  const idCol = roleOf.indexOf("id");
  const questionCol = roleOf.indexOf("question");
  // The anchor of a row: the id column, else a first column left of the question (often "#").
  const anchor = idCol >= 0 ? idCol : questionCol > 0 ? 0 : -1;

  const body: { cells: Map<number, string>; y: number; page: number; fonts: Set<string> }[] = [];
  for (let i = header.line + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line || furniture(i)) continue;
    if (header.shapes.includes(shapeOf(cellsOf(line)))) continue;
    // Each run goes to its column on its own: a cell that ends close to the next column's start
    // (a wrapped Domain beside a Question) must not be read as one cell with it.
    const byCol = new Map<number, string>();
    const ends = new Map<number, number>();
    for (const run of line.runs) {
      const c = columnOf(header, run.x);
      const before = byCol.get(c);
      const joint = before === undefined ? "" : run.x - (ends.get(c) ?? 0) > 0.15 * run.height ? " " : "";
      byCol.set(c, collapse(`${before ?? ""}${joint}${run.text}`));
      ends.set(c, run.x + run.width);
    }
    body.push({ cells: byCol, y: line.y, page: line.page, fonts: new Set(line.runs.map((r) => r.font ?? "")) });
  }

  // A cell's leading is at most ~1.3 text heights; a larger "leading" is the pitch of one-line rows.
  const heights = lines
    .slice(header.line + 1)
    .map((l) => l.height)
    .sort((a, b) => a - b);
  const textHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  const leading = textHeight > 0 ? Math.min(leadingOf(body), 1.3 * textHeight) : leadingOf(body);
  const clusters: Row[] = [];
  for (const line of body) {
    const last = clusters.at(-1)?.lines.at(-1);
    const apart = !last || last.page !== line.page || line.y - last.y > leading * ROW_GAP;
    if (apart) clusters.push({ lines: [line] });
    else clusters.at(-1)?.lines.push(line);
  }

  const isId = (l: { cells: Map<number, string> }) => anchor >= 0 && ID_PATTERN.test(l.cells.get(anchor) ?? "");
  // A title alone in the anchor column (column A) that is not an id is a section row ("ACCESS CONTROL");
  // a lone line in another column is more likely a wrapped cell of the row around it.
  const isLoneLabel = (l: { cells: Map<number, string> }) => {
    if (l.cells.size !== 1 || isId(l)) return false;
    const [[c, t] = [-1, ""]] = [...l.cells];
    return c === Math.max(anchor, 0) && c !== questionCol && isTitleLike(t);
  };
  const parts = clusters.flatMap((cluster) => splitLabels(cluster, isLoneLabel));
  const alignment = alignmentOf(parts, isId, questionCol);
  // Gaps delimit rows when they cut the table more often than the page breaks do; then a cell's
  // inner sentence end is not a row end.
  const gapsWork = clusters.length > new Set(body.map((l) => l.page)).size;
  const cut = parts.flatMap((part) => {
    if (anchor >= 0) return splitById(part, isId, alignment);
    return gapsWork ? [part] : splitAtSentenceEnds(part, questionCol);
  });
  const rows = anchor >= 0 && alignment === "top" ? joinBrokenRows(cut, isId, isLoneLabel) : cut;

  // The body's font (by characters); a row written only in other fonts is emphasised (a bold section row).
  const chars = new Map<string, number>();
  for (let i = header.line + 1; i < lines.length; i++)
    for (const run of lines[i]?.runs ?? [])
      chars.set(run.font ?? "", (chars.get(run.font ?? "") ?? 0) + run.text.length);
  const bodyFont = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const boldRows = new Set<number>();
  rows.forEach((row, i) => {
    if (row.lines.every((l) => !l.fonts.has(bodyFont))) boldRows.add(i + 1);
  });

  const width = header.cells.length;
  const gridRows: string[][] = [header.cells.map((c) => c.text)];
  for (const row of rows) {
    const cells: string[] = Array.from({ length: width }, () => "");
    for (const line of row.lines) {
      for (const [c, t] of line.cells) cells[c] = cells[c] ? `${cells[c]}\n${t}` : t;
    }
    gridRows.push(cells);
  }
  return {
    name: null,
    rows: gridRows,
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    merges: [],
    boldRows,
    fontsKnown: chars.size > 1 || boldRows.size > 0,
    validations: [],
  };
}

/**
 * How the table aligns its cells vertically, which says on which line of a row its id sits. Rows
 * that gaps alone delimit vote with the place of their one id; where gaps do not separate rows,
 * each alignment's cut is tried and scored by the question cells it makes: a cell that starts with
 * a capital and ends a sentence is whole, one that starts mid-sentence was cut wrong.
 */
function alignmentOf(
  parts: readonly Row[],
  isId: (l: Row["lines"][number]) => boolean,
  questionCol: number,
): Alignment {
  const votes: Record<Alignment, number> = { top: 0, bottom: 0, middle: 0 };
  for (const part of parts) {
    const { lines } = part;
    if (lines.length < 2) continue;
    const at = lines.flatMap((l, i) => (isId(l) ? [i] : []));
    if (at.length === 1) {
      const i = at[0] ?? 0;
      if (i === 0) votes.top++;
      else if (i === lines.length - 1) votes.bottom++;
      else votes.middle++;
    } else if (at.length > 1) {
      for (const a of ["top", "bottom", "middle"] as const) {
        for (const row of splitById(part, isId, a)) {
          const text = collapse(row.lines.map((l) => l.cells.get(questionCol) ?? "").join(" "));
          if (text === "") continue;
          if (/^[\p{Lu}\d"“(]/u.test(text)) votes[a] += 0.5;
          if (/[?.:)]$/.test(text) || !/\s/.test(text)) votes[a] += 0.5;
        }
      }
    }
  }
  if (votes.bottom > votes.top && votes.bottom >= votes.middle) return "bottom";
  if (votes.middle > votes.top) return "middle";
  return "top";
}

/**
 * A row broken across a page (a word processor's default): with ids on a row's first line, the
 * first row of a page that has no id, is no section label and follows a numbered row on the page
 * before is the rest of that row's cells, not a row of its own.
 */
function joinBrokenRows(
  rows: readonly Row[],
  isId: (l: Row["lines"][number]) => boolean,
  isLabel: (l: Row["lines"][number]) => boolean,
): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    const previous = out.at(-1);
    const first = row.lines[0];
    const last = previous?.lines.at(-1);
    const continues =
      previous !== undefined &&
      first !== undefined &&
      last !== undefined &&
      first.page > last.page &&
      !row.lines.some(isId) &&
      !row.lines.some(isLabel) &&
      previous.lines[0] !== undefined &&
      isId(previous.lines[0]);
    if (continues) out[out.length - 1] = { lines: [...previous.lines, ...row.lines] };
    else out.push(row);
  }
  return out;
}

function splitLabels(row: Row, isLabel: (l: Row["lines"][number]) => boolean): Row[] {
  const out: Row[] = [];
  let current: Row["lines"] = [];
  for (const line of row.lines) {
    if (isLabel(line)) {
      if (current.length) out.push({ lines: current });
      out.push({ lines: [line] });
      current = [];
    } else current.push(line);
  }
  if (current.length) out.push({ lines: current });
  return out;
}

/**
 * Without an id column, tight rows (no gap between them) are cut after each question cell line that
 * ends a sentence: a wrapped question continues until its "?" or ".", and the next row starts after.
 */
function splitAtSentenceEnds(row: Row, questionCol: number): Row[] {
  const out: Row[] = [];
  let current: Row["lines"] = [];
  for (const line of row.lines) {
    current.push(line);
    if (/[?.]$/.test(line.cells.get(questionCol) ?? "")) {
      out.push({ lines: current });
      current = [];
    }
  }
  if (current.length) out.push({ lines: current });
  return out;
}

/** A run of lines holding several ids is several rows: cut at each id as the alignment says. */
function splitById(row: Row, isId: (l: Row["lines"][number]) => boolean, alignment: Alignment): Row[] {
  const ids = row.lines.flatMap((l, i) => (isId(l) ? [i] : []));
  if (ids.length <= 1) return [row];
  const groups: Row["lines"][] = ids.map(() => []);
  row.lines.forEach((line, i) => {
    let g: number;
    if (alignment === "top") g = Math.max(0, ids.filter((k) => k <= i).length - 1);
    else if (alignment === "bottom") g = Math.min(ids.length - 1, ids.filter((k) => k < i).length);
    else {
      g = 0;
      ids.forEach((k, j) => {
        if (Math.abs(k - i) < Math.abs((ids[g] ?? 0) - i)) g = j;
      });
    }
    groups[g]?.push(line);
  });
  return groups.map((lines) => ({ lines }));
}
