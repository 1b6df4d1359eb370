import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { REGIONS } from "../../domain/answering/customer.js";
import type { LlmAccount } from "../../domain/answering/llm-account.js";
import { ANSWER_STATUSES } from "../../domain/answering/status.js";
import type { QuestionInsight, QuestionnaireInsight } from "../../domain/insight/record.js";
import type { FrameworkRef } from "../../domain/library/types.js";
import { USER_ROLES } from "../../domain/people.js";
import type { LayoutHints } from "../../domain/questionnaire/layout-hints.js";
import { QUESTIONNAIRE_STATUSES } from "../../domain/questionnaire/status.js";
import { QUESTION_KINDS, STORED_FORMATS } from "../../domain/questionnaire/types.js";

/**
 * One drizzle sqlite schema for better-sqlite3 (Node) and D1 (Workers). Every row that belongs to
 * a customer of Quire carries tenant_id, and every query filters on it (ARCHITECTURE.md).
 * Nested domain data (citations, allowed values) is kept as JSON text: it is read whole, never queried into.
 */
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
const createdAt = () => text("created_at").notNull();

export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    /** The public part shown in lists and logs ("qk_live_ab12cd"), never enough to authenticate. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole key, hex. */
    hash: text("hash").notNull(),
    name: text("name").notNull(),
    scopes: json<string[]>("scopes").notNull(),
    createdAt: createdAt(),
    revokedAt: text("revoked_at"),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [uniqueIndex("api_keys_prefix").on(t.prefix), index("api_keys_tenant").on(t.tenantId)],
);

export type { UserRole } from "../../domain/people.js";

/**
 * People who sign in to the web pages. The email is unique across tenants because signing in names
 * no tenant. password_hash is PBKDF2-SHA256 ("pbkdf2$<iterations>$<salt b64>$<hash b64>").
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
    disabledAt: text("disabled_at"),
  },
  (t) => [uniqueIndex("users_email").on(t.email), index("users_tenant").on(t.tenantId, t.createdAt, t.id)],
);

/** A signed-in session: the token is shown once (cookie or bearer); only its SHA-256 is kept. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("sessions_token").on(t.tokenHash), index("sessions_user").on(t.tenantId, t.userId)],
);

/**
 * An invitation to join one tenant with a role: a single-use link that expires. Only the SHA-256 of
 * the token is kept (the link is shown once, to the admin who invited).
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    /** The account the acceptance created. */
    userId: text("user_id"),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("invitations_token").on(t.tokenHash),
    index("invitations_tenant").on(t.tenantId, t.createdAt, t.id),
  ],
);

/**
 * A tenant's OpenID Connect single sign-on: the issuer, this app's client at it, which email
 * domains may sign in and the role a first sign-in gets. One per tenant.
 */
