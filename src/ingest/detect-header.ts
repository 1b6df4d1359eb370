/**
 * Finds the question table in a sheet: the header row (anywhere in the first 30 rows, possibly
 * two rows with merged cells), and which columns hold the question, the answer, the comment, the
 * customer's id and a section/domain name. Caller hints override every guess.
 */
import { QuireError } from "../domain/errors.js";
import { type LayoutHints, parseColumnSpec } from "../domain/questionnaire/layout-hints.js";
import { cellText, colLetters, collapse, type SheetGrid, ValidationIndex } from "./grid.js";
import {
  type ColumnRole,
  headerRole,
  headerStrength,
  headerWords,
  ID_PATTERN,
  isInstructionProse,
  isPlainYesNoToken,
  isQuestionLike,
  leadingId,
  MAX_HEADER_CELL,
} from "./vocabulary.js";

export interface TableLayout {
  /** 0-based first row of question data. */
  readonly dataStart: number;
  /** 0-based header rows (empty when no header was found). */
  readonly headerRows: readonly number[];
  readonly questionCol: number;
  readonly answerCol: number | null;
  readonly commentCol: number | null;
  readonly idCol: number | null;
  readonly sectionCol: number | null;
  /** A column that lists each row's allowed answers as text ("Yes;No;N/A"), for files without drop-downs. */
  readonly choicesCol: number | null;
  /** Header text per column (joined over two header rows). */
  readonly headers: ReadonlyMap<number, string>;
  /**
   * Mark columns: one column per answer value ("Yes" | "No" | "N/A"), where the vendor puts an X
   * in the one that applies. Empty when the answer is a single column. answerCol is the first.
   */
  readonly markCols: readonly { readonly col: number; readonly value: string }[];
  readonly warnings: readonly string[];
}

export const HEADER_SCAN_ROWS = 30;
const SAMPLE_ROWS = 200;

const ROLE_WEIGHT: Record<ColumnRole, number> = {
  question: 3,
  answer: 2,
  comment: 1,
  id: 1,
  section: 0.5,
  choices: 0,
  ignore: 0,
};

interface HeaderCandidate {
  rows: number[];
  texts: Map<number, string>;
  /** Each column's most specific name: the lower header row's where it has one. */
  own: Map<number, string>;
  roles: Map<number, ColumnRole>;
  score: number;
}

/** Roles a hidden column never takes: nobody reads or fills a column the buyer hid. */
const VISIBLE_ONLY: ReadonlySet<ColumnRole> = new Set(["question", "answer", "comment"]);

/** Header texts of row r with merged cells filled in from their top-left cell. */
function filledRow(grid: SheetGrid, r: number): Map<number, string> {
  const out = new Map<number, string>();
  (grid.rows[r] ?? []).forEach((t, c) => {
    if (t !== "") out.set(c, collapse(t));
  });
  for (const m of grid.merges) {
    if (r < m.r1 || r > m.r2) continue;
    const top = collapse(cellText(grid, m.r1, m.c1));
    if (top === "") continue;
    for (let c = m.c1; c <= Math.min(m.c2, m.c1 + 50); c++) if (!out.has(c)) out.set(c, top);
  }
  return out;
}

function score(roles: Map<number, ColumnRole>): number {
  const seen = new Set(roles.values());
  let s = 0;
  for (const role of seen) s += ROLE_WEIGHT[role];
  return s;
}

function candidate(
  grid: SheetGrid,
  rows: number[],
  texts: Map<number, string>,
  lower?: Map<number, string>,
): HeaderCandidate {
  const roles = new Map<number, ColumnRole>();
  const joined = new Map<number, string>();
  const own = new Map<number, string>();
  const cols = new Set([...texts.keys(), ...(lower?.keys() ?? [])]);
  for (const c of cols) {
    const up = texts.get(c) ?? "";
    const low = lower?.get(c) ?? "";
    // The lower row is the more specific name ("Vendor Response" > "Yes/No"), so it decides first.
    const role = (low && low !== up ? headerRole(low) : null) ?? headerRole(up);
    if (role && !(grid.hiddenCols.has(c) && VISIBLE_ONLY.has(role))) roles.set(c, role);
    joined.set(c, [up, low !== up ? low : ""].filter(Boolean).join(" "));
    own.set(c, low || up);
  }
  return { rows, texts: joined, own, roles, score: score(roles) };
}

