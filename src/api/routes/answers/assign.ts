import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { assignAnswers } from "../../../services/answers/assign.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { AssignInputSchema, AssignResultSchema } from "../../people-schemas.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";

const route = createRoute({
  method: "post",
  path: "/v1/questionnaires/{id}/answers/assign",
  operationId: "assignAnswers",
  tags: ["answers"],
  summary: "Assign a sheet, a section or every answer resting on one owner's library entries to a person",
  description:
    "Each answer assigned gets a history row and an answer.assigned event (with `bulk: true`); approved answers " +
    "and those already assigned so are left. The person finds them with `assignee=me`.",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "post" }),
  request: { params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e"), body: jsonBody(AssignInputSchema) },
  responses: { 200: json(AssignResultSchema, "The answers now assigned"), ...problems(400, 404, 422) },
});

export function registerAssignAnswers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await assignAnswers(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
