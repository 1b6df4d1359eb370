/**
 * Reads the xlsx zip's central directory and judges it BEFORE anything is decompressed (and before
 * SheetJS sees the file): entry count, declared uncompressed size, compression ratio, macros and
 * encryption markers. fflate's `filter` callback receives each entry's sizes from the directory;
 * returning false skips decompression entirely.
 */
import { unzipSync } from "fflate";
import { QuireError } from "../domain/errors.js";
import { type IngestLimits, RATIO_MIN_ENTRY_BYTES } from "./limits.js";
import { unsupported } from "./sniff.js";
import { ZipFormatError, zipArchive } from "./zip-archive.js";

export interface ZipEntryInfo {
  readonly name: string;
  readonly size: number;
  readonly originalSize: number;
}

export interface ZipDirectory {
  /** Keyed by entry name; a Map because the names come from the file. */
  readonly entries: Map<string, ZipEntryInfo>;
}

export function inspectZip(bytes: Uint8Array, fileName: string, limits: IngestLimits): ZipDirectory {
  const entries = new Map<string, ZipEntryInfo>();
  let total = 0;
  let count = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        count++;
        if (count > limits.maxZipEntries) {
          throw new QuireError(
            "too_many_zip_entries",
            `The workbook archive has more than ${limits.maxZipEntries} entries; this is not a normal spreadsheet.`,
            413,
            { limit: limits.maxZipEntries },
          );
        }
        total += file.originalSize;
        if (total > limits.maxUncompressedBytes) {
          throw new QuireError(
            "uncompressed_too_large",
            `The workbook expands to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB when unpacked; split it into smaller files.`,
            413,
            { limit: limits.maxUncompressedBytes },
          );
        }
        if (file.originalSize >= RATIO_MIN_ENTRY_BYTES && file.originalSize > file.size * limits.maxCompressionRatio) {
          throw new QuireError(
            "compression_ratio_too_high",
            `The workbook part ${file.name} is compressed ${Math.round(file.originalSize / Math.max(1, file.size))}:1, which looks like a zip bomb; the file was not opened.`,
            413,
            { entry: file.name, limit: limits.maxCompressionRatio },
          );
        }
        if (file.originalSize > limits.maxPartBytes) {
          throw new QuireError(
            "part_too_large",
            `The workbook part ${file.name} is ${Math.round(file.originalSize / 1048576)} MB unpacked; the limit for one part is ${Math.round(limits.maxPartBytes / 1048576)} MB. Split the questionnaire into smaller files.`,
            413,
            { entry: file.name, limit: limits.maxPartBytes },
          );
        }
        entries.set(file.name, { name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof QuireError) throw error;
    throw new QuireError(
      "corrupt_file",
      `${fileName || "The file"} is not a readable zip archive (${String((error as Error)?.message ?? error)}).`,
      422,
    );
  }
  if (count === 0) throw new QuireError("empty_file", "The file is an empty archive.", 422);
  if (entries.has("xl/vbaProject.bin") || /\.xlsm$/i.test(fileName)) {
    throw new QuireError(
      "macro_enabled",
      "The workbook contains macros (.xlsm). Save it as a macro-free workbook (.xlsx) and upload it again.",
      422,
    );
  }
  if (entries.has("EncryptionInfo") || entries.has("EncryptedPackage")) {
    throw new QuireError(
      "encrypted_file",
      "The workbook is password-protected. Remove the password and upload it again.",
      422,
    );
  }
  if (!entries.has("xl/workbook.xml") && !entries.has("xl/workbook.bin")) {
    if (entries.has("word/document.xml")) throw unsupported("a Word document");
    if (entries.has("ppt/presentation.xml")) throw unsupported("a PowerPoint presentation");
    if (entries.has("content.xml")) throw unsupported("an OpenDocument file (save it as .xlsx)");
    throw unsupported("a zip archive");
  }
  if (entries.has("xl/workbook.bin")) {
    throw new QuireError(
      "unsupported_format",
      "The workbook is a binary Excel workbook (.xlsb). Save it as .xlsx and upload it again.",
      422,
    );
  }
  return { entries };
}

/**
 * Decompresses just the named parts, each once (the archive is shared with a later write-back of
 * the same bytes). Inflating stops at the size the directory declares, so a part that lies about
 * its size cannot grow past what inspectZip already accepted; a wrong size or CRC is corrupt_file.
 */
export function readParts(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  try {
    const archive = zipArchive(bytes);
    for (const entry of archive.entries) {
      if (!wanted(entry.name) || out.has(entry.name)) continue;
      const data = archive.data(entry.name);
      if (data) out.set(entry.name, data);
    }
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    throw new QuireError(
      "corrupt_file",
      `The workbook cannot be read: ${error.message.slice(0, 160)}. Open it in Excel, save it again as .xlsx and upload that.`,
      422,
    );
  }
  return out;
}

/**
 * The parts SheetJS is given: every XML part (it looks up what [Content_Types].xml lists), but no
 * images, embedded objects or other binaries, which are never decompressed.
 */
export function isWorkbookPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name) && !/^xl\/(media|embeddings)\//i.test(name);
}