/**
 * A second header row: short cells only, each naming a role or an answer value ("Yes" | "No" |
 * "N/A" under a merged "Response"), and nothing in the question column.
 */
function isHeaderContinuation(lower: Map<number, string>, upper: HeaderCandidate): boolean {
  if (lower.size === 0) return false;
  for (const [c, t] of lower) {
    if (headerRole(t) !== null || isPlainYesNoToken(t)) continue;
    // A value's name under an answer header spread over several columns ("Full" under "Compliance").
    const over = upper.texts.get(c);
    const spread = over !== undefined && (upper.texts.get(c - 1) === over || upper.texts.get(c + 1) === over);
    if (!(upper.roles.get(c) === "answer" && spread && t.length <= 30)) return false;
  }
  for (const [c, role] of upper.roles)
    if (role === "question" && lower.has(c) && lower.get(c) !== upper.texts.get(c)) return false;
  return true;
}

function findHeader(grid: SheetGrid, fromRow = 0, toRow = HEADER_SCAN_ROWS): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  const last = Math.min(grid.rows.length, toRow);
  for (let r = fromRow; r < last; r++) {
    if (grid.hiddenRows.has(r)) continue;
    const texts = filledRow(grid, r);
    if (texts.size < 2) continue;
    let cand = candidate(grid, [r], texts);
    if (![...cand.roles.values()].includes("question")) continue;
    const next = r + 1 < grid.rows.length ? filledRow(grid, r + 1) : new Map<number, string>();
    if (isHeaderContinuation(next, cand)) {
      const two = candidate(grid, [r, r + 1], texts, next);
      if (two.score >= cand.score) cand = two;
    }
    if (cand.score >= 4 && (!best || cand.score > best.score)) best = cand;
  }
  return best;
}

/**
 * Another table's header on the same sheet, between rows `from` and `to`: a row in which every
 * cell names a column ("Q#" | "Supplementary question" | "Score" | "Yes/No" | "If no, please
 * explain"), with a question and an answer column placed otherwise than in `layout`. The same
 * header repeated (a long table, a converted PDF's pages) places them alike and is no new table.
 * Returns the first such 0-based row, or null.
 */
export function otherTableHeader(grid: SheetGrid, layout: TableLayout, from: number, to: number): number | null {
  for (let r = from; r < Math.min(to, grid.rows.length); r++) {
    if (grid.hiddenRows.has(r)) continue;
    const row = grid.rows[r] ?? [];
    // A header names three columns at least: most rows of a long sheet are passed over uncollapsed.
    if (filledCells(row) < 3) continue;
    const texts = new Map<number, string>();
    row.forEach((t, c) => {
      if (t !== "") texts.set(c, collapse(t));
    });
    if (texts.size < 3 || [...texts.values()].some((t) => t.length > MAX_HEADER_CELL)) continue;
    const cand = candidate(grid, [r], texts);
    if (cand.roles.size !== texts.size) continue;
    const colOf = (role: ColumnRole) => [...cand.roles].find(([, x]) => x === role)?.[0] ?? null;
    const q = colOf("question");
    const a = colOf("answer");
    if (q === null || a === null) continue;
    if (q === layout.questionCol && a === layout.answerCol) continue;
    return r;
  }
  return null;
}

/** Cells of a row that hold anything (a sparse row's holes hold nothing). */
function filledCells(row: readonly string[]): number {
  let n = 0;
  row.forEach((t) => {
    if (t !== "") n++;
  });
  return n;
}

