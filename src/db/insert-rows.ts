import type { Database } from "better-sqlite3";
import { Column, getTableColumns, getTableName } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { betterSqliteOf } from "./better-sqlite.js";
import { chunkRows, MAX_BOUND_PARAMETERS } from "./chunk.js";
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

/** Rows written straight into an array: `fill(i, values)` puts row i's values in its table's key order. */
export interface FilledRows {
  fill(i: number, values: unknown[]): void;
}

/**
 * insertRows for rows written straight into an array: `rows.fill(i, values)` puts row i's values
 * in `keys` order (the keys of the row object insertRows would get, in the same order). On D1 the
 * row objects are made from them and given to insertRows. On better-sqlite3 no row object is
 * made: a row's values are read, encoded exactly as insertRows encodes them (JSON columns
 * stringified, an object met again encoded once; drizzle's mapper for any other column whose
 * mapper is not the identity) and bound when its chunk runs, so `fill` must give the same values
 * until then. Chunked as insertRows chunks rows with these keys (process.ts's transaction sizes).
 * For a 5,000-row save this leaves out 10,000 row objects and ~170,000 lookups of a value by its
 * key's name, and the loop is one top-level function (runFilled) that V8 optimises once for every
 * save, where a closure made per save ran unoptimised in a process's second save (issue 13).
 */
export function insertFilled<T extends SQLiteTable>(
  db: Db,
  table: T,
  keys: readonly (keyof T["$inferInsert"] & string)[],
  count: number,
  rows: FilledRows,
): Runnable[] {
  const sqlite = betterSqliteOf(db);
  if (!sqlite || count === 0) {
    const objects: T["$inferInsert"][] = [];
    const values: unknown[] = new Array(keys.length);
    for (let i = 0; i < count; i++) {
      rows.fill(i, values);
      const row: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) row[keys[k] as string] = values[k];
      objects.push(row as T["$inferInsert"]);
    }
    return insertRows(db, table, objects);
  }
  const columns = getTableColumns(table);
  const missing = keys.find((key) => !(key in columns));
  if (missing !== undefined) throw new Error(`insertFilled: table ${getTableName(table)} has no column ${missing}`);
  const names = keys.map((key) => `"${(columns[key] as { name: string }).name}"`);
  const encoders = keys.map((key) => columns[key] as unknown as Encoder);
  const insert: FilledInsert = {
    // Prepared here, not on the first run: a branch runFilled took once per table would throw its
    // optimised code away at the next table.
    statement: sqlite.prepare(
      `insert into "${getTableName(table)}" (${names.join(", ")}) values (${names.map(() => "?").join(", ")})`,
    ),
    rows,
    encoders,
    kinds: Uint8Array.from(encoders, (encoder) =>
      encoder.columnType === "SQLiteTextJson" ? JSON_VALUE : encoder.mapToDriverValue === asIs ? AS_IS : MAPPED,
    ),
    seen: new Set(),
    encoded: new Map(),
    params: new Array(keys.length),
  };
  const size = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / Math.max(1, keys.length)));
  const chunks: Runnable[] = [];
  for (let from = 0; from < count; from += size) {
    const to = Math.min(count, from + size);
    chunks.push({ run: () => runFilled(insert, from, to) } as unknown as Runnable);
  }
  return chunks;
}

/** drizzle's base mapToDriverValue (the value unchanged), which text, integer and real columns keep. */
const asIs = (Column.prototype as unknown as Encoder).mapToDriverValue;
/** How a column's value reaches the driver: unchanged, as JSON text, or through its column's mapper. */
const AS_IS = 0;
const JSON_VALUE = 1;
const MAPPED = 2;

/** One table's insert for insertFilled's chunks: the statement, how each column is encoded, the JSON already encoded. */
interface FilledInsert {
  readonly statement: ReturnType<Database["prepare"]>;
  readonly rows: FilledRows;
  readonly encoders: readonly Encoder[];
  readonly kinds: Uint8Array;
  /** Only an object met a second time keeps its text (as in insertRows). */
  readonly seen: Set<object>;
  readonly encoded: Map<object, unknown>;
  /** One array for every row: better-sqlite3 binds it before run() returns. */
  readonly params: unknown[];
}

/** Inserts rows [from, to) of an insertFilled table. */
function runFilled(insert: FilledInsert, from: number, to: number): void {
  const { statement, rows, params, kinds, encoders, seen, encoded } = insert;
  for (let i = from; i < to; i++) {
    rows.fill(i, params);
    for (let k = 0; k < params.length; k++) {
      const value = params[k];
      if (value === null || value === undefined) params[k] = null;
      else {
        const kind = kinds[k] as number;
        if (kind === AS_IS) continue;
        if (kind === JSON_VALUE && typeof value === "object") {
          let text = encoded.get(value);
          if (text === undefined) {
            text = (encoders[k] as Encoder).mapToDriverValue(value) ?? null;
            if (seen.has(value)) encoded.set(value, text);
            else seen.add(value);
          }
          params[k] = text;
        } else params[k] = (encoders[k] as Encoder).mapToDriverValue(value) ?? null;
      }
    }
    statement.run(params);
  }
}
