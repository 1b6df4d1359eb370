import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/d1";
import { Miniflare } from "miniflare";
import { migrateD1 as applyMigrations } from "../../scripts/d1-migrate.js";
import * as schema from "../../src/db/schema/index.js";
import { openSqlite } from "../../src/db/sqlite.js";
import type { Db } from "../../src/db/types.js";

/** A database the services run on, opened fresh and migrated, as each runtime does it. */
export interface Driver {
  readonly name: string;
  open(): Promise<{ db: Db; close(): Promise<void> }>;
}

/** The embedded default: better-sqlite3 on a real file, migrated by drizzle's migrator. */
export const betterSqlite: Driver = {
  name: "better-sqlite3",
  async open() {
    const handle = openSqlite(join(mkdtempSync(join(tmpdir(), "quire-conf-")), "quire.db"));
    return { db: handle.db, close: async () => handle.close() };
  },
};

/**
 * Cloudflare D1 as Workers see it: workerd's D1 through Miniflare (no network), migrated from the
 * same drizzle/ SQL files `wrangler d1 migrations apply` would run.
 */
export const d1: Driver = {
  name: "d1 (miniflare)",
  async open() {
    const mf = new Miniflare({
      modules: true,
      script: "export default { fetch() { return new Response(null, { status: 404 }) } }",
      d1Databases: ["DB"],
    });
    const binding = await mf.getD1Database("DB");
    await migrateD1(binding);
    return { db: drizzleD1(binding), close: () => mf.dispose() };
  },
};

type D1Binding = Awaited<ReturnType<Miniflare["getD1Database"]>>;

/** Applies drizzle/ in journal order, as `wrangler d1 migrations apply` does. */
export const migrateD1 = (binding: D1Binding): Promise<void> => applyMigrations(binding);

export const drizzleD1 = (binding: D1Binding): Db =>
  drizzle(binding as unknown as Parameters<typeof drizzle>[0], { schema }) as unknown as Db;

export const DRIVERS: readonly Driver[] = [betterSqlite, d1];
