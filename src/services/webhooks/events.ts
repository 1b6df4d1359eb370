export const WEBHOOK_EVENTS = ["questionnaire.drafted", "questionnaire.approved", "questionnaire.failed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
