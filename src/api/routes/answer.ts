import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RegionSchema } from "../../domain/answering/customer.js";
import { AnswerReportSchema } from "../../domain/answering/report.js";
import { QuireError } from "../../domain/errors.js";
import { givenHints, LayoutHintsSchema } from "../../domain/questionnaire/layout-hints.js";
import { queueAnswer } from "../../services/questionnaires/create.js";
import { questionnaireRow, toQuestionnaire } from "../../services/questionnaires/shape.js";
import { reportOf, storedAnswerRows } from "../../services/questionnaires/stored-report.js";
import { type AppEnv, DEFAULT_SYNC_ANSWER } from "../env.js";
import { problem } from "../errors.js";
import { serviceContext } from "../middleware/auth.js";
import { DEFAULT_MAX_UPLOAD_BYTES, guard } from "../route-kit.js";
import { AsOfField, FileField, ProblemSchema, QuestionnaireSchema, strictBody } from "../schemas.js";

export { DEFAULT_MAX_UPLOAD_BYTES };

const AnswerForm = strictBody({
  file: FileField,
  region: RegionSchema.default("us"),
  nda: z.enum(["true", "false"]).default("false").openapi({ description: "An NDA with this customer is on file" }),
  asOf: AsOfField,
  ...LayoutHintsSchema.shape,
});

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

const route = createRoute({
  method: "post",
  path: "/v1/answer",
  operationId: "answerFile",
  tags: ["answering"],
  summary: "Answer a small questionnaire file in one call and return the JSON report",
  description:
    "For small files (1 MiB by default): larger ones answer 413 `sync_too_large` and belong on POST /v1/questionnaires " +
    "(background processing, review, export). The work runs on the same durable job queue as uploads; if it takes " +
    "longer than the wait (30 s by default) the answer is 202 with the questionnaire to poll.",
  security: [{ bearer: ["questionnaires:write"] }],
  middleware: guard("questionnaires:write", { upload: true, method: "post" }),
  request: { body: { required: true, content: { "multipart/form-data": { schema: AnswerForm } } } },
  responses: {
    200: { description: "The answered questionnaire", content: { "application/json": { schema: AnswerReportSchema } } },
    202: {
      description: "Still processing after the wait: poll the questionnaire (Location)",
      content: { "application/json": { schema: QuestionnaireSchema } },
    },
    400: { description: "Invalid input", content: problemContent },
    401: { description: "No or invalid API key", content: problemContent },
    403: { description: "Missing scope", content: problemContent },
    413: { description: "Too large to answer synchronously, or too large at all", content: problemContent },
    422: { description: "The file was refused (`code` says why)", content: problemContent },
    429: { description: "Too many uploads or failed keys (Retry-After)", content: problemContent },
  },
});

export function registerAnswer(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { file, region, nda, asOf, ...hints } = c.req.valid("form");
    const ctx = serviceContext(c);
    const settings = { ...DEFAULT_SYNC_ANSWER, ...c.var.deps.syncAnswer };
    if (file.size > settings.maxBytes) {
      throw new QuireError(
        "sync_too_large",
        `the file is ${file.size} bytes; files over ${settings.maxBytes} bytes are answered in the background: POST /v1/questionnaires, then GET /v1/questionnaires/{id}`,
        413,
        { limit: settings.maxBytes },
      );
    }
    const { view, jobId } = await queueAnswer(ctx, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name || "upload",
      customer: { region, ndaOnFile: nda === "true", asOf: asOf ?? ctx.clock.now().toISOString().slice(0, 10) },
      hints: givenHints(hints),
    });
    c.header("x-questionnaire-id", view.id);
    const waited = await ctx.jobs?.waitFor(jobId, settings.waitMs);
    const row = await questionnaireRow(ctx, view.id);
    if (waited !== "finished" || row.status === "queued" || row.status === "processing") {
      c.header("location", `/v1/questionnaires/${view.id}`);
      return c.json(toQuestionnaire(row) as never, 202);
    }
    if (row.status === "failed") {
      const failure = row.failure ?? { code: "processing_error", message: "the questionnaire could not be processed" };
      return problem(c, failure.status ?? 422, failure.code, failure.message) as never;
    }
    return c.json(reportOf(row, await storedAnswerRows(ctx, view.id)) as never, 200);
  });
}
