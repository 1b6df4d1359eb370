import type { Database, Statement } from "better-sqlite3";
import { betterSqliteOf } from "./better-sqlite.js";
import type { Db } from "./types.js";

/*
 * Responses of hot reads kept until the database changes (issue 13: the review screen polls
 * GET /v1/questionnaires/:id/answers; building its 55 KB page costs more than sending it).
 *
 * Embedded SQLite only. What "the database changed" means is read from SQLite itself, so no write
 * path has to remember to invalidate anything:
 * - `data_version` changes when another connection commits to the file: the job threads, a CLI
 *   run, another process;
 * - `total_changes()` counts every row this connection inserted, updated or deleted (triggers
 *   included; it never goes back, so a rolled-back write also counts as a change);
 * - `schema_version` changes on any DDL (a dropped table changes no counted rows).
 * Together they are the cache's version: every entry belongs to the version it was built at, and a
 * read at another version empties the whole cache. Reads inside an open transaction are not
 * cached: they may see rows that are later rolled back, which `total_changes()` would not undo.
 *
 * D1 has none of this (and a Worker isolate is short-lived), so there the cache does not exist.
 */

/** Bounds per connection: entries, and their total size in UTF-16 code units (~1–2 bytes each). */
export interface ReadCacheLimits {
  readonly maxEntries: number;
  readonly maxChars: number;
}

const DEFAULT_LIMITS: ReadCacheLimits = { maxEntries: 256, maxChars: 8 * 1024 * 1024 };

interface Entry {
  /** Checked on every hit in addition to being part of the key: one tenant's page never reaches another. */
  readonly tenantId: string;
  readonly body: string;
}

export class ReadCache {
  private readonly versionQuery: Statement;
  private readonly entries = new Map<string, Entry>();
  private version: string | null = null;
  private chars = 0;

  constructor(
    private readonly sqlite: Database,
    private readonly limits: ReadCacheLimits = DEFAULT_LIMITS,
  ) {
    this.versionQuery = sqlite
      .prepare("select data_version, total_changes(), schema_version from pragma_data_version, pragma_schema_version")
      .raw();
  }

  /** The database's version now, or null when nothing read now may be cached (an open transaction). */
  current(): string | null {
    if (this.sqlite.inTransaction) return null;
    return (this.versionQuery.get() as number[]).join(":");
  }

  /** The body stored for this tenant and key at this version, or undefined. */
  get(tenantId: string, key: string, version: string): string | undefined {
    this.sync(version);
    const entry = this.entries.get(key);
    if (!entry || entry.tenantId !== tenantId) return undefined;
    // Most recently used last: eviction takes the front of the map.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  /**
   * Stores a body read at `version`, only if the database is still at that version: a write
   * between the version read and the query (another request's, in an await) must not leave a
   * page that predates it under the new version.
   */
  set(tenantId: string, key: string, version: string, body: string): void {
    if (body.length > this.limits.maxChars / 8 || this.current() !== version) return;
    this.sync(version);
    this.remove(key);
    this.entries.set(key, { tenantId, body });
    this.chars += body.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.chars <= this.limits.maxChars) break;
      this.remove(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries belong to one version: moving to another drops them all. */
  private sync(version: string): void {
    if (this.version === version) return;
    this.entries.clear();
    this.chars = 0;
    this.version = version;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.body.length;
  }
}

/** One cache per connection (a test process opens many databases), keyed by the better-sqlite3 handle. */
const caches = new WeakMap<object, ReadCache>();

/** The read cache of this database's connection, or undefined on D1. */
export function readCacheFor(db: Db): ReadCache | undefined {
  const sqlite = betterSqliteOf(db);
  if (!sqlite) return undefined;
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new ReadCache(sqlite);
    caches.set(sqlite, cache);
  }
  return cache;
}
