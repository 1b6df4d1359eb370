import { unzipSync, type Zippable, zipSync } from "fflate";
import { QuireError } from "../domain/errors.js";

/**
 * The OOXML package as an ordered list of parts. Order matters to some readers
 * (`[Content_Types].xml` first), so it is kept exactly as in the original's central directory.
 */
export interface PackageEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Stored (uncompressed) in the original; kept stored. */
  readonly stored: boolean;
}

/** A questionnaire is a few MB; refuse zip bombs before inflating them. */
const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

export function readPackage(bytes: Uint8Array): PackageEntry[] {
  const order: { name: string; stored: boolean }[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNCOMPRESSED_BYTES) {
          throw new QuireError("export_too_large", "the workbook unpacks to more than 512 MB", 413);
        }
        order.push({ name: file.name, stored: file.compression === 0 });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof QuireError) throw error;
    throw new QuireError("export_invalid_xlsx", "the original file is not a readable .xlsx (zip) package", 422);
  }
  return order.map(({ name, stored }) => ({ name, stored, data: files[name] ?? new Uint8Array() }));
}

/** Fixed timestamp so that the same input and answers give the same bytes (reproducible exports). */
const MTIME = new Date(2000, 0, 1);

export function writePackage(entries: readonly PackageEntry[]): Uint8Array {
  const zippable: Zippable = {};
  for (const e of entries) zippable[e.name] = [e.data, { level: e.stored ? 0 : 6, mtime: MTIME }];
  return zipSync(zippable);
}
