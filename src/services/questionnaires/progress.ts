import { and, count, eq } from "drizzle-orm";
import { answers } from "../../db/schema/index.js";
import { ANSWER_STATUSES, type StoredAnswerStatus } from "../../domain/answering/status.js";
import type { ServiceContext } from "../context.js";
import { questionnaireRow } from "./shape.js";

export interface QuestionnaireProgress {
  questionnaireId: string;
  /** queued → processing → drafted → in_review → approved → exported (or failed). */
  status: string;
  /** Questions found when drafted (null while still reading the file). */
  questions: number | null;
  /** Answers saved so far: grows while a large file is being saved, then equals `questions`. */
  saved: number;
  /** Answers by status, every status present (0 when none). */
  counts: Record<StoredAnswerStatus, number>;
}

/**
 * Where one questionnaire stands: processing status and answers by status, in one grouped query
 * over the index answers_questionnaire. The events stream sends it whenever it changes, so it is
 * kept small and cheap to recompute.
 */
export async function questionnaireProgress(ctx: ServiceContext, id: string): Promise<QuestionnaireProgress> {
  const qn = await questionnaireRow(ctx, id);
  const rows = await ctx.db
    .select({ status: answers.status, n: count() })
    .from(answers)
    .where(and(eq(answers.tenantId, ctx.tenantId), eq(answers.questionnaireId, id)))
    .groupBy(answers.status);
  const counts = Object.fromEntries(ANSWER_STATUSES.map((s) => [s, 0])) as Record<StoredAnswerStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  const summary = qn.summary as { questions?: number } | null;
  return {
    questionnaireId: qn.id,
    status: qn.status,
    questions: summary?.questions ?? null,
    saved: rows.reduce((sum, r) => sum + r.n, 0),
    counts,
  };
}
