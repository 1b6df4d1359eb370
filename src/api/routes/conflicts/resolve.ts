import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { resolveConflict } from "../../../services/library/conflicts.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { LibraryConflictSchema, strictBody } from "../../schemas.js";

const Body = strictBody({
  resolution: z
    .string()
    .min(1)
    .max(2000)
    .openapi({ example: "Entry corrected: backups are now replicated to a second region." }),
}).openapi("ResolveConflict");

const route = createRoute({
  method: "post",
  path: "/v1/library/conflicts/{id}/resolve",
  operationId: "resolveLibraryConflict",
  tags: ["library"],
  summary: "Settle a library conflict (the entry was fixed, or the approved answer was the exception)",
  security: bearer("library:write"),
  middleware: guard("library:write", { method: "post" }),
  request: { params: IdParam("Conflict id", "lc_0a1b2c3d4e5f60718293"), body: jsonBody(Body) },
  responses: { 200: json(LibraryConflictSchema, "The resolved conflict"), ...problems(400, 404) },
});

export function registerResolveConflict(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await resolveConflict(serviceContext(c), c.req.valid("param").id, c.req.valid("json").resolution), 200),
  );
}
