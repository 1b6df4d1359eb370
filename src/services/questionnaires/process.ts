import { and, eq, inArray, sql } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { answerInsights, answers, questionnaires, questions } from "../../db/schema/index.js";
import type { AnswerReport } from "../../domain/answering/report.js";
import { isQuireError } from "../../domain/errors.js";
import type { QuestionInsight } from "../../domain/insight/record.js";
import type { QuestionnaireStatus } from "../../domain/questionnaire/status.js";
import type { Questionnaire } from "../../domain/questionnaire/types.js";
import { ingestQuestionnaire } from "../../ingest/index.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { insightFor, insightStatements } from "../insights/record.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import type { JobOutcome } from "../jobs/types.js";
import { eventWrites } from "../webhooks/emit.js";
import { draftStatements } from "./answer-file.js";
import { collectBulkDraft, startBulkDraft, usesBulk } from "./bulk-draft.js";
import { draftReport } from "./draft-report.js";
import { checkQuestionCount } from "./question-cap.js";
import { type RepeatedDrafts, repeatedDrafts } from "./repeated-drafts.js";
import { customerContextOf, type QuestionnaireRow } from "./shape.js";

/** Still waiting for its processing job (a job resumed after a crash finds it "processing"). */
const UNFINISHED: QuestionnaireStatus[] = ["queued", "processing"];

/**
 * The background job behind POST /v1/questionnaires: queued → processing → drafted, or failed
 * with a reason a person can act on (the ingest refusal's own code and message).
 * Safe to run again after a crash: a questionnaire already drafted or failed is left alone; an
 * interrupted save is started over; the status, the audit row and the webhook deliveries are one
 * atomic write, guarded by a check that exactly one run's rows are saved (the unique question
 * ordinal refuses a second copy), so every questionnaire is drafted once, with no duplicate answers.
 */
export async function processQuestionnaire(ctx: ServiceContext, id: string): Promise<void> {
  const { db, tenantId } = ctx;
  const where = and(eq(questionnaires.tenantId, tenantId), eq(questionnaires.id, id));
  const row = (await db.select().from(questionnaires).where(where).limit(1))[0];
  // Deleted meanwhile, or already finished by an earlier run of the same job: nothing to do.
  if (!row || !UNFINISHED.includes(row.status as QuestionnaireStatus)) return;
  if (row.status === "queued") {
    await db
      .update(questionnaires)
      .set({ status: "processing", updatedAt: nowIso(ctx) })
      .where(where);
  }

  // Its Message Batch was submitted by an earlier run: the poll job finishes it.
  if (row.llmBulk) return;

  let drafted: { questionnaire: Questionnaire; report: AnswerReport };
  try {
    const questionnaire = await readStored(ctx, row);
    checkQuestionCount(questionnaire, ctx.maxQuestions);
    const customer = customerContextOf(row);
    if (usesBulk(ctx, questionnaire)) {
      const report = await startBulkDraft(ctx, row, questionnaire, customer);
      if (!report) return;
      drafted = { questionnaire, report };
    } else {
      drafted = { questionnaire, report: await draftReport(ctx, questionnaire, customer) };
    }
  } catch (error) {
    // Refusals (a bad file) fail the questionnaire; anything else is the job's to retry.
    if (!isQuireError(error)) throw error;
    await failQuestionnaire(ctx, id, { code: error.code, message: error.message, status: error.status });
    return;
  }
  await completeQuestionnaire(ctx, row, drafted.questionnaire, drafted.report);
}

async function readStored(ctx: ServiceContext, row: QuestionnaireRow): Promise<Questionnaire> {
  const bytes = await ctx.blobs.get(row.blobKey);
  if (!bytes) throw new Error(`blob ${row.blobKey} is missing`);
  return ingestQuestionnaire(bytes, row.fileName, row.hints ?? undefined);
}

/**
 * The poll job behind background drafting through the Message Batches API: waits (a "retry"
 * outcome after pollMs) while the batch runs, then saves the validated drafts like any run.
 * `giveUp` (the job has used its polls) saves the offline drafts, sent to review.
 */
