import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { bulkApprove } from "../../../services/answers/bulk-approve.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, problems } from "../../route-kit.js";
import { BulkApproveResultSchema, BulkApproveSchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/questionnaires/{id}/answers/bulk-approve",
  operationId: "bulkApproveAnswers",
  tags: ["answers"],
  summary: "Approve every drafted answer at or above a confidence threshold",
  security: bearer("answers:review"),
  middleware: guard("answers:review", { method: "post" }),
  request: { params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e"), body: jsonBody(BulkApproveSchema) },
  responses: {
    200: json(BulkApproveResultSchema, "Ids approved, those skipped with why, and the questionnaire's status after"),
    ...problems(400, 404),
  },
});

export function registerBulkApprove(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await bulkApprove(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
