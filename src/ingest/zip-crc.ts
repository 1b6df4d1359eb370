/**
 * The CRC-32 of every entry, as the zip's central directory declares it, and a check of the
 * bytes fflate inflated against it. fflate inflates into a buffer of the declared size and does
 * not check CRCs, so a part that lies about its size comes out cut short (and parsed as an empty
 * sheet) unless it is checked here.
 */
import { QuireError } from "../domain/errors.js";

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface DeclaredEntry {
  readonly crc: number;
  readonly uncompressedSize: number;
}

/** Reads the central directory (name → declared CRC and size); an unreadable directory is a corrupt file. */
export function declaredEntries(bytes: Uint8Array): Map<string, DeclaredEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt("its zip directory is missing");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = new Map<string, DeclaredEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw corrupt("its zip directory is damaged");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    out.set(name, { crc: view.getUint32(at + 16, true), uncompressedSize: view.getUint32(at + 24, true) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Throws corrupt_file when an inflated part is not what the directory declared (size or CRC). */
export function checkInflated(name: string, data: Uint8Array, declared: DeclaredEntry | undefined): void {
  if (!declared) return;
  if (data.length !== declared.uncompressedSize || crc32(data) !== declared.crc) {
    throw corrupt(
      `the part ${name} does not match its declared size and checksum (the file is damaged or was tampered with)`,
    );
  }
}

const corrupt = (why: string) =>
  new QuireError(
    "corrupt_file",
    `The workbook cannot be read: ${why}. Open it in Excel, save it again as .xlsx and upload that.`,
    422,
  );
