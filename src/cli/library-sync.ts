import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Library } from "../domain/library/types.js";
import type { ServiceContext } from "../services/context.js";
import { revisionOf } from "../services/library/prepared.js";
import { replaceLibrary } from "../services/library/replace.js";

/** Where the CLI keeps what it can recompute (the parsed library): beside the database, or nowhere for :memory:. */
export function cliCacheDir(dbPath: string): string | null {
  return dbPath === ":memory:" ? null : join(dirname(resolve(dbPath)), ".quire-cache");
}

interface SyncState {
  /** Revision of the library files last written into the database. */
  readonly files: string;
  /** The database's library revision right after that write. */
  readonly stored: string;
}

/**
 * Makes the tenant's stored library the one in the files. Replacing it deletes and rewrites every
 * row, so it is skipped when the files are the ones written last time AND the stored library has
 * not changed since (no edit through the API or the web app): both revisions are recorded after
 * each replace, in a small state file beside the database.
 */
export async function syncLibrary(
  ctx: ServiceContext,
  library: Library,
  filesRevision: string,
  dbPath: string,
): Promise<"replaced" | "unchanged"> {
  const cacheDir = cliCacheDir(dbPath);
  const statePath = cacheDir ? join(cacheDir, `${basename(dbPath)}.${ctx.tenantId}.library.json`) : null;
  const previous = statePath ? await readState(statePath) : null;
  if (previous && previous.files === filesRevision && previous.stored === (await revisionOf(ctx))) return "unchanged";

  await replaceLibrary(ctx, library);
  if (statePath) await writeState(statePath, { files: filesRevision, stored: await revisionOf(ctx) });
  return "replaced";
}

async function readState(path: string): Promise<SyncState | null> {
  try {
    const state = JSON.parse(await readFile(path, "utf8")) as Partial<SyncState>;
    return typeof state.files === "string" && typeof state.stored === "string"
      ? { files: state.files, stored: state.stored }
      : null;
  } catch {
    return null;
  }
}

async function writeState(path: string, state: SyncState): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, JSON.stringify(state));
    await rename(`${path}.tmp`, path);
  } catch {
    // Without the state the next run replaces the library again: slower, never wrong.
  }
}
