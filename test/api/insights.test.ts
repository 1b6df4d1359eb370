// The app extends zod on import; the services below build schemas it must have extended first.
import "@hono/zod-openapi";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionnaireInsights, questionnaires } from "../../src/db/schema/index.js";
import type { ServiceContext } from "../../src/services/context.js";
import { recordedQuestionInsights } from "../../src/services/insights/record.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/**
 * The demand insight over a seeded set of 50 questionnaires from 10 buyers in four regions, uploaded
 * over HTTP across five months and drafted by the real pipeline. Every expected figure below is
 * counted by hand from the table of what each shipped questionnaire asks (read from its questions,
 * see test/insight/frameworks.test.ts) and the seed plan — not from the code under test.
 */

type Region = "us" | "eu" | "uk" | "apac";
const FILES = [
  "vsa-like.xlsx",
  "rfp-homemade.xlsx",
  "semicolon-eu.csv",
  "sig-lite-like.xlsx",
  "hecvat-like.xlsx",
  "caiq-like.xlsx",
] as const;
type File = (typeof FILES)[number];

/** Hand-read: questions naming or implying each framework, per file. */
const ASKS: Record<File, Record<string, number>> = {
  "vsa-like.xlsx": { iso27001: 2, "nist-csf": 1, soc2: 1 },
  "rfp-homemade.xlsx": { soc2: 1, iso27001: 1, gdpr: 1 },
  "semicolon-eu.csv": { iso27001: 1, gdpr: 4 },
  "sig-lite-like.xlsx": { gdpr: 2 },
  "hecvat-like.xlsx": {},
  "caiq-like.xlsx": { caiq: 36 },
};
const QUESTIONS: Record<File, number> = {
  "vsa-like.xlsx": 27,
  "rfp-homemade.xlsx": 20,
  "semicolon-eu.csv": 19,
  "sig-lite-like.xlsx": 39,
  "hecvat-like.xlsx": 27,
  "caiq-like.xlsx": 36,
};
/** Files whose SOC 2 question is answered with the ISO certificate when the buyer has no NDA (report withheld). */
const SOC2_QUESTION: ReadonlySet<File> = new Set(["vsa-like.xlsx", "rfp-homemade.xlsx"]);

const BUYERS: { name: string; region: Region; nda: boolean; amount: number }[] = [
  { name: "Acme Corp", region: "us", nda: true, amount: 10_000 },
  { name: "Initech", region: "us", nda: false, amount: 20_000 },
  { name: "Umbrella Inc", region: "us", nda: false, amount: 30_000 },
  { name: "Globex GmbH", region: "eu", nda: true, amount: 40_000 },
  { name: "Société Générique", region: "eu", nda: false, amount: 50_000 },
  { name: "Hooli BV", region: "eu", nda: false, amount: 60_000 },
  { name: "Vandelay AB", region: "eu", nda: false, amount: 70_000 },
  { name: "Wonka Ltd", region: "uk", nda: false, amount: 80_000 },
  { name: "Tyrell KK", region: "apac", nda: true, amount: 90_000 },
  { name: "Soylent Pte", region: "apac", nda: false, amount: 100_000 },
];
const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];
/** Buyer b's k-th upload (month k) is FILES[(b + k) % 6]. */
const fileOf = (b: number, k: number): File => FILES[(b + k) % FILES.length] as File;
const SEED = BUYERS.flatMap((buyer, b) => MONTHS.map((month, k) => ({ buyer, b, month, file: fileOf(b, k) })));

let now = new Date("2026-01-10T09:00:00Z");
const clock = { now: () => now };

