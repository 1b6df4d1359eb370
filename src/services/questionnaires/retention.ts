import { and, desc, eq, inArray, notInArray } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import {
  answerComments,
  answerHistory,
  answerInsights,
  answers,
  questionnaires,
  questions,
} from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import { jobContext, type ServiceContext, type ServiceDeps } from "../context.js";

/*
 * Run retention (QUIRE_KEEP_RUNS, issue 13): every stored run adds ~10 MB of questions, answers and
 * history, and nothing else ever removes them, so saving slows as the database grows. A tenant
 * keeps its newest `keep` questionnaires; the older ones lose their questions, answers, answer
 * history and comments, the questionnaire row and the uploaded file. The audit log is kept whole
 * (plus one row saying what was pruned), and so are the demand-insight rows: one small row per
 * questionnaire that the demand report aggregates over time.
 */

/** Never pruned whatever their age: a job is still working on them. */
const IN_FLIGHT = ["queued", "processing"] as const;

/** D1 binds at most 100 parameters per statement; the tenant id takes one. */
const IDS_PER_STATEMENT = 90;

export interface PruneResult {
  readonly tenantId: string;
  /** The questionnaires removed, oldest first. */
  readonly removed: readonly string[];
}

/** Keeps the tenant's newest `keep` questionnaires and removes the rest (not those still being processed). */
export async function pruneRuns(ctx: ServiceContext, keep: number): Promise<PruneResult> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a positive integer (got ${keep})`);
  const { db, tenantId } = ctx;
  const newest = db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(eq(questionnaires.tenantId, tenantId))
    .orderBy(desc(questionnaires.createdAt), desc(questionnaires.id))
    .limit(keep);
  // Read once, then deleted by these ids: a run stored meanwhile cannot change what goes.
  const old = await db
    .select({ id: questionnaires.id, blobKey: questionnaires.blobKey, createdAt: questionnaires.createdAt })
    .from(questionnaires)
    .where(
      and(
        eq(questionnaires.tenantId, tenantId),
        notInArray(questionnaires.status, [...IN_FLIGHT]),
        notInArray(questionnaires.id, newest),
      ),
    )
    .orderBy(questionnaires.createdAt, questionnaires.id);
  if (old.length === 0) return { tenantId, removed: [] };

  const statements = [];
  for (let i = 0; i < old.length; i += IDS_PER_STATEMENT) {
    const ids = old.slice(i, i + IDS_PER_STATEMENT).map((q) => q.id);
    const answerIds = db
      .select({ id: answers.id })
      .from(answers)
      .where(and(eq(answers.tenantId, tenantId), inArray(answers.questionnaireId, ids)));
    statements.push(
      db
        .delete(answerHistory)
        .where(and(eq(answerHistory.tenantId, tenantId), inArray(answerHistory.answerId, answerIds))),
      db
        .delete(answerComments)
        .where(and(eq(answerComments.tenantId, tenantId), inArray(answerComments.answerId, answerIds))),
      db.delete(answers).where(and(eq(answers.tenantId, tenantId), inArray(answers.questionnaireId, ids))),
      db
        .delete(answerInsights)
        .where(and(eq(answerInsights.tenantId, tenantId), inArray(answerInsights.questionnaireId, ids))),
      db.delete(questions).where(and(eq(questions.tenantId, tenantId), inArray(questions.questionnaireId, ids))),
      db.delete(questionnaires).where(and(eq(questionnaires.tenantId, tenantId), inArray(questionnaires.id, ids))),
    );
  }
  const ids = old.map((q) => q.id);
  statements.push(
    auditStatement(ctx, "questionnaires.pruned", `${old.length} questionnaires`, {
      keep,
      count: old.length,
      // The ids say what went; capped so that one audit row stays small after a first large prune.
      questionnaires: ids.slice(0, 1000),
      oldest: old[0]?.createdAt,
      newestRemoved: old[old.length - 1]?.createdAt,
    }),
  );
  await atomic(db, statements);
  // After the commit: a file store is not part of the transaction. A crash here leaves files
  // without rows (never rows without files), which nothing reads.
  for (const q of old) await ctx.blobs.delete(q.blobKey);
  return { tenantId, removed: ids };
}

/** pruneRuns for every tenant that has questionnaires (the server's daily run and its start). */
export async function pruneAllTenants(deps: ServiceDeps, keep: number): Promise<PruneResult[]> {
  const tenants = await deps.db.selectDistinct({ id: questionnaires.tenantId }).from(questionnaires);
  const results: PruneResult[] = [];
  for (const { id } of tenants) {
    try {
      results.push(await pruneRuns(jobContext(deps, id, "retention"), keep));
    } catch (error) {
      console.error(`run retention failed for tenant ${id}`, error);
    }
  }
  return results;
}

/** QUIRE_KEEP_RUNS: a positive integer keeps that many runs per tenant; unset or empty keeps all. */
export function keepRunsSetting(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new QuireError(
      "invalid_setting",
      `QUIRE_KEEP_RUNS must be a positive whole number of runs to keep (got "${value}")`,
      400,
    );
  }
  return n;
}
