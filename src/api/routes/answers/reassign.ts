import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { reassignAnswer } from "../../../services/answers/reassign.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { AnswerReassignSchema, AnswerSchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/answers/{id}/reassign",
  operationId: "reassignAnswer",
  tags: ["answers"],
  summary: "Assign the answer to another reviewer (null unassigns)",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "post" }),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293"), body: jsonBody(AnswerReassignSchema) },
  responses: { 200: json(AnswerSchema, "The reassigned answer"), ...problems(400, 404) },
});

export function registerReassignAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await reassignAnswer(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
