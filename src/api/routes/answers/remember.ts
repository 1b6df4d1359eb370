import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { rememberAnswer } from "../../../services/answers/remember.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";

const Body = z
  .discriminatedUnion("as", [
    z.object({
      as: z.literal("phrasing"),
      entryId: z.string().max(100).optional().openapi({ description: "Default: the answer's matched entry" }),
    }),
    z.object({
      as: z.literal("entry"),
      entryId: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, "entry ids are lower-case slugs")
        .max(100)
        .openapi({ description: "Id of the new entry" }),
      topic: z.string().min(1).max(100).optional(),
    }),
  ])
  .openapi("RememberAnswer");

const route = createRoute({
  method: "post",
  path: "/v1/answers/{id}/remember",
  tags: ["answers"],
  summary: "Approve-and-remember: save an approved answer to the library as a new phrasing or a new entry",
  security: bearer("library:write"),
  middleware: guard("library:write", { method: "post" }),
  request: { params: IdParam("Answer id", "q_0a1b2c3d4e5f60718293"), body: jsonBody(Body) },
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
