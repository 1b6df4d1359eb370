import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { deleteQuestionnaire } from "../../../services/questionnaires/delete.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, problems } from "../../route-kit.js";

const route = createRoute({
  method: "delete",
  path: "/v1/questionnaires/{id}",
  operationId: "deleteQuestionnaire",
  tags: ["questionnaires"],
  summary: "Delete a questionnaire, its answers, their history and the uploaded file",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write"),
  request: { params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e") },
  responses: { 204: { description: "Deleted" }, ...problems(404) },
});

export function registerDeleteQuestionnaire(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await deleteQuestionnaire(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
