import { readFileSync } from "node:fs";

/** The part of a D1 binding migrations use. */
interface D1Like {
  prepare(sql: string): { run(): Promise<unknown> };
}

/**
 * Applies drizzle/ in journal order, statement by statement, as `wrangler d1 migrations apply`
 * does: for D1 databases that wrangler does not manage (tests, benchmarks, SQL dumps).
 */
export async function migrateD1(binding: D1Like): Promise<void> {
  const journal = JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: { tag: string }[] };
  for (const { tag } of journal.entries) {
    const sql = readFileSync(`drizzle/${tag}.sql`, "utf8");
    for (const statement of sql.split("--> statement-breakpoint")) {
      if (statement.trim()) await binding.prepare(statement).run();
    }
  }
}
