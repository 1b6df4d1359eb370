import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getCustomer } from "../../../services/customers/get.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, problems } from "../../route-kit.js";
import { CustomerSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/customers/{id}",
  operationId: "getCustomer",
  tags: ["customers"],
  summary: "Get a customer",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { params: IdParam("Customer id", "cus_0a1b2c3d4e5f60718293") },
  responses: { 200: json(CustomerSchema, "The customer"), ...problems(404) },
});

export function registerGetCustomer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await getCustomer(serviceContext(c), c.req.valid("param").id), 200));
}
