import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.js";

/** Liveness of the database: one trivial query, which throws if the database cannot answer. */
export async function checkDatabase(db: Db): Promise<void> {
  await db.run(sql`select 1`);
}
