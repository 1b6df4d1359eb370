import type { ReviewedQuestion, ReviewedReport } from "../domain/answering/report.js";
import { neutraliseFormula, quoteField } from "./csv/field.js";

/**
 * The report as a CSV a person opens in Excel: one row per question, whatever the source format
 * (PDF questionnaires included). Excel-friendly on purpose: UTF-8 BOM (else Excel guesses the
 * ANSI code page), CRLF, RFC 4180 quoting, and formula-looking cells defused with an apostrophe
 * because answer text comes from documents and models we do not control.
 */
const HEADER = [
  "id",
  "sheet",
  "row",
  "source_id",
  "section",
  "question",
  "kind",
  "status",
  "value",
  "answer",
  "confidence",
  "entry_id",
  "citations",
  "withheld_count",
] as const;

const csvCell = (raw: string): string => quoteField(neutraliseFormula(raw), ",");

function row(q: ReviewedQuestion): string[] {
  return [
    q.id,
    q.sheet ?? "",
    q.row === null ? "" : String(q.row),
    q.sourceId ?? "",
    q.section ?? "",
    q.question,
    q.kind,
    q.status,
    q.answer?.value ?? "",
    q.answer?.text ?? "",
    String(q.confidence),
    q.entryId ?? "",
    q.citations.map((c) => c.title).join("; "),
    String(q.withheld.length),
  ];
}

export function reportToCsv(report: ReviewedReport): string {
  const lines = [HEADER as readonly string[], ...report.questions.map(row)].map((cells) =>
    cells.map(csvCell).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
