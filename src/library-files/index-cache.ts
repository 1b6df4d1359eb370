import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Library } from "../domain/library/types.js";
import type { MatchIndex } from "../domain/matching/index.js";
import type { MatchIndexStore } from "../ports/match-index-store.js";
import { codeFingerprint } from "./code-fingerprint.js";

/** Indexes kept per cache folder (newest first): a bundle and the sources under test may share one. */
const KEEP_INDEXES = 2;
const NAME = /^match-index-[0-9a-f]{64}\.v8$/;

/**
 * Match indexes kept as files in `cacheDir`, in V8's serialisation (Maps, Sets and shared objects
 * come back as they were built; ~1 MB, ~15–30 ms to read against ~250 ms to build). The file is
 * named by a hash of the library's JSON and of the code (src/domain when run from the sources, the
 * bundle when built), so a changed library or a new build reads nothing and builds again: invalid
 * exactly when what the index is computed from changes. The hash is stored inside too, so a file
 * renamed or overwritten by hand is not trusted either.
 */
export function fileMatchIndexStore(cacheDir: string): MatchIndexStore {
  const keyOf = async (library: Library): Promise<string | null> => {
    const code = await codeFingerprint(import.meta.url, ["../domain"], true);
    return code && createHash("sha256").update(code).update("\0").update(JSON.stringify(library)).digest("hex");
  };
  return {
    async load(library) {
      const key = await keyOf(library);
      if (!key) return null;
      try {
        const kept = deserialize(await readFile(join(cacheDir, `match-index-${key}.v8`))) as {
          key?: unknown;
          index?: MatchIndex;
        };
        return kept.key === key && kept.index ? kept.index : null;
      } catch {
        return null; // missing, truncated or from another Node: build it again
      }
    },
    async save(library, index) {
      const key = await keyOf(library);
      if (!key) return;
      const path = join(cacheDir, `match-index-${key}.v8`);
      try {
        await mkdir(cacheDir, { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        await writeFile(temporary, serialize({ key, index }));
        await rename(temporary, path);
        await prune(cacheDir, path);
      } catch {
        // A read-only or full disk only costs the next run a build.
      }
    },
  };
}

/** Drops all but the newest few index files, so the folder does not grow with each library edit. */
async function prune(folder: string, keep: string): Promise<void> {
  const others = (await readdir(folder)).filter((name) => NAME.test(name) && join(folder, name) !== keep);
  const aged = await Promise.all(
    others.map(async (name) => ({ name, mtime: (await stat(join(folder, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  aged.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(aged.slice(KEEP_INDEXES - 1).map(({ name }) => rm(join(folder, name), { force: true })));
}
