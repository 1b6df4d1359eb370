import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { and, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { fsBlobStore } from "../../src/blobs/fs.js";
import { runCli } from "../../src/cli/main.js";
import {
  answerComments,
  answerHistory,
  answers,
  auditLog,
  questionnaireInsights,
  questionnaires,
  questions,
} from "../../src/db/schema/index.js";
import { openSqlite, reclaimSpace, type SqliteHandle } from "../../src/db/sqlite.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import type { ServiceContext } from "../../src/services/context.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { answerFile } from "../../src/services/questionnaires/answer-file.js";
import { keepRunsSetting, pruneAllTenants, pruneRuns } from "../../src/services/questionnaires/retention.js";

/*
 * Run retention (QUIRE_KEEP_RUNS) on a real SQLite file with real runs (the 300-question CSV
 * fixture answered from the shipped library), blobs on disk, two tenants.
 */

const CSV = new Uint8Array(readFileSync("fixtures/review-300.csv"));
const handles: SqliteHandle[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
});

async function setup(options: { legacyFile?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "quire-retention-"));
  const path = join(dir, "quire.db");
  if (options.legacyFile) {
    // A database file made before incremental auto-vacuum: a table exists before openSqlite runs.
    const raw = new Database(path);
    raw.exec("CREATE TABLE legacy_marker (x)");
    raw.close();
  }
  const handle = openSqlite(path);
  handles.push(handle);
  const blobs = fsBlobStore(join(dir, "blobs"));
  let minute = 0;
  // One minute per run, so "newest" is decided by the clock and never by a tie.
  const clock = { now: () => new Date(Date.UTC(2026, 10, 1, 9, minute++)) };
  const library = await loadLibraryDir("answer-library");
  const ctx = (tenantId: string): ServiceContext => ({
    db: handle.db,
    blobs,
    clock,
    tenantId,
    actor: "cli:test",
  });
  await replaceLibrary(ctx("tenant-a"), library);
  await replaceLibrary(ctx("tenant-b"), library);
  const runs = async (tenantId: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { questionnaireId } = await answerFile(ctx(tenantId), {
        bytes: CSV,
        fileName: `run-${i}.csv`,
        customer: { region: "eu", ndaOnFile: false, asOf: "2026-11-01" },
      });
      ids.push(questionnaireId);
    }
    return ids;
  };
  return { dir, path, handle, blobs, ctx, runs };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function rowsOf(s: Setup, ids: readonly string[]) {
  const db = s.handle.db;
  const answerIds = (
    await db
      .select({ id: answers.id })
      .from(answers)
      .where(inArray(answers.questionnaireId, [...ids]))
  ).map((a) => a.id);
  const count = async (table: typeof questions | typeof answers, column: "questionnaireId") =>
    (
      await db
        .select()
        .from(table)
        .where(inArray(table[column], [...ids]))
    ).length;
  return {
    questionnaires: (
      await db
        .select()
        .from(questionnaires)
        .where(inArray(questionnaires.id, [...ids]))
    ).length,
    questions: await count(questions, "questionnaireId"),
    answers: answerIds.length,
    history:
      answerIds.length === 0
        ? 0
        : (
            await db
              .select()
              .from(answerHistory)
              .where(inArray(answerHistory.answerId, answerIds.slice(0, 900)))
          ).length,
  };
}

/** History and a comment on the first answer of each run, as review would leave them. */
async function review(s: Setup, tenantId: string, ids: readonly string[]) {
  for (const id of ids) {
    const [first] = await s.handle.db
      .select({ id: answers.id })
      .from(answers)
      .where(and(eq(answers.tenantId, tenantId), eq(answers.questionnaireId, id)))
      .limit(1);
    if (!first) throw new Error(`no answers in ${id}`);
    await s.handle.db.insert(answerHistory).values({
      id: `h-${id}`,
      tenantId,
      answerId: first.id,
      action: "approve",
      actor: "user:r@example.com",
      at: "2026-11-02T10:00:00.000Z",
      before: { status: "drafted" },
      after: { status: "approved" },
    });
    await s.handle.db.insert(answerComments).values({
      id: `c-${id}`,
      tenantId,
      answerId: first.id,
      author: "user:r@example.com",
      body: "looks right",
      mentions: [],
      createdAt: "2026-11-02T10:00:00.000Z",
    });
  }
}

const blobPath = (s: Setup, tenantId: string, id: string) => join(s.dir, "blobs", tenantId, id, "original");

