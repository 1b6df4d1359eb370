import { z } from "@hono/zod-openapi";
import { RegionSchema } from "../domain/answering/customer.js";
import { LlmAccountSchema } from "../domain/answering/llm-account.js";
import { ANSWER_STATUSES } from "../domain/answering/status.js";
import { IsoDateSchema } from "../domain/dates.js";
import { USER_ROLES } from "../domain/people.js";
import { QUESTIONNAIRE_STATUSES } from "../domain/questionnaire/status.js";
import { QuestionKindSchema, STORED_FORMATS } from "../domain/questionnaire/types.js";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: "Stable machine-readable error code" }),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    retryAfter: z.number().int().optional().openapi({ description: "Seconds to wait (also the Retry-After header)" }),
  })
  .openapi("Problem");

const isoDate = IsoDateSchema;

/**
 * A request body that refuses fields it does not know: a misspelt field (`ndaOnFile` for `nda`)
 * must be a 400 naming it, not a silently ignored value. The message lists the fields expected.
 */
export function strictBody<T extends z.ZodRawShape>(shape: T) {
  const expected = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field; expected ${expected}` : undefined),
  });
}

/** The uploaded questionnaire of a multipart form; a missing one says what is expected. */
export const FileField = z
  .instanceof(File, { message: "required: expected a file (multipart form field)" })
  .openapi({ type: "string", format: "binary", description: "The questionnaire (.xlsx, .csv or .pdf)" });

/** The one shape of an NDA everywhere in the API: on file or not, with its dates. */
export const NdaInputSchema = strictBody({
  onFile: z.boolean(),
  signedOn: isoDate.nullable().optional(),
  until: isoDate.nullable().optional().openapi({ description: "Last day the NDA covers" }),
}).openapi("NdaInput");

export const CrmRefSchema = strictBody({
  system: z.string().min(1).max(40).openapi({ example: "salesforce" }),
  id: z.string().min(1).max(100).openapi({ example: "0065g00000XyZabAAF" }),
}).openapi("CrmRef");

/** The date the citation policy judges validity on, as the upload and answer forms take it. */
export const AsOfField = IsoDateSchema.optional().describe(
  "Date the citation policy judges validity on (default: today)",
);

export const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    region: RegionSchema,
    nda: z.object({ onFile: z.boolean(), signedOn: z.string().nullable(), until: z.string().nullable() }),
    crm: z.object({ system: z.string(), id: z.string() }).nullable(),
    deal: z.object({ stage: z.string(), amount: z.number().nullable() }).nullable(),
    createdAt: z.string(),
  })
  .openapi("Customer");

/** A CRM deal as the API is told it: the stage and, optionally, the amount (in the tenant's currency). */
export const DealSchema = strictBody({
  stage: z.string().min(1).max(60).openapi({ example: "negotiation" }),
  amount: z.number().nonnegative().max(1e12).nullable().optional().openapi({ example: 48000 }),
}).openapi("Deal");

const customerFields = {
  name: z.string().min(1).max(200),
  region: RegionSchema,
  nda: NdaInputSchema.optional(),
  deal: DealSchema.nullable().optional(),
};

/** The body of PUT /v1/customers/by-crm/{system}/{crmId}: the CRM link is the path. */
export const CustomerUpsertSchema = strictBody(customerFields).openapi("CustomerUpsert");

export const CustomerInputSchema = strictBody({
  ...customerFields,
  crm: CrmRefSchema.nullable()
    .optional()
    .openapi({ description: "Unique per tenant: a second customer with the same system and id is a 409 crm_id_taken" }),
}).openapi("CustomerInput");

export const QuestionnaireSchema = z
  .object({
    id: z.string(),
    customerId: z.string().nullable(),
    fileName: z.string(),
    format: z.enum(STORED_FORMATS),
    status: z.enum(QUESTIONNAIRE_STATUSES),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    customer: z.object({
      region: RegionSchema,
      nda: z.object({ onFile: z.boolean(), until: z.string().nullable() }),
      ndaOnFile: z.boolean().openapi({ deprecated: true, description: "Use nda.onFile" }),
      ndaUntil: z.string().nullable().openapi({ deprecated: true, description: "Use nda.until" }),
      asOf: z.string(),
    }),
    hints: z.record(z.string(), z.unknown()).nullable(),
    deal: z.object({ stage: z.string(), amount: z.number().nullable() }).nullable(),
    summary: z.record(z.string(), z.number()).nullable(),
    warnings: z.array(z.string()),
    /** What drafting with Claude cost: calls, tokens by kind (cache reads and writes), estimated USD, budget. */
    llm: LlmAccountSchema.openapi("LlmUsage").nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Questionnaire");

const Citation = z.object({ artifactId: z.string(), type: z.string(), title: z.string(), reason: z.string() });

export const AnswerSchema = z
  .object({
    id: z.string(),
    questionnaireId: z.string(),
    ordinal: z.number().int(),
    sourceId: z.string().nullable(),
    section: z.string().nullable(),
    question: z.string(),
    kind: QuestionKindSchema,
    allowedValues: z.array(z.string()).nullable(),
    sheet: z.string().nullable(),
    row: z.number().int().nullable(),
    answerCell: z.string().nullable(),
    commentCell: z.string().nullable(),
    existingAnswer: z.string().nullable(),
    status: z.enum(ANSWER_STATUSES),
    value: z.string().nullable(),
    text: z.string().nullable(),
    confidence: z.number(),
    entryId: z.string().nullable(),
    controls: z.array(z.object({ framework: z.string(), ref: z.string() })),
    citations: z.array(Citation),
    onRequest: z
      .array(Citation)
      .nullable()
      .openapi({ description: "Allowed for this customer beyond the two strongest citations: offered on request" }),
    withheld: z.array(z.object({ artifactId: z.string(), reason: z.string() })),
    entryIds: z
      .array(z.string())
      .nullable()
      .openapi({ description: "Both entries of an answer combined from two (entryId is the first)" }),
    alternatives: z
      .array(
        z.object({
          entryId: z.string(),
          score: z.number().openapi({ description: "Raw rank score, comparable within one question only" }),
          confidence: z
            .number()
            .optional()
            .openapi({ description: "0–1, the same scale as the answer's confidence (absent on older drafts)" }),
        }),
      )
      .openapi({ description: "Runners-up, most confident first" }),
    notes: z.array(z.string()),
    matchedTerms: z.array(z.string()),
    assignee: z.string().nullable(),
    reviewer: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    rejectReason: z.string().nullable(),
    dueOn: z.string().nullable().openapi({ description: "Day the assignee should answer by (YYYY-MM-DD)" }),
    updatedAt: z.string(),
  })
  .openapi("Answer");

export const AnswerSummarySchema = AnswerSchema.pick({
  id: true,
  questionnaireId: true,
  ordinal: true,
  sourceId: true,
  section: true,
  question: true,
  kind: true,
  allowedValues: true,
  status: true,
  value: true,
  text: true,
  confidence: true,
  entryId: true,
  assignee: true,
  reviewer: true,
  reviewedAt: true,
  dueOn: true,
  updatedAt: true,
})
  .extend({
    citations: z.array(Citation.omit({ reason: true })),
    withheldCount: z.number().int().openapi({ description: "Artifacts withheld; reasons in GET /v1/answers/{id}" }),
    reason: z
      .string()
      .nullable()
      .openapi({ description: "Why it needs review or found no match (the first of the answer's notes)" }),
  })
  .openapi("AnswerSummary");

export const AnswerDetailSchema = AnswerSchema.extend({
  matchedEntry: z.record(z.string(), z.unknown()).nullable(),
  alternativeEntries: z.array(
    z.object({
      entryId: z.string(),
      score: z.number(),
      confidence: z.number().nullable(),
      question: z.string().nullable(),
      short: z.string().nullable(),
    }),
  ),
  citationOptions: z
    .object({
      allowed: z.array(Citation),
      notAllowed: z.array(Citation),
    })
    .openapi("CitationOptions", {
      description:
        "What a reviewer may cite on this answer for its questionnaire's customer (the citation policy: validity on " +
        "the as-of date, NDA, SOC 2 type and categories in scope, ISO SoA, product features), strongest first, and " +
        "every other artifact with why not. `PATCH /v1/answers/{id}` with `citations` accepts at most two of `allowed`.",
    }),
}).openapi("AnswerDetail");

export const HistoryEntrySchema = z
  .object({
    id: z.string(),
    answerId: z.string(),
    action: z.string(),
    actor: z.string(),
    at: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("AnswerHistoryEntry");

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Webhook");

export const DeliverySchema = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    eventType: z.string(),
    payload: z.unknown(),
    status: z.string().openapi({ description: "pending | succeeded | failed" }),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("WebhookDelivery");

export const ApiKeySchema = z
  .object({
    id: z.string(),
    prefix: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi("ApiKey");

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    actor: z.string(),
    keyId: z.string().nullable(),
    action: z.string(),
    subject: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .openapi("AuditEntry");

// Bodies of the review actions: shared with the web client (type-only), so its requests are checked.
export const AnswerEditSchema = strictBody({
  value: z.string().max(200).nullable().optional().openapi({ description: "Yes/No/choice value" }),
  text: z.string().min(1).max(20_000).optional(),
  entryId: z.string().max(100).nullable().optional().openapi({ description: "Use another library entry's answer" }),
  citations: z
    .array(z.string().max(100))
    .max(20)
    .optional()
    .openapi({ description: "Artifact ids to cite; checked by the citation policy for this customer" }),
})
  .refine((b) => Object.keys(b).length > 0, { message: "send at least one of value, text, entryId, citations" })
  .openapi("AnswerEdit");

export const AnswerReassignSchema = strictBody({
  assignee: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .openapi({ example: "dana@vendor.example", description: "A user's email (or a name); null unassigns" }),
  dueOn: IsoDateSchema.nullable().optional().openapi({ description: "Answer by this day; null clears it" }),
}).openapi("AnswerReassign");

export const AnswerRejectSchema = strictBody({ reason: z.string().min(1).max(2000) }).openapi("AnswerReject");

export const RememberAnswerSchema = z
  .discriminatedUnion("as", [
    strictBody({
      as: z.literal("phrasing"),
      entryId: z.string().max(100).optional().openapi({ description: "Default: the answer's matched entry" }),
    }),
    strictBody({
      as: z.literal("entry"),
      entryId: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, "entry ids are lower-case slugs")
        .max(100)
        .openapi({ description: "Id of the new entry" }),
      topic: z.string().min(1).max(100).optional(),
    }),
  ])
  .openapi("RememberAnswer");

export const BulkApproveSchema = strictBody({
  minConfidence: z.number().min(0).max(1).openapi({ example: 0.8 }),
  statuses: z
    .array(z.enum(["drafted", "needs_review"]))
    .min(1)
    .optional()
    .openapi({ description: 'Statuses that qualify (default ["drafted"])' }),
}).openapi("BulkApprove");

export const BulkApproveResultSchema = z
  .object({
    approved: z.array(z.string()),
    skipped: z.array(z.object({ id: z.string(), reason: z.string() })).openapi({
      description: "Qualifying answers not approved: a Yes/No or choice answer without a valid value",
    }),
    status: z.string(),
  })
  .openapi("BulkApproveResult");

export const CitationCheckSchema = z
  .object({
    questionnaireId: z.string(),
    customer: z.object({
      region: RegionSchema,
      ndaOnFile: z.boolean(),
      ndaUntil: z.string().nullable().optional(),
      asOf: z.string(),
    }),
    changes: z.array(
      z.object({
        answerId: z.string(),
        sourceId: z.string().nullable(),
        question: z.string(),
        before: z.array(z.string()),
        after: z.array(z.string()),
        removed: z.array(z.object({ artifactId: z.string(), reason: z.string() })),
        added: z.array(z.object({ artifactId: z.string(), reason: z.string() })),
      }),
    ),
    stale: z.array(z.object({ answerId: z.string(), sourceId: z.string().nullable(), reasons: z.array(z.string()) })),
  })
  .openapi("CitationCheck");

export const LibraryConflictSchema = z
  .object({
    id: z.string(),
    entryId: z.string(),
    owner: z.string(),
    answers: z.array(
      z.object({
        answerId: z.string(),
        questionnaireId: z.string(),
        question: z.string(),
        value: z.string().nullable(),
      }),
    ),
    message: z.string(),
    status: z.string().openapi({ description: "open | resolved" }),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolution: z.string().nullable(),
  })
  .openapi("LibraryConflict");

export const AttentionListSchema = z
  .object({
    lastSweepAt: z.string().nullable(),
    owners: z.array(
      z.object({
        owner: z.string(),
        findings: z.array(
          z.object({
            id: z.string(),
            kind: z.string().openapi({ description: "artifact.expiring | entry.review_due | answer.stale" }),
            state: z.string(),
            subjectType: z.string().openapi({ description: "entry | artifact | questionnaire" }),
            subject: z.string(),
            owner: z.string(),
            dueOn: z.string(),
            message: z.string(),
            details: z.record(z.string(), z.unknown()).nullable(),
            firstSeenAt: z.string(),
            lastSeenAt: z.string(),
          }),
        ),
        conflicts: z.array(LibraryConflictSchema),
      }),
    ),
  })
  .openapi("AttentionList");

export const SweepResultSchema = z
  .object({
    tenantId: z.string(),
    asOf: z.string(),
    findings: z.number().int(),
    opened: z.number().int(),
    resolved: z.number().int(),
  })
  .openapi("SweepResult");

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi("User");

export const Password = z.string().min(12, "at least 12 characters").max(200);

export const UserInputSchema = strictBody({
  email: z.email().max(200).openapi({ example: "dana@vendor.example" }),
  name: z.string().min(1).max(200).openapi({ example: "Dana Reviewer" }),
  role: z.enum(USER_ROLES).openapi({
    description:
      "admin: everything; reviewer: upload and review; subject_expert: review and edit the library; sales_engineer: upload and read; viewer: read only",
  }),
  password: Password,
}).openapi("UserInput");

export const UserPatchSchema = strictBody({
  name: z.string().min(1).max(200).optional(),
  role: z.enum(USER_ROLES).optional(),
  password: Password.optional(),
  disabled: z.boolean().optional().openapi({ description: "true disables the account and ends its sessions" }),
}).openapi("UserPatch");

export const SignInSchema = strictBody({
  email: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
}).openapi("SignIn");

export const SessionSchema = z
  .object({
    token: z.string().openapi({ description: "qs_…: send as `Authorization: Bearer <token>` (shown once)" }),
    expiresAt: z.string(),
    user: UserSchema,
  })
  .openapi("Session");

export const WhoAmISchema = z
  .object({
    tenantId: z.string(),
    user: UserSchema.pick({ id: true, email: true, name: true, role: true }).nullable(),
    keyId: z.string().nullable(),
    scopes: z.array(z.string()),
  })
  .openapi("WhoAmI");

export const CommentSchema = z
  .object({
    id: z.string(),
    answerId: z.string(),
    author: z.string().openapi({ description: "user:<email> or key:<id>" }),
    body: z.string(),
    mentions: z.array(z.string()).openapi({ description: "Emails of the users it @mentions" }),
    createdAt: z.string(),
  })
  .openapi("Comment");

export const CommentInputSchema = strictBody({
  body: z
    .string()
    .min(1)
    .max(5000)
    .openapi({ example: "@dana can you confirm the backup region?", description: "@email or @name mentions a user" }),
}).openapi("CommentInput");
