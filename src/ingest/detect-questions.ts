/**
 * Turns the rows of a detected question table into Questions: skips blank, hidden and repeated
 * header rows, recognises section rows (merged, bold, lone label, or a parent id like "1" above
 * "1.1") and carries them down, joins multi-line cells, and classifies each question's kind.
 */

import { isYesNoSet } from "../domain/drafting/values.js";
import type { Question, QuestionKind } from "../domain/questionnaire/types.js";
import type { TableLayout } from "./detect-header.js";
import { a1, cellText, collapse, mergesByRow, type SheetGrid, ValidationIndex } from "./grid.js";
import {
  ATTESTATION_START,
  CLOSED_START,
  headerRole,
  INSTRUCTION_START,
  isPlaceholderAnswer,
  isPlainYesNoToken,
  isQuestionLike,
  isSignOffLabel,
  isTitleLike,
  isYesNoHeader,
  leadingId,
  OPEN_START,
  scaleNamedInHeader,
  valuesNamedInHeader,
} from "./vocabulary.js";

export interface ExtractOptions {
  /** Section for questions before any section row (e.g. the sheet's domain name), or null. */
  readonly defaultSection: string | null;
  /** Prefix of Question.id: the sheet name, or "q" for CSV. */
  readonly idPrefix: string;
  /**
   * The grid's boldRows are known exactly (a PDF table, whose fonts tell bold from regular): a
   * title-like row without an id is then a section only when bold, and a plain two-word row
   * ("Annual revenue") is a short question. A sheet's bold is often missing, so it guesses.
   */
  readonly emphasisKnown?: boolean;
}

/**
 * The kind rule: a list validation decides (plain yes/no set → yes_no, anything else → choice);
 * else a yes/no answer header makes everything but open prompts yes_no; else closed questions
 * (Do/Is/Are/Has/Can/Will...) are yes_no when there is somewhere to answer, and the rest free text.
 */
export function classifyKind(
  text: string,
  listValues: readonly string[] | null,
  answerHeader: string | null,
  hasAnswerPlace: boolean,
): { kind: QuestionKind; allowedValues: string[] | null } {
  if (listValues && listValues.length > 0) {
    // "Yes - Fully / Yes - Partially / No" reads as yes/no to polarityOf, but the customer wants
    // one of their own wordings chosen: treat only bare yes/no/n-a lists as yes_no.
    const yesNo = isYesNoSet(listValues) && listValues.every(isPlainYesNoToken);
    return { kind: yesNo ? "yes_no" : "choice", allowedValues: [...listValues] };
  }
  if (answerHeader && isYesNoHeader(answerHeader)) {
    if (OPEN_START.test(text)) return { kind: "free_text", allowedValues: null };
    return { kind: "yes_no", allowedValues: valuesNamedInHeader(answerHeader) };
  }
  // "Compliance (Yes/Partial/No)" with no drop-down: the header's scale is the row's choice.
  const scale = answerHeader ? scaleNamedInHeader(answerHeader) : null;
  if (scale)
    return OPEN_START.test(text)
      ? { kind: "free_text", allowedValues: null }
      : { kind: "choice", allowedValues: scale };
  if (hasAnswerPlace && CLOSED_START.test(text)) return { kind: "yes_no", allowedValues: null };
  return { kind: "free_text", allowedValues: null };
}

function hasLetters(t: string): boolean {
  return /\p{L}{2}/u.test(t);
}

