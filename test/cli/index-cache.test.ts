import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { buildLibraryIndex } from "../../src/domain/answering/prepare.js";
import type { Library } from "../../src/domain/library/types.js";
import { matchQuestion } from "../../src/domain/matching/match.js";
import { fileMatchIndexStore } from "../../src/library-files/index-cache.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

const library = await loadLibraryDir("answer-library");
const indexFiles = (dir: string) => readdirSync(dir).filter((name) => /^match-index-.*\.v8$/.test(name));
const QUESTIONS = [
  "Do you encrypt customer data at rest?",
  "How often are backups tested?",
  "Is MFA enforced for administrators?",
  "Describe your incident response process.",
];

describe("the match-index store", () => {
  it("gives back the index as built, which matches exactly as the built one does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quire-indexcache-"));
    const store = fileMatchIndexStore(dir);
    expect(await store.load(library)).toBeNull();
    const built = buildLibraryIndex(library);
    await store.save(library, built);
    const kept = await store.load(library);
    expect(kept).not.toBeNull();
    expect(kept).not.toBe(built);
    expect(kept).toStrictEqual(built);
    // Shared sets stay shared (entries of one topic point at one set), as in the built index.
    const topics = (index: typeof built) => new Set(index.topicTerms).size;
    expect(topics(kept as typeof built)).toBe(topics(built));
    for (const question of QUESTIONS) {
      expect(matchQuestion(kept as typeof built, question, 4)).toStrictEqual(matchQuestion(built, question, 4));
    }
  });

  it("reads nothing for another library, a corrupt or foreign file, and keeps only the newest two", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quire-indexcache-"));
    const store = fileMatchIndexStore(dir);
    await store.save(library, buildLibraryIndex(library));
    const [entry] = library.entries;
    const edited: Library = {
      ...library,
      entries: [{ ...(entry as (typeof library.entries)[0]), answer: "Edited." }, ...library.entries.slice(1)],
    };
    expect(await store.load(edited)).toBeNull();

    const [name] = indexFiles(dir);
    writeFileSync(join(dir, name as string), "not v8");
    expect(await store.load(library)).toBeNull();

    // A valid file under the wrong name (another library's index renamed) is not trusted.
    await store.save(edited, buildLibraryIndex(edited));
    const editedName = indexFiles(dir).find((n) => n !== name) as string;
    cpSync(join(dir, editedName), join(dir, name as string));
    expect(await store.load(library)).toBeNull();

    for (const answer of ["a", "b", "c"]) {
      const other: Library = {
        ...library,
        entries: [{ ...(entry as (typeof library.entries)[0]), answer }, ...library.entries.slice(1)],
      };
      await store.save(other, buildLibraryIndex(other));
    }
    expect(indexFiles(dir)).toHaveLength(2);
  });
});

describe("quire answer with the index kept beside its database", () => {
  const answer = (dir: string, libraryDir: string, report: string) =>
    runCli(
      [
        "answer",
        "fixtures/caiq-like.xlsx",
        "--library",
        libraryDir,
        "--db",
        join(dir, "quire.db"),
        "--report",
        join(dir, report),
        "--out",
        join(dir, `${report}.xlsx`),
        "--region",
        "eu",
        "--as-of",
        "2026-11-24",
        "--offline",
      ],
      { stdout: () => {}, stderr: () => {} },
    );

  it("writes the same report from the kept index, and what a fresh build writes after the library changed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quire-indexcache-cli-"));
    const libraryDir = join(dir, "library");
    cpSync("answer-library", libraryDir, { recursive: true });
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    expect(await answer(dir, libraryDir, "r1.json")).toBe(0);
    expect(indexFiles(join(dir, ".quire-cache"))).toHaveLength(1);
    expect(await answer(dir, libraryDir, "r2.json")).toBe(0);
    expect(read("r2.json")).toBe(read("r1.json"));

    // A topic's entries leave the library: the kept index no longer fits, a new one is built.
    rmSync(join(libraryDir, "entries", "cryptography.yaml"));
    expect(await answer(dir, libraryDir, "r3.json")).toBe(0);
    expect(indexFiles(join(dir, ".quire-cache"))).toHaveLength(2);
    expect(read("r3.json")).not.toBe(read("r1.json"));
    const fresh = mkdtempSync(join(tmpdir(), "quire-indexcache-fresh-"));
    expect(await answer(fresh, libraryDir, "r.json")).toBe(0);
    expect(read("r3.json")).toBe(readFileSync(join(fresh, "r.json"), "utf8"));
  });
});
