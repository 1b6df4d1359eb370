import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listWebhooks } from "../../../services/webhooks/list.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, PageQuery, pageOf, problems } from "../../route-kit.js";
import { WebhookSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/webhooks",
  operationId: "listWebhooks",
  tags: ["webhooks"],
  summary: "List webhook subscriptions, oldest first (page with cursor)",
  security: bearer("admin"),
  middleware: guard("admin"),
  request: { query: z.object(PageQuery) },
  responses: { 200: json(pageOf(WebhookSchema, "WebhookPage"), "One page"), ...problems(400) },
});

export function registerListWebhooks(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await listWebhooks(serviceContext(c), c.req.valid("query")), 200));
}
