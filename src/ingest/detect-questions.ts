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
  CLOSED_START,
  headerRole,
  isPlainYesNoToken,
  isQuestionLike,
  isTitleLike,
  isYesNoHeader,
  OPEN_START,
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
  const { questionCol: qc, answerCol: ac, commentCol: cc, idCol: ic, sectionCol: sc } = layout;
  const answerHeader = ac === null ? null : (layout.headers.get(ac) ?? null);
  const questionHeader = collapse(layout.headers.get(qc) ?? "").toLowerCase();
  let section: string | null = opts.defaultSection;

  /** Next non-empty id below row r (for "1" above "1.1" section records). */
  const nextId = (r: number): string => {
    if (ic === null) return "";
    for (let k = r + 1; k < Math.min(grid.rows.length, r + 20); k++) {
      const t = collapse(cellText(grid, k, ic));
      if (t) return t;
    }
    return "";
  };

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
    if (filled === 0) continue;

    const qText = collapse(cellText(grid, r, qc));
    const idText = ic === null ? "" : collapse(cellText(grid, r, ic));
    const answer = ac === null ? "" : cellText(grid, r, ac);
    const comment = cc === null ? "" : cellText(grid, r, cc);
    const list = ac === null ? null : validations.at(r, ac);

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
    // ...or a title in the question column with nothing to answer: bold, without an id, or with a
    // parent id ("1" above "1.1").
    if (answer === "" && comment === "" && !list && isTitleLike(qText)) {
      const parent = idText !== "" && /^[\w]{1,4}\.?$/.test(idText) && nextId(r).startsWith(idText.replace(/\.$/, ""));
      if (grid.boldRows.has(r) || (idText === "" && !opts.emphasisKnown) || parent) {
        section = qText;
        continue;
      }
    }
    // Repeated header rows (long tables sometimes repeat them) are not questions.
    if (qText.toLowerCase() === questionHeader || (qText.length <= 30 && headerRole(qText) === "question" && !idText))
      continue;
    if (!idText && !list && !isQuestionLike(qText) && qText.split(" ").length < (opts.emphasisKnown ? 2 : 3)) continue;

    const rowSection = sc === null ? "" : collapse(cellText(grid, r, sc));
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
