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
  /** Explicit statuses to write; wins over `approvedOnly`. needs_review, no_match and rejected never are. */
  readonly statuses?: readonly string[];
  /** Append "Evidence: <citation titles>" to the text so the buyer sees what backs the answer. */
  readonly citeInText?: boolean;
  /** Cell locations per question id; the report itself does not carry them. */
  readonly locations?: ReadonlyMap<string, WriteBackLocation>;
  /**
   * Mark answers nobody approved (status "drafted") in the text the buyer reads, so a draft is never
   * taken for the vendor's answer; a draft with nowhere to carry the mark is not written.
   */
  readonly markDrafts?: boolean;
}

/** Statuses that never reach the customer's file: unsure, unanswered or refused answers stay blank. */
export const NEVER_WRITTEN: ReadonlySet<string> = new Set(["needs_review", "no_match", "rejected"]);

/** What marks an unreviewed draft in the customer's file. */
export const DRAFT_MARK = "[DRAFT, not yet reviewed]";

/** A report question that may (in a later report version) carry its own cells. */
type QuestionWithCells = ReviewedQuestion & {
  readonly answerCell?: string | null;
  readonly commentCell?: string | null;
};

/**
 * Default: drafted and approved answers. Statuses are compared as strings because stored answers
 * know "approved" and "rejected" while a freshly drafted report does not. Whatever is asked for, an
 * answer that needs review, has no match or was rejected is never written into the customer's file.
 */
function included(status: string, options: AnswersForWriteBackOptions): boolean {
  if (NEVER_WRITTEN.has(status)) return false;
  if (options.statuses) return options.statuses.includes(status);
  if (options.approvedOnly) return status === "approved";
  return status === "drafted" || status === "approved";
}

/** Distinct non-empty titles in order (a loop: two per question of a 5,000-question file). */
function titlesOf(citations: readonly { title: string }[]): string[] {
  const out: string[] = [];
  for (const c of citations) {
    const title = c.title.trim();
    if (title !== "" && !out.includes(title)) out.push(title);
  }
  return out;
}

function evidenceLine(q: ReviewedQuestion): string {
  if (q.citations.length === 0 && (q.onRequest ?? []).length === 0) return "";
  const cited = titlesOf(q.citations);
  const onRequest = titlesOf(q.onRequest ?? []);
  return [
    cited.length > 0 ? `\nEvidence: ${cited.join("; ")}` : "",
    onRequest.length > 0 ? `\nAvailable on request: ${onRequest.join("; ")}` : "",
  ].join("");
}

export interface WriteBackSelection {
  readonly answers: WriteBackAnswer[];
  /** Answers chosen but not written, with why (a draft with nowhere to carry its mark). */
  readonly skipped: { readonly id: string; readonly reason: string }[];
}

export function answersForWriteBack(
  report: ReviewedReport,
  options: AnswersForWriteBackOptions = {},
): WriteBackAnswer[] {
  return selectForWriteBack(report, options).answers;
}

/** The answers to write into the customer's file, each at its cells, and those left out on purpose. */
export function selectForWriteBack(
  report: ReviewedReport,
  options: AnswersForWriteBackOptions = {},
): WriteBackSelection {
  const out: WriteBackAnswer[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const question of report.questions) {
    const q: QuestionWithCells = question;
    if (q.answer === null || !included(q.status, options)) continue;
    const location = options.locations?.get(q.id);
    const answerCell = location ? location.answerCell : (q.answerCell ?? null);
    const commentCell = location ? location.commentCell : (q.commentCell ?? null);
    // A value the dropdown would reject is dropped here; the text still carries the answer.
    const value =
      q.kind === "free_text" || q.answer.value === null ? null : canonicalValue(q.answer.value, q.allowedValues);
    const markDraft = options.markDrafts === true && q.status === "drafted";
    // The mark rides in the text: a value alone in a dropdown cell cannot say it is a draft.
    if (markDraft && commentCell === null && (q.kind !== "free_text" || answerCell === null)) {
      skipped.push({ id: q.id, reason: "draft not written: no comment column to mark it as a draft" });
      continue;
    }
    const body = options.citeInText ? `${q.answer.text}${evidenceLine(q)}` : q.answer.text;
    const text = markDraft ? `${DRAFT_MARK} ${body}` : body;
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
  return { answers: out, skipped };
}
