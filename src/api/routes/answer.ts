import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RegionSchema } from "../../domain/answering/customer.js";
import { AnswerReportSchema } from "../../domain/answering/report.js";
import { answerFile } from "../../services/questionnaires/answer-file.js";
import type { AppEnv } from "../env.js";
import { serviceContext } from "../middleware/auth.js";
import { DEFAULT_MAX_UPLOAD_BYTES, guard } from "../route-kit.js";
import { ProblemSchema } from "../schemas.js";

export { DEFAULT_MAX_UPLOAD_BYTES };

const AnswerForm = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: "string", format: "binary", description: "The questionnaire (.xlsx, .csv or .pdf)" }),
  region: RegionSchema.default("us"),
  nda: z.enum(["true", "false"]).default("false").openapi({ description: "An NDA with this customer is on file" }),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
    .optional()
    .openapi({ description: "Date the citation policy judges validity on (default: today)" }),
  sheet: z.string().optional(),
  headerRow: z.coerce.number().int().positive().optional(),
  questionColumn: z.string().optional(),
  answerColumn: z.string().optional(),
  commentColumn: z.string().optional(),
  idColumn: z.string().optional(),
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
    const form = c.req.valid("form");
    const ctx = serviceContext(c);
    const { report, questionnaireId } = await answerFile(ctx, {
      bytes: new Uint8Array(await form.file.arrayBuffer()),
      fileName: form.file.name || "upload",
      customer: {
        region: form.region,
        ndaOnFile: form.nda === "true",
        asOf: form.asOf ?? ctx.clock.now().toISOString().slice(0, 10),
      },
      hints: {
        ...(form.sheet && { sheet: form.sheet }),
        ...(form.headerRow && { headerRow: form.headerRow }),
        ...(form.questionColumn && { questionColumn: form.questionColumn }),
        ...(form.answerColumn && { answerColumn: form.answerColumn }),
        ...(form.commentColumn && { commentColumn: form.commentColumn }),
        ...(form.idColumn && { idColumn: form.idColumn }),
      },
    });
    c.header("x-questionnaire-id", questionnaireId);
    return c.json(report, 200);
  });
}
