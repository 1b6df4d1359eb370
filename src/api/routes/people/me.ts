import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { WhoAmISchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/me",
  operationId: "whoAmI",
  tags: ["people"],
  summary: "Who this request acts as: the signed-in person (and role) or the API key, with its scopes",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  responses: { 200: json(WhoAmISchema, "The caller"), ...problems() },
});

export function registerWhoAmI(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { tenantId, user, keyId, scopes } = c.var.auth;
    const who = user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
    return c.json({ tenantId, user: who, keyId, scopes: [...scopes] }, 200);
  });
}
