import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema/index.js";
import type { Db } from "./types.js";

/** drizzle/ at the repository root: two folders up from src/db/, one up from the CLI bundle in dist/. */
const MIGRATIONS =
  ["../../drizzle", "../drizzle"]
    .map((up) => resolve(dirname(fileURLToPath(import.meta.url)), up))
    .find((folder) => existsSync(join(folder, "meta", "_journal.json"))) ?? "drizzle";

/** The page size of a new database file (bytes). */
const PAGE_SIZE = 16_384;

export interface SqliteHandle {
  readonly db: Db;
  readonly sqlite: Database.Database;
  close(): void;
}

/**
 * Opens (creating if needed) the embedded SQLite database and applies the migrations in drizzle/.
 * WAL lets readers run while a questionnaire is written; synchronous=FULL so that an approved
 * answer survives a power cut.
 */
export function openSqlite(path: string, options: { migrate?: boolean } = {}): SqliteHandle {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  // A new file gets incremental auto-vacuum (it can only be chosen before the first table), so
  // run retention can give freed pages back without a full VACUUM (see reclaimSpace), and 16 KB
  // pages: a 5,000-answer save writes ~11 MB, and each page costs two system calls to log (frame
  // header, page) and two to checkpoint (read from the WAL, write to the file); with 4 KB pages,
  // the default, that was ~10,800 calls per save (issue 13). The rows stored are the same. A file
  // created before keeps its page size (only VACUUM would change it).
  if (sqlite.pragma("page_count", { simple: true }) === 0) {
    sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    sqlite.pragma("auto_vacuum = INCREMENTAL");
  }
  sqlite.pragma("journal_mode = WAL");
  // SQLite checkpoints the WAL after a commit once it holds this many pages (default 1,000 of 4 KB):
  // the same ~4 MB whatever the file's page size, so larger pages do not checkpoint less often.
  const pageSize = Number(sqlite.pragma("page_size", { simple: true }));
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(1, Math.round((1_000 * 4_096) / pageSize))}`);
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  // Job threads open the same file the main thread has already migrated.
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, sqlite, close: () => sqlite.close() };
}

/**
 * Gives the pages freed by deleted rows (run retention) back to the file system. A file created
 * before incremental auto-vacuum was the default is switched once, which takes one full VACUUM (it
 * rewrites the file and holds the write lock meanwhile: seconds per 100 MB); after that, and on
 * every file created since, `incremental_vacuum` frees the pages quickly, without a second copy. The WAL is then checkpointed and truncated, since in
 * WAL mode the main file only shrinks at a checkpoint. Node only: D1 manages its own storage.
 */
export function reclaimSpace(sqlite: Database.Database): void {
  if (sqlite.pragma("auto_vacuum", { simple: true }) !== 2) {
    sqlite.pragma("auto_vacuum = INCREMENTAL");
    sqlite.exec("VACUUM");
  } else {
    sqlite.pragma("incremental_vacuum");
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
}
