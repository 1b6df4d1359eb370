import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../src/db/sqlite.js";

/**
 * A new database file gets 16 KB pages (a large save makes a quarter of the system calls), and
 * the WAL is still checkpointed at ~4 MB as with SQLite's default 1,000 pages of 4 KB. A file
 * made before keeps its 4 KB pages and SQLite's default.
 */
const dir = mkdtempSync(join(tmpdir(), "quire-page-size-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openSqlite's page size", () => {
  it("gives a new file 16 KB pages and a checkpoint every ~4 MB of WAL", () => {
    const handle = openSqlite(join(dir, "new.db"));
    expect(handle.sqlite.pragma("page_size", { simple: true })).toBe(16_384);
    expect(handle.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(250);
    expect(handle.sqlite.pragma("auto_vacuum", { simple: true })).toBe(2);
    handle.close();
    const again = openSqlite(join(dir, "new.db"));
    expect(again.sqlite.pragma("page_size", { simple: true })).toBe(16_384);
    expect(again.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(250);
    again.close();
  });

  it("leaves a file made with 4 KB pages as it is", () => {
    const path = join(dir, "old.db");
    const old = new Database(path);
    old.pragma("page_size = 4096");
    old.exec("create table kept (a)");
    old.close();
    const handle = openSqlite(path);
    expect(handle.sqlite.pragma("page_size", { simple: true })).toBe(4_096);
    expect(handle.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(1_000);
    handle.close();
  });
});
