import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { addComment } from "../../../services/comments/add.js";
import { listComments } from "../../../services/comments/list.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { CommentInputSchema, CommentSchema } from "../../schemas.js";

const params = IdParam("Answer id", "q_0a1b2c3d4e5f60718293");

const add = createRoute({
  method: "post",
  path: "/v1/answers/{id}/comments",
  operationId: "addComment",
  tags: ["answers"],
  summary: "Comment on an answer; @email or @name mentions a person (announced as answer.commented)",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "post" }),
  request: { params, body: jsonBody(CommentInputSchema) },
  responses: { 201: json(CommentSchema, "Added"), ...problems(400, 404) },
});

const list = createRoute({
  method: "get",
  path: "/v1/answers/{id}/comments",
  operationId: "listComments",
  tags: ["answers"],
  summary: "An answer's comments, oldest first",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { params },
  responses: { 200: json(z.object({ data: z.array(CommentSchema) }), "The comments"), ...problems(404) },
});

export function registerComments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(add, async (c) =>
    c.json(await addComment(serviceContext(c), c.req.valid("param").id, c.req.valid("json").body), 201),
  );
  app.openapi(list, async (c) => c.json({ data: await listComments(serviceContext(c), c.req.valid("param").id) }, 200));
}
