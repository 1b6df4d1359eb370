import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createWebhook } from "../../../services/webhooks/create.js";
import { WEBHOOK_EVENTS } from "../../../services/webhooks/events.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, jsonBody, problems } from "../../route-kit.js";
import { strictBody, WebhookSchema } from "../../schemas.js";

const Body = strictBody({
  url: z.string().min(1).max(2000).openapi({ example: "https://crm.example.com/hooks/quire" }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
  description: z.string().max(200).optional(),
}).openapi("WebhookInput");

const route = createRoute({
  method: "post",
  path: "/v1/webhooks",
  operationId: "createWebhook",
  tags: ["webhooks"],
  summary: "Subscribe a URL to events; the signing secret is in this response only",
  description:
    "URLs that resolve to loopback, private, link-local or cloud-metadata addresses are refused (`webhook_url_forbidden`).",
  security: bearer("admin"),
  middleware: guard("admin", { method: "post" }),
  request: { body: jsonBody(Body) },
  responses: {
    201: json(
      WebhookSchema.extend({ secret: z.string().openapi({ description: "whsec_… (shown once)" }) }).openapi(
        "WebhookCreated",
      ),
      "Created",
    ),
    ...problems(400),
  },
});

export function registerCreateWebhook(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await createWebhook(serviceContext(c), c.req.valid("json")), 201));
}
