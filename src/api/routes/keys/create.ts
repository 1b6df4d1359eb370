import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createKeyForTenant } from "../../../services/keys/create.js";
import { SCOPES } from "../../../services/keys/scopes.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, jsonBody, problems } from "../../route-kit.js";
import { strictBody } from "../../schemas.js";

const Body = strictBody({
  name: z.string().min(1).max(100).openapi({ example: "Salesforce integration" }),
  scopes: z.array(z.enum(SCOPES)).min(1),
}).openapi("ApiKeyInput");

const route = createRoute({
  method: "post",
  path: "/v1/keys",
  operationId: "createApiKey",
  tags: ["keys"],
  summary: "Create an API key for this tenant; the key is in this response only",
  security: bearer("admin"),
  middleware: guard("admin", { method: "post" }),
  request: { body: jsonBody(Body) },
  responses: {
    201: json(
      z
        .object({ id: z.string(), prefix: z.string(), key: z.string(), scopes: z.array(z.string()) })
        .openapi("ApiKeyCreated"),
      "Created; store `key` now",
    ),
    ...problems(400),
  },
});

export function registerCreateKey(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const created = await createKeyForTenant(serviceContext(c), c.req.valid("json"));
    return c.json({ ...created, scopes: [...created.scopes] }, 201);
  });
}
