import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Library } from "../domain/library/types.js";
import { codeFingerprint } from "./code-fingerprint.js";
import { type LibraryFile, readLibraryFiles } from "./read-files.js";

export interface LoadedLibrary {
  readonly library: Library;
  /** sha256 of the library's files (paths and texts): equal revisions hold the same library. */
  readonly revision: string;
}

/**
 * Loads answer-library/ like loadLibraryDir, but parses it (YAML + validation, ~200 ms) only when
 * its files changed: the parsed library is kept as JSON in `cacheDir`, keyed by a hash of the files
 * and of the parsing code, so an edit to either parses again. Reading and hashing the files costs
 * ~10 ms. The cache is best effort: one that cannot be read or written is parsed around, never an error.
 * A library that does not validate is never cached, so its errors are reported on every run.
 */
export async function loadLibraryDirCached(dir: string, cacheDir: string | null): Promise<LoadedLibrary> {
  const files = await readLibraryFiles(dir);
  const revision = filesRevision(files);
  const fingerprint = cacheDir ? await parserFingerprint() : null;
  const path = fingerprint && cacheDir ? join(cacheDir, `library-${hash(`${revision}|${fingerprint}`)}.json`) : null;
  const cached = path ? await readFile(path, "utf8").catch(() => null) : null;
  let library: Library | null = null;
  if (cached) {
    try {
      library = JSON.parse(cached) as Library;
    } catch {
      library = null;
    }
  }
  if (!library) {
    // The YAML parser (and the validation around it) is loaded only when there is parsing to do.
    const { parseLibraryOrThrow } = await import("./parse.js");
    library = parseLibraryOrThrow(files);
    if (path) await writeCache(path, library);
  }
  return { library, revision };
}

export function filesRevision(files: readonly LibraryFile[]): string {
  const h = createHash("sha256");
  for (const file of files) h.update(file.path).update("\0").update(file.text).update("\0");
  return h.digest("hex");
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Parsed libraries kept per cache folder (newest first). */
const KEEP_CACHES = 4;

/** Writes the cache whole (temporary file, then rename) and drops all but the newest few so the folder does not grow. */
async function writeCache(path: string, library: Library): Promise<void> {
  try {
    const folder = dirname(path);
    await mkdir(folder, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(library));
    await rename(temporary, path);
    // Keep the few newest: two builds (the bundle and the sources under test) can share a folder,
    // and each dropping the other's cache would parse on every run.
    const caches = (await readdir(folder)).filter(
      (name) => /^library-[0-9a-f]{64}\.json$/.test(name) && join(folder, name) !== path,
    );
    const aged = await Promise.all(
      caches.map(async (name) => ({ name, mtime: (await stat(join(folder, name)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    aged.sort((a, b) => b.mtime - a.mtime);
    await Promise.all(aged.slice(KEEP_CACHES - 1).map(({ name }) => rm(join(folder, name), { force: true })));
  } catch {
    // A read-only or full disk only costs the next run a parse.
  }
}

/** The code that parses a library: the library parser and the domain types it validates with. */
function parserFingerprint(): Promise<string | null> {
  return codeFingerprint(import.meta.url, [".", "../domain/library"]);
}
