import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RegionSchema } from "../../domain/answering/customer.js";
import { ReportQuestionSchema } from "../../domain/answering/report.js";
import { QuestionKindSchema } from "../../domain/questionnaire/types.js";
import { answerOne } from "../../services/match/answer-one.js";
import type { AppEnv } from "../env.js";
import { serviceContext } from "../middleware/auth.js";
import { bearer, guard, json, jsonBody, problems } from "../route-kit.js";
import { AsOfField, NdaInputSchema, strictBody } from "../schemas.js";

const Body = strictBody({
  question: z.string().min(3).max(5000).openapi({ example: "Do you encrypt customer data at rest?" }),
  kind: QuestionKindSchema.optional(),
  allowedValues: z.array(z.string().max(200)).max(50).optional(),
  region: RegionSchema.optional(),
  nda: NdaInputSchema.optional().openapi({ description: "The asking customer's NDA (the same shape as a customer's)" }),
  asOf: AsOfField,
}).openapi("MatchRequest");

const route = createRoute({
  method: "post",
  path: "/v1/match",
  operationId: "matchQuestion",
  tags: ["answering"],
  summary: "Draft the answer to one question from the library, with citations (nothing is stored)",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read", { method: "post" }),
  request: { body: jsonBody(Body) },
  responses: { 200: json(ReportQuestionSchema, "The drafted answer"), ...problems(400) },
});

export function registerMatch(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const answer = await answerOne(serviceContext(c), {
      question: body.question,
      kind: body.kind,
      allowedValues: body.allowedValues,
      customer: {
        ...(body.region && { region: body.region }),
        ...(body.nda !== undefined && { ndaOnFile: body.nda.onFile, ndaUntil: body.nda.until ?? null }),
        ...(body.asOf && { asOf: body.asOf }),
      },
    });
    return c.json(answer, 200);
  });
}
