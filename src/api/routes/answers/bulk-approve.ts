import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { bulkApprove } from "../../../services/answers/bulk-approve.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";

const Body = z
  .object({
    minConfidence: z.number().min(0).max(1).openapi({ example: 0.8 }),
    statuses: z
      .array(z.enum(["drafted", "needs_review"]))
      .min(1)
      .optional()
      .openapi({ description: 'Statuses that qualify (default ["drafted"])' }),
  })
  .openapi("BulkApprove");

const route = createRoute({
  method: "post",
  path: "/v1/questionnaires/{id}/answers/bulk-approve",
  tags: ["answers"],
  summary: "Approve every drafted answer at or above a confidence threshold",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "post" }),
  request: { params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e"), body: jsonBody(Body) },
  responses: {
    200: json(
      z
        .object({
          approved: z.array(z.string()),
          skipped: z.array(z.object({ id: z.string(), reason: z.string() })).openapi({
            description: "Qualifying answers not approved: a Yes/No or choice answer without a valid value",
          }),
          status: z.string(),
        })
        .openapi("BulkApproveResult"),
      "Ids approved, those skipped with why, and the questionnaire's status after",
    ),
    ...problems(400, 404),
  },
});

export function registerBulkApprove(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await bulkApprove(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