export function extractQuestions(grid: SheetGrid, layout: TableLayout, opts: ExtractOptions): Question[] {
  const out: Question[] = [];
  const validations = new ValidationIndex(grid.validations);
  const merges = mergesByRow(grid);
  const { questionCol: qc, answerCol: ac, commentCol: cc, idCol: ic, sectionCol: sc, markCols } = layout;
  const answerHeader = ac === null ? null : (layout.headers.get(ac) ?? null);
  const questionHeader = collapse(layout.headers.get(qc) ?? "").toLowerCase();
  let section: string | null = opts.defaultSection;
  const sectionBelow = mergedDown(grid, sc);
  // A section column written only on the first row of its group (a report grouped by it, a sheet
  // that names each domain once): the rows below belong to it until a section row says otherwise.
  let carried: { text: string; under: string | null } | null = null;

  /** A row's id: the id column's, else a number leading its question cell ("1.2 Do you…"). */
  const idOf = (r: number): string => {
    const own = ic === null ? "" : collapse(cellText(grid, r, ic));
    if (own) return own;
    const lead = leadingId(collapse(cellText(grid, r, qc)));
    return lead && !lead.sub ? lead.id : "";
  };
  /** Next non-empty id below row r (for "1" above "1.1" section records). */
  const nextId = (r: number): string => {
    for (let k = r + 1; k < Math.min(grid.rows.length, r + 20); k++) {
      const t = idOf(k);
      if (t) return t;
    }
    return "";
  };
  // A table that numbers its questions (most rows with text have an id): an unnumbered row there
  // that asks nothing heads the rows below it (a control above its safeguards), it is no question.
  const numbered = ic !== null && numberedShare(grid, layout) >= 2 / 3;
  /** The id of the last numbered question: lettered sub-items below it extend it (1.3(a)). */
  let stemId: string | null = null;
  // Rows a converter copied from each printed page: running titles and page numbers.
  const furniture = pageFurniture(grid, layout.dataStart);
  /** The last row read was a question (blank rows, page furniture and repeated headers between are passed over). */
  let joinable = false;

  for (let r = layout.dataStart; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row || grid.hiddenRows.has(r)) continue;
    let filled = 0;
    let only = "";
    for (const t of row) {
      if (t !== "") {
        filled++;
        only = t;
      }
    }
    if (filled === 0 || furniture.has(r)) continue;

    const cellQuestion = collapse(cellText(grid, r, qc));
    let qText = cellQuestion;
    let idText = ic === null ? "" : collapse(cellText(grid, r, ic));
    // A lettered sub-question in the id column ("a", "b)", "(ii)") extends the number above it: 5(a).
    const letter = /^\(?([a-z]|[ivx]{1,4})[).]?$/.exec(idText)?.[1];
    if (letter && stemId !== null) idText = `${stemId}(${letter})`;
    if (idText === "") {
      // The number written into the question cell is the id ("1.2 Do you…" → 1.2, "Do you…").
      const lead = leadingId(qText);
      if (lead && (!lead.sub || stemId !== null)) {
        idText = lead.sub ? `${stemId}(${lead.id})` : lead.id;
        qText = lead.rest;
      }
    }
    // With mark columns the answer is the name of the column marked ("No" for an X under "No").
    const answerCell =
      markCols.length > 0
        ? (markCols.find((m) => cellText(grid, r, m.col).trim() !== "")?.value ?? "")
        : ac === null
          ? ""
          : cellText(grid, r, ac);
    // The template's prompt in the answer cell ("Please select") is no answer.
    const answer = isPlaceholderAnswer(answerCell) ? "" : answerCell;
    const commentCell = cc === null ? "" : cellText(grid, r, cc);
    const comment = isPlaceholderAnswer(commentCell) ? "" : commentCell;
    // A drop-down decides; without one, a column that writes the choices out ("Yes;No;N/A"). Its
    // prompt ("Please select") is not a value.
    const listed =
      ac === null
        ? null
        : (validations.at(r, ac) ??
          (layout.choicesCol === null ? null : choicesIn(cellText(grid, r, layout.choicesCol))));
    const values = listed?.filter((v) => !isPlaceholderAnswer(v)) ?? null;
    const list = values && values.length > 0 ? values : null;

    // The header repeated on each printed page of a converted PDF or a long table.
    if (qText !== "" && qText.toLowerCase() === questionHeader) continue;
    const wasJoinable = joinable;
    joinable = false;
    // A question's text split over several rows (a converter's line breaks): a row with only more
    // words in the question column, under a numbered question whose sentence has not ended.
    const last = out[out.length - 1];
    if (wasJoinable && last?.sourceId && filled === 1 && qText !== "" && !idText && !list && answer === "") {
      // Words that start a question of their own ("Please describe…", "Is it…?") begin a new,
      // unnumbered question; a continuation starts in lower case or mid-phrase ("TLS 1.2 only?").
      const ownQuestion = !/^\p{Ll}/u.test(qText) && (CLOSED_START.test(qText) || OPEN_START.test(qText));
      if (!/[?.!:;]$/.test(last.text) && !ownQuestion) {
        out[out.length - 1] = { ...last, text: `${last.text} ${qText}` };
        joinable = true;
        continue;
      }
    }

    // Section row: merged across the question and answer columns...
    const merged = merges.get(r)?.find((m) => m.c2 > m.c1 && m.c1 <= qc && m.c2 >= qc && (ac === null || m.c2 >= ac));
    if (merged) {
      const t = collapse(cellText(grid, r, merged.c1));
      if (t && hasLetters(t)) section = t;
      continue;
    }
    // ...or a lone label outside the question column ("ACCESS CONTROL" in column A)...
    if (qText === "") {
      const t = collapse(only);
      if (filled === 1 && hasLetters(t) && !isQuestionLike(t) && t.split(" ").length <= 15) section = t;
      continue;
    }
    if (!hasLetters(qText)) continue;
    // An instruction under the header or a section, in a table that numbers its questions: the row
    // has no number and tells the vendor how to fill the form. Its cell may carry the dropdown
    // applied to the whole block, so the dropdown does not make it a question.
    if (!idText && ic !== null && INSTRUCTION_START.test(qText)) continue;
    // A sign-off block under the questions: the vendor's attestation with nothing to choose, and
    // (in a numbered table, without a number) its fields' labels ("Name of authorised signatory:").
    if (!idText && ((!list && ATTESTATION_START.test(qText)) || (ic !== null && isSignOffLabel(qText)))) continue;
    // ...or a title in the question column with nothing to answer: bold, without an id, or with a
    // parent id ("1" above "1.1").
    if (answer === "" && comment === "" && !list && isTitleLike(qText)) {
      if (grid.boldRows.has(r) || (idText === "" && !opts.emphasisKnown) || isParentId(idText, nextId(r))) {
        // A numbered title keeps its number, as it is written ("1. Governance").
        section = cellQuestion;
        continue;
      }
    }
    // ...or, in a numbered table, an unnumbered row that asks nothing and is not filled in: a group
    // heading with its description ("Inventory of Enterprise Hardware | Keep an accurate view…"),
    // named by its title-like cell.
    if (numbered && !idText && answer === "" && comment === "" && !list && !isQuestionLike(qText)) {
      section = titleCellOf(row, qc) ?? cellQuestion;
      continue;
    }
    // Repeated header rows (long tables sometimes repeat them) are not questions.
    if (qText.toLowerCase() === questionHeader || (qText.length <= 30 && headerRole(qText) === "question" && !idText))
      continue;
    if (!idText && !list && !isQuestionLike(qText) && qText.split(" ").length < (opts.emphasisKnown ? 2 : 3)) continue;

    if (!/\(\w+\)$/.test(idText)) stemId = idText || null;
    let rowSection = sc === null ? "" : collapse(cellText(grid, r, sc) || (sectionBelow.get(r) ?? ""));
    if (rowSection) carried = { text: rowSection, under: section };
    else if (carried && carried.under === section) rowSection = carried.text;
    joinable = true;
    if (markCols.length > 0) {
      out.push(
        markQuestion(grid, layout, r, {
          text: qText,
          idText,
          section: rowSection || section,
          marked: answer,
          id: `${opts.idPrefix}!${r + 1}`,
        }),
      );
      continue;
    }
    const { kind, allowedValues } = classifyKind(qText, list, answerHeader, ac !== null);
    out.push({
      id: `${opts.idPrefix}!${r + 1}`,
      sourceId: idText || null,
      section: rowSection || section,
      text: qText,
      kind,
      allowedValues,
      location: {
        sheet: grid.name,
        row: r + 1,
        answerCell: ac === null ? null : a1(r, ac),
        commentCell: cc === null ? null : a1(r, cc),
      },
      existingAnswer: answer.trim() === "" ? null : answer.trim(),
    });
  }
  return out;
}

