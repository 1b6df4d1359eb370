export const WEBHOOK_EVENTS = [
  "questionnaire.drafted",
  "questionnaire.approved",
  "questionnaire.failed",
  /** The freshness sweep: an artifact expiring in 60/30/7 days, expired, or its review due or lapsed. */
  "artifact.expiring",
  /** The freshness sweep: a library entry due for review within 30 days, or overdue. */
  "entry.review_due",
  /** The freshness sweep: answers of an open questionnaire (or approved answers) resting on something lapsed or about to. */
  "answer.stale",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
