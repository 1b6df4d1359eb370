import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { rememberAnswer } from "../../../services/answers/remember.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { RememberAnswerSchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/answers/{id}/remember",
  operationId: "rememberAnswer",
  tags: ["answers"],
  summary: "Approve-and-remember: save an approved answer to the library as a new phrasing or a new entry",
  security: bearer("library:write"),
  middleware: guard("library:write", { method: "post" }),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293"), body: jsonBody(RememberAnswerSchema) },
  responses: {
    200: json(
      z.object({ entry: z.record(z.string(), z.unknown()), created: z.boolean() }).openapi("RememberResult"),
      "The library entry as saved",
    ),
    ...problems(400, 404, 409, 422),
  },
});

export function registerRememberAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await rememberAnswer(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