/** How far down a header is looked for when the first rows hold none (terms and instructions above a table). */
const LATE_HEADER_ROWS = 200;

/**
 * A header below the first rows, under pages of terms or instructions. Taken only when most
 * question-like rows are below it: a data row that happens to name roles must not cut a table.
 */
function lateHeader(grid: SheetGrid): HeaderCandidate | null {
  const late = findHeader(grid, HEADER_SCAN_ROWS, LATE_HEADER_ROWS);
  if (!late) return null;
  const top = Math.min(...late.rows);
  let above = 0;
  let below = 0;
  grid.rows.forEach((row, r) => {
    const asks = row?.some((t) => t.length >= 12 && isQuestionLike(leadingId(collapse(t))?.rest ?? collapse(t)));
    if (asks && r < top) above++;
    else if (asks && r > top) below++;
  });
  return below > above ? late : null;
}

function avgLength(grid: SheetGrid, c: number, from: number): number {
  let total = 0;
  let n = 0;
  const end = Math.min(grid.rows.length, from + SAMPLE_ROWS);
  for (let r = from; r < end; r++) {
    const t = cellText(grid, r, c);
    if (t) {
      total += t.length;
      n++;
    }
  }
  return n === 0 ? 0 : total / n;
}

/** The column whose cells most often read like questions (used when no header is found). */
function questionLikeColumn(grid: SheetGrid): { col: number; firstRow: number; count: number } | null {
  const counts = new Map<number, { count: number; firstRow: number }>();
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row || grid.hiddenRows.has(r)) continue;
    row.forEach((t, c) => {
      // "2.2 Describe how…": the question after the number it is written with.
      const whole = collapse(t);
      const text = leadingId(whole)?.rest ?? whole;
      if (t.length >= 12 && isQuestionLike(text) && !isInstructionProse(text)) {
        const e = counts.get(c) ?? { count: 0, firstRow: r };
        e.count++;
        counts.set(c, e);
      }
    });
  }
  let best: { col: number; firstRow: number; count: number } | null = null;
  for (const [col, e] of counts) if (!best || e.count > best.count) best = { col, ...e };
  return best && best.count >= 3 ? best : null;
}

/** A column whose filled data cells mostly look like question ids. */
function idLikeColumn(grid: SheetGrid, from: number, exclude: Set<number>, maxCol: number): number | null {
  for (let c = maxCol - 1; c >= 0; c--) {
    if (exclude.has(c)) continue;
    let filled = 0;
    let ids = 0;
    const end = Math.min(grid.rows.length, from + SAMPLE_ROWS);
    for (let r = from; r < end; r++) {
      const t = cellText(grid, r, c);
      if (!t) continue;
      filled++;
      if (ID_PATTERN.test(t)) ids++;
    }
    if (filled >= 2 && ids / filled >= 0.6) return c;
  }
  return null;
}

/**
 * How much a header names a question id, by meaning: "Ref ID", "Control ID", "Question ID" name the
 * buyer's own identifiers (AC-01), which stay unique across tabs; "#", "No.", "Seq" usually number
 * the rows (1, 2, …) and repeat on every tab.
 */
