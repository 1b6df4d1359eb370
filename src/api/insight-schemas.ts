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
