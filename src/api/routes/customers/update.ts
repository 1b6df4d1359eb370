import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { updateCustomer } from "../../../services/customers/update.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { CustomerInputSchema, CustomerSchema } from "../../schemas.js";

const route = createRoute({
  method: "patch",
  path: "/v1/customers/{id}",
  operationId: "updateCustomer",
  tags: ["customers"],
  summary: "Update a customer (fields left out keep their value; crm: null removes the link)",
  description: "Questionnaires already uploaded keep the region and NDA they were drafted for.",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write", { method: "patch" }),
  request: {
    params: IdParam("Customer id", "cus_0a1b2c3d4e5f60718293"),
    body: jsonBody(CustomerInputSchema.partial().openapi("CustomerPatch")),
  },
  responses: { 200: json(CustomerSchema, "The updated customer"), ...problems(400, 404) },
});

export function registerUpdateCustomer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await updateCustomer(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
