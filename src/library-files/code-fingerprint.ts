import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Identifies the code a cache's contents were computed by, so a cache written by other code is
 * never read. Run from the built bundle, that is the bundle file `moduleUrl` names (every build
 * rewrites every chunk, so any rebuild changes it); run from the TypeScript sources (tests, tsx),
 * the `.ts` files of `sourceDirs` (relative to the module's folder; `recursive` for whole trees).
 * Paths, sizes and modification times are hashed, not contents: a few ms. Null when unreadable.
 */
export async function codeFingerprint(
  moduleUrl: string,
  sourceDirs: readonly string[],
  recursive = false,
): Promise<string | null> {
  try {
    const self = fileURLToPath(moduleUrl);
    const files = /\.[cm]?js$/.test(self)
      ? [self]
      : await Promise.all(
          sourceDirs.map(async (dir) => {
            const folder = join(dirname(self), dir);
            const names = await readdir(folder, { recursive });
            return names.filter((name) => name.endsWith(".ts")).map((name) => join(folder, name));
          }),
        ).then((lists) => lists.flat().sort());
    const stats = await Promise.all(
      files.map(async (file) => {
        const { size, mtimeMs } = await stat(file);
        return `${file}:${size}:${mtimeMs}`;
      }),
    );
    return createHash("sha256").update(stats.join("|")).digest("hex");
  } catch {
    return null;
  }
}
