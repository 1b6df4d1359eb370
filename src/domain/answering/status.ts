/** What the engine decides for a question: a draft, a draft a person should check, or no answer. */
export const DRAFT_STATUSES = ["drafted", "needs_review", "no_match"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A stored answer's status: the engine's, or a reviewer's decision. */
export const ANSWER_STATUSES = [...DRAFT_STATUSES, "approved", "rejected"] as const;
export type StoredAnswerStatus = (typeof ANSWER_STATUSES)[number];

/**
 * How a review queue can be ordered. `position` is the questionnaire's own order (sheet, then row);
 * the others order by one field, with `-` for descending. Ties always fall back to position, so
 * the order is total and a cursor can page through it.
 */
export const ANSWER_SORTS = [
  "position",
  "confidence",
  "-confidence",
  "status",
  "-status",
  "dueOn",
  "-dueOn",
  "assignee",
  "-assignee",
] as const;
export type AnswerSort = (typeof ANSWER_SORTS)[number];

/**
 * `status` sorts by the work left, not the alphabet: what needs a person first, what is settled last.
 */
export const STATUS_WORK_ORDER: Readonly<Record<StoredAnswerStatus, number>> = {
  needs_review: 0,
  no_match: 1,
  drafted: 2,
  rejected: 3,
  approved: 4,
};
