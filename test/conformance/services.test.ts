import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { memoryBlobStore } from "../../src/blobs/fs.js";
import { atomic } from "../../src/db/atomic.js";
import { answers, questionnaires, tenants } from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/types.js";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";
import type { Library } from "../../src/domain/library/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import type { ServiceContext } from "../../src/services/context.js";
import { loadLibrary } from "../../src/services/library/load.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { answerFile } from "../../src/services/questionnaires/answer-file.js";
import { seedDemoTenant } from "../../src/services/tenants/seed-demo.js";
import { DRIVERS } from "./drivers.js";

/**
 * One conformance suite, run on every database driver Quire ships (better-auth style): the same
 * services must behave the same on better-sqlite3 (Node) and D1 (Workers).
 */
const clock = { now: () => new Date("2026-11-24T12:00:00Z") };
let library: Library;
beforeAll(async () => {
  library = await loadLibraryDir("answer-library");
});

describe.each(DRIVERS)("services on $name", (driver) => {
  let db: Db;
  let close: () => Promise<void>;
  const ctxFor = (tenantId: string): ServiceContext => ({
    tenantId,
    actor: "test",
    db,
    blobs: memoryBlobStore(),
    clock,
  });

  beforeAll(async () => {
    ({ db, close } = await driver.open());
    for (const id of ["tn_a", "tn_b"])
      await db.insert(tenants).values({ id, name: id, createdAt: clock.now().toISOString() });
  }, 60_000);
  afterAll(async () => close());

  it("stores a library per tenant and reads it back whole", async () => {
    await replaceLibrary(ctxFor("tn_a"), library);
    const loaded = await loadLibrary(ctxFor("tn_a"));
    expect(loaded.entries).toHaveLength(library.entries.length);
    expect(loaded.controls).toHaveLength(library.controls.length);
    expect(loaded.artifacts.map((a) => a.id).sort()).toEqual(library.artifacts.map((a) => a.id).sort());
    expect((await loadLibrary(ctxFor("tn_b"))).entries).toHaveLength(0);
  });

  it("answers a questionnaire and keeps its answers in the tenant only", async () => {
    const bytes = new Uint8Array(readFileSync("fixtures/caiq-like.xlsx"));
    const { questionnaireId, report } = await answerFile(ctxFor("tn_a"), {
      bytes,
      fileName: "caiq-like.xlsx",
      customer: { region: "us", ndaOnFile: true, asOf: "2026-11-24" },
    });
    const stored = await db
      .select()
      .from(answers)
      .where(and(eq(answers.tenantId, "tn_a"), eq(answers.questionnaireId, questionnaireId)));
    expect(stored).toHaveLength(report.questions.length);
    expect(stored.filter((a) => a.status === "drafted").length).toBe(report.summary.drafted);
    const other = await db.select().from(questionnaires).where(eq(questionnaires.tenantId, "tn_b"));
    expect(other).toHaveLength(0);
  });

  it("writes all or nothing: a failing statement rolls the whole batch back", async () => {
    const at = clock.now().toISOString();
    await expect(
      atomic(db, [
        db.insert(tenants).values({ id: "tn_new", name: "new", createdAt: at }),
        db.insert(tenants).values({ id: "tn_a", name: "duplicate primary key", createdAt: at }),
      ]),
    ).rejects.toThrow();
    expect(await db.select().from(tenants).where(eq(tenants.id, "tn_new"))).toHaveLength(0);
  });

  it("serves the API: seed on an empty database, then answer an upload", async () => {
    const fresh = await driver.open();
    try {
      const deps = { db: fresh.db, blobs: memoryBlobStore(), clock };
      const seeded = await seedDemoTenant(deps, library);
      expect(seeded?.key).toMatch(/^qk_/);
      const app = createApp(deps);
      expect((await app.request("/health")).status).toBe(200);
      const form = new FormData();
      form.set("file", new File([readFileSync("fixtures/simple.csv")], "simple.csv", { type: "text/csv" }));
      form.set("region", "eu");
      const res = await app.request("/v1/answer", {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${seeded?.key}` },
      });
      expect(res.status).toBe(200);
      const report = AnswerReportSchema.parse(await res.json());
      expect(report.summary.questions).toBe(20);
      expect(report.summary.drafted).toBeGreaterThan(10);
      expect(await seedDemoTenant(deps, library)).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
