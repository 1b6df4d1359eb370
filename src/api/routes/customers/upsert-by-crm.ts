import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { upsertCustomerByCrm } from "../../../services/customers/upsert-by-crm.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, jsonBody, problems } from "../../route-kit.js";
import { CustomerSchema, CustomerUpsertSchema } from "../../schemas.js";

const Params = z.object({
  system: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: "system", in: "path" }, example: "salesforce" }),
  crmId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "crmId", in: "path" }, example: "0065g00000XyZabAAF" }),
});

const route = createRoute({
  method: "put",
  path: "/v1/customers/by-crm/{system}/{crmId}",
  operationId: "upsertCustomerByCrm",
  tags: ["customers"],
  summary: "Create or update the customer linked to a CRM record (the CRM's sync call)",
  description: "201 when it was created, 200 when the linked customer was updated (fields left out keep their value).",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write", { method: "put" }),
  request: { params: Params, body: jsonBody(CustomerUpsertSchema) },
  responses: {
    200: json(CustomerSchema, "Updated"),
    201: json(CustomerSchema, "Created"),
    ...problems(400, 409),
  },
});

export function registerUpsertCustomerByCrm(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { system, crmId } = c.req.valid("param");
    const { customer, created } = await upsertCustomerByCrm(
      serviceContext(c),
      { system, id: crmId },
      c.req.valid("json"),
    );
    c.header("location", `/v1/customers/${customer.id}`);
    return created ? c.json(customer, 201) : c.json(customer, 200);
  });
}
