import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getWebhook } from "../../../services/webhooks/list.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { WebhookSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/webhooks/{id}",
  operationId: "getWebhook",
  tags: ["webhooks"],
  summary: "Get a webhook subscription (without its secret)",
  security: bearer("admin"),
  middleware: guard("admin"),
  request: { params: IdParam("Webhook id", "wh_0a1b2c3d4e5f60718293") },
  responses: { 200: json(WebhookSchema, "The subscription"), ...problems(404) },
});

export function registerGetWebhook(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await getWebhook(serviceContext(c), c.req.valid("param").id), 200));
}
