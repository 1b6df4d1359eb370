import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getAnswer } from "../../../services/answers/get.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { AnswerDetailSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/answers/{id}",
  operationId: "getAnswer",
  tags: ["answers"],
  summary: "Get an answer with its matched library entry, alternatives, citations and withheld artifacts",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293") },
  responses: { 200: json(AnswerDetailSchema, "The answer"), ...problems(404) },
});

export function registerGetAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await getAnswer(serviceContext(c), c.req.valid("param").id), 200));
}
