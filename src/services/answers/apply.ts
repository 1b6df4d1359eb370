import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { answerHistory, answers } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { syncReviewStatus } from "../questionnaires/review-status.js";
import { eventWrites } from "../webhooks/emit.js";
import type { WebhookEvent } from "../webhooks/events.js";
import { type AnswerRow, type ReviewState, reviewState } from "./shape.js";

/** The statements of one review action: the answer update, its history row (before/after) and the audit row. */
export function changeStatements(
  ctx: ServiceContext,
  row: AnswerRow,
  action: string,
  changes: Partial<ReviewState> & { controls?: AnswerRow["controls"] },
  extraAudit?: Record<string, unknown>,
) {
  const at = nowIso(ctx);
  const before = reviewState(row);
  const after = { ...before, ...changes };
  const { controls, ...stateChanges } = changes;
  return [
    ctx.db
      .update(answers)
      .set({
        ...stateChanges,
        ...(controls && { controls }),
        ...(changes.reviewer !== undefined && { reviewedAt: changes.reviewer ? at : null }),
        updatedAt: at,
      })
      .where(and(eq(answers.tenantId, ctx.tenantId), eq(answers.id, row.id))),
    ctx.db.insert(answerHistory).values({
      id: newId("ah"),
      tenantId: ctx.tenantId,
      answerId: row.id,
      action,
      actor: ctx.actor,
      at,
      before,
      after: { ...after, ...(controls && { controls }) },
    }),
    auditStatement(ctx, `answer.${action}`, row.id, { questionnaireId: row.questionnaireId, ...extraAudit }),
  ];
}

/** The webhook event a review action announces (committed with the change itself). */
const ACTION_EVENTS: Partial<Record<string, WebhookEvent>> = {
  approve: "answer.approved",
  edit: "answer.edited",
  reassign: "answer.assigned",
};

/** What an answer event says: the same shape for one approval and for each answer of a bulk approval. */
export function answerEventData(ctx: ServiceContext, answer: AnswerRow): Record<string, unknown> {
  return {
    answerId: answer.id,
    questionnaireId: answer.questionnaireId,
    sourceId: answer.sourceId,
    status: answer.status,
    value: answer.value,
    assignee: answer.assignee,
    dueOn: answer.dueOn,
    actor: ctx.actor,
  };
}

/** Applies one review action atomically, with its webhook event, then moves the questionnaire's status along. */
export async function applyChange(
  ctx: ServiceContext,
  row: AnswerRow,
  action: string,
  changes: Partial<ReviewState> & { controls?: AnswerRow["controls"] },
  extraAudit?: Record<string, unknown>,
): Promise<AnswerRow> {
  const at = nowIso(ctx);
  const result: AnswerRow = {
    ...row,
    ...changes,
    ...(changes.reviewer !== undefined && { reviewedAt: changes.reviewer ? at : null }),
    updatedAt: at,
  };
  const type = ACTION_EVENTS[action];
  const event = type ? await eventWrites(ctx, type, answerEventData(ctx, result)) : null;
  await atomic(ctx.db, [...changeStatements(ctx, row, action, changes, extraAudit), ...(event?.statements ?? [])]);
  if (event) await dispatchJobs(ctx, event.jobs);
  await syncReviewStatus(ctx, row.questionnaireId);
  return result;
}
