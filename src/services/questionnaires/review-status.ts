import { and, count, eq, inArray, sql } from "drizzle-orm";
import { answers, questionnaires } from "../../db/schema/index.js";
import { nowIso, type ServiceContext } from "../context.js";
import { emitEvent } from "../webhooks/emit.js";

/** Answers that still need a decision before the questionnaire can be called approved. */
export const UNDECIDED = ["drafted", "needs_review", "rejected"] as const;

/**
 * Recomputes the questionnaire's review status after any review action:
 * drafted → in_review on the first action; → approved once no answer is undecided (no_match
 * answers without text stay blank by design) and at least one is approved; back to in_review
 * if an approved questionnaire gets an undecided answer again.
 */
export async function syncReviewStatus(ctx: ServiceContext, questionnaireId: string): Promise<string> {
  const { db, tenantId } = ctx;
  const where = and(eq(questionnaires.tenantId, tenantId), eq(questionnaires.id, questionnaireId));
  const row = (await db.select({ status: questionnaires.status }).from(questionnaires).where(where).limit(1))[0];
  if (!row) return "deleted";
  const counts = await db
    .select({ status: answers.status, n: count() })
    .from(answers)
    .where(and(eq(answers.tenantId, tenantId), eq(answers.questionnaireId, questionnaireId)))
    .groupBy(answers.status);
  const n = (statuses: readonly string[]) =>
    counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
  const undecided = n(UNDECIDED);
  const approved = n(["approved"]);

  let next = row.status;
  if (undecided === 0 && approved > 0 && (row.status === "drafted" || row.status === "in_review")) next = "approved";
  else if (undecided > 0 && ["drafted", "approved", "exported"].includes(row.status)) next = "in_review";
  if (next === row.status) return next;
  await db
    .update(questionnaires)
    // The first approval ends the review time the demand view measures; a later re-approval keeps it.
    .set({
      status: next,
      updatedAt: nowIso(ctx),
      ...(next === "approved" && { approvedAt: sql`coalesce(${questionnaires.approvedAt}, ${nowIso(ctx)})` }),
    })
    .where(and(where, inArray(questionnaires.status, [row.status])));
  if (next === "approved") {
    await emitEvent(ctx, "questionnaire.approved", { questionnaireId, status: "approved", approvedAnswers: approved });
  }
  return next;
}
