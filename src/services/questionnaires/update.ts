import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { type QuestionnaireView, questionnaireRow, toQuestionnaire } from "./shape.js";

export interface QuestionnairePatch {
  /** The CRM deal the questionnaire gates; null removes it. */
  readonly deal?: { stage: string; amount?: number | null | undefined } | null | undefined;
}

/**
 * Updates what the CRM knows about the questionnaire's deal (stage, amount). The drafted answers
 * do not change: the region and NDA they were drafted for stay as uploaded.
 */
export async function updateQuestionnaire(
  ctx: ServiceContext,
  id: string,
  patch: QuestionnairePatch,
): Promise<QuestionnaireView> {
  const before = await questionnaireRow(ctx, id);
  const after = {
    ...before,
    ...(patch.deal !== undefined && { dealStage: patch.deal?.stage ?? null, dealAmount: patch.deal?.amount ?? null }),
    updatedAt: nowIso(ctx),
  };
  await atomic(ctx.db, [
    ctx.db
      .update(questionnaires)
      .set({ dealStage: after.dealStage, dealAmount: after.dealAmount, updatedAt: after.updatedAt })
      .where(and(eq(questionnaires.tenantId, ctx.tenantId), eq(questionnaires.id, id))),
    auditStatement(ctx, "questionnaire.update", id, {
      before: { dealStage: before.dealStage, dealAmount: before.dealAmount },
      after: { dealStage: after.dealStage, dealAmount: after.dealAmount },
    }),
  ]);
  return toQuestionnaire(after);
}
