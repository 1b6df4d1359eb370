import { and, eq, inArray } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import {
  answerHistory,
  answerInsights,
  answers,
  questionnaireInsights,
  questionnaires,
  questions,
} from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import type { ServiceContext } from "../context.js";
import { questionnaireRow } from "./shape.js";

/** Deletes the questionnaire, its questions, answers, their history and the uploaded file. The audit log keeps the fact. */
export async function deleteQuestionnaire(ctx: ServiceContext, id: string): Promise<void> {
  const row = await questionnaireRow(ctx, id);
  const { db, tenantId } = ctx;
  const answerIds = db
    .select({ id: answers.id })
    .from(answers)
    .where(and(eq(answers.tenantId, tenantId), eq(answers.questionnaireId, id)));
  await atomic(db, [
    db
      .delete(answerHistory)
      .where(and(eq(answerHistory.tenantId, tenantId), inArray(answerHistory.answerId, answerIds))),
    db.delete(answers).where(and(eq(answers.tenantId, tenantId), eq(answers.questionnaireId, id))),
    db.delete(answerInsights).where(and(eq(answerInsights.tenantId, tenantId), eq(answerInsights.questionnaireId, id))),
    db.delete(questions).where(and(eq(questions.tenantId, tenantId), eq(questions.questionnaireId, id))),
    db
      .delete(questionnaireInsights)
      .where(and(eq(questionnaireInsights.tenantId, tenantId), eq(questionnaireInsights.questionnaireId, id))),
    db.delete(questionnaires).where(and(eq(questionnaires.tenantId, tenantId), eq(questionnaires.id, id))),
    auditStatement(ctx, "questionnaire.delete", id, { fileName: row.fileName }),
  ]);
  await ctx.blobs.delete(row.blobKey);
}
