import { type AnswerReport, AnswerReportSchema } from "../domain/answering/report.js";
import { QuireError } from "../domain/errors.js";

/**
 * The report as pretty JSON with a stable shape: parsing through the schema puts keys in the
 * schema's order and drops anything extra, so two exports of the same report are byte-identical
 * however the object was assembled.
 */
export function reportToJson(report: AnswerReport): string {
  const parsed = AnswerReportSchema.safeParse(report);
  if (!parsed.success) {
    throw new QuireError("export_invalid_report", `the report does not match its schema: ${parsed.error.message}`, 500);
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
