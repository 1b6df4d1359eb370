import type { ReviewedReport } from "../domain/answering/report.js";
import { type AnswersForWriteBackOptions, answersForWriteBack } from "./answers.js";
import { writeBackCsv } from "./csv-writeback.js";
import type { WriteBackOptions, WriteBackResult } from "./types.js";
import { writeBackXlsx } from "./xlsx-writeback.js";

/**
 * The customer's own file with the report's answers written in: which answers go (the options pick
 * them) and which writer the file's format takes. The CLI and the export service both call this.
 */
export function fillOriginal(
  format: "xlsx" | "csv",
  original: Uint8Array,
  report: ReviewedReport,
  options: AnswersForWriteBackOptions & WriteBackOptions,
): WriteBackResult {
  const writeBack = format === "xlsx" ? writeBackXlsx : writeBackCsv;
  return writeBack(original, answersForWriteBack(report, options), { overwrite: options.overwrite === true });
}
