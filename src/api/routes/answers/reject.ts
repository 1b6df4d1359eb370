import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { rejectAnswer } from "../../../services/answers/reject.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { AnswerRejectSchema, AnswerSchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/answers/{id}/reject",
  operationId: "rejectAnswer",
  tags: ["answers"],
  summary: "Reject an answer with a reason (it will not be exported)",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "post" }),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293"), body: jsonBody(AnswerRejectSchema) },
  responses: { 200: json(AnswerSchema, "The rejected answer"), ...problems(400, 404) },
});

export function registerRejectAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await rejectAnswer(serviceContext(c), c.req.valid("param").id, c.req.valid("json").reason), 200),
  );
}
