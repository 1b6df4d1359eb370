import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RegionSchema } from "../../domain/answering/customer.js";
import { AnswerReportSchema } from "../../domain/answering/report.js";
import { givenHints, LayoutHintsSchema } from "../../domain/questionnaire/layout-hints.js";
import { answerFile } from "../../services/questionnaires/answer-file.js";
import type { AppEnv } from "../env.js";
import { serviceContext } from "../middleware/auth.js";
import { DEFAULT_MAX_UPLOAD_BYTES, guard } from "../route-kit.js";
import { AsOfField, ProblemSchema } from "../schemas.js";

export { DEFAULT_MAX_UPLOAD_BYTES };

const AnswerForm = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: "string", format: "binary", description: "The questionnaire (.xlsx, .csv or .pdf)" }),
  region: RegionSchema.default("us"),
  nda: z.enum(["true", "false"]).default("false").openapi({ description: "An NDA with this customer is on file" }),
  asOf: AsOfField,
  ...LayoutHintsSchema.shape,
});

const route = createRoute({
  method: "post",
  path: "/v1/answer",
  tags: ["answering"],
  summary: "Answer a questionnaire file in one call and return the JSON report",
  description:
    "Synchronous and stateless for the caller; the CRM flow is POST /v1/questionnaires (background processing, review, export).",
  security: [{ bearer: ["questionnaires:write"] }],
  middleware: guard("questionnaires:write", { upload: true, method: "post" }),
  request: { body: { required: true, content: { "multipart/form-data": { schema: AnswerForm } } } },
  responses: {
    200: { description: "The answered questionnaire", content: { "application/json": { schema: AnswerReportSchema } } },
    400: { description: "Invalid input", content: { "application/problem+json": { schema: ProblemSchema } } },
    401: { description: "No or invalid API key", content: { "application/problem+json": { schema: ProblemSchema } } },
    403: { description: "Missing scope", content: { "application/problem+json": { schema: ProblemSchema } } },
    413: { description: "File too large", content: { "application/problem+json": { schema: ProblemSchema } } },
  },
});

export function registerAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { file, region, nda, asOf, ...hints } = c.req.valid("form");
    const ctx = serviceContext(c);
    const { report, questionnaireId } = await answerFile(ctx, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name || "upload",
      customer: { region, ndaOnFile: nda === "true", asOf: asOf ?? ctx.clock.now().toISOString().slice(0, 10) },
      hints: givenHints(hints),
    });
    c.header("x-questionnaire-id", questionnaireId);
    return c.json(report, 200);
  });
}
