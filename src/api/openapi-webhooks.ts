import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { PING_EVENT, WEBHOOK_EVENTS } from "../services/webhooks/events.js";
import type { AppEnv } from "./env.js";

/**
 * The webhook payloads in the OpenAPI document (`webhooks`), so a generated client and a reader of
 * /docs see what each event's `data` holds. Every delivery is the Standard Webhooks envelope,
 * signed with the subscription's secret (webhook-id, webhook-timestamp, webhook-signature headers).
 */
const answerData = z.object({
  answerId: z.string(),
  questionnaireId: z.string(),
  sourceId: z.string().nullable(),
  status: z.string(),
  value: z.string().nullable(),
  assignee: z.string().nullable(),
  dueOn: z.string().nullable(),
  actor: z.string().openapi({ description: "Who acted: user:<email>, key:<id> or system:<job>" }),
});

const findingData = z
  .object({
    findingId: z.string(),
    state: z.string(),
    subjectType: z.string(),
    subject: z.string(),
    owner: z.string(),
    dueOn: z.string(),
    message: z.string(),
  })
  .catchall(z.unknown());

const DATA: Record<string, { summary: string; data: z.ZodType }> = {
  "questionnaire.drafted": {
    summary: "A questionnaire's answers were drafted",
    data: z.object({
      questionnaireId: z.string(),
      status: z.literal("drafted"),
      summary: z.record(z.string(), z.number()),
    }),
  },
  "questionnaire.approved": {
    summary: "Every answer of a questionnaire is approved",
    data: z.object({ questionnaireId: z.string(), status: z.literal("approved"), approvedAnswers: z.number().int() }),
  },
  "questionnaire.failed": {
    summary: "A questionnaire could not be processed",
    data: z.object({
      questionnaireId: z.string(),
      status: z.literal("failed"),
      failure: z.object({ code: z.string(), message: z.string() }),
    }),
  },
  "questionnaire.exported": {
    summary: "A download of a questionnaire was produced",
    data: z.object({
      questionnaireId: z.string(),
      format: z.enum(["original", "csv", "json"]),
      includeDrafts: z.boolean(),
      answers: z.number().int(),
      customerId: z.string().nullable(),
      actor: z.string(),
    }),
  },
  "answer.approved": { summary: "A reviewer approved an answer", data: answerData },
  "answer.edited": { summary: "A reviewer edited an answer", data: answerData },
  "answer.assigned": { summary: "An answer was assigned (or its due date changed)", data: answerData },
  "answer.commented": {
    summary: "Someone commented on an answer",
    data: z.object({
      answerId: z.string(),
      questionnaireId: z.string(),
      commentId: z.string(),
      author: z.string(),
      body: z.string(),
      mentions: z.array(z.string()).openapi({ description: "Emails of the users the comment @mentions" }),
    }),
  },
  "invitation.created": {
    summary: "An admin invited a person to the tenant",
    data: z.object({
      invitationId: z.string(),
      email: z.string(),
      role: z.string(),
      expiresAt: z.string(),
      actor: z.string(),
    }),
  },
  "artifact.expiring": { summary: "Freshness sweep: evidence expiring or lapsed", data: findingData },
  "entry.review_due": { summary: "Freshness sweep: a library entry due for review", data: findingData },
  "answer.stale": { summary: "Freshness sweep: answers resting on something lapsed", data: findingData },
  [PING_EVENT]: {
    summary: "A test ping (POST /v1/webhooks/{id}/ping)",
    data: z.object({ webhookId: z.string(), message: z.string() }),
  },
};

const signatureHeaders = z.object({
  "webhook-id": z.string().openapi({ description: "The delivery id, the same across retries (deduplicate on it)" }),
  "webhook-timestamp": z.string().openapi({ description: "Unix seconds of this attempt" }),
  "webhook-signature": z.string().openapi({
    description: 'v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>"> keyed with the secret\'s decoded bytes',
  }),
});

export function registerWebhookDocs(app: OpenAPIHono<AppEnv>): void {
  for (const type of [...WEBHOOK_EVENTS, PING_EVENT]) {
    const spec = DATA[type];
    if (!spec) throw new Error(`no webhook payload documented for ${type}`);
    const name = type.replace(/(^|[._])(\w)/g, (_, __, ch: string) => ch.toUpperCase());
    app.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      operationId: `on${name}`,
      tags: ["webhooks"],
      summary: spec.summary,
      request: {
        headers: signatureHeaders,
        body: {
          content: {
            "application/json": {
              schema: z
                .object({ type: z.literal(type), timestamp: z.string(), data: spec.data })
                .openapi(`${name}Event`),
            },
          },
        },
      },
      responses: { 200: { description: "Any 2xx acknowledges; anything else is retried with backoff" } },
    });
  }
}
