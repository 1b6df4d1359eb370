import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { ANSWER_SORTS } from "../../../domain/answering/status.js";
import { listAnswersJson } from "../../../services/answers/list.js";
import type { AppEnv } from "../../env.js";
import { problem } from "../../errors.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, json, PageQuery, pageOf, problems } from "../../route-kit.js";
import { AnswerSchema, AnswerSummarySchema } from "../../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/questionnaires/{id}/answers",
  operationId: "listAnswers",
  tags: ["answers"],
  summary:
    "List a questionnaire's answers in question order or by `sort` (filter by status, confidence, section, assignee; search with q)",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: {
    params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e"),
    query: z.object({
      ...PageQuery,
      limit: PageQuery.limit.default(100),
      status: AnswerSchema.shape.status.optional(),
      confidenceBelow: z.coerce.number().min(0).max(1).optional().openapi({ description: "Only confidence < this" }),
      section: z.string().optional(),
      assignee: z
        .string()
        .optional()
        .openapi({ description: "A user's email, or `me` for the signed-in person's queue" }),
      q: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: "Search: words in the question, its id or the answer (case-insensitive)" }),
      sort: z
        .enum(ANSWER_SORTS)
        .optional()
        .openapi({
          description:
            "Order of the list (default `position`: sheet, then row). `confidence`, `status` (needs review, no match, " +
            "drafted, rejected, approved), `dueOn` (no due date last), `assignee` (unassigned last); `-` before a " +
            "field reverses it. Ties keep the questionnaire's order; the cursor belongs to the sort it came from.",
        }),
    }),
  },
  responses: {
    200: json(
      pageOf(AnswerSummarySchema, "AnswerPage"),
      "One page of answers (summary view; GET /v1/answers/{id} has everything)",
    ),
    ...problems(400, 404),
  },
});

export function registerListAnswers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    let assignee = query.assignee?.toLowerCase();
    if (assignee === "me") {
      const user = c.var.auth.user;
      if (!user) {
        return problem(c, 400, "validation_failed", "assignee: `me` needs a signed-in person, not an API key", {
          errors: [{ field: "assignee", message: "`me` needs a signed-in person, not an API key" }],
        }) as never;
      }
      assignee = user.email;
    }
    // The page comes as JSON text (the review screen's hot call: no decode and re-encode of every
    // row); the same bytes c.json would send, with the same content type.
    const body = await listAnswersJson(serviceContext(c), c.req.valid("param").id, { ...query, assignee });
    return c.body(body, 200, { "content-type": "application/json" }) as never;
  });
}
