import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { approveAnswer } from "../../../services/answers/approve.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { AnswerSchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/answers/{id}/approve",
  operationId: "approveAnswer",
  tags: ["answers"],
  summary: "Approve an answer as it stands",
  description:
    "A Yes/No or choice answer needs a value its question allows (`value_required`). An approved value that disagrees with its library entry opens a library conflict for the entry's owner (`GET /v1/library/conflicts`).",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "post" }),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293") },
  responses: { 200: json(AnswerSchema, "The approved answer"), ...problems(404, 409, 422) },
});

export function registerApproveAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await approveAnswer(serviceContext(c), c.req.valid("param").id), 200));
}
