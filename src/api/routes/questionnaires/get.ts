import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getQuestionnaire } from "../../../services/questionnaires/get.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { QuestionnaireSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/questionnaires/{id}",
  operationId: "getQuestionnaire",
  tags: ["questionnaires"],
  summary: "Get a questionnaire with its processing status, failure reason and summary",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e") },
  responses: { 200: json(QuestionnaireSchema, "The questionnaire"), ...problems(404) },
});

export function registerGetQuestionnaire(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await getQuestionnaire(serviceContext(c), c.req.valid("param").id), 200));
}
