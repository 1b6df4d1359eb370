import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema/index.js";

/**
 * The database as services see it: drizzle over better-sqlite3 (sync) or D1 (async). Services
 * always `await` queries, which works for both.
 */
export type Db = BaseSQLiteDatabase<"sync" | "async", unknown, typeof schema>;
