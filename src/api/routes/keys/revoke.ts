import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { revokeKey } from "../../../services/keys/revoke.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, problems } from "../../route-kit.js";

const route = createRoute({
  method: "delete",
  path: "/v1/keys/{id}",
  operationId: "revokeApiKey",
  tags: ["keys"],
  summary: "Revoke an API key (immediately)",
  security: bearer("admin"),
  middleware: guard("admin"),
  request: { params: IdParam("API key id", "key_0a1b2c3d4e5f60718293") },
  responses: { 204: { description: "Revoked" }, ...problems(404) },
});

export function registerRevokeKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await revokeKey(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
