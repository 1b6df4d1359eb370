/**
 * The xlsx zip, read once: its central directory parsed once, each part inflated at most once (on
 * first use, checked against the size and CRC-32 the directory declares), and every entry's stored
 * (still compressed) bytes at hand, so a write-back can copy the parts it does not change instead
 * of inflating and recompressing them. Ingest and write-back of the same bytes share one archive
 * (`zipArchive`), so a CLI run unzips the customer's workbook once.
 *
 * node:zlib does the inflating and the CRC: native, about 3× fflate on a 2.7 MB sheet. The Workers
 * runtime has node:zlib too (wrangler.toml's `nodejs_compat`; workerd implements the sync calls
 * natively), so there is one code path and both runtimes write the same bytes.
 */
import { crc32, inflateRawSync } from "node:zlib";

/** A malformed archive; each caller turns it into its own stable code (corrupt_file, export_invalid_xlsx). */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

export interface ZipEntry {
  /** As the directory names it: UTF-8 when flagged so, else one byte a character (as fflate reads it). */
  readonly name: string;
  /** The name's bytes as written, copied as they are into a write-back. */
  readonly nameBytes: Uint8Array;
  /** General purpose flags (bit 11: the name is UTF-8; bit 3: sizes in a data descriptor). */
  readonly flags: number;
  /** 0 stored, 8 deflated; any other method can still be copied, just not read. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

export class ZipArchive {
  /** In the order of the central directory (`[Content_Types].xml` usually first; kept on write-back). */
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly inflated = new Map<string, Uint8Array>();

  constructor(readonly bytes: Uint8Array) {
    this.entries = readDirectory(bytes);
    for (const entry of this.entries) if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's bytes as stored in the file (compressed unless `method` is 0), without copying. */
  raw(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL) {
      throw new ZipFormatError(`the local header of ${entry.name} is missing`);
    }
    // The local header's own name and extra lengths (they may differ from the directory's).
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipFormatError(`${entry.name} runs past the end of the file`);
    return this.bytes.subarray(start, end);
  }

  /**
   * The part's content, inflated once and kept; null when there is no such entry. Inflating stops
   * at the declared size, so a part that lies about it cannot grow past what the directory (and
   * inspectZip's limits) said; a wrong size or CRC is a ZipFormatError naming the part.
   */
  data(name: string): Uint8Array | null {
    const cached = this.inflated.get(name);
    if (cached) return cached;
    const entry = this.byName.get(name);
    if (!entry) return null;
    const raw = this.raw(entry);
    let data: Uint8Array;
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) {
      try {
        // maxOutputLength stops at one byte past the declared size: enough to see the lie, no more.
        data = inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw mismatch(name);
        throw new ZipFormatError(`${name} does not inflate (${String((error as Error)?.message ?? error)})`);
      }
    } else throw new ZipFormatError(`${name} uses compression method ${entry.method}`);
    if (data.length !== entry.size || crc32(data) !== entry.crc) throw mismatch(name);
    this.inflated.set(name, data);
    return data;
  }
}

const mismatch = (name: string) =>
  new ZipFormatError(
    `the part ${name} does not match its declared size and checksum (the file is damaged or was tampered with)`,
  );

const archives = new WeakMap<Uint8Array, ZipArchive>();

/**
 * The archive of these bytes, opened once for as long as the bytes live: the CLI ingests a file and
 * writes the answers back into the same Uint8Array, so the second step finds the parts already
 * inflated. Callers must not modify the bytes afterwards (nothing does: uploads are read-only).
 */
export function zipArchive(bytes: Uint8Array): ZipArchive {
  let archive = archives.get(bytes);
  if (!archive) {
    archive = new ZipArchive(bytes);
    archives.set(bytes, archive);
  }
  return archive;
}

function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("its zip directory is missing");
  let count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === MAX_32) {
    // Zip64: the real count and offset are in the zip64 end record the locator points at.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR)
      throw new ZipFormatError("its zip64 directory is missing");
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD)
      throw new ZipFormatError("its zip64 directory is damaged");
    count = Number(view.getBigUint64(record + 32, true));
    at = Number(view.getBigUint64(record + 48, true));
  }
  // Every directory record is at least 46 bytes: a count the file cannot hold is a lie, not a loop bound.
  if (count * 46 > bytes.length) throw new ZipFormatError("its zip directory is damaged");
  const utf8 = new TextDecoder("utf-8");
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipFormatError("its zip directory is damaged");
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new ZipFormatError("its zip directory is damaged");
    if (flags & 1) throw new ZipFormatError("its parts are encrypted");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    let size = view.getUint32(at + 24, true);
    let compressedSize = view.getUint32(at + 20, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    if (size === MAX_32 || compressedSize === MAX_32 || localHeaderOffset === MAX_32) {
      const wide = zip64Extra(view, at + 46 + nameLength, extraLength);
      // The zip64 extra field holds, in this order, only the values that overflowed.
      let k = 0;
      if (size === MAX_32) size = wide[k++] ?? size;
      if (compressedSize === MAX_32) compressedSize = wide[k++] ?? compressedSize;
      if (localHeaderOffset === MAX_32) localHeaderOffset = wide[k++] ?? localHeaderOffset;
    }
    out.push({
      name: flags & 0x800 ? utf8.decode(nameBytes) : latin1(nameBytes),
      nameBytes,
      flags,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      localHeaderOffset,
    });
    at = end;
  }
  return out;
}

function zip64Extra(view: DataView, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let k = 0; k + 8 <= size; k += 8) values.push(Number(view.getBigUint64(at + 4 + k, true)));
      return values;
    }
    at += 4 + size;
  }
  return [];
}

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
