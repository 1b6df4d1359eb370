import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createQuestionnaire } from "../../../services/questionnaires/create.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { QuestionnaireSchema } from "../../schemas.js";

const Form = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: "string", format: "binary", description: "The questionnaire (.xlsx, .csv or .pdf)" }),
  customerId: z.string().min(1).openapi({ description: "The customer (buyer) who sent it" }),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
    .optional()
    .openapi({ description: "Date the citation policy judges validity on (default: today)" }),
  sheet: z.string().max(100).optional().openapi({ description: "Layout hint: the sheet with the questions" }),
  headerRow: z.coerce.number().int().positive().optional().openapi({ description: "Layout hint: 1-based header row" }),
  questionColumn: z.string().max(10).optional().openapi({ description: "Layout hint: column letter or number" }),
  answerColumn: z.string().max(10).optional(),
  commentColumn: z.string().max(10).optional(),
  idColumn: z
    .string()
    .max(10)
    .optional()
    .openapi({ description: "Layout hint: the column of the buyer's question ids" }),
});

const route = createRoute({
  method: "post",
  path: "/v1/questionnaires",
  tags: ["questionnaires"],
  summary: "Upload a questionnaire; it is processed in the background (status queued → processing → drafted)",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write", { upload: true, method: "post" }),
  request: { body: { required: true, content: { "multipart/form-data": { schema: Form } } } },
  responses: {
    202: json(QuestionnaireSchema, "Accepted and queued; poll GET /v1/questionnaires/{id} or subscribe to webhooks"),
    ...problems(400, 404, 413, 422),
  },
});

export function registerCreateQuestionnaire(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const form = c.req.valid("form");
    const questionnaire = await createQuestionnaire(serviceContext(c), {
      bytes: new Uint8Array(await form.file.arrayBuffer()),
      fileName: form.file.name || "upload",
      customerId: form.customerId,
      asOf: form.asOf,
      hints: {
        ...(form.sheet && { sheet: form.sheet }),
        ...(form.headerRow && { headerRow: form.headerRow }),
        ...(form.questionColumn && { questionColumn: form.questionColumn }),
        ...(form.answerColumn && { answerColumn: form.answerColumn }),
        ...(form.commentColumn && { commentColumn: form.commentColumn }),
        ...(form.idColumn && { idColumn: form.idColumn }),
      },
    });
    c.header("location", `/v1/questionnaires/${questionnaire.id}`);
    return c.json(questionnaire, 202);
  });
}
