import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createUser } from "../../../services/users/create.js";
import { listUsers } from "../../../services/users/list.js";
import { updateUser } from "../../../services/users/update.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, PageQuery, pageOf, problems } from "../../route-kit.js";
import { UserInputSchema, UserPatchSchema, UserSchema } from "../../schemas.js";

const create = createRoute({
  method: "post",
  path: "/v1/users",
  operationId: "createUser",
  tags: ["people"],
  summary: "Add a person who signs in with email and password, with a role",
  security: bearer("admin"),
  middleware: guard("admin", { method: "post" }),
  request: { body: jsonBody(UserInputSchema) },
  responses: { 201: json(UserSchema, "Created"), ...problems(400, 409) },
});

const list = createRoute({
  method: "get",
  path: "/v1/users",
  operationId: "listUsers",
  tags: ["people"],
  summary: "The tenant's people, oldest first (assignees, mentions)",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { query: z.object(PageQuery) },
  responses: { 200: json(pageOf(UserSchema, "UserPage"), "One page"), ...problems(400) },
});

const update = createRoute({
  method: "patch",
  path: "/v1/users/{id}",
  operationId: "updateUser",
  tags: ["people"],
  summary: "Rename, change the role or password, disable or enable a person",
  description: "A new password or disabling ends every session of the person.",
  security: bearer("admin"),
  middleware: guard("admin", { method: "patch" }),
  request: { params: IdParam("User id", "usr_0a1b2c3d4e5f60718293"), body: jsonBody(UserPatchSchema) },
  responses: { 200: json(UserSchema, "The updated user"), ...problems(400, 404) },
});

export function registerUsers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => c.json(await createUser(serviceContext(c), c.req.valid("json")), 201));
  app.openapi(list, async (c) => c.json(await listUsers(serviceContext(c), c.req.valid("query")), 200));
  app.openapi(update, async (c) =>
    c.json(await updateUser(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