export async function pollQuestionnaire(
  ctx: ServiceContext,
  id: string,
  giveUp = false,
): Promise<JobOutcome | undefined> {
  const where = and(eq(questionnaires.tenantId, ctx.tenantId), eq(questionnaires.id, id));
  const row = (await ctx.db.select().from(questionnaires).where(where).limit(1))[0];
  if (!row || !UNFINISHED.includes(row.status as QuestionnaireStatus) || !row.llmBulk) return undefined;
  const questionnaire = await readStored(ctx, row);
  const collected = await collectBulkDraft(ctx, row, questionnaire, customerContextOf(row), giveUp);
  if (collected.kind === "waiting") return collected.outcome;
  await completeQuestionnaire(ctx, row, questionnaire, collected.report);
  return undefined;
}

/**
 * Saves the drafts and flips the questionnaire to drafted, atomically with its audit row and
 * webhook deliveries, guarded so that exactly one run's rows are saved.
 */
async function completeQuestionnaire(
  ctx: ServiceContext,
  row: QuestionnaireRow,
  questionnaire: Questionnaire,
  report: AnswerReport,
): Promise<void> {
  const { db, tenantId } = ctx;
  const id = row.id;
  const where = and(eq(questionnaires.tenantId, tenantId), eq(questionnaires.id, id));
  const repeats = repeatedDrafts(report.questions);
  const insight = await insightFor(ctx, {
    questionnaireId: id,
    customerId: row.customerId,
    askedOn: row.createdAt.slice(0, 10),
    customer: customerContextOf(row),
    questionnaire,
    report,
    repeats,
  });
  await saveDrafts(ctx, id, questionnaire, report, insight.questions, repeats);
  const n = questionnaire.questions.length;
  const event = await eventWrites(ctx, "questionnaire.drafted", {
    questionnaireId: id,
    status: "drafted",
    summary: report.summary,
  });
  await atomic(db, [
    // The guard first: if the saved rows are not exactly this run's (a stale run interfered), the
    // NOT NULL violation rolls the whole step back and the job runs again from a clean slate.
    db
      .update(questionnaires)
      .set({ status: sql`NULL` })
      .where(
        and(
          where,
          sql`((select count(*) from questions q where q.tenant_id = ${tenantId} and q.questionnaire_id = ${id}) <> ${n}
            or (select count(*) from answers a where a.tenant_id = ${tenantId} and a.questionnaire_id = ${id}) <> ${n})`,
        ),
      ),
    db
      .update(questionnaires)
      .set({
        status: "drafted",
        format: questionnaire.source.format,
        summary: report.summary,
        warnings: report.warnings,
        draftedAt: nowIso(ctx),
        llmUsage: report.llm ?? null,
        updatedAt: nowIso(ctx),
      })
      .where(and(where, inArray(questionnaires.status, UNFINISHED))),
    ...insightStatements(ctx, insight.row),
    auditStatement(ctx, "questionnaire.drafted", id, { ...report.summary }),
    ...event.statements,
  ]);
  await dispatchJobs(ctx, event.jobs);
}

/** Statements per transaction when saving drafts: a few hundred rows, tens of milliseconds of write lock. */
const SAVE_CHUNK = 100;

/**
 * Saves the questions and drafted answers (the existing draftStatements) in short transactions, so
 * a 20,000-question save never holds SQLite's single write lock for seconds while every other
 * tenant's write waits; between transactions the runtime lets other writers in (yieldWrites).
 * Rows a crashed earlier run left are removed first. The questionnaire stays "processing" (its
 * answers are not shown as drafted) until the final step checks the rows and flips it, atomically
 * with its audit row and webhook deliveries.
 */
async function saveDrafts(
  ctx: ServiceContext,
  id: string,
  questionnaire: Questionnaire,
  report: AnswerReport,
  insights: readonly QuestionInsight[],
  repeats: RepeatedDrafts,
): Promise<void> {
  const { db, tenantId } = ctx;
  await atomic(db, [
    db.delete(answers).where(and(eq(answers.tenantId, tenantId), eq(answers.questionnaireId, id))),
    db.delete(answerInsights).where(and(eq(answerInsights.tenantId, tenantId), eq(answerInsights.questionnaireId, id))),
    db.delete(questions).where(and(eq(questions.tenantId, tenantId), eq(questions.questionnaireId, id))),
  ]);
  const statements = draftStatements(ctx, { questionnaireId: id, questionnaire, report, insights, repeats });
  for (let i = 0; i < statements.length; i += SAVE_CHUNK) {
    await atomic(db, statements.slice(i, i + SAVE_CHUNK));
    await (ctx.yieldWrites?.() ?? Promise.resolve());
  }
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
  if (!row || !UNFINISHED.includes(row.status as QuestionnaireStatus)) return;
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
