import type { ReviewedQuestion, ReviewedReport } from "../domain/answering/report.js";
import { canonicalValue } from "./plan.js";
import type { WriteBackAnswer } from "./types.js";

/** Where ingest found a question's cells (the questionnaire's `location`), keyed by question id. */
export interface WriteBackLocation {
  readonly sheet?: string | null;
  readonly row?: number | null;
  readonly answerCell: string | null;
  readonly commentCell: string | null;
}

export interface AnswersForWriteBackOptions {
  /** Only answers a reviewer approved (status "approved"); what the API does unless drafts are asked for. */
  readonly approvedOnly?: boolean;
  /** Explicit statuses to write; wins over `approvedOnly`. */
  readonly statuses?: readonly string[];
  /** Append "Evidence: <citation titles>" to the text so the buyer sees what backs the answer. */
  readonly citeInText?: boolean;
  /** Cell locations per question id; the report itself does not carry them. */
  readonly locations?: ReadonlyMap<string, WriteBackLocation>;
}

/** A report question that may (in a later report version) carry its own cells. */
type QuestionWithCells = ReviewedQuestion & {
  readonly answerCell?: string | null;
  readonly commentCell?: string | null;
};

/**
 * Default: every answer a person may want to review in the file (drafts too, as the CLI does),
 * never a rejected one. Statuses are compared as strings because stored answers know "approved"
 * and "rejected" while a freshly drafted report does not.
 */
function included(status: string, options: AnswersForWriteBackOptions): boolean {
  if (options.statuses) return options.statuses.includes(status);
  if (options.approvedOnly) return status === "approved";
  return status !== "rejected";
}

function evidenceLine(q: ReviewedQuestion): string {
  const titles = [...new Set(q.citations.map((c) => c.title.trim()).filter((t) => t !== ""))];
  return titles.length === 0 ? "" : `\nEvidence: ${titles.join("; ")}`;
}

export function answersForWriteBack(
  report: ReviewedReport,
  options: AnswersForWriteBackOptions = {},
): WriteBackAnswer[] {
  const out: WriteBackAnswer[] = [];
  for (const question of report.questions) {
    const q: QuestionWithCells = question;
    if (q.status === "no_match" || q.answer === null || !included(q.status, options)) continue;
    const location = options.locations?.get(q.id);
    const answerCell = location ? location.answerCell : (q.answerCell ?? null);
    const commentCell = location ? location.commentCell : (q.commentCell ?? null);
    // A value the dropdown would reject is dropped here; the text still carries the answer.
    const value =
      q.kind === "free_text" || q.answer.value === null ? null : canonicalValue(q.answer.value, q.allowedValues);
    const text = options.citeInText ? `${q.answer.text}${evidenceLine(q)}` : q.answer.text;
    out.push({
      sheet: location?.sheet !== undefined ? location.sheet : q.sheet,
      row: location?.row !== undefined ? location.row : q.row,
      answerCell,
      commentCell,
      kind: q.kind,
      value,
      text,
      allowedValues: q.allowedValues,
    });
  }
  return out;
}
