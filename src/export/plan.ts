import { type CellAddress, formatCellRef, parseCellRef, parseMarkSpan } from "../domain/questionnaire/cell-ref.js";
import type { WriteBackAnswer } from "./types.js";

/**
 * Where each part of one answer goes, shared by the XLSX and CSV writers so both follow the
 * same rules: the value goes into the answer cell (only if it is one of the allowed values); the
 * text goes into the comment cell, or into the answer cell itself when that cell takes no value
 * (free text, no dropdown). Never free text into a dropdown cell.
 */
export interface CellTarget {
  /** Normalised A1 ref (`C5`). */
  readonly ref: string;
  /** The same cell, parsed (so the writer does not parse the ref again). */
  readonly address: CellAddress;
  readonly content: string;
}

export interface AnswerPlan {
  readonly value: CellTarget | null;
  readonly text: CellTarget | null;
  /** The cells that hold the customer's own answer when filled: the answer cell, or every mark cell. */
  readonly answerCells: CellAddress[];
  /** Mark cells other than the one marked: emptied when an answer replaces the customer's mark. */
  readonly clear: CellAddress[];
  readonly warnings: string[];
}

interface Ref {
  readonly ref: string;
  readonly address: CellAddress;
}

/** What goes under the chosen value in a form with one column per value. */
export const MARK = "X";

/** Excel refuses longer cell text; longer answers are cut with a pointer to the full report. */
export const EXCEL_CELL_LIMIT = 32_767;
const TRUNCATION_NOTE = " […truncated: the full answer is in the Quire report]";

export function truncateForExcel(text: string): { text: string; truncated: boolean } {
  if (text.length <= EXCEL_CELL_LIMIT) return { text, truncated: false };
  let cut = EXCEL_CELL_LIMIT - TRUNCATION_NOTE.length;
  // Never split a surrogate pair: half an emoji is an invalid XML character.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return { text: text.slice(0, cut) + TRUNCATION_NOTE, truncated: true };
}

/** The allowed value matching `value` (case- and whitespace-insensitively), in its canonical spelling. */
export function canonicalValue(value: string, allowed: readonly string[] | null): string | null {
  if (allowed === null) return value;
  const wanted = value.trim().toLowerCase();
  // The first allowed value that reads the same (one spelled exactly so needs no normalising).
  for (const a of allowed) if (a === value || a.trim().toLowerCase() === wanted) return a;
  return null;
}

function normalisedRef(ref: string | null): Ref | null {
  if (ref === null || ref.trim() === "") return null;
  const address = parseCellRef(ref);
  return address ? { ref: formatCellRef(address), address } : null;
}

/** `label` names the answer in warnings; it is only built when there is one to give. */
export function planAnswer(answer: WriteBackAnswer, label: () => string): AnswerPlan {
  const span = answer.answerCell ? parseMarkSpan(answer.answerCell) : null;
  if (span) return planMarks(answer, span, label);
  const warnings: string[] = [];
  const answerCell = normalisedRef(answer.answerCell);
  const answerRef = answerCell?.ref ?? null;
  const commentCell = normalisedRef(answer.commentCell);
  const commentRaw = commentCell?.ref ?? null;
  if (answer.answerCell && !answerRef)
    warnings.push(`${label()}: answer cell "${answer.answerCell}" is not a cell reference`);
  if (answer.commentCell && !commentRaw) {
    warnings.push(`${label()}: comment cell "${answer.commentCell}" is not a cell reference`);
  }
  const comment = commentRaw === answerRef ? null : commentCell;

  let value: CellTarget | null = null;
  if (answer.value !== null && answer.value.trim() !== "" && answerCell) {
    const canonical = canonicalValue(answer.value, answer.allowedValues);
    if (canonical === null) {
      warnings.push(
        `${label()}: "${answer.value}" is not one of the allowed values (${(answer.allowedValues ?? []).join(", ")}); ${answerRef} left empty`,
      );
    } else {
      value = { ...answerCell, content: canonical };
    }
  }

  let text: CellTarget | null = null;
  const body = answer.text.trim() === "" ? null : answer.text;
  if (body !== null) {
    // Free text belongs in the answer column when nothing constrains it (buyers read that column,
    // and customers pre-fill free text there too); yes/no and choice text goes beside the value.
    const freeTextHere = answerCell !== null && value === null && answer.allowedValues === null;
    const cell =
      freeTextHere && answer.kind === "free_text" ? answerCell : (comment ?? (freeTextHere ? answerCell : null));
    if (cell) {
      const cut = truncateForExcel(body);
      if (cut.truncated)
        warnings.push(`${label()}: answer text longer than Excel's ${EXCEL_CELL_LIMIT} characters; truncated`);
      text = { ...cell, content: cut.text };
    } else if (value === null && answerRef !== null) {
      // Nothing at all lands in the file for this question: say so rather than drop it silently.
      const allowed = (answer.allowedValues ?? []).join("/");
      warnings.push(`${label()}: no comment column and ${answerRef} only takes ${allowed}; answer text not written`);
    }
  }
  return { value, text, answerCells: answerCell ? [answerCell.address] : [], clear: [], warnings };
}

/**
 * A form with one column per value ("Yes" | "No" | "N/A", ingest's mark span): the value becomes
 * an X under its column, in the order the allowed values name them; the text goes to the comment.
 */
function planMarks(answer: WriteBackAnswer, cells: CellAddress[], label: () => string): AnswerPlan {
  const warnings: string[] = [];
  const allowed = answer.allowedValues ?? [];
  let value: CellTarget | null = null;
  if (allowed.length !== cells.length) {
    warnings.push(`${label()}: ${cells.length} mark columns but ${allowed.length} values named; nothing marked`);
  } else if (answer.value !== null && answer.value.trim() !== "") {
    const canonical = canonicalValue(answer.value, allowed);
    const at = canonical === null ? -1 : allowed.indexOf(canonical);
    const address = cells[at];
    if (address === undefined) {
      warnings.push(
        `${label()}: "${answer.value}" is not one of the columns to mark (${allowed.join(", ")}); nothing marked`,
      );
    } else {
      value = { ref: formatCellRef(address), address, content: MARK };
    }
  }
  let text: CellTarget | null = null;
  const comment = normalisedRef(answer.commentCell);
  if (answer.text.trim() !== "") {
    if (comment) {
      const cut = truncateForExcel(answer.text);
      if (cut.truncated)
        warnings.push(`${label()}: answer text longer than Excel's ${EXCEL_CELL_LIMIT} characters; truncated`);
      text = { ...comment, content: cut.text };
    } else {
      warnings.push(`${label()}: no comment column beside the mark columns; answer text not written`);
    }
  }
  return {
    value,
    text,
    answerCells: cells,
    clear: value ? cells.filter((c) => c !== value.address) : [],
    warnings,
  };
}
