import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createCustomer } from "../../../services/customers/create.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, jsonBody, problems } from "../../route-kit.js";
import { CustomerInputSchema, CustomerSchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/customers",
  operationId: "createCustomer",
  tags: ["customers"],
  summary: "Create a customer (a buyer): region, NDA, CRM reference",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write", { method: "post" }),
  request: { body: jsonBody(CustomerInputSchema) },
  responses: { 201: json(CustomerSchema, "Created"), ...problems(400) },
});

export function registerCreateCustomer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const customer = await createCustomer(serviceContext(c), c.req.valid("json"));
    c.header("location", `/v1/customers/${customer.id}`);
    return c.json(customer, 201);
  });
}
