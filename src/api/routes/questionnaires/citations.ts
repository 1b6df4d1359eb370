import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { checkCitations } from "../../../services/answers/current-citations.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { CitationCheckSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/questionnaires/{id}/citations",
  operationId: "checkQuestionnaireCitations",
  tags: ["questionnaires"],
  summary: "What an export today would cite differently, and which answer texts are no longer current",
  description:
    "Citations are decided again for the customer as it is now (NDA, region) and the artifacts as they are today, exactly as the export does. Each change names the artifacts dropped (with the reason) and added; `stale` lists answers whose text rests on an entry due for review or an artifact expired or replaced since.",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e") },
  responses: { 200: json(CitationCheckSchema, "Changes since drafting"), ...problems(404) },
});

export function registerQuestionnaireCitations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await checkCitations(serviceContext(c), c.req.valid("param").id), 200));
}
