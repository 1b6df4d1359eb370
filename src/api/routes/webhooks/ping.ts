import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { pingWebhook } from "../../../services/webhooks/ping.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { DeliverySchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/webhooks/{id}/ping",
  operationId: "pingWebhook",
  tags: ["webhooks"],
  summary: "Send a signed webhook.ping to this endpoint now (test a receiver)",
  description:
    "Delivered like any event (signature, retries, delivery log); the response is the queued delivery — poll its log for the outcome.",
  security: bearer("admin"),
  middleware: guard("admin", { method: "post" }),
  request: { params: IdParam("Webhook id", "wh_0a1b2c3d4e5f60718293") },
  responses: { 202: json(DeliverySchema, "The ping's delivery, queued"), ...problems(404) },
});

export function registerPingWebhook(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await pingWebhook(serviceContext(c), c.req.valid("param").id), 202));
}
