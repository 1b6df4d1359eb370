/**
 * A stored questionnaire's life: queued → processing → drafted → in_review → approved → exported,
 * or failed with a reason. The API schema, the database column and the services share this list.
 */
export const QUESTIONNAIRE_STATUSES = [
  "queued",
  "processing",
  "drafted",
  "in_review",
  "approved",
  "exported",
  "failed",
] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];
