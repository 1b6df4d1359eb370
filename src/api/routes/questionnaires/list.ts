import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listQuestionnaires } from "../../../services/questionnaires/list.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, PageQuery, pageOf, problems } from "../../route-kit.js";
import { QuestionnaireSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/questionnaires",
  operationId: "listQuestionnaires",
  tags: ["questionnaires"],
  summary: "List questionnaires, newest first (cursor pagination; filter by status or customer)",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: {
    query: z.object({
      ...PageQuery,
      status: QuestionnaireSchema.shape.status.optional(),
      customerId: z.string().optional(),
    }),
  },
  responses: { 200: json(pageOf(QuestionnaireSchema, "QuestionnairePage"), "One page"), ...problems(400) },
});

export function registerListQuestionnaires(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await listQuestionnaires(serviceContext(c), c.req.valid("query")), 200));
}
