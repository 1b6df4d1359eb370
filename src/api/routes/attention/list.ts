import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listAttention } from "../../../services/freshness/attention.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { AttentionListSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/attention",
  operationId: "listAttention",
  tags: ["freshness"],
  summary:
    "What needs an owner's attention: entries due for review, artifacts expiring, stale answers, library conflicts",
  description:
    "Open findings of the daily freshness sweep (entries due within 30 days, artifacts expiring within 60/30/7 days or lapsed, answers of open questionnaires and approved answers resting on them) and open library conflicts, grouped by owner.",
  security: bearer("library:read"),
  middleware: guard("library:read"),
  request: {
    query: z.object({
      owner: z.string().min(1).max(200).optional().openapi({ description: "Only this owner's items" }),
    }),
  },
  responses: { 200: json(AttentionListSchema, "Open items per owner"), ...problems(400) },
});

export function registerListAttention(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await listAttention(serviceContext(c), c.req.valid("query")), 200));
}
