import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RegionSchema } from "../../../domain/answering/customer.js";
import { IsoDateSchema } from "../../../domain/dates.js";
import { demandChartsFor } from "../../../services/insights/charts.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";

const DemandChartsSchema = z
  .object({
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
  tags: ["insights"],
  summary:
    "The demand figures as server-rendered SVG charts (volume, frameworks by month and region, withheld, control gaps)",
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
  app.openapi(route, async (c) => c.json(await demandChartsFor(serviceContext(c), c.req.valid("query")), 200));
}
