import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { betterSqliteOf } from "../../src/db/better-sqlite.js";
import { ReadCache, readCacheFor } from "../../src/db/read-cache.js";
import { type ListAnswersInput, listAnswers } from "../../src/services/answers/list.js";
import { pruneRuns } from "../../src/services/questionnaires/retention.js";
import { d1 } from "../conformance/drivers.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/**
 * The answers list's page cache (issue 13, src/db/read-cache.ts) over HTTP on a real SQLite file:
 * every write, through the API, another connection, another process or retention, makes the next
 * read fresh; the cached bytes are the uncached path's; no tenant ever gets another's page.
 */
let h: Harness;
let a: Tenant;
let b: Tenant;
let questionnaireId: string;
let answerIds: string[];

async function upload(tenant: Tenant): Promise<string> {
  const customer = await h.call("POST", "/v1/customers", {
    key: tenant.adminKey,
    json: { name: "Buyer", region: "eu", nda: { onFile: true } },
  });
  const created = await h.call("POST", "/v1/questionnaires", {
    key: tenant.adminKey,
    form: fileForm(readFileSync("fixtures/caiq-like.xlsx"), "caiq-like.xlsx", { customerId: customer.body.id }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  await h.jobs.drain();
  return created.body.id;
}

/** The list as the exact bytes sent. */
async function listText(
  query = "",
  key = a.adminKey,
  id = questionnaireId,
): Promise<{ status: number; text: string; type: string | null }> {
  const res = await h.app.request(`/v1/questionnaires/${id}/answers${query}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
}

/** What the uncached path gives now: the decoded page, encoded. */
async function fresh(input: ListAnswersInput, tenantId = a.id, id = questionnaireId): Promise<string> {
  return JSON.stringify(await listAnswers({ ...h.deps, tenantId, actor: "test:read" }, id, input));
}

const cache = () => readCacheFor(h.db) as ReadCache;

beforeAll(async () => {
  h = await harness();
  a = await h.tenant("Cache A");
  b = await h.tenant("Cache B");
  questionnaireId = await upload(a);
  answerIds = JSON.parse((await listText("?limit=500")).text).data.map((x: { id: string }) => x.id);
});
afterAll(() => h.close());

describe("the answers list cache", () => {
  it("serves the uncached path's bytes, from the cache on a repeat", async () => {
    const queries: [string, ListAnswersInput][] = [
      ["", { limit: 100 }],
      ["?limit=5", { limit: 5 }],
      ["?sort=-confidence&limit=7", { limit: 7, sort: "-confidence" }],
      ["?status=needs_review", { limit: 100, status: "needs_review" }],
      ["?q=encrypt", { limit: 100, q: "encrypt" }],
    ];
    for (const [query, input] of queries) {
      const first = await listText(query);
      expect(first.status).toBe(200);
      expect(first.type).toBe("application/json");
      const size = cache().size;
      const second = await listText(query);
      expect(size).toBeGreaterThan(0);
      expect(cache().size).toBe(size); // a hit stores nothing new
      expect(second.text).toBe(first.text);
      expect(second.text).toBe(await fresh(input));
    }
    // Every page of a cursor walk, twice.
    for (let pass = 0; pass < 2; pass++) {
      let cursor: string | null = null;
      do {
        const query: string = `?limit=10&sort=status${cursor ? `&cursor=${cursor}` : ""}`;
        const page = await listText(query);
        expect(page.text).toBe(await fresh({ limit: 10, sort: "status", cursor: cursor ?? undefined }));
        cursor = JSON.parse(page.text).nextCursor;
      } while (cursor);
    }
  });

  it("is fresh after an approve, an edit and an assignment through the API", async () => {
    const id = answerIds[0] as string;
    await listText();
    await listText();
    const approved = await h.call("POST", `/v1/answers/${id}/approve`, { key: a.adminKey, json: {} });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const afterApprove = await listText();
    expect(JSON.parse(afterApprove.text).data[0]).toMatchObject({ id, status: "approved" });
    expect(afterApprove.text).toBe(await fresh({ limit: 100 }));

    const target = answerIds[1] as string;
    await listText();
    const edited = await h.call("PATCH", `/v1/answers/${target}`, {
      key: a.adminKey,
      json: { text: "Edited while the page was cached." },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const afterEdit = await listText();
    expect(JSON.parse(afterEdit.text).data[1]).toMatchObject({ id: target, text: "Edited while the page was cached." });
    expect(afterEdit.text).toBe(await fresh({ limit: 100 }));

    const user = await h.call("POST", "/v1/users", {
      key: a.adminKey,
      json: { email: "ana@a.example", name: "Ana", role: "subject_expert", password: "correct horse battery" },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    expect(JSON.parse((await listText("?assignee=ana@a.example")).text).data).toEqual([]);
    const all = JSON.parse((await listText()).text).data as { id: string; section: string }[];
    const section = all[2]?.section as string;
    const assigned = await h.call("POST", `/v1/questionnaires/${questionnaireId}/answers/assign`, {
      key: a.adminKey,
      json: { assignee: "ana@a.example", section },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.assigned).toContain(answerIds[2]);
    const queue = await listText("?assignee=ana@a.example");
    expect(JSON.parse(queue.text).data.map((x: { id: string }) => x.id)).toEqual(assigned.body.assigned);
    expect(queue.text).toBe(await fresh({ limit: 100, assignee: "ana@a.example" }));
  });

  it("is fresh after a write by another connection and by another process", async () => {
    const file = join(h.dir, "quire.db");
    const id = answerIds[3] as string;
    await listText();
    await listText();
    const other = new Database(file);
    try {
      other.prepare("update answers set text = ? where id = ?").run("Written by another connection.", id);
    } finally {
      other.close();
    }
    const afterConnection = await listText();
    expect(JSON.parse(afterConnection.text).data[3]).toMatchObject({ id, text: "Written by another connection." });
    expect(afterConnection.text).toBe(await fresh({ limit: 100 }));

    const script = `const D = require("better-sqlite3"); const db = new D(process.argv[1]);
      db.pragma("busy_timeout = 5000");
      db.prepare("update answers set text = ? where id = ?").run("Written by another process.", process.argv[2]);
      db.close();`;
    execFileSync(process.execPath, ["-e", script, file, id], { cwd: process.cwd() });
    const afterProcess = await listText();
    expect(JSON.parse(afterProcess.text).data[3]).toMatchObject({ id, text: "Written by another process." });
    expect(afterProcess.text).toBe(await fresh({ limit: 100 }));
  });

  it("never keeps what a transaction read and then rolled back", async () => {
    const sqlite = betterSqliteOf(h.db) as Database.Database;
    const id = answerIds[4] as string;
    const before = await listText();
    sqlite.exec("begin");
    sqlite.prepare("update answers set text = 'Rolled back.' where id = ?").run(id);
    const inside = await listText();
    expect(JSON.parse(inside.text).data[4].text).toBe("Rolled back.");
    sqlite.exec("rollback");
    const after = await listText();
    expect(after.text).toBe(before.text);
    expect(after.text).toBe(await fresh({ limit: 100 }));
  });

  it("never gives a tenant another's page: a 404, cached or not", async () => {
    for (let i = 0; i < 2; i++) expect((await listText("?limit=5")).status).toBe(200);
    for (const query of ["", "?limit=5", "?sort=-confidence&limit=7", "?q=encrypt"]) {
      const other = await listText(query, b.adminKey);
      expect(other.status).toBe(404);
      expect(JSON.parse(other.text)).toMatchObject({ code: "not_found" });
    }
    // B's own questionnaire is B's page, and A cannot read it either.
    const theirs = await upload(b);
    const bPage = await listText("", b.adminKey, theirs);
    expect(bPage.text).toBe(await fresh({ limit: 100 }, b.id, theirs));
    expect((await listText("", a.adminKey, theirs)).status).toBe(404);
    expect(await listText("", b.adminKey, theirs)).toEqual(bPage);
    // A key without the read scope is refused before any page is looked up.
    const writer = await a.key(["answers:review"]);
    expect((await listText("", writer.key)).status).toBe(403);
  });

  it("is fresh after a delete and after run retention", async () => {
    const second = await upload(a);
    await listText("", a.adminKey, second);
    expect((await listText("", a.adminKey, second)).status).toBe(200);
    expect((await h.call("DELETE", `/v1/questionnaires/${second}`, { key: a.adminKey })).status).toBe(204);
    expect((await listText("", a.adminKey, second)).status).toBe(404);

    await listText();
    expect((await listText()).status).toBe(200);
    await upload(a); // newer than questionnaireId: keeping one prunes it
    await listText();
    const pruned = await pruneRuns({ ...h.deps, tenantId: a.id, actor: "test:retention" }, 1);
    expect(pruned.removed).toContain(questionnaireId);
    expect((await listText()).status).toBe(404);
  });
});

describe("ReadCache", () => {
  const sqlite = new Database(":memory:");
  sqlite.exec("create table t (x)");

  it("drops everything when the database changes, and keys by tenant too", () => {
    const c = new ReadCache(sqlite);
    const v = c.current() as string;
    c.set("t1", "k", v, "page");
    expect(c.get("t1", "k", v)).toBe("page");
    expect(c.get("t2", "k", v)).toBeUndefined();
    sqlite.prepare("insert into t values (1)").run();
    const next = c.current() as string;
    expect(next).not.toBe(v);
    expect(c.get("t1", "k", next)).toBeUndefined();
    expect(c.size).toBe(0);
    // A body read at an older version is not stored.
    c.set("t1", "k", v, "stale");
    expect(c.get("t1", "k", next)).toBeUndefined();
  });

  it("stays within its entry and size bounds, evicting the least recently used", () => {
    const c = new ReadCache(sqlite, { maxEntries: 3, maxChars: 800 });
    const v = c.current() as string;
    for (const k of ["a", "b", "c"]) c.set("t", k, v, k.repeat(50));
    c.get("t", "a", v);
    c.set("t", "d", v, "d".repeat(50));
    expect(["a", "b", "c", "d"].map((k) => c.get("t", k, v) !== undefined)).toEqual([true, false, true, true]);
    // 100 chars each: 8 would be 800, the 9th pushes out the oldest.
    const big = new ReadCache(sqlite, { maxEntries: 100, maxChars: 800 });
    for (let i = 0; i < 9; i++) big.set("t", `k${i}`, v, "x".repeat(100));
    expect(big.size).toBe(8);
    expect(big.get("t", "k0", v)).toBeUndefined();
    // One body over an eighth of the budget is not cached at all.
    big.set("t", "huge", v, "x".repeat(101));
    expect(big.get("t", "huge", v)).toBeUndefined();
  });

  it("does not exist on D1: the Worker path reads every page", async () => {
    const opened = await d1.open();
    try {
      expect(readCacheFor(opened.db)).toBeUndefined();
    } finally {
      await opened.close();
    }
    expect(readCacheFor(h.db)).toBeInstanceOf(ReadCache);
  });

  it("caches nothing read inside a transaction", () => {
    const c = new ReadCache(sqlite);
    sqlite.exec("begin");
    expect(c.current()).toBeNull();
    sqlite.exec("rollback");
    expect(c.current()).not.toBeNull();
  });
});