function idHeaderRank(header: string): number {
  const h = headerWords(header);
  // The question's own id over its control's ("Question ID" beside "CCM Control ID") or a CRM's
  // record ("Question Number" beside "Record ID").
  if (/\b(question|ques)\.? ?(id|ref|reference|number|num|no\.?|#)(?=$|\s|\W)/.test(h)) return 4;
  if (
    /\b(ref(erence)?|control|question|requirement|req|criteria|item|q)\.? ?(id|ref|reference)\b|^(id|ref\.?|reference|ref(erence)? ?id)$/.test(
      h,
    )
  )
    return 3;
  if (/\b(id)\b/.test(h)) return 2;
  return 1;
}

/** Of several id-like columns, the one whose values look most like identifiers (letters and digits, unique). */
function idValueRank(grid: SheetGrid, c: number, from: number): number {
  const end = Math.min(grid.rows.length, from + SAMPLE_ROWS);
  const values: string[] = [];
  for (let r = from; r < end; r++) {
    const t = cellText(grid, r, c);
    if (t) values.push(t);
  }
  if (values.length === 0) return 0;
  const lettered = values.filter((v) => /[a-z]/i.test(v) && /\d/.test(v)).length / values.length;
  const unique = new Set(values).size / values.length;
  return lettered + unique;
}

function hintColumn(spec: string | undefined, what: string): number | null {
  if (spec === undefined || spec.trim() === "") return null;
  const col = parseColumnSpec(spec);
  if (col === null) {
    throw new QuireError("invalid_hint", `The ${what} column '${spec}' is not a column letter (C) or number (3).`, 400);
  }
  return col - 1;
}

/** Detects the question table of a sheet; null when the sheet holds no question table. */
export function detectLayout(grid: SheetGrid, hints: LayoutHints = {}): TableLayout | null {
  const where = grid.name === null ? "file" : `sheet '${grid.name}'`;
  const warnings: string[] = [];
  const hintQ = hintColumn(hints.questionColumn, "question");
  const hintA = hintColumn(hints.answerColumn, "answer");
  const hintC = hintColumn(hints.commentColumn, "comment");
  const hintId = hintColumn(hints.idColumn, "id");

  let header: HeaderCandidate | null;
  if (hints.headerRow !== undefined) {
    const r = hints.headerRow - 1;
    header = candidate(grid, [r], filledRow(grid, r));
  } else {
    header = findHeader(grid) ?? lateHeader(grid);
  }

  let questionCol: number | null = hintQ;
  let dataStart: number;
  if (header) {
    dataStart = Math.max(...header.rows) + 1;
    if (questionCol === null) {
      // The column whose header names a question most plainly, then the one with the longer texts.
      const strength = (c: number) => headerStrength(header?.own.get(c) ?? "", "question");
      const qs = [...header.roles].filter(([, role]) => role === "question").map(([c]) => c);
      qs.sort((a, b) => strength(b) - strength(a) || avgLength(grid, b, dataStart) - avgLength(grid, a, dataStart));
      questionCol = qs[0] ?? questionLikeColumn(grid)?.col ?? null;
    }
  } else {
    // An instructions, glossary or cover tab without a table: its prose is not a questionnaire.
    if (hints.questionColumn === undefined && grid.name !== null && NOT_A_QUESTIONNAIRE.test(grid.name.trim()))
      return null;
    const guess = questionLikeColumn(grid);
    if (questionCol === null && guess) questionCol = guess.col;
    if (questionCol === null) return null;
    dataStart = guess ? guess.firstRow : 0;
    // The row above the first question often is an unrecognised header.
    if (dataStart > 0 && hints.questionColumn === undefined) {
      warnings.push(
        `${where}: no header row recognised; questions taken from column ${colLetters(questionCol)} from row ${dataStart + 1}`,
      );
    }
  }
  if (questionCol === null) return null;

  const roles = header?.roles ?? new Map<number, ColumnRole>();
  const headers = header?.texts ?? new Map<number, string>();
  const ofRole = (role: ColumnRole) =>
    [...roles]
      .filter(([c, r]) => r === role && c !== questionCol)
      .map(([c]) => c)
      .sort((a, b) => a - b);

  const markCols = hintA === null && header ? markColumns(grid, header, questionCol) : [];
  const marked = new Set(markCols.map((m) => m.col));
  let answerCol = hintA ?? markCols[0]?.col ?? null;
  if (answerCol === null) {
    // Right of the question, the plainest name first ("Response" before "Status"), then the nearest.
    const q = questionCol;
    const right = ofRole("answer").filter((c) => c > q);
    const strength = (c: number) => headerStrength(headers.get(c) ?? "", "answer");
    right.sort((a, b) => strength(b) - strength(a) || a - b);
    answerCol = right[0] ?? ofRole("answer")[0] ?? null;
  }
  let commentCol = hintC;
  if (commentCol === null) {
    const comments = ofRole("comment").filter((c) => c !== answerCol && !marked.has(c));
    commentCol = comments.find((c) => answerCol === null || c > answerCol) ?? comments[0] ?? null;
  }
  if (answerCol === null) {
    // An answer column with no name, or no header at all: the column right of the question whose
    // drop-downs cover its rows (past empty spacer columns the question text runs over), else
    // the first unnamed column right of the question.
    answerCol = validatedColumn(grid, questionCol, dataStart, roles, commentCol);
    const maxCol = Math.max(questionCol + 1, ...headers.keys());
    for (let c = questionCol + 1; answerCol === null && c <= maxCol; c++) {
      if (!roles.has(c) && c !== commentCol && !grid.hiddenCols.has(c) && (headers.get(c) ?? "") === "") {
        answerCol = c;
        break;
      }
    }
    if (answerCol !== null && header) {
      warnings.push(`${where}: answer column guessed as ${colLetters(answerCol)} (no column named Answer/Response)`);
    } else if (commentCol !== null) {
      answerCol = commentCol;
      commentCol = null;
      warnings.push(
        `${where}: no answer column found; answers go into the '${headers.get(answerCol) ?? colLetters(answerCol)}' column`,
      );
    } else if (answerCol === null) {
      warnings.push(`${where}: no answer column found; answers will only be reported`);
    }
  }
  if (commentCol === answerCol) commentCol = null;

  const used = new Set([questionCol, answerCol, commentCol, ...marked].filter((c): c is number => c !== null));
  const idCandidates = ofRole("id").filter((c) => !used.has(c));
  const rank = (c: number) => idHeaderRank(headers.get(c) ?? "") * 10 + idValueRank(grid, c, dataStart);
  let idCol = hintId ?? idCandidates.sort((a, b) => rank(b) - rank(a) || a - b)[0] ?? null;
  if (idCol === null) idCol = idLikeColumn(grid, dataStart, used, questionCol);
  if (idCol !== null) used.add(idCol);
  const sectionCol = ofRole("section").find((c) => !used.has(c)) ?? null;
  const choicesCol = ofRole("choices").find((c) => !used.has(c)) ?? null;

  if (header && hints.headerRow === undefined && !ofRole("answer").length && hintA === null && !markCols.length) {
    warnings.push(`${where}: header guessed at row ${(header.rows[0] ?? 0) + 1}`);
  }
  return {
    dataStart,
    headerRows: header?.rows ?? [],
    questionCol,
    answerCol,
    commentCol,
    idCol,
    sectionCol,
    choicesCol,
    headers,
    markCols,
    warnings,
  };
}

/**
 * The visible unnamed column right of the question whose list validations cover at least half of
 * the rows that hold a question: where a form names no answer column, the drop-down shows it.
 */
function validatedColumn(
  grid: SheetGrid,
  questionCol: number,
  dataStart: number,
  roles: ReadonlyMap<number, ColumnRole>,
  commentCol: number | null,
): number | null {
  if (grid.validations.length === 0) return null;
  const index = new ValidationIndex(grid.validations);
  const rows: number[] = [];
  for (let r = dataStart; r < Math.min(grid.rows.length, dataStart + SAMPLE_ROWS); r++)
    if (!grid.hiddenRows.has(r) && /\p{L}{2}/u.test(cellText(grid, r, questionCol))) rows.push(r);
  if (rows.length === 0) return null;
  const cols = new Set<number>();
  for (const v of grid.validations)
    for (const rg of v.ranges) for (let c = rg.c1; c <= Math.min(rg.c2, rg.c1 + 50); c++) cols.add(c);
  let best: { col: number; covered: number } | null = null;
  for (const c of [...cols].sort((a, b) => a - b)) {
    if (c <= questionCol || roles.has(c) || c === commentCol || grid.hiddenCols.has(c)) continue;
    const covered = rows.filter((r) => index.at(r, c) !== null).length;
    if (covered * 2 >= rows.length && (!best || covered > best.covered)) best = { col: c, covered };
  }
  return best?.col ?? null;
}

/** Sheet names of a workbook's non-question tabs; only consulted when a sheet has no header row. */
const NOT_A_QUESTIONNAIRE =
  /^(instructions?|read ?me|start here|how to( use| complete)?|guidance|help|introduction|intro|overview|glossary|definitions?|terms|cover( page| sheet)?|about|version history|change ?log|notes)\b/i;

/**
 * Mark columns: a form where the vendor puts an X in one of several columns, one per answer value.
 * Either two or more adjacent visible columns right of the question whose own header is a bare
 * answer value with a yes and a no among them ("Yes" | "No" | "N/A"; a column named "Yes/No" is a
 * single answer column), or the columns under one merged answer header whose second header row
 * names a value each ("Compliance" over "Full" | "Partial" | "None"). Either way the cells below
 * hold marks (short or empty), never sentences.
 */
function markColumns(grid: SheetGrid, header: HeaderCandidate, questionCol: number): { col: number; value: string }[] {
  const visible = (c: number) => c > questionCol && !grid.hiddenCols.has(c);
  const runs: { col: number; value: string }[][] = [];
  let run: { col: number; value: string }[] = [];
  for (const c of [...header.own.keys()].filter(visible).sort((a, b) => a - b)) {
    const value = header.own.get(c) ?? "";
    if (!isPlainYesNoToken(value)) continue;
    const last = run[run.length - 1];
    if (last && last.col !== c - 1) {
      runs.push(run);
      run = [];
    }
    run.push({ col: c, value });
  }
  runs.push(run);
  const yesNoRun = runs.find(
    (r) =>
      r.length >= 2 &&
      r.some((m) => /^(y|yes|true)$/i.test(m.value)) &&
      r.some((m) => /^(n|no|false)$/i.test(m.value)) &&
      new Set(r.map((m) => m.value.toLowerCase())).size === r.length,
  );
  if (yesNoRun && holdsMarks(grid, yesNoRun, header)) return yesNoRun;

  const [upper, lower] = header.rows;
  if (upper === undefined || lower === undefined) return [];
  for (const m of grid.merges) {
    if (m.r1 !== upper || m.r2 !== upper || m.c2 <= m.c1 || !visible(m.c1)) continue;
    if (headerRole(collapse(cellText(grid, upper, m.c1))) !== "answer") continue;
    const cols: { col: number; value: string }[] = [];
    for (let c = m.c1; c <= m.c2; c++) {
      const value = collapse(cellText(grid, lower, c));
      const role = headerRole(value);
      if (!visible(c) || value === "" || value.length > 30 || (role !== null && role !== "answer")) break;
      cols.push({ col: c, value });
    }
    const distinct = new Set(cols.map((x) => x.value.toLowerCase())).size === cols.length;
    if (cols.length === m.c2 - m.c1 + 1 && distinct && holdsMarks(grid, cols, header)) return cols;
  }
  return [];
}

/** The data cells of candidate mark columns are empty or a mark ("X", "x", "✓", "1"), never words. */
function holdsMarks(grid: SheetGrid, cols: readonly { col: number }[], header: HeaderCandidate): boolean {
  const from = Math.max(...header.rows) + 1;
  const end = Math.min(grid.rows.length, from + SAMPLE_ROWS);
  for (let r = from; r < end; r++)
    for (const { col } of cols) if (cellText(grid, r, col).trim().length > 3) return false;
  return true;
}
