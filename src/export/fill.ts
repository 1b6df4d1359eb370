import type { ReviewedReport } from "../domain/answering/report.js";
import { type AnswersForWriteBackOptions, selectForWriteBack, type WriteBackSelection } from "./answers.js";
import { writeBackCsv } from "./csv-writeback.js";
import type { WriteBackOptions, WriteBackResult } from "./types.js";
import { writeBackXlsx } from "./xlsx-writeback.js";

/**
 * The customer's own file with the report's answers written in: which answers go (the options pick
 * them; needs-review, no-match and rejected answers never) and which writer the file's format takes.
 * The CLI and the export service both call this.
 */
export function fillOriginal(
  format: "xlsx" | "csv",
  original: Uint8Array,
  report: ReviewedReport,
  options: AnswersForWriteBackOptions & WriteBackOptions,
): WriteBackResult & { skipped: WriteBackSelection["skipped"] } {
  const writeBack = format === "xlsx" ? writeBackXlsx : writeBackCsv;
  const selection = selectForWriteBack(report, options);
  const result = writeBack(original, selection.answers, { overwrite: options.overwrite === true });
  // Left out on purpose (a draft with nowhere to carry its mark): said, like a cell that could not be written.
  const skipped = selection.skipped.map((s) => `${s.id}: ${s.reason}`);
  return { ...result, warnings: [...(result.warnings ?? []), ...skipped], skipped: selection.skipped };
}
