export const WEBHOOK_EVENTS = [
  "questionnaire.drafted",
  "questionnaire.approved",
  "questionnaire.failed",
  /** A download of the filled file, CSV or JSON was produced (what left Quire). */
  "questionnaire.exported",
  /** One answer approved by a reviewer (bulk approval announces questionnaire.approved when it completes). */
  "answer.approved",
  /** A reviewer changed an answer's value, text, entry or citations. */
  "answer.edited",
  /** An answer was assigned to someone (or unassigned), or its due date changed. */
  "answer.assigned",
  /** Someone commented on an answer; `mentions` are the people it names. */
  "answer.commented",
  /** An admin invited a person (email and role; the link itself is only in the API response). */
  "invitation.created",
  /** The freshness sweep: an artifact expiring in 60/30/7 days, expired, or its review due or lapsed. */
  "artifact.expiring",
  /** The freshness sweep: a library entry due for review within 30 days, or overdue. */
  "entry.review_due",
  /** The freshness sweep: answers of an open questionnaire (or approved answers) resting on something lapsed or about to. */
  "answer.stale",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by POST /v1/webhooks/{id}/ping, to that one endpoint, whatever it subscribed to. */
export const PING_EVENT = "webhook.ping";
