import { crc32, deflateRawSync } from "node:zlib";
import { QuireError } from "../domain/errors.js";
import { type ZipArchive, ZipFormatError, zipArchive } from "../ingest/zip-archive.js";

/**
 * The customer's package for a write-back: the archive ingest already opened for the same bytes
 * (one unzip per file, see ingest/zip-archive.ts), judged once more for what export needs.
 */
export function readPackage(bytes: Uint8Array): ZipArchive {
  let archive: ZipArchive;
  try {
    archive = zipArchive(bytes);
  } catch (error) {
    throw asExportError(error);
  }
  let total = 0;
  for (const entry of archive.entries) total += entry.size;
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new QuireError("export_too_large", "the workbook unpacks to more than 512 MB", 413);
  }
  return archive;
}

/** A questionnaire is a few MB; refuse zip bombs before inflating them. */
const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

/** A part's content, or null when the package has no such part; a damaged part is export_invalid_xlsx. */
export function partData(archive: ZipArchive, name: string): Uint8Array | null {
  try {
    return archive.data(name);
  } catch (error) {
    throw asExportError(error);
  }
}

function asExportError(error: unknown): unknown {
  if (!(error instanceof ZipFormatError)) return error;
  return new QuireError(
    "export_invalid_xlsx",
    `the original file is not a readable .xlsx (zip) package: ${error.message.slice(0, 160)}`,
    422,
  );
}

/** Fixed timestamp so that the same input and answers give the same bytes (reproducible exports). */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1; // 2000-01-01
const DOS_TIME = 0;

interface Written {
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * The package again, in the original's entry order, with `replaced` parts swapped in. Every other
 * entry is copied as it is stored (its compressed bytes, method, CRC and name bytes), so nothing
 * is inflated or recompressed for it: only the changed parts are deflated (level 6, as before;
 * stored if they were stored). Headers are written afresh without extra fields or data
 * descriptors, and with the fixed timestamp, so an odd original (data descriptors, zip64 records,
 * extra fields) comes out as a plain zip that every reader takes.
 */
export function writePackage(archive: ZipArchive, replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  for (const entry of archive.entries) {
    const content = replaced.get(entry.name);
    let data: Uint8Array;
    let out: Omit<Written, "offset">;
    // Keep only the UTF-8 name flag: the sizes are in the headers now, not in a data descriptor.
    const flags = entry.flags & 0x800;
    if (content) {
      const method = entry.method === 0 ? 0 : 8;
      data = method === 0 ? content : deflateRawSync(content, { level: 6 });
      out = {
        nameBytes: entry.nameBytes,
        flags,
        method,
        crc: crc32(content),
        compressedSize: data.length,
        size: content.length,
      };
    } else {
      try {
        data = archive.raw(entry);
      } catch (error) {
        throw asExportError(error);
      }
      out = {
        nameBytes: entry.nameBytes,
        flags,
        method: entry.method,
        crc: entry.crc,
        compressedSize: entry.compressedSize,
        size: entry.size,
      };
    }
    const record = { ...out, offset };
    written.push(record);
    push(localHeader(record));
    push(data);
  }
  const directoryStart = offset;
  // Plain (not zip64) records: ingest's limits keep real questionnaires far below both bounds.
  if (written.length > 0xffff || offset > 0xffffffff) {
    throw new QuireError("export_too_large", "the filled workbook would need a zip64 package", 413);
  }
  for (const record of written) push(centralHeader(record));
  push(endOfDirectory(written.length, offset - directoryStart, directoryStart));
  return concat(chunks, offset);
}

function localHeader(e: Written): Uint8Array {
  const out = new Uint8Array(30 + e.nameBytes.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true); // version needed: 2.0 (deflate)
  v.setUint16(6, e.flags, true);
  v.setUint16(8, e.method, true);
  v.setUint16(10, DOS_TIME, true);
  v.setUint16(12, DOS_DATE, true);
  v.setUint32(14, e.crc, true);
  v.setUint32(18, e.compressedSize, true);
  v.setUint32(22, e.size, true);
  v.setUint16(26, e.nameBytes.length, true);
  v.setUint16(28, 0, true);
  out.set(e.nameBytes, 30);
  return out;
}

function centralHeader(e: Written): Uint8Array {
  const out = new Uint8Array(46 + e.nameBytes.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 20, true); // made by: MS-DOS, 2.0
  v.setUint16(6, 20, true);
  v.setUint16(8, e.flags, true);
  v.setUint16(10, e.method, true);
  v.setUint16(12, DOS_TIME, true);
  v.setUint16(14, DOS_DATE, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.compressedSize, true);
  v.setUint32(24, e.size, true);
  v.setUint16(28, e.nameBytes.length, true);
  // extra, comment, disk, internal and external attributes: all zero
  v.setUint32(42, e.offset, true);
  out.set(e.nameBytes, 46);
  return out;
}

function endOfDirectory(count: number, size: number, start: number): Uint8Array {
  const out = new Uint8Array(22);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, size, true);
  v.setUint32(16, start, true);
  return out;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
