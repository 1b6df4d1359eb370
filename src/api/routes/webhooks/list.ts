import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listWebhooks } from "../../../services/webhooks/list.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { WebhookSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/webhooks",
  tags: ["webhooks"],
  summary: "List webhook subscriptions",
  security: bearer("admin"),
  middleware: guard("admin"),
  responses: { 200: json(z.object({ data: z.array(WebhookSchema) }), "All subscriptions"), ...problems() },
});

export function registerListWebhooks(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json({ data: await listWebhooks(serviceContext(c)) }, 200));
}
