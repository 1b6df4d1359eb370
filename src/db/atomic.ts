import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./types.js";

/**
 * Runs writes all-or-nothing on either driver. Neither takes async interactive transactions:
 * D1 has db.batch(); better-sqlite3 has a synchronous transaction() in which each statement runs.
 */
export async function atomic(db: Db, statements: readonly BatchItem<"sqlite">[]): Promise<void> {
  if (statements.length === 0) return;
  const maybeBatch = db as unknown as { batch?: (items: readonly BatchItem<"sqlite">[]) => Promise<unknown> };
  if (typeof maybeBatch.batch === "function") {
    await maybeBatch.batch(statements);
    return;
  }
  const sync = db as unknown as { transaction: (fn: () => void) => void };
  sync.transaction(() => {
    for (const statement of statements) (statement as unknown as { run: () => unknown }).run();
  });
}