export const ssoConnections = sqliteTable("sso_connections", {
  tenantId: text("tenant_id").primaryKey(),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  /** Sent to the issuer's token endpoint; never returned by the API. */
  clientSecret: text("client_secret").notNull(),
  allowedDomains: json<string[]>("allowed_domains").notNull(),
  defaultRole: text("default_role", { enum: USER_ROLES }).notNull(),
  createdAt: createdAt(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * Which tenant's SSO an email domain signs in to: unique, so "Sign in with SSO" needs only the
 * email (sign-in names no tenant, as with passwords).
 */
export const ssoDomains = sqliteTable("sso_domains", {
  domain: text("domain").primaryKey(),
  tenantId: text("tenant_id").notNull(),
});

/**
 * One started SSO sign-in: state (only its SHA-256), nonce and PKCE verifier, used once by the
 * callback (used_at is set by a compare-and-set, so a replayed state is refused).
 */
export const ssoStates = sqliteTable(
  "sso_states",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    stateHash: text("state_hash").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    /** Set when the sign-in accepts an invitation (the role comes from it, not the default). */
    invitationId: text("invitation_id"),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [uniqueIndex("sso_states_state").on(t.stateHash)],
);

export const customers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    region: text("region", { enum: REGIONS }).notNull(),
    ndaOnFile: integer("nda_on_file", { mode: "boolean" }).notNull(),
    ndaSignedOn: text("nda_signed_on"),
    ndaUntil: text("nda_until"),
    crmSystem: text("crm_system"),
    crmId: text("crm_id"),
    /** The CRM deal's stage and amount, as the API was told: new uploads for the customer take them. */
    dealStage: text("deal_stage"),
    dealAmount: real("deal_amount"),
    createdAt: createdAt(),
  },
  (t) => [
    index("customers_tenant").on(t.tenantId, t.createdAt, t.id),
    // One customer per CRM record: a second with the same (system, id) is a 409, and PUT by-crm upserts.
    uniqueIndex("customers_crm").on(t.tenantId, t.crmSystem, t.crmId),
  ],
);

export const questionnaires = sqliteTable(
  "questionnaires",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    customerId: text("customer_id"),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: STORED_FORMATS }).notNull(),
    /** queued → processing → drafted → in_review → approved → exported, or failed. */
    status: text("status", { enum: QUESTIONNAIRE_STATUSES }).notNull(),
    /** Why it failed; `status` is the HTTP status the refusal carries (the synchronous /v1/answer answers with it). */
    failure: json<{ code: string; message: string; status?: number }>("failure"),
    blobKey: text("blob_key").notNull(),
    hints: json<LayoutHints>("hints"),
    region: text("region", { enum: REGIONS }).notNull(),
    ndaOnFile: integer("nda_on_file", { mode: "boolean" }).notNull(),
    /** Last day the customer's NDA covers (copied from the customer at upload). */
    ndaUntil: text("nda_until"),
    asOf: text("as_of").notNull(),
    summary: json<Record<string, number>>("summary"),
    warnings: json<string[]>("warnings"),
    /** What drafting with the LLM cost (calls, tokens by kind, estimated USD, budget): the report's `llm`. */
    llmUsage: json<LlmAccount>("llm_usage"),
    /** A Message Batch the processing job is waiting for (background drafting through the bulk API). */
    llmBulk: json<{ handle: string; submittedAt: string; batches: number }>("llm_bulk"),
    createdBy: text("created_by").notNull(),
    /**
     * The Idempotency-Key of the upload that created it: a retried upload finds this row instead
     * of creating a second questionnaire, even when the first attempt's response was lost in a crash.
     */
    requestKey: text("request_key"),
    /** The deal this questionnaire gates (from the upload, else the customer's at upload time). */
    dealStage: text("deal_stage"),
    dealAmount: real("deal_amount"),
    /** When its drafts were ready, and when it was first fully approved: the review time between. */
    draftedAt: text("drafted_at"),
    approvedAt: text("approved_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("questionnaires_tenant_created").on(t.tenantId, t.createdAt, t.id),
    index("questionnaires_tenant_status").on(t.tenantId, t.status),
    uniqueIndex("questionnaires_request_key").on(t.tenantId, t.requestKey),
  ],
);

export const questions = sqliteTable(
  "questions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    questionnaireId: text("questionnaire_id").notNull(),
    ordinal: integer("ordinal").notNull(),
    sourceId: text("source_id"),
    section: text("section"),
    text: text("text").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    allowedValues: json<string[]>("allowed_values"),
    sheet: text("sheet"),
    row: integer("row"),
    answerCell: text("answer_cell"),
    commentCell: text("comment_cell"),
    existingAnswer: text("existing_answer"),
  },
  // Unique: a questionnaire's questions are saved once. A second save of the same questionnaire
  // (a resumed job racing a stale one) fails here and rolls back whole, so no answer is duplicated.
  (t) => [uniqueIndex("questions_questionnaire").on(t.tenantId, t.questionnaireId, t.ordinal)],
);

export const answers = sqliteTable(
  "answers",
  {
    /** Same id as its question: one answer per question. */
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    questionnaireId: text("questionnaire_id").notNull(),
    /** drafted | needs_review | no_match | approved | rejected */
    status: text("status", { enum: ANSWER_STATUSES }).notNull(),
    value: text("value"),
    text: text("text"),
    confidence: real("confidence").notNull(),
    entryId: text("entry_id"),
    controls: json<FrameworkRef[]>("controls").notNull(),
    citations: json<{ artifactId: string; type: string; title: string; reason: string }[]>("citations").notNull(),
    /** Allowed for the customer but beyond the two strongest: offered on request (null on rows drafted before). */
    onRequest: json<{ artifactId: string; type: string; title: string; reason: string }[]>("on_request"),
    withheld: json<{ artifactId: string; reason: string }[]>("withheld").notNull(),
    /** Both entries of a combined answer (entryId is the first); null for one entry. Export re-decides citations from them. */
    entryIds: json<string[]>("entry_ids"),
    alternatives: json<{ entryId: string; score: number; confidence?: number }[]>("alternatives").notNull(),
    notes: json<string[]>("notes").notNull(),
    matchedTerms: json<string[]>("matched_terms").notNull(),
    /**
     * What the question told about demand, recorded at answer time: the `ref` of its row in
     * answer_insights (same tenant and questionnaire); null on rows drafted before issue 18.
     */
    insightRef: integer("insight_ref"),
    assignee: text("assignee"),
    reviewer: text("reviewer"),
    reviewedAt: text("reviewed_at"),
    rejectReason: text("reject_reason"),
    /** Day the assignee should have answered by (YYYY-MM-DD). */
    dueOn: text("due_on"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("answers_questionnaire").on(t.tenantId, t.questionnaireId, t.status),
    index("answers_assignee").on(t.tenantId, t.assignee),
  ],
);

/**
 * The per-question demand insight (issue 18), each distinct one stored once per questionnaire and
 * named by answers.insight_ref. A large questionnaire repeats its questions (5,000 rows, ~200
 * distinct insights), and stored on every answer row this JSON was a quarter of the row's bytes
 * (issue 13: saving is bounded by the bytes written). Written once with the drafts, never changed;
 * the demand views read the questionnaire's rolled-up row (questionnaire_insights), not these.
 */
export const answerInsights = sqliteTable(
  "answer_insights",
  {
    tenantId: text("tenant_id").notNull(),
    questionnaireId: text("questionnaire_id").notNull(),
    /** Numbered from 0 within the questionnaire. */
    ref: integer("ref").notNull(),
    insight: json<QuestionInsight>("insight").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.questionnaireId, t.ref] })],
);

