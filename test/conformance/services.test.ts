import { readFileSync } from "node:fs";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { memoryBlobStore } from "../../src/blobs/fs.js";
import { atomic } from "../../src/db/atomic.js";
import {
  answers,
  freshnessFindings,
  questionnaires,
  tenants,
  webhookDeliveries,
  webhookSubscriptions,
} from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/types.js";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";
import type { Library } from "../../src/domain/library/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import type { ServiceContext } from "../../src/services/context.js";
import { sweepFreshness } from "../../src/services/freshness/sweep.js";
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

/**
 * The freshness sweep on both drivers, over the date boundaries that matter: an entry 31 and 30 days
 * before its review date, a policy on the last day of its grace and the day after, the SOC 2 report
 * 61 and 60 days before it stops being current, and the day after. Each step is announced once, with
 * a webhook delivery recorded for each new finding.
 */
describe.each(DRIVERS)("freshness sweep on $name", (driver) => {
  let db: Db;
  let close: () => Promise<void>;
  const ctx = (tenantId: string): ServiceContext => ({ tenantId, actor: "test", db, blobs: memoryBlobStore(), clock });
  let questionnaireId = "";

  beforeAll(async () => {
    ({ db, close } = await driver.open());
    for (const id of ["tn_s", "tn_other"])
      await db.insert(tenants).values({ id, name: id, createdAt: clock.now().toISOString() });
    await replaceLibrary(ctx("tn_s"), library);
    await replaceLibrary(ctx("tn_other"), library);
    await db.insert(webhookSubscriptions).values({
      id: "wh_s",
      tenantId: "tn_s",
      url: "https://hooks.example/quire",
      events: ["artifact.expiring", "entry.review_due", "answer.stale"],
      secret: "whsec_dGVzdA==",
      description: null,
      createdAt: clock.now().toISOString(),
    });
    ({ questionnaireId } = await answerFile(ctx("tn_s"), {
      bytes: new Uint8Array(readFileSync("fixtures/caiq-like.xlsx")),
      fileName: "caiq-like.xlsx",
      customer: { region: "us", ndaOnFile: true, asOf: "2026-11-24" },
    }));
  }, 60_000);
  afterAll(async () => close());

  const open = async (tenantId = "tn_s") =>
    db
      .select()
      .from(freshnessFindings)
      .where(and(eq(freshnessFindings.tenantId, tenantId), isNull(freshnessFindings.resolvedAt)));
  const find = async (subject: string, state?: string) =>
    (await open()).filter((f) => f.subject === subject && (!state || f.state === state));
  const deliveries = async (type: string) =>
    (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, "tn_s"))).filter(
      (d) => d.eventType === type,
    );

  it("lists an entry 30 days before its review date, not 31", async () => {
    await sweepFreshness(ctx("tn_s"), "2027-02-11");
    expect(await find("iso27001-certified")).toEqual([]);
    await sweepFreshness(ctx("tn_s"), "2027-02-12");
    const [due] = await find("iso27001-certified");
    expect(due).toMatchObject({
      kind: "entry.review_due",
      state: "review_due",
      owner: "Security GRC",
      dueOn: "2027-03-14",
    });
    const sent = await deliveries("entry.review_due");
    expect(sent.map((d) => JSON.parse(d.payload).data.subject)).toContain("iso27001-certified");
    expect(sent.every((d) => d.status === "pending")).toBe(true);
  }, 60_000);

  it("names a policy lapsed the day after its grace ends, not on the last day", async () => {
    await sweepFreshness(ctx("tn_s"), "2027-03-03");
    expect((await find("policy-information-security")).map((f) => f.state)).toEqual(["review_due"]);
    await sweepFreshness(ctx("tn_s"), "2027-03-04");
    expect((await find("policy-information-security")).map((f) => f.state)).toEqual(["review_lapsed"]);
    // The questionnaire's answers resting on it are stale now, and say so.
    const stale = (await open()).filter((f) => f.kind === "answer.stale" && f.subject === questionnaireId);
    expect(stale.some((f) => f.state === "stale")).toBe(true);
  }, 60_000);

  it("announces the SOC 2 report 60 days before it stops being current, once, then 30, then expired", async () => {
    await sweepFreshness(ctx("tn_s"), "2027-07-31");
    expect(await find("soc2-type2-2026")).toEqual([]);
    const first = await sweepFreshness(ctx("tn_s"), "2027-08-01");
    expect(first.opened).toBeGreaterThan(0);
    const [sixty] = await find("soc2-type2-2026", "expiring");
    expect(sixty).toMatchObject({ kind: "artifact.expiring", dueOn: "2027-09-30", owner: "Security GRC" });
    expect(sixty?.details).toMatchObject({ step: "60", daysLeft: 60 });
    const atRisk = (await open()).filter(
      (f) => f.kind === "answer.stale" && f.subject === questionnaireId && f.state === "at_risk",
    );
    expect(atRisk.map((f) => f.details?.cause)).toContain("soc2-type2-2026");

    const again = await sweepFreshness(ctx("tn_s"), "2027-08-01");
    expect(again.opened).toBe(0);
    expect(
      (await deliveries("artifact.expiring")).filter((d) => JSON.parse(d.payload).data.subject === "soc2-type2-2026"),
    ).toHaveLength(1);

    await sweepFreshness(ctx("tn_s"), "2027-08-31");
    expect((await find("soc2-type2-2026", "expiring")).map((f) => f.details?.step)).toEqual(["30"]);
    await sweepFreshness(ctx("tn_s"), "2027-09-30");
    expect((await find("soc2-type2-2026", "expiring")).map((f) => f.details?.step)).toEqual(["7"]);
    await sweepFreshness(ctx("tn_s"), "2027-10-01");
    expect((await find("soc2-type2-2026")).map((f) => f.state)).toEqual(["expired"]);
    const stale = (await open()).filter((f) => f.kind === "answer.stale" && f.details?.cause === "soc2-type2-2026");
    expect(stale.map((f) => f.state)).toContain("stale");
    expect((await deliveries("answer.stale")).length).toBeGreaterThan(0);
  }, 120_000);

  it("keeps each tenant's findings to itself", async () => {
    expect(await open("tn_other")).toEqual([]);
    await sweepFreshness(ctx("tn_other"), "2027-08-01");
    const other = await open("tn_other");
    expect(other.length).toBeGreaterThan(0);
    // tn_other answered nothing: its findings are about its library only.
    expect(other.filter((f) => f.kind === "answer.stale")).toEqual([]);
  }, 60_000);
});
