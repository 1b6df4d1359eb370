import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { loadLibraryDirCached } from "../../src/library-files/cache.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), "quire-libcache-"));
  const library = join(dir, "library");
  cpSync("answer-library", library, { recursive: true });
  return { dir, library, cache: join(dir, "cache"), db: join(dir, "quire.db") };
}

/** Appends a harmless comment to one entry file: the files (and so the revision) change, the library does not. */
function touchEntries(library: string) {
  const folder = join(library, "entries");
  const file = join(folder, readdirSync(folder).sort()[0] as string);
  writeFileSync(file, `${readFileSync(file, "utf8")}\n# edited\n`);
}

describe("the parsed-library cache", () => {
  it("gives the library the files parse to, from the cache on the second load, and parses again after an edit", async () => {
    const s = scratch();
    const parsed = await loadLibraryDir(s.library);
    const first = await loadLibraryDirCached(s.library, s.cache);
    expect(readdirSync(s.cache).filter((name) => name.startsWith("library-"))).toHaveLength(1);
    const second = await loadLibraryDirCached(s.library, s.cache);
    expect(second.revision).toBe(first.revision);
    expect(second.library).toStrictEqual(parsed);
    expect(first.library).toStrictEqual(parsed);
    const [name] = readdirSync(s.cache).filter((n) => n.startsWith("library-"));
    writeFileSync(join(s.cache, name as string), JSON.stringify({ controls: [], artifacts: [], entries: [] }));
    expect((await loadLibraryDirCached(s.library, s.cache)).library.entries).toEqual([]); // read from the cache

    touchEntries(s.library);
    const third = await loadLibraryDirCached(s.library, s.cache);
    expect(third.revision).not.toBe(first.revision);
    expect(third.library).toStrictEqual(parsed);
    const caches = () => readdirSync(s.cache).filter((name) => name.startsWith("library-"));
    expect(caches()).toHaveLength(2); // the previous one stays (another build may still use it)
    for (let i = 0; i < 4; i++) {
      touchEntries(s.library);
      await loadLibraryDirCached(s.library, s.cache);
    }
    expect(caches()).toHaveLength(4); // but the folder does not grow past the newest few
  });

  it("never trusts a cache file for a library that does not validate, and survives a corrupt cache", async () => {
    const s = scratch();
    await loadLibraryDirCached(s.library, s.cache);
    const [name] = readdirSync(s.cache).filter((n) => n.startsWith("library-"));
    writeFileSync(join(s.cache, name as string), "{ not json");
    expect((await loadLibraryDirCached(s.library, s.cache)).library).toStrictEqual(await loadLibraryDir(s.library));

    writeFileSync(join(s.library, "entries", "broken.yaml"), "topic: x\nentries: [{ id: 1 }]\n");
    await expect(loadLibraryDirCached(s.library, s.cache)).rejects.toThrow();
    await expect(loadLibraryDirCached(s.library, s.cache)).rejects.toThrow();
  });
});

describe("quire answer keeps the stored library when nothing changed", () => {
  const answer = (s: ReturnType<typeof scratch>, report: string) =>
    runCli(
      [
        "answer",
        "fixtures/simple.csv",
        "--library",
        s.library,
        "--db",
        s.db,
        "--report",
        join(s.dir, report),
        "--out",
        join(s.dir, "filled.csv"),
        "--as-of",
        "2026-11-24",
        "--offline",
      ],
      { stdout: () => {}, stderr: () => {} },
    );
  const storedAt = (db: string) => {
    const sqlite = new Database(db, { readonly: true });
    try {
      return sqlite.prepare("select max(updated_at) as at, count(*) as n from library_entries").get() as {
        at: string;
        n: number;
      };
    } finally {
      sqlite.close();
    }
  };

  it("replaces it only after the files or the stored rows changed, with the same report every time", async () => {
    const s = scratch();
    expect(await answer(s, "r1.json")).toBe(0);
    const written = storedAt(s.db);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a replace would stamp a later time

    expect(await answer(s, "r2.json")).toBe(0);
    expect(storedAt(s.db)).toEqual(written); // same files, untouched rows: not rewritten

    const sqlite = new Database(s.db);
    sqlite.prepare("delete from library_entries where id = (select min(id) from library_entries)").run();
    sqlite.close();
    expect(await answer(s, "r3.json")).toBe(0);
    expect(storedAt(s.db).n).toBe(written.n); // the stored library was edited: written again whole
    expect(storedAt(s.db).at > written.at).toBe(true);

    const again = storedAt(s.db);
    await new Promise((resolve) => setTimeout(resolve, 5));
    touchEntries(s.library);
    expect(await answer(s, "r4.json")).toBe(0);
    expect(storedAt(s.db).at > again.at).toBe(true); // the files changed: written again

    const reports = ["r1.json", "r2.json", "r3.json", "r4.json"].map((r) => readFileSync(join(s.dir, r), "utf8"));
    for (const report of reports) expect(report).toBe(reports[0]);
  });
});
