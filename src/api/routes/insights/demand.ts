import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RegionSchema } from "../../../domain/answering/customer.js";
import { IsoDateSchema } from "../../../domain/dates.js";
import { demandInsight } from "../../../services/insights/demand.js";
import type { AppEnv } from "../../env.js";
import { DemandReportSchema } from "../../insight-schemas.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";

const route = createRoute({
  method: "get",
  path: "/v1/insights/demand",
  operationId: "getDemandInsights",
  tags: ["insights"],
  summary: "What buyers ask for: frameworks by month and region, withheld evidence, control gaps, volume, review time",
  description:
    "From the facts recorded when each questionnaire was answered (uploaded from `from` to `to`, inclusive; default the last 12 months): questionnaires per framework named or implied, by month and by region; SOC 2 Type I/II and ISO 27001 editions asked for; citations withheld by reason with what answered instead; the controls buyers ask about most that the library answers only partially or not at all; questionnaire volume and median review time; the share of pipeline value from buyers asking for a framework the vendor could not evidence.",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: {
    query: z.object({
      from: IsoDateSchema.optional().openapi({ description: "First day (YYYY-MM-DD)" }),
      to: IsoDateSchema.optional().openapi({ description: "Last day (YYYY-MM-DD), default today" }),
      region: RegionSchema.optional().openapi({ description: "Only buyers in this region" }),
    }),
  },
  responses: { 200: json(DemandReportSchema, "The demand figures"), ...problems(400) },
});

export function registerDemandInsight(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const report = await demandInsight(serviceContext(c), c.req.valid("query"));
    // The domain's figures are read-only; the response schema describes the same shape.
    return c.json(report as unknown as z.infer<typeof DemandReportSchema>, 200);
  });
}