/** A comment on an answer; `mentions` are the user emails it names with @. */
export const answerComments = sqliteTable(
  "answer_comments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    answerId: text("answer_id").notNull(),
    author: text("author").notNull(),
    body: text("body").notNull(),
    mentions: json<string[]>("mentions").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("answer_comments_answer").on(t.tenantId, t.answerId, t.createdAt)],
);

export const answerHistory = sqliteTable(
  "answer_history",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    answerId: text("answer_id").notNull(),
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    at: text("at").notNull(),
    before: json<Record<string, unknown>>("before"),
    after: json<Record<string, unknown>>("after"),
  },
  (t) => [index("answer_history_answer").on(t.tenantId, t.answerId, t.at)],
);

/** The library, per tenant. The domain objects are stored whole as JSON; id and kind are columns for lookups. */
export const libraryControls = sqliteTable(
  "library_controls",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    data: json<Record<string, unknown>>("data").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const libraryArtifacts = sqliteTable(
  "library_artifacts",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    type: text("type").notNull(),
    data: json<Record<string, unknown>>("data").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const libraryEntries = sqliteTable(
  "library_entries",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    topic: text("topic").notNull(),
    data: json<Record<string, unknown>>("data").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    actor: text("actor").notNull(),
    keyId: text("key_id"),
    action: text("action").notNull(),
    subject: text("subject").notNull(),
    details: json<Record<string, unknown>>("details"),
    at: text("at").notNull(),
  },
  (t) => [index("audit_log_tenant_at").on(t.tenantId, t.at)],
);

/**
 * Idempotency-Key records: a POST's first response, replayed for a retry with the same key and
 * request fingerprint. status is null while the first request is still running (a concurrent
 * retry gets 409) — but only until locked_until: a claim whose process died is taken over.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    tenantId: text("tenant_id").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    /** The canonical request fingerprint (services/idempotency/fingerprint.ts), not the raw bytes. */
    bodyHash: text("body_hash").notNull(),
    status: integer("status"),
    responseBody: text("response_body"),
    contentType: text("content_type"),
    /** The process that holds an unfinished claim (runtime instance id). */
    owner: text("owner"),
    /** An unfinished claim older than this is abandoned (its process died) and may be taken over. */
    lockedUntil: text("locked_until"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

/** Webhook subscriptions. The secret must stay readable to sign with HMAC; it is returned only at creation. */
export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    url: text("url").notNull(),
    events: json<string[]>("events").notNull(),
    secret: text("secret").notNull(),
    description: text("description"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_subscriptions_tenant").on(t.tenantId)],
);

/** A webhook delivery: waiting for (another) attempt, delivered, or given up on. */
export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** One event for one subscription; the same webhook-id across its retries. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextAttemptAt: text("next_attempt_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("webhook_deliveries_subscription").on(t.tenantId, t.subscriptionId, t.createdAt)],
);

/**
 * Durable background jobs, the one queue both runtimes use (services/jobs/). A job is queued with a
 * run time, leased by one runner at a time (lease_owner, lease_expires_at, renewed by a heartbeat),
 * and finished (succeeded / failed) or put back with a later run time. A lease that expires — its
 * process died — is resumed or failed by the sweep. `lane` separates kinds of work that must not
 * wait for each other (CPU-bound processing, webhook deliveries, scheduled maintenance), each with
 * its own concurrency and per-tenant cap. `dedupe_key` makes scheduling idempotent: a periodic job
 * ("freshness:2026-05-01") or a job tied to one subject is inserted once however often it is asked for.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    /** Null for system jobs that belong to no tenant (a global sweep). */
    tenantId: text("tenant_id"),
    type: text("type").notNull(),
    lane: text("lane").notNull(),
    payload: json<Record<string, unknown>>("payload").notNull(),
    dedupeKey: text("dedupe_key"),
    /** queued | running | succeeded | failed */
    state: text("state").notNull(),
    /** Higher first within a lane, after per-tenant fairness (a synchronous /v1/answer waits on its job). */
    priority: integer("priority").notNull(),
    attempts: integer("attempts").notNull(),
    maxAttempts: integer("max_attempts").notNull(),
    runAt: text("run_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: text("lease_expires_at"),
    lastError: text("last_error"),
    /** What the last run cost: wall time and the heap it used (Node worker threads report it). */
    metrics: json<{ durationMs?: number; heapUsedBytes?: number; peakHeapBytes?: number }>("metrics"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
    finishedAt: text("finished_at"),
  },
  (t) => [
    index("jobs_runnable").on(t.lane, t.state, t.runAt),
    index("jobs_tenant_state").on(t.tenantId, t.lane, t.state),
    uniqueIndex("jobs_dedupe").on(t.dedupeKey),
  ],
);

/**
 * What the freshness sweep found: an entry due for review, an artifact expiring or lapsed, answers that
 * depend on them. One row per subject and warning step (key), so a daily sweep announces each step once;
 * resolvedAt is set when a later sweep no longer finds it (renewed, reviewed).
 */
export const freshnessFindings = sqliteTable(
  "freshness_findings",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    /** kind:subject:step, unique per tenant. */
    key: text("key").notNull(),
    /** The webhook event it was announced with: artifact.expiring | entry.review_due | answer.stale. */
    kind: text("kind").notNull(),
    /** expiring, expired, review_due, review_overdue, review_lapsed, surveillance_due, stale … */
    state: text("state").notNull(),
    subjectType: text("subject_type").notNull(),
    subject: text("subject").notNull(),
    owner: text("owner").notNull(),
    dueOn: text("due_on").notNull(),
    message: text("message").notNull(),
    details: json<Record<string, unknown>>("details"),
    firstSeenAt: text("first_seen_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [
    uniqueIndex("freshness_findings_key").on(t.tenantId, t.key),
    index("freshness_findings_owner").on(t.tenantId, t.owner),
  ],
);

/**
 * An approved answer that disagrees with its library entry (or with another approved answer from the
 * same entry): the library may be wrong, so its owner decides. Resolved by hand.
 */
export const libraryConflicts = sqliteTable(
  "library_conflicts",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    entryId: text("entry_id").notNull(),
    owner: text("owner").notNull(),
    /** The approved answers involved: {answerId, questionnaireId, question, value}. */
    answers:
      json<{ answerId: string; questionnaireId: string; question: string; value: string | null }[]>(
        "answers",
      ).notNull(),
    message: text("message").notNull(),
    /** open | resolved */
    status: text("status").notNull(),
    createdAt: createdAt(),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by"),
    resolution: text("resolution"),
  },
  (t) => [index("library_conflicts_entry").on(t.tenantId, t.entryId, t.status)],
);

/**
 * One questionnaire's demand facts, rolled up from its questions' insight at answer time (one row per
 * questionnaire, so the demand view aggregates tens of thousands without reading every question).
 * buyer: the customer id, or the questionnaire id for an upload without a customer.
 */
export const questionnaireInsights = sqliteTable(
  "questionnaire_insights",
  {
    tenantId: text("tenant_id").notNull(),
    questionnaireId: text("questionnaire_id").notNull(),
    buyer: text("buyer").notNull(),
    askedOn: text("asked_on").notNull(),
    region: text("region", { enum: REGIONS }).notNull(),
    ndaInForce: integer("nda_in_force", { mode: "boolean" }).notNull(),
    questions: integer("questions").notNull(),
    frameworks: json<QuestionnaireInsight["frameworks"]>("frameworks").notNull(),
    soc2Types: json<QuestionnaireInsight["soc2Types"]>("soc2_types").notNull(),
    isoEditions: json<QuestionnaireInsight["isoEditions"]>("iso_editions").notNull(),
    withheld: json<QuestionnaireInsight["withheld"]>("withheld").notNull(),
    controls: json<QuestionnaireInsight["controls"]>("controls").notNull(),
    unevidenced: json<QuestionnaireInsight["unevidenced"]>("unevidenced").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.questionnaireId] }),
    index("questionnaire_insights_asked").on(t.tenantId, t.askedOn),
  ],
);
