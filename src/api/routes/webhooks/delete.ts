import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { deleteWebhook } from "../../../services/webhooks/delete.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, problems } from "../../route-kit.js";

const route = createRoute({
  method: "delete",
  path: "/v1/webhooks/{id}",
  operationId: "deleteWebhook",
  tags: ["webhooks"],
  summary: "Delete a webhook subscription (pending retries stop)",
  security: bearer("admin"),
  middleware: guard("admin"),
  request: { params: IdParam("Webhook id", "wh_0a1b2c3d4e5f60718293") },
  responses: { 204: { description: "Deleted" }, ...problems(404) },
});

export function registerDeleteWebhook(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await deleteWebhook(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
