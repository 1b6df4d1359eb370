import { memoryBlobStore } from "../blobs/fs.js";
import { openSqlite, reclaimSpace } from "../db/sqlite.js";
import { systemClock } from "../ports/clock.js";
import type { LlmSettings } from "../ports/drafter.js";
import type { ServiceDeps } from "../services/context.js";

export interface LocalRuntime {
  readonly deps: ServiceDeps;
  /** Gives the pages freed by run retention back to the file system (db/sqlite.ts reclaimSpace). */
  reclaimSpace(): void;
  close(): void;
}

/**
 * The CLI's runtime: one process, the embedded SQLite file (every run is stored like an upload),
 * the upload kept in memory for the run only, the system clock, and the LLM when the caller has it.
 * The CLI is an interface like the API: it gets its database from here, never opens one itself.
 */
export function openLocalRuntime(options: {
  readonly dbPath: string;
  readonly llm?: LlmSettings | undefined;
}): LocalRuntime {
  const handle = openSqlite(options.dbPath);
  return {
    deps: {
      db: handle.db,
      blobs: memoryBlobStore(),
      clock: systemClock,
      ...(options.llm && { llm: options.llm }),
    },
    reclaimSpace: () => reclaimSpace(handle.sqlite),
    close: () => handle.close(),
  };
}
