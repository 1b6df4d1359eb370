import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { deleteCustomer } from "../../../services/customers/delete.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, problems } from "../../route-kit.js";

const route = createRoute({
  method: "delete",
  path: "/v1/customers/{id}",
  operationId: "deleteCustomer",
  tags: ["customers"],
  summary: "Delete a customer that has no questionnaires",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write"),
  request: { params: IdParam("Customer id", "cus_0a1b2c3d4e5f60718293") },
  responses: { 204: { description: "Deleted" }, ...problems(404, 409) },
});

export function registerDeleteCustomer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await deleteCustomer(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
