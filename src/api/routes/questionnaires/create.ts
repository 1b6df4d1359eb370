import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { givenHints, LayoutHintsSchema } from "../../../domain/questionnaire/layout-hints.js";
import { createQuestionnaire } from "../../../services/questionnaires/create.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { AsOfField, FileField, QuestionnaireSchema, strictBody } from "../../schemas.js";

const Form = strictBody({
  file: FileField,
  customerId: z.string().min(1).openapi({ description: "The customer (buyer) who sent it" }),
  asOf: AsOfField,
  dealStage: z.string().min(1).max(60).optional().openapi({ description: "CRM deal stage (default: the customer's)" }),
  dealAmount: z
    .string()
    .regex(/^\d{1,12}(?:\.\d{1,2})?$/, "a non-negative amount such as 48000 or 1250.50")
    .optional()
    .openapi({ description: "CRM deal amount, with dealStage" }),
  ...LayoutHintsSchema.shape,
});

const route = createRoute({
  method: "post",
  path: "/v1/questionnaires",
  operationId: "uploadQuestionnaire",
  tags: ["questionnaires"],
  summary: "Upload a questionnaire; it is processed in the background (status queued → processing → drafted)",
  security: bearer("questionnaires:write"),
  middleware: guard("questionnaires:write", { upload: true, method: "post" }),
  request: { body: { required: true, content: { "multipart/form-data": { schema: Form } } } },
  responses: {
    202: json(QuestionnaireSchema, "Accepted and queued; poll GET /v1/questionnaires/{id} or subscribe to webhooks"),
    ...problems(400, 404, 413, 422, 429),
  },
});

export function registerCreateQuestionnaire(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { file, customerId, asOf, dealStage, dealAmount, ...hints } = c.req.valid("form");
    const questionnaire = await createQuestionnaire(serviceContext(c), {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name || "upload",
      customerId,
      asOf,
      requestKey: c.var.idempotencyKey,
      hints: givenHints(hints),
      deal: dealStage ? { stage: dealStage, amount: dealAmount === undefined ? null : Number(dealAmount) } : undefined,
    });
    c.header("location", `/v1/questionnaires/${questionnaire.id}`);
    return c.json(questionnaire, 202);
  });
}
