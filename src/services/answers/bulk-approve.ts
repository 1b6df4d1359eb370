import { and, eq, gte, inArray } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { answers, questions } from "../../db/schema/index.js";
import type { StoredAnswerStatus } from "../../domain/answering/status.js";
import type { ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { recordConflicts } from "../library/conflicts.js";
import { syncReviewStatus } from "../questionnaires/review-status.js";
import { questionnaireRow } from "../questionnaires/shape.js";
import { deliveryWrites, subscribersOf } from "../webhooks/emit.js";
import { answerEventData, changeStatements } from "./apply.js";
import { approvalProblem } from "./approve.js";
import { answerColumns } from "./shape.js";

export interface BulkApproveInput {
  /** Approve answers whose confidence is at least this. */
  minConfidence: number;
  /** Which statuses qualify; default only "drafted" (needs_review means a person should look). */
  statuses?: StoredAnswerStatus[] | undefined;
}

/**
 * Approves every qualifying answer with text, all in one transaction with one history row each.
 * An answer that cannot be approved as it stands (a Yes/No or choice without a valid value) is
 * skipped and listed with the reason.
 */
export async function bulkApprove(
  ctx: ServiceContext,
  questionnaireId: string,
  input: BulkApproveInput,
): Promise<{ approved: string[]; skipped: { id: string; reason: string }[]; status: string }> {
  await questionnaireRow(ctx, questionnaireId);
  const rows = await ctx.db
    .select(answerColumns)
    .from(answers)
    .innerJoin(questions, and(eq(questions.tenantId, answers.tenantId), eq(questions.id, answers.id)))
    .where(
      and(
        eq(answers.tenantId, ctx.tenantId),
        eq(answers.questionnaireId, questionnaireId),
        inArray(answers.status, input.statuses ?? ["drafted"]),
        gte(answers.confidence, input.minConfidence),
      ),
    )
    .orderBy(questions.ordinal);
  const candidates = rows.filter((r) => r.status !== "approved" && r.text !== null && r.text.trim() !== "");
  const skipped = candidates.flatMap((r) => {
    const problem = approvalProblem(r);
    return problem ? [{ id: r.id, reason: problem.message }] : [];
  });
  const eligible = candidates.filter((r) => !skipped.some((s) => s.id === r.id));
  // One answer.approved per answer, as a single approval sends, committed with the approvals.
  const subscribers = await subscribersOf(ctx, "answer.approved");
  const events = eligible.map((row) =>
    deliveryWrites(ctx, subscribers, "answer.approved", {
      ...answerEventData(ctx, { ...row, status: "approved" }),
      bulk: true,
    }),
  );
  await atomic(ctx.db, [
    ...eligible.flatMap((row) =>
      changeStatements(
        ctx,
        row,
        "approve",
        { status: "approved", reviewer: ctx.actor, rejectReason: null },
        { bulk: true, citations: row.citations.map((c) => c.artifactId) },
      ),
    ),
    ...events.flatMap((e) => e.statements),
  ]);
  await dispatchJobs(
    ctx,
    events.flatMap((e) => e.jobs),
  );
  const status = await syncReviewStatus(ctx, questionnaireId);
  await recordConflicts(
    ctx,
    eligible.map((r) => ({ ...r, status: "approved" })),
  );
  return { approved: eligible.map((r) => r.id), skipped, status };
}
