import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { answerHistory, answers } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { syncReviewStatus } from "../questionnaires/review-status.js";
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

/** Applies one review action atomically, then moves the questionnaire's status along. */
export async function applyChange(
  ctx: ServiceContext,
  row: AnswerRow,
  action: string,
  changes: Partial<ReviewState> & { controls?: AnswerRow["controls"] },
  extraAudit?: Record<string, unknown>,
): Promise<AnswerRow> {
  await atomic(ctx.db, changeStatements(ctx, row, action, changes, extraAudit));
  await syncReviewStatus(ctx, row.questionnaireId);
  const at = nowIso(ctx);
  return {
    ...row,
    ...changes,
    ...(changes.reviewer !== undefined && { reviewedAt: changes.reviewer ? at : null }),
    updatedAt: at,
  };
}