/**
 * "A.1" heads "A.1.1", "1" heads "1.1", "GOV" heads "GOV-01": the next id extends this one after a
 * separator (or, for a short id, directly: "1" over "1a").
 */
function isParentId(id: string, next: string): boolean {
  if (id === "") return false;
  const base = id.replace(/[.\-_]$/, "");
  if (next.length <= base.length || !next.startsWith(base)) return false;
  return /[.\-_ ]/.test(next[base.length] ?? "") || /^[\w]{1,4}\.?$/.test(id);
}

/** "Page 2 of 4", "2 / 4", "Page 3". */
const PAGE_NUMBER =
  /^(page|p\.|seite|página|pagina)?\s*\d+\s*(of|\/|von|de|di)\s*\d+$|^(page|seite|página|pagina)\s+\d+$/i;

/**
 * Rows of a sheet made from a printed document that belong to its pages, not its table: a lone
 * page number, and a lone text that stands above the table and recurs inside it (the running
 * title of each page).
 */
function pageFurniture(grid: SheetGrid, from: number): Set<number> {
  const lone = new Map<string, number[]>();
  grid.rows.forEach((row, r) => {
    if (!row || grid.hiddenRows.has(r)) return;
    let text: string | null = null;
    for (const t of row) {
      if (t === "") continue;
      if (text !== null) return;
      text = collapse(t);
    }
    if (text !== null) lone.set(text, [...(lone.get(text) ?? []), r]);
  });
  const out = new Set<number>();
  for (const [text, rows] of lone) {
    // A running title opens the first page above the table too; a section name that recurs below does not.
    const running = rows.length >= 2 && rows.some((r) => r < from) && !isQuestionLike(text);
    if (!PAGE_NUMBER.test(text) && !running) continue;
    for (const r of rows) if (r >= from) out.add(r);
  }
  return out;
}