describe("demand insight over 50 questionnaires", () => {
  let h: Harness;
  let a: Tenant;
  const ids: { id: string; b: number; month: string; file: File }[] = [];

  beforeAll(async () => {
    h = await harness({ deps: { clock } });
    a = await h.tenant("Vendor");
    const customerIds: string[] = [];
    for (const buyer of BUYERS) {
      const res = await h.call("POST", "/v1/customers", {
        key: a.adminKey,
        json: {
          name: buyer.name,
          region: buyer.region,
          nda: { onFile: buyer.nda },
          deal: { stage: "proposal", amount: buyer.amount },
        },
      });
      expect(res.status).toBe(201);
      customerIds.push(res.body.id);
    }
    for (const s of SEED) {
      now = new Date(`${s.month}-10T09:00:00Z`);
      const res = await h.call("POST", "/v1/questionnaires", {
        key: a.adminKey,
        form: fileForm(readFileSync(`fixtures/${s.file}`), s.file, {
          customerId: customerIds[s.b] as string,
          asOf: "2026-11-24",
        }),
      });
      expect(res.status).toBe(202);
      ids.push({ id: res.body.id, b: s.b, month: s.month, file: s.file });
      await h.jobs.drain();
    }
  }, 300_000);
  afterAll(() => h.close());

  const demand = async (query: string) => {
    const res = await h.call("GET", `/v1/insights/demand?${query}`, { key: a.adminKey });
    expect(res.status).toBe(200);
    return res.body;
  };

  it("records per question the frameworks, controls, citations and withheld reasons, and one row per questionnaire", async () => {
    const vsa = ids.find((q) => q.file === "vsa-like.xlsx" && !BUYERS[q.b]?.nda) as (typeof ids)[number];
    const rows = await recordedQuestionInsights({ db: h.db, tenantId: a.id } as ServiceContext, vsa.id);
    expect(rows).toHaveLength(27);
    const soc2 = rows.map((r) => r.insight).find((i) => i?.frameworks.some((f) => f.framework === "soc2"));
    expect(soc2?.frameworks[0]).toMatchObject({ framework: "soc2", how: "named", source: "text", soc2Type: "type2" });
    expect(soc2?.controls.length).toBeGreaterThan(0);
    expect(soc2?.withheld.find((w) => w.type === "soc2-type2")).toMatchObject({
      reason: "no_nda",
      text: expect.stringMatching(/no NDA on file/),
    });
    expect(soc2?.cited.map((c) => c.type)).toContain("iso27001-certificate");
    const stored = await h.db.select().from(questionnaireInsights).where(eq(questionnaireInsights.tenantId, a.id));
    expect(stored).toHaveLength(50);
    const row = await h.db.select().from(questionnaires).where(eq(questionnaires.id, vsa.id));
    expect(row[0]).toMatchObject({ dealStage: "proposal", dealAmount: BUYERS[vsa.b]?.amount });
    expect(row[0]?.draftedAt).toMatch(/^2026-0[1-5]-10T09:00:00/);
  });

  it("counts questionnaires per framework by region and by month as counted by hand", async () => {
    const body = await demand("from=2026-01-01&to=2026-05-31");
    expect(body.volume.questionnaires).toBe(50);
    expect(body.volume.buyers).toBe(10);
    expect(body.volume.questions).toBe(SEED.reduce((n, s) => n + QUESTIONS[s.file], 0));
    expect(body.volume.byMonth).toEqual(MONTHS.map((month) => ({ month, questionnaires: 10 })));
    expect(body.volume.byRegion).toEqual({ us: 15, eu: 20, uk: 5, apac: 10, other: 0 });

    const byFramework = new Map(body.frameworks.map((f: { framework: string }) => [f.framework, f]));
    for (const framework of ["soc2", "iso27001", "gdpr", "caiq", "nist-csf"]) {
      const seeded = SEED.filter((s) => (ASKS[s.file][framework] ?? 0) > 0);
      const f = byFramework.get(framework) as Record<string, unknown>;
      expect(f.questionnaires, framework).toBe(seeded.length);
      expect(f.questions, framework).toBe(seeded.reduce((n, s) => n + (ASKS[s.file][framework] ?? 0), 0));
      expect(f.buyers, framework).toBe(new Set(seeded.map((s) => s.b)).size);
      for (const region of ["us", "eu", "uk", "apac"] as const) {
        expect((f.byRegion as Record<string, number>)[region], `${framework} ${region}`).toBe(
          seeded.filter((s) => s.buyer.region === region).length,
        );
      }
      expect(f.byMonth, framework).toEqual(
        MONTHS.map((month) => ({ month, questionnaires: seeded.filter((s) => s.month === month).length })),
      );
    }
    expect(byFramework.has("hipaa")).toBe(false);
    // Every SOC 2 question of the seed asks for a Type II.
    expect(body.soc2Types).toEqual({
      type1: 0,
      type2: SEED.filter((s) => SOC2_QUESTION.has(s.file)).length,
      both: 0,
    });
  });

  it("says how often the SOC 2 report was withheld for want of an NDA, per region, and what answered instead", async () => {
    const body = await demand("from=2026-01-01&to=2026-05-31");
    for (const region of ["us", "eu", "uk", "apac"] as const) {
      const asked = SEED.filter((s) => s.buyer.region === region && !s.buyer.nda && SOC2_QUESTION.has(s.file));
      const buyers = new Set(asked.map((s) => s.b)).size;
      const group = body.withheld.find(
        (g: Record<string, unknown>) =>
          g.framework === "soc2" && g.region === region && g.reason === "no_nda" && g.artifactType === "soc2-type2",
      );
      if (buyers === 0) {
        expect(group, region).toBeUndefined();
        continue;
      }
      expect(group, region).toMatchObject({ buyers, substituted: buyers, substitute: "iso27001-certificate" });
      const label = { us: "US", eu: "EU", uk: "UK", apac: "APAC" }[region];
      expect(group.sentence).toBe(
        `SOC 2 asked by ${buyers} ${label} buyer${buyers === 1 ? "" : "s"}: a SOC 2 Type II report withheld (no NDA on file); an ISO 27001 certificate answered ${buyers} of them`,
      );
    }
    // Buyers with an NDA on file never had the report withheld.
    const ndaBuyers = new Set(BUYERS.flatMap((b, i) => (b.nda ? [i] : [])));
    expect(ndaBuyers.size).toBe(3);
    const soc2Groups = body.withheld.filter(
      (g: Record<string, unknown>) =>
        g.reason === "no_nda" && g.framework === "soc2" && g.artifactType === "soc2-type2",
    );
    expect(soc2Groups.length).toBe(
      new Set(SEED.filter((s) => !s.buyer.nda && SOC2_QUESTION.has(s.file)).map((s) => s.buyer.region)).size,
    );
  });

  it("weighs the pipeline: SOC 2 asked and not evidenced is the value of the buyers without NDA who asked", async () => {
    const body = await demand("from=2026-01-01&to=2026-05-31");
    const total = SEED.reduce((n, s) => n + s.buyer.amount, 0);
    expect(body.pipeline.total).toBe(total);
    const soc2 = body.pipeline.byFramework.find((p: { framework: string }) => p.framework === "soc2");
    const asked = SEED.filter((s) => SOC2_QUESTION.has(s.file));
    const unevidenced = asked.filter((s) => !s.buyer.nda);
    expect(soc2.asked).toBe(asked.reduce((n, s) => n + s.buyer.amount, 0));
    expect(soc2.unevidenced).toBe(unevidenced.reduce((n, s) => n + s.buyer.amount, 0));
    expect(soc2.unevidencedBuyers).toBe(new Set(unevidenced.map((s) => s.b)).size);
    expect(soc2.share).toBeCloseTo(soc2.unevidenced / total, 10);
  });

  it("filters by period and region", async () => {
    const eu = await demand("from=2026-02-01&to=2026-03-31&region=eu");
    const seeded = SEED.filter((s) => s.buyer.region === "eu" && (s.month === "2026-02" || s.month === "2026-03"));
    expect(eu.volume.questionnaires).toBe(seeded.length);
    expect(eu.months).toEqual(["2026-02", "2026-03"]);
    const gdpr = eu.frameworks.find((f: { framework: string }) => f.framework === "gdpr");
    expect(gdpr.questionnaires).toBe(seeded.filter((s) => (ASKS[s.file].gdpr ?? 0) > 0).length);
    const none = await demand("from=2025-01-01&to=2025-12-31");
    expect(none.volume.questionnaires).toBe(0);
    expect(none.volume.medianReviewHours).toBeNull();
  });

  it("lists the controls asked about most that the library answers only partly or not at all", async () => {
    const body = await demand("from=2026-01-01&to=2026-05-31");
    expect(body.controlGaps.length).toBeGreaterThan(0);
    expect(body.controlGaps.length).toBeLessThanOrEqual(10);
    for (const g of body.controlGaps) {
      expect(g.control).toMatch(/^CTL-/);
      expect(g.partial + g.unanswered > 0 || g.status !== "implemented").toBe(true);
      expect(g.answered + g.partial + g.unanswered).toBe(g.asked);
    }
    const asked = body.controlGaps.map((g: { asked: number }) => g.asked);
    expect(asked).toEqual([...asked].sort((x: number, y: number) => y - x));
  });

  it("takes the deal from the upload or a later update, and measures review time from drafts to approval", async () => {
    const target = ids.find((q) => q.file === "hecvat-like.xlsx") as (typeof ids)[number];
    const patched = await h.call("PATCH", `/v1/questionnaires/${target.id}`, {
      key: a.adminKey,
      json: { deal: { stage: "closed-won", amount: 1_000_000 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.deal).toEqual({ stage: "closed-won", amount: 1_000_000 });
    const before = await demand("from=2026-01-01&to=2026-05-31");
    expect(before.pipeline.total).toBe(
      SEED.reduce((n, s) => n + s.buyer.amount, 0) - (BUYERS[target.b]?.amount ?? 0) + 1_000_000,
    );

    // A reviewer decides every answer of two questionnaires, finishing 6 and 30 hours after the drafts were ready.
    const approveAfter = async (q: (typeof ids)[number], hours: number) => {
      now = new Date(Date.parse(`${q.month}-10T09:00:00Z`) + hours * 3_600_000);
      const list = await h.call("GET", `/v1/questionnaires/${q.id}/answers?limit=500`, { key: a.adminKey });
      let status = "";
      for (const answer of list.body.data) {
        if (!["drafted", "needs_review"].includes(answer.status)) continue;
        const full = (await h.call("GET", `/v1/answers/${answer.id}`, { key: a.adminKey })).body;
        const value =
          full.kind === "yes_no" ? "Yes" : full.kind === "choice" ? (full.allowedValues?.[0] ?? null) : null;
        const edited = await h.call("PATCH", `/v1/answers/${answer.id}`, {
          key: a.adminKey,
          json: { value, text: full.text ?? "Reviewed and answered by hand." },
        });
        expect(edited.status, JSON.stringify(edited.body)).toBe(200);
        const approved = await h.call("POST", `/v1/answers/${answer.id}/approve`, { key: a.adminKey });
        expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      }
      status = (await h.call("GET", `/v1/questionnaires/${q.id}`, { key: a.adminKey })).body.status;
      return status;
    };
    const candidates = ids.filter((q) => q.file === "hecvat-like.xlsx").slice(0, 2);
    const statuses = [await approveAfter(candidates[0] as never, 6), await approveAfter(candidates[1] as never, 30)];
    const after = await demand("from=2026-01-01&to=2026-05-31");
    expect(statuses).toEqual(["approved", "approved"]);
    expect(after.volume.reviewed).toBe(2);
    expect(after.volume.medianReviewHours).toBe(18);
  });

  it("recommends with its reasoning shown: the figures, the rules, how sure", async () => {
    const body = await demand("from=2026-01-01&to=2026-05-31");
    const ids = body.recommendations.map((r: { id: string }) => r.id);
    expect(ids).toEqual([
      "certification-priority",
      "pipeline-at-risk",
      "soc2-type",
      "nda-friction",
      "control-to-strengthen",
    ]);
    for (const rec of body.recommendations) {
      expect(rec.reasoning.length, rec.id).toBeGreaterThan(0);
      expect(["strong", "moderate", "weak"]).toContain(rec.confidence);
    }
    const priority = body.recommendations[0];
    // 35 of 50 questionnaires come from EU/UK/APAC buyers; the vendor holds both attestations.
    expect(priority.reasoning[0]).toBe(
      "50 questionnaires from 10 buyers: 35 (70%) from EU/UK/APAC buyers, 15 (30%) from US buyers.",
    );
    expect(priority.confidence).toBe("strong");
  });

  it("refuses a period that ends before it starts", async () => {
    const res = await h.call("GET", "/v1/insights/demand?from=2026-05-01&to=2026-01-01", { key: a.adminKey });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_period");
  });
});
