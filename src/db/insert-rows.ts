import type { Database } from "better-sqlite3";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { betterSqliteOf } from "./better-sqlite.js";
import { chunkRows } from "./chunk.js";
import type { Db } from "./types.js";

/** A statement atomic() can run: either a drizzle query or a runner over one prepared statement. */
type Runnable = BatchItem<"sqlite">;

type Encoder = { mapToDriverValue(value: unknown): unknown; columnType: string };

/**
 * Inserts many rows of one table, as statements for atomic(). On D1 these are drizzle's multi-row
 * inserts chunked under D1's 100 bound parameters. On better-sqlite3 drizzle would assemble and
 * compile a new SQL string per chunk (about 1,500 for a 5,000-question save); instead the table
 * gets one prepared single-row INSERT, run once per row inside the caller's transaction. The
 * chunks are kept on both drivers so callers that split a save into several short transactions
 * (process.ts) hold the write lock for the same number of rows as before.
 *
 * Values are mapped to the driver exactly as drizzle maps them (JSON columns stringified,
 * booleans to 0/1), so the stored rows are the same either way. A JSON value that is the same
 * object in several rows (a questionnaire's repeated questions share their drafts' arrays, see
 * services/questionnaires/repeated-drafts.ts) is stringified once per call: rows are read when
 * the statements run, so they must not be changed in between (no caller does).
 */
export function insertRows<T extends SQLiteTable>(db: Db, table: T, rows: readonly T["$inferInsert"][]): Runnable[] {
  const chunks = chunkRows(rows);
  const sqlite = betterSqliteOf(db);
  if (!sqlite || rows.length === 0) return chunks.map((chunk) => db.insert(table).values(chunk) as unknown as Runnable);

  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] as object).filter((key) => key in columns);
  const names = keys.map((key) => `"${(columns[key] as { name: string }).name}"`);
  const encoders = keys.map((key) => columns[key] as unknown as Encoder);
  const json = encoders.map((encoder) => encoder.columnType === "SQLiteTextJson");
  // Only an object met a second time keeps its text, so a table of distinct values (a 20,000-row
  // questionnaire without repeats) holds no more strings than before while it is saved.
  const seen = new Set<object>();
  const encoded = new Map<object, unknown>();
  const encode = (i: number, value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    const encoder = encoders[i] as Encoder;
    if (!json[i] || typeof value !== "object") return encoder.mapToDriverValue(value) ?? null;
    let text = encoded.get(value);
    if (text === undefined) {
      text = encoder.mapToDriverValue(value) ?? null;
      if (seen.has(value)) encoded.set(value, text);
      else seen.add(value);
    }
    return text;
  };
  let prepared: ReturnType<Database["prepare"]> | undefined;
  const statement = () => {
    prepared ??= sqlite.prepare(
      `insert into "${getTableName(table)}" (${names.join(", ")}) values (${names.map(() => "?").join(", ")})`,
    );
    return prepared;
  };
  return chunks.map(
    (chunk) =>
      ({
        run: () => {
          const insert = statement();
          // One parameter array for every row: better-sqlite3 binds it before run() returns.
          const params: unknown[] = new Array(keys.length);
          for (const row of chunk) {
            const record = row as Record<string, unknown>;
            for (let i = 0; i < keys.length; i++) params[i] = encode(i, record[keys[i] as string]);
            insert.run(params);
          }
        },
      }) as unknown as Runnable,
  );
}