/** Share of the table's rows with question text that carry an id in the id column. */
function numberedShare(grid: SheetGrid, layout: TableLayout): number {
  const { idCol, questionCol, dataStart } = layout;
  if (idCol === null) return 0;
  let text = 0;
  let ids = 0;
  for (let r = dataStart; r < Math.min(grid.rows.length, dataStart + 500); r++) {
    if (grid.hiddenRows.has(r) || !/\p{L}{2}/u.test(cellText(grid, r, questionCol))) continue;
    text++;
    if (cellText(grid, r, idCol).trim() !== "") ids++;
  }
  return text === 0 ? 0 : ids / text;
}

/** The first title-like cell of a row other than the question's: a heading row's name. */
function titleCellOf(row: readonly string[], qc: number): string | null {
  for (let c = 0; c < row.length; c++) {
    const t = collapse(row[c] ?? "");
    if (c !== qc && hasLetters(t) && isTitleLike(t)) return t;
  }
  return null;
}

/**
 * A question answered by marking one of several columns: its answer cell is the row's span of mark
 * columns ("C7:E7") and its allowed values name them in order, so the write-back puts the mark
 * under the value. An open prompt ("Describe …") cannot be ticked: its words go in the comment
 * column, which becomes its answer cell.
 */
function markQuestion(
  grid: SheetGrid,
  layout: TableLayout,
  r: number,
  row: { text: string; idText: string; section: string | null; marked: string; id: string },
): Question {
  const { text, idText, section, marked, id } = row;
  const { markCols, commentCol: cc } = layout;
  const first = markCols[0]?.col ?? 0;
  const last = markCols[markCols.length - 1]?.col ?? first;
  const open = OPEN_START.test(text) && cc !== null;
  const typed = open ? cellText(grid, r, cc).trim() : marked;
  const existing = isPlaceholderAnswer(typed) ? "" : typed;
  const values = markCols.map((m) => m.value);
  // "Full" | "Partial" | "None" is a choice; only a plain yes/no set is answered as yes/no.
  const yesNo = isYesNoSet(values) && values.every(isPlainYesNoToken);
  return {
    id,
    sourceId: idText || null,
    section,
    text,
    kind: open ? "free_text" : yesNo ? "yes_no" : "choice",
    allowedValues: open ? null : values,
    location: {
      sheet: grid.name,
      row: r + 1,
      answerCell: open ? a1(r, cc) : `${a1(r, first)}:${a1(r, last)}`,
      commentCell: open || cc === null ? null : a1(r, cc),
    },
    existingAnswer: existing === "" ? null : existing,
  };
}

/**
 * Rows inside a cell merged down over column c, to the merge's text: a domain written once and
 * merged over its control's questions names the section of every one of them.
 */
function mergedDown(grid: SheetGrid, c: number | null): Map<number, string> {
  const out = new Map<number, string>();
  if (c === null) return out;
  for (const m of grid.merges) {
    if (m.c1 > c || m.c2 < c || m.r2 <= m.r1) continue;
    const text = cellText(grid, m.r1, m.c1);
    for (let r = m.r1 + 1; r <= Math.min(m.r2, m.r1 + 10_000); r++) out.set(r, text);
  }
  return out;
}

/** "Yes;No;N/A", "Yes | No", one per line, or "Yes, No, N/A" → the values; null unless two or more. */
function choicesIn(text: string): string[] | null {
  const t = text.trim();
  if (t === "") return null;
  const sep = /[;|\n]/.test(t) ? /\s*[;|\n]\s*/ : /\s*,\s*/;
  const values = [...new Set(t.split(sep).filter((v) => v !== ""))];
  return values.length >= 2 && values.every((v) => v.length <= 60) ? values : null;
}
