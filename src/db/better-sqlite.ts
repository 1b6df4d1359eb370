import type { Database } from "better-sqlite3";
import type { Db } from "./types.js";

/** The better-sqlite3 connection under a drizzle database, or undefined on D1 (which batches instead). */
export function betterSqliteOf(db: Db): Database | undefined {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!client || typeof (db as unknown as { batch?: unknown }).batch === "function") return undefined;
  return typeof (client as Database).prepare === "function" && "inTransaction" in (client as object)
    ? (client as Database)
    : undefined;
}
