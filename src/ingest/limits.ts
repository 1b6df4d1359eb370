/**
 * Hard limits for untrusted uploads. Every check throws a QuireError with a stable code, so a
 * hostile or absurd file is refused with a clear message instead of exhausting memory or CPU.
 * The defaults fit real questionnaires (a few thousand questions) with a wide margin.
 */
import { QuireError } from "../domain/errors.js";

export interface IngestLimits {
  /** Bytes of the uploaded file. */
  readonly maxFileBytes: number;
  /** Entries in the xlsx zip directory. */
  readonly maxZipEntries: number;
  /** Sum of the uncompressed sizes declared in the zip directory. */
  readonly maxUncompressedBytes: number;
  /** Uncompressed bytes of any one part (a sheet, the shared strings): what one XML parse may take. */
  readonly maxPartBytes: number;
  /** Bytes any one PDF stream may inflate to (a flate bomb is refused before pdf.js opens it). */
  readonly maxPdfStreamBytes: number;
  /** Uncompressed / compressed, checked for entries big enough to matter. */
  readonly maxCompressionRatio: number;
  /** Rows read per sheet (CSV: records). */
  readonly maxRows: number;
  /** Columns per sheet. */
  readonly maxColumns: number;
  /** Non-empty cells per sheet. */
  readonly maxCellsPerSheet: number;
  readonly maxPdfPages: number;
  /** Characters of text extracted from a PDF or decoded from a CSV. */
  readonly maxTextChars: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxPartBytes: 50 * 1024 * 1024,
  maxPdfStreamBytes: 32 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCellsPerSheet: 2_000_000,
  maxPdfPages: 500,
  maxTextChars: 5_000_000,
};

/** Entries smaller than this are never judged by ratio: tiny XML parts legitimately compress very well. */
export const RATIO_MIN_ENTRY_BYTES = 1024 * 1024;

const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

export function checkFileSize(bytes: Uint8Array, limits: IngestLimits): void {
  if (bytes.length > limits.maxFileBytes) {
    throw new QuireError(
      "file_too_large",
      `The file is ${mb(bytes.length)}; the limit is ${mb(limits.maxFileBytes)}. Split the questionnaire or remove embedded images.`,
      413,
      { size: bytes.length, limit: limits.maxFileBytes },
    );
  }
}

/** A limit exceeded: 413 with the limit in the details, in words that say what to do. */
const overLimit = (code: string, message: string, limit: number) => new QuireError(code, message, 413, { limit });

export const tooManyRows = (where: string, limits: Pick<IngestLimits, "maxRows">): QuireError =>
  overLimit(
    "too_many_rows",
    `${where} has more than ${limits.maxRows} rows; split the questionnaire into smaller files.`,
    limits.maxRows,
  );

export const tooManyColumns = (where: string, limits: Pick<IngestLimits, "maxColumns">): QuireError =>
  overLimit(
    "too_many_columns",
    `${where} has more than ${limits.maxColumns} columns; remove unused columns and try again.`,
    limits.maxColumns,
  );

export const tooManyCells = (where: string, limits: Pick<IngestLimits, "maxCellsPerSheet">): QuireError =>
  overLimit(
    "too_many_cells",
    `${where} has more than ${limits.maxCellsPerSheet} filled cells; split the questionnaire into smaller files.`,
    limits.maxCellsPerSheet,
  );

export const tooMuchText = (limits: Pick<IngestLimits, "maxTextChars">): QuireError =>
  overLimit(
    "too_much_text",
    `The file contains more than ${limits.maxTextChars} characters of text; split it into smaller files.`,
    limits.maxTextChars,
  );
