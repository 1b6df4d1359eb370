import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { checkDatabase } from "../../services/system/check-database.js";
import type { AppEnv } from "../env.js";

const route = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["system"],
  summary: "Liveness and database check",
  responses: {
    200: {
      description: "The service and its database answer",
      content: { "application/json": { schema: z.object({ status: z.literal("ok"), db: z.literal("ok") }) } },
    },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await checkDatabase(c.var.deps.db);
    return c.json({ status: "ok" as const, db: "ok" as const }, 200);
  });
}
