import { and, eq, inArray } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import type { AnswerReport } from "../../domain/answering/report.js";
import { isQuireError } from "../../domain/errors.js";
import type { Questionnaire } from "../../domain/questionnaire/types.js";
import { ingestQuestionnaire } from "../../ingest/index.js";
import type { LayoutHints } from "../../ingest/types.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { eventWrites } from "../webhooks/emit.js";
import { draftStatements } from "./answer-file.js";
import { draftReport } from "./draft-report.js";
import { customerContextOf } from "./shape.js";

/** Still waiting for its processing job (a job resumed after a crash finds it "processing"). */
const UNFINISHED = ["queued", "processing"];

/**
 * The background job behind POST /v1/questionnaires: queued → processing → drafted, or failed
 * with a reason a person can act on (the ingest refusal's own code and message).
 * Safe to run again after a crash: a questionnaire already drafted or failed is left alone, and
 * the drafted answers, the status, the audit row and the webhook deliveries are one atomic write
 * (the unique question ordinal makes a second save fail whole rather than duplicate answers).
 */
export async function processQuestionnaire(ctx: ServiceContext, id: string): Promise<void> {
  const { db, tenantId } = ctx;
  const where = and(eq(questionnaires.tenantId, tenantId), eq(questionnaires.id, id));
  const row = (await db.select().from(questionnaires).where(where).limit(1))[0];
  // Deleted meanwhile, or already finished by an earlier run of the same job: nothing to do.
  if (!row || !UNFINISHED.includes(row.status)) return;
  if (row.status === "queued") {
    await db
      .update(questionnaires)
      .set({ status: "processing", updatedAt: nowIso(ctx) })
      .where(where);
  }

  let drafted: { questionnaire: Questionnaire; report: AnswerReport };
  try {
    const bytes = await ctx.blobs.get(row.blobKey);
    if (!bytes) throw new Error(`blob ${row.blobKey} is missing`);
    const questionnaire = await ingestQuestionnaire(bytes, row.fileName, (row.hints ?? undefined) as LayoutHints);
    drafted = { questionnaire, report: await draftReport(ctx, questionnaire, customerContextOf(row)) };
  } catch (error) {
    // Refusals (a bad file) fail the questionnaire; anything else is the job's to retry.
    if (!isQuireError(error)) throw error;
    await failQuestionnaire(ctx, id, { code: error.code, message: error.message, status: error.status });
    return;
  }

  const { questionnaire, report } = drafted;
  const event = await eventWrites(ctx, "questionnaire.drafted", {
    questionnaireId: id,
    status: "drafted",
    summary: report.summary,
  });
  await atomic(db, [
    ...draftStatements(ctx, { questionnaireId: id, questionnaire, report }),
    db
      .update(questionnaires)
      .set({
        status: "drafted",
        format: questionnaire.source.format,
        summary: report.summary,
        warnings: report.warnings,
        updatedAt: nowIso(ctx),
      })
      .where(where),
    auditStatement(ctx, "questionnaire.drafted", id, { ...report.summary }),
    ...event.statements,
  ]);
  await dispatchJobs(ctx, event.jobs);
}

/**
 * Marks an unfinished questionnaire failed with a reason (an ingest refusal, or the job given up:
 * out of memory, timed out, interrupted too often), audited, with its questionnaire.failed event.
 */
export async function failQuestionnaire(
  ctx: ServiceContext,
  id: string,
  failure: { code: string; message: string; status?: number },
): Promise<void> {
  const { db, tenantId } = ctx;
  const where = and(eq(questionnaires.tenantId, tenantId), eq(questionnaires.id, id));
  const row = (await db.select({ status: questionnaires.status }).from(questionnaires).where(where).limit(1))[0];
  if (!row || !UNFINISHED.includes(row.status)) return;
  const event = await eventWrites(ctx, "questionnaire.failed", { questionnaireId: id, status: "failed", failure });
  await atomic(db, [
    db
      .update(questionnaires)
      .set({ status: "failed", failure, updatedAt: nowIso(ctx) })
      .where(and(where, inArray(questionnaires.status, UNFINISHED))),
    auditStatement(ctx, "questionnaire.failed", id, failure),
    ...event.statements,
  ]);
  await dispatchJobs(ctx, event.jobs);
}
