import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { answerHistoryOf } from "../../../services/answers/history.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { HistoryEntrySchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/answers/{id}/history",
  operationId: "getAnswerHistory",
  tags: ["answers"],
  summary: "Every change to an answer: who, when, before and after",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293") },
  responses: { 200: json(z.object({ data: z.array(HistoryEntrySchema) }), "Oldest first"), ...problems(404) },
});

export function registerAnswerHistory(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json({ data: await answerHistoryOf(serviceContext(c), c.req.valid("param").id) }, 200),
  );
}
