import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listAudit } from "../../services/audit/list.js";
import type { AppEnv } from "../env.js";
import { serviceContext } from "../middleware/auth.js";
import { bearer, guard, json, PageQuery, pageOf, problems } from "../route-kit.js";
import { AuditEntrySchema } from "../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/audit",
  operationId: "listAuditLog",
  tags: ["audit"],
  summary: "The audit log: every mutation, artifact citation and export (who, key, what, when), newest first",
  security: bearer("admin"),
  middleware: guard("admin"),
  request: { query: z.object(PageQuery) },
  responses: { 200: json(pageOf(AuditEntrySchema, "AuditPage"), "One page"), ...problems(400) },
});

export function registerAudit(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const page = await listAudit(serviceContext(c), c.req.valid("query"));
    return c.json({ ...page, data: page.data.map(({ tenantId: _, ...r }) => r) }, 200);
  });
}
