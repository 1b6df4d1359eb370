import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { editAnswer } from "../../../services/answers/edit.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { AnswerEditSchema, AnswerSchema } from "../../schemas.js";

const route = createRoute({
  method: "patch",
  path: "/v1/answers/{id}",
  operationId: "editAnswer",
  tags: ["answers"],
  summary: "Edit an answer (value, text, chosen entry, citations); it returns to needs_review",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "patch" }),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293"), body: jsonBody(AnswerEditSchema) },
  responses: { 200: json(AnswerSchema, "The edited answer"), ...problems(400, 404, 422) },
});

export function registerEditAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await editAnswer(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
