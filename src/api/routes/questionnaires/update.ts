import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { updateQuestionnaire } from "../../../services/questionnaires/update.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { DealSchema, QuestionnaireSchema } from "../../schemas.js";

const route = createRoute({
  method: "patch",
  path: "/v1/questionnaires/{id}",
  operationId: "updateQuestionnaire",
  tags: ["questionnaires"],
  summary: "Update a questionnaire's CRM deal (stage and amount; deal: null removes it)",
  description:
    "The demand insight weighs buyers by the deal their questionnaire gates. The drafted answers keep the region and NDA they were drafted for.",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write", { method: "patch" }),
  request: {
    params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e"),
    body: jsonBody(z.object({ deal: DealSchema.nullable().optional() }).strict().openapi("QuestionnairePatch")),
  },
  responses: { 200: json(QuestionnaireSchema, "The updated questionnaire"), ...problems(400, 404) },
});

export function registerUpdateQuestionnaire(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await updateQuestionnaire(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
