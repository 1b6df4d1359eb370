import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listConflicts } from "../../../services/library/conflicts.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { LibraryConflictSchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/library/conflicts",
  operationId: "listLibraryConflicts",
  tags: ["library"],
  summary: "Approved answers that disagree with their library entry (or with each other), for the entry's owner",
  security: bearer("library:read"),
  middleware: guard("library:read"),
  request: {
    query: z.object({
      status: z.enum(["open", "resolved"]).optional(),
      owner: z.string().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: json(z.object({ data: z.array(LibraryConflictSchema) }), "Conflicts, newest first"),
    ...problems(400),
  },
});

export function registerListConflicts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => c.json({ data: await listConflicts(serviceContext(c), c.req.valid("query")) }, 200));
}