describe("run retention (QUIRE_KEEP_RUNS)", () => {
  it("keeps each tenant's newest runs, removes the older ones whole, keeps the audit, and the file shrinks", async () => {
    const s = await setup();
    const a = await s.runs("tenant-a", 8);
    const b = await s.runs("tenant-b", 2);
    await review(s, "tenant-a", a);
    await review(s, "tenant-b", b);
    const auditBefore = (await s.handle.db.select().from(auditLog)).length;
    const insightsBefore = (await s.handle.db.select().from(questionnaireInsights)).length;
    s.handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const sizeBefore = statSync(s.path).size;
    expect(existsSync(blobPath(s, "tenant-a", a[0] as string))).toBe(true);

    const results = await pruneAllTenants({ db: s.handle.db, blobs: s.blobs, clock: { now: () => new Date() } }, 2);
    expect(results.find((r) => r.tenantId === "tenant-a")?.removed).toEqual(a.slice(0, 6));
    expect(results.find((r) => r.tenantId === "tenant-b")?.removed).toEqual([]);

    const gone = a.slice(0, 6);
    const kept = a.slice(6);
    expect(await rowsOf(s, gone)).toEqual({ questionnaires: 0, questions: 0, answers: 0, history: 0 });
    expect(await rowsOf(s, kept)).toEqual({ questionnaires: 2, questions: 600, answers: 600, history: 2 });
    // The other tenant: untouched, though it shares the database.
    expect(await rowsOf(s, b)).toEqual({ questionnaires: 2, questions: 600, answers: 600, history: 2 });
    const comments = await s.handle.db.select({ id: answerComments.id }).from(answerComments);
    expect(comments.map((c) => c.id).sort()).toEqual([...kept, ...b].map((id) => `c-${id}`).sort());
    for (const id of gone) expect(existsSync(blobPath(s, "tenant-a", id)), id).toBe(false);
    for (const id of kept) expect(existsSync(blobPath(s, "tenant-a", id)), id).toBe(true);
    for (const id of b) expect(existsSync(blobPath(s, "tenant-b", id)), id).toBe(true);

    // The audit log keeps every row, plus one saying what was pruned; demand insight keeps its rows.
    const audit = await s.handle.db.select().from(auditLog);
    expect(audit.length).toBe(auditBefore + 1);
    const pruned = audit.find((r) => r.action === "questionnaires.pruned");
    expect(pruned).toMatchObject({ tenantId: "tenant-a", actor: "system:retention" });
    expect(pruned?.details).toMatchObject({ keep: 2, count: 6, questionnaires: gone });
    expect((await s.handle.db.select().from(questionnaireInsights)).length).toBe(insightsBefore);

    // A new file is incremental auto-vacuum: the freed pages go back without a full VACUUM.
    expect(s.handle.sqlite.pragma("auto_vacuum", { simple: true })).toBe(2);
    reclaimSpace(s.handle.sqlite);
    const sizeAfter = statSync(s.path).size;
    expect(sizeAfter).toBeLessThan(sizeBefore * 0.6);
    expect(s.handle.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");

    // Nothing more to prune: a second run removes nothing.
    expect((await pruneRuns(s.ctx("tenant-a"), 2)).removed).toEqual([]);
  }, 120_000);

  it("shrinks a database file made before incremental auto-vacuum (one full VACUUM, then incremental)", async () => {
    const s = await setup({ legacyFile: true });
    expect(s.handle.sqlite.pragma("auto_vacuum", { simple: true })).toBe(0);
    const a = await s.runs("tenant-a", 4);
    s.handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const sizeBefore = statSync(s.path).size;
    expect((await pruneRuns(s.ctx("tenant-a"), 1)).removed).toEqual(a.slice(0, 3));
    reclaimSpace(s.handle.sqlite);
    expect(s.handle.sqlite.pragma("auto_vacuum", { simple: true })).toBe(2);
    expect(statSync(s.path).size).toBeLessThan(sizeBefore * 0.6);
    expect(await rowsOf(s, a.slice(3))).toMatchObject({ questionnaires: 1, questions: 300 });
  }, 120_000);

  it("never removes a questionnaire still being processed, however old", async () => {
    const s = await setup();
    const a = await s.runs("tenant-a", 3);
    await s.handle.db
      .update(questionnaires)
      .set({ status: "processing" })
      .where(eq(questionnaires.id, a[0] as string));
    expect((await pruneRuns(s.ctx("tenant-a"), 1)).removed).toEqual([a[1]]);
    expect((await rowsOf(s, [a[0] as string])).questionnaires).toBe(1);
  }, 120_000);

  it("reads QUIRE_KEEP_RUNS: unset keeps everything, a positive integer is the count, anything else is refused", () => {
    expect(keepRunsSetting(undefined)).toBeNull();
    expect(keepRunsSetting("")).toBeNull();
    expect(keepRunsSetting("5")).toBe(5);
    for (const bad of ["0", "-1", "2.5", "all"]) {
      expect(() => keepRunsSetting(bad)).toThrow(expect.objectContaining({ code: "invalid_setting" }));
    }
  });
});

describe("quire answer with QUIRE_KEEP_RUNS", () => {
  const saved = process.env.QUIRE_KEEP_RUNS;
  afterEach(() => {
    if (saved === undefined) delete process.env.QUIRE_KEEP_RUNS;
    else process.env.QUIRE_KEEP_RUNS = saved;
  });
  const quire = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  };

  it("keeps the newest runs in the CLI's database and says how many older ones it removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quire-retention-cli-"));
    const db = join(dir, "quire.db");
    const args = [
      "answer",
      "fixtures/simple.csv",
      "--db",
      db,
      "--out",
      join(dir, "f.csv"),
      "--report",
      join(dir, "r.json"),
    ];
    process.env.QUIRE_KEEP_RUNS = "2";
    for (let i = 0; i < 2; i++) expect((await quire(args)).stdout).not.toContain("pruned:");
    const third = await quire(args);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain("pruned:  1 older run (QUIRE_KEEP_RUNS=2)");
    const check = openSqlite(db, { migrate: false });
    handles.push(check);
    expect((await check.db.select().from(questionnaires)).length).toBe(2);

    process.env.QUIRE_KEEP_RUNS = "none";
    const bad = await quire(args);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/QUIRE_KEEP_RUNS .* \[invalid_setting\]$/);
  }, 120_000);
});
