/** What the engine decides for a question: a draft, a draft a person should check, or no answer. */
export const DRAFT_STATUSES = ["drafted", "needs_review", "no_match"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A stored answer's status: the engine's, or a reviewer's decision. */
export const ANSWER_STATUSES = [...DRAFT_STATUSES, "approved", "rejected"] as const;
export type StoredAnswerStatus = (typeof ANSWER_STATUSES)[number];
