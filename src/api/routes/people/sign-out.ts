import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { endSession } from "../../../services/sessions/sign-out.js";
import type { AppEnv } from "../../env.js";
import { SESSION_COOKIE, serviceContext } from "../../middleware/auth.js";
import { bearer, guard, problems } from "../../route-kit.js";

const route = createRoute({
  method: "delete",
  path: "/v1/sessions/current",
  operationId: "signOut",
  tags: ["people"],
  summary: "Sign out: end the session this request came with (a no-op for an API key)",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read", { method: "delete" }),
  responses: { 204: { description: "Signed out" }, ...problems() },
});

export function registerSignOut(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const sessionId = c.var.auth.sessionId;
    if (sessionId) await endSession(serviceContext(c), sessionId);
    c.header("set-cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return c.body(null, 204);
  });
}
