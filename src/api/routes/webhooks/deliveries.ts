import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listDeliveries } from "../../../services/webhooks/deliveries.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { DeliverySchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/webhooks/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  tags: ["webhooks"],
  summary: "The delivery log: attempts, last status code, next attempt (latest 100)",
  security: bearer("admin"),
  middleware: guard("admin"),
  request: { params: IdParam("Webhook id", "wh_0a1b2c3d4e5f60718293") },
  responses: { 200: json(z.object({ data: z.array(DeliverySchema) }), "Newest first"), ...problems(404) },
});

export function registerListDeliveries(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json({ data: await listDeliveries(serviceContext(c), c.req.valid("param").id) }, 200),
  );
}
