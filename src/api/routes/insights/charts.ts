import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RegionSchema } from "../../../domain/answering/customer.js";
import { IsoDateSchema } from "../../../domain/dates.js";
import { demandChartsFor } from "../../../services/insights/charts.js";
import type { AppEnv } from "../../env.js";
import { DemandReportSchema } from "../../insight-schemas.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";

const DemandChartsSchema = z
  .object({
    report: DemandReportSchema,
    charts: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        svg: z.string().openapi({ description: "A self-contained SVG document: no script, no style attribute" }),
      }),
    ),
  })
  .openapi("DemandCharts");

const route = createRoute({
  method: "get",
  path: "/v1/insights/demand/charts",
  operationId: "getDemandCharts",
  tags: ["insights"],
  summary:
    "The demand figures (as GET /v1/insights/demand) with server-rendered SVG charts: volume, frameworks by month and region, withheld, control gaps",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: {
    query: z.object({
      from: IsoDateSchema.optional(),
      to: IsoDateSchema.optional(),
      region: RegionSchema.optional(),
    }),
  },
  responses: { 200: json(DemandChartsSchema, "One SVG per chart"), ...problems(400) },
});

export function registerDemandCharts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const body = await demandChartsFor(serviceContext(c), c.req.valid("query"));
    // The domain's figures are read-only; the response schema describes the same shape.
    return c.json(body as unknown as z.infer<typeof DemandChartsSchema>, 200);
  });
}
