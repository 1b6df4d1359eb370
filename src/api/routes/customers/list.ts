import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listCustomers } from "../../../services/customers/list.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, PageQuery, pageOf, problems } from "../../route-kit.js";
import { CustomerSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/customers",
  operationId: "listCustomers",
  tags: ["customers"],
  summary: "List customers, newest first; find one by its CRM reference with crmSystem + crmId",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { query: z.object({ ...PageQuery, crmSystem: z.string().optional(), crmId: z.string().optional() }) },
  responses: { 200: json(pageOf(CustomerSchema, "CustomerPage"), "One page"), ...problems(400) },
});

export function registerListCustomers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json(await listCustomers(serviceContext(c), c.req.valid("query")), 200));
}
