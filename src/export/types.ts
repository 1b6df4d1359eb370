/** One answer to write back into the customer's file, at the location ingest recorded. */
export interface WriteBackAnswer {
  readonly sheet: string | null;
  /** 1-based row (CSV: record number, header = 1). */
  readonly row: number | null;
  readonly answerCell: string | null;
  readonly commentCell: string | null;
  readonly kind: "yes_no" | "choice" | "free_text";
  /** Yes/No/choice value (already one of the allowed values), or null for free text. */
  readonly value: string | null;
  /** The full answer text (with citations appended by the caller if wanted). */
  readonly text: string;
  readonly allowedValues: readonly string[] | null;
}

export interface WriteBackOptions {
  /** Replace values the customer already put in answer cells (default: keep them). */
  readonly overwrite?: boolean;
}

export interface WriteBackResult {
  readonly bytes: Uint8Array;
  /** A1 references (sheet!A1) of every cell written. */
  readonly cellsWritten: string[];
  /** Cells left alone because the customer had already filled them. */
  readonly cellsKept: string[];
  /**
   * Answers (or parts of answers) that were not written, in words a person can act on: a value
   * that is not one of the dropdown's allowed values, an unknown sheet, a cell outside the file,
   * text cut at Excel's cell limit. Optional so that older producers of this type still compile.
   */
  readonly warnings?: string[];
}
