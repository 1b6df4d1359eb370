import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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

export const customers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    region: text("region").notNull(),
    ndaOnFile: integer("nda_on_file", { mode: "boolean" }).notNull(),
    ndaSignedOn: text("nda_signed_on"),
    ndaUntil: text("nda_until"),
    crmSystem: text("crm_system"),
    crmId: text("crm_id"),
    createdAt: createdAt(),
  },
  (t) => [index("customers_tenant").on(t.tenantId)],
);

export const questionnaires = sqliteTable(
  "questionnaires",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    customerId: text("customer_id"),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    /** queued → processing → drafted → in_review → approved → exported, or failed. */
    status: text("status").notNull(),
    failure: json<{ code: string; message: string }>("failure"),
    blobKey: text("blob_key").notNull(),
    hints: json<Record<string, unknown>>("hints"),
    region: text("region").notNull(),
    ndaOnFile: integer("nda_on_file", { mode: "boolean" }).notNull(),
    asOf: text("as_of").notNull(),
    summary: json<Record<string, number>>("summary"),
    warnings: json<string[]>("warnings"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("questionnaires_tenant_created").on(t.tenantId, t.createdAt)],
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
    kind: text("kind").notNull(),
    allowedValues: json<string[]>("allowed_values"),
    sheet: text("sheet"),
    row: integer("row"),
    answerCell: text("answer_cell"),
    commentCell: text("comment_cell"),
    existingAnswer: text("existing_answer"),
  },
  (t) => [index("questions_questionnaire").on(t.tenantId, t.questionnaireId, t.ordinal)],
);

export const answers = sqliteTable(
  "answers",
  {
    /** Same id as its question: one answer per question. */
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    questionnaireId: text("questionnaire_id").notNull(),
    /** drafted | needs_review | no_match | approved | rejected */
    status: text("status").notNull(),
    value: text("value"),
    text: text("text"),
    confidence: real("confidence").notNull(),
    entryId: text("entry_id"),
    controls: json<{ framework: string; ref: string }[]>("controls").notNull(),
    citations: json<{ artifactId: string; type: string; title: string; reason: string }[]>("citations").notNull(),
    withheld: json<{ artifactId: string; reason: string }[]>("withheld").notNull(),
    alternatives: json<{ entryId: string; score: number }[]>("alternatives").notNull(),
    notes: json<string[]>("notes").notNull(),
    matchedTerms: json<string[]>("matched_terms").notNull(),
    assignee: text("assignee"),
    reviewer: text("reviewer"),
    reviewedAt: text("reviewed_at"),
    rejectReason: text("reject_reason"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("answers_questionnaire").on(t.tenantId, t.questionnaireId, t.status)],
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
