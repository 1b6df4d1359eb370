/**
 * Format detection from the bytes, not the file name: customers rename files, and a hostile
 * upload can claim any extension. The name is only used to give a better message.
 */
import { QuireError } from "../domain/errors.js";

export type SniffedFormat = "zip" | "pdf" | "text";

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Magic numbers of common files people upload by mistake, for a friendlier refusal. */
const KNOWN_BINARY: { sig: readonly number[]; what: string }[] = [
  { sig: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { sig: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { sig: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { sig: [0x1f, 0x8b], what: "a gzip archive" },
  { sig: [0x52, 0x61, 0x72, 0x21], what: "a RAR archive" },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], what: "a 7-Zip archive" },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: "an executable" },
  { sig: [0x4d, 0x5a], what: "an executable" },
];

const WHAT_TO_DO = "Upload the questionnaire as .xlsx, .csv or .pdf.";

export function unsupported(what: string): QuireError {
  return new QuireError("unsupported_format", `This file is ${what}, not a questionnaire. ${WHAT_TO_DO}`, 422);
}

/** Searches an OLE2 compound file for a directory entry name (stored as UTF-16LE). */
function oleHasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

export function sniffFormat(bytes: Uint8Array, fileName: string): SniffedFormat {
  if (bytes.length === 0) throw new QuireError("empty_file", "The file is empty.", 422);
  if (startsWith(bytes, ZIP)) return "zip";
  if (startsWith(bytes, ZIP_EMPTY)) throw new QuireError("empty_file", "The file is an empty zip archive.", 422);
  // A PDF header may follow a little junk (readers accept it within the first 1 KB), but then the
  // file must also end like a PDF, so a CSV that merely mentions "%PDF-" stays a CSV.
  if (startsWith(bytes, PDF)) return "pdf";
  if (
    Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-") &&
    Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).includes("%%EOF")
  ) {
    return "pdf";
  }
  if (startsWith(bytes, OLE2)) {
    // Password-protected .xlsx files are OLE2 containers holding EncryptionInfo + EncryptedPackage.
    if (oleHasStream(bytes, "EncryptedPackage") || oleHasStream(bytes, "EncryptionInfo")) {
      throw new QuireError(
        "encrypted_file",
        "The workbook is password-protected. Remove the password (File > Info > Protect Workbook) and upload it again.",
        422,
      );
    }
    throw new QuireError(
      "legacy_xls",
      `${fileName || "The file"} is a legacy Excel 97-2003 (.xls) or other Office binary file. Open it in Excel and save it as .xlsx, then upload again.`,
      422,
    );
  }
  for (const k of KNOWN_BINARY) if (startsWith(bytes, k.sig)) throw unsupported(k.what);
  if (looksLikeText(bytes)) {
    // Text is read as CSV, but not when the name promises a workbook or PDF: that is a broken or
    // mislabelled file, and reading it as CSV would only produce nonsense questions.
    const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
    if (ext && ["xlsx", "xlsm", "xls", "xlsb", "ods", "pdf", "docx", "doc"].includes(ext)) {
      throw new QuireError(
        "unsupported_format",
        `${fileName} is named .${ext} but contains plain text, not a valid ${ext === "pdf" ? "PDF" : "spreadsheet"}. Re-export the questionnaire from its original application.`,
        422,
      );
    }
    return "text";
  }
  throw unsupported("a binary file");
}

/**
 * Text if a UTF-16 BOM is present, or the first 8 KB hold no NUL byte and almost no control
 * characters other than tab/CR/LF.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= n / 100;
}
