import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listKeys } from "../../../services/keys/list.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { ApiKeySchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/keys",
  operationId: "listApiKeys",
  tags: ["keys"],
  summary: "List this tenant's API keys (prefix, scopes, last used, revoked)",
  security: bearer("admin"),
  middleware: guard("admin"),
  responses: { 200: json(z.object({ data: z.array(ApiKeySchema) }), "All keys"), ...problems() },
});

export function registerListKeys(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json({ data: await listKeys(serviceContext(c)) }, 200));
}
