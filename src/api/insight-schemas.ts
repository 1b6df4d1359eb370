import { z } from "@hono/zod-openapi";

/** Response shapes of the crosswalk and insight routes (kept apart from schemas.ts: one topic per file). */

const FrameworkRefs = z.object({
  "ISO27001:2022": z.array(z.string()),
  SOC2: z.array(z.string()),
  NIS2: z.array(z.string()),
  GDPR: z.array(z.string()),
});

export const CrosswalkSchema = z
  .object({
    controls: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(["implemented", "partial", "planned"]),
        productFeature: z.boolean(),
        refs: FrameworkRefs,
        entries: z.array(z.string()),
        artifacts: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), why: z.string() })),
      }),
    ),
    frameworks: z.array(
      z.object({
        framework: z.enum(["ISO27001:2022", "SOC2", "NIS2", "GDPR"]),
        label: z.string(),
        requirements: z.array(
          z.object({
            framework: z.string(),
            ref: z.string(),
            title: z.string(),
            group: z.string(),
            coverage: z.enum(["covered", "partial", "gap", "not_in_scope"]),
            controls: z.array(z.object({ id: z.string(), status: z.string() })),
            entries: z.array(z.string()),
            artifacts: z.array(z.string()),
            note: z.string().optional(),
          }),
        ),
        totals: z.object({ covered: z.number(), partial: z.number(), gap: z.number(), not_in_scope: z.number() }),
      }),
    ),
  })
  .openapi("Crosswalk");

const RegionCounts = z.record(z.string(), z.number());
const Monthly = z.array(z.object({ month: z.string(), questionnaires: z.number() }));

export const RecommendationSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    verdict: z.string(),
    confidence: z.enum(["strong", "moderate", "weak"]),
    reasoning: z.array(z.string()),
    rules: z.array(z.string()),
  })
  .openapi("Recommendation");

export const DemandReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    region: z.string().nullable(),
    months: z.array(z.string()),
    volume: z.object({
      questionnaires: z.number(),
      questions: z.number(),
      buyers: z.number(),
      byMonth: Monthly,
      byRegion: RegionCounts,
      medianReviewHours: z.number().nullable(),
      reviewed: z.number(),
    }),
    frameworks: z.array(
      z.object({
        framework: z.string(),
        label: z.string(),
        questionnaires: z.number(),
        buyers: z.number(),
        questions: z.number(),
        byRegion: RegionCounts,
        byMonth: Monthly,
      }),
    ),
    soc2Types: z.object({ type1: z.number(), type2: z.number(), both: z.number() }),
    isoEditions: z.object({ "2013": z.number(), "2022": z.number() }),
    withheld: z.array(
      z.object({
        framework: z.string().nullable(),
        region: z.string(),
        reason: z.string(),
        artifactType: z.string(),
        buyers: z.number(),
        substituted: z.number(),
        substitute: z.string().nullable(),
        sentence: z.string(),
      }),
    ),
    controlGaps: z.array(
      z.object({
        control: z.string(),
        title: z.string(),
        status: z.string(),
        asked: z.number(),
        answered: z.number(),
        partial: z.number(),
        unanswered: z.number(),
      }),
    ),
    recommendations: z.array(RecommendationSchema),
    pipeline: z.object({
      total: z.number(),
      withDeal: z.number(),
      byFramework: z.array(
        z.object({
          framework: z.string(),
          label: z.string(),
          asked: z.number(),
          unevidenced: z.number(),
          unevidencedBuyers: z.number(),
          share: z.number(),
        }),
      ),
    }),
  })
  .openapi("DemandReport");
