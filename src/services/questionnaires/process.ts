import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import { isQuireError } from "../../domain/errors.js";
import { ingestQuestionnaire } from "../../ingest/index.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { emitEvent } from "../webhooks/emit.js";
import { draftStatements } from "./answer-file.js";
import { draftReport } from "./draft-report.js";
import { customerContextOf } from "./shape.js";

/**
 * The background job behind POST /v1/questionnaires: queued → processing → drafted, or failed
 * with a reason a person can act on (the ingest refusal's own code and message).
 */
export async function processQuestionnaire(ctx: ServiceContext, id: string): Promise<void> {
  const { db, tenantId } = ctx;
  const where = and(eq(questionnaires.tenantId, tenantId), eq(questionnaires.id, id));
  const row = (await db.select().from(questionnaires).where(where).limit(1))[0];
  // Deleted meanwhile, or already taken by another run of the same job: nothing to do.
  if (row?.status !== "queued") return;
  await db
    .update(questionnaires)
    .set({ status: "processing", updatedAt: nowIso(ctx) })
    .where(where);

  try {
    const bytes = await ctx.blobs.get(row.blobKey);
    if (!bytes) throw new Error(`blob ${row.blobKey} is missing`);
    const questionnaire = await ingestQuestionnaire(bytes, row.fileName, row.hints ?? undefined);
    const report = await draftReport(ctx, questionnaire, customerContextOf(row));
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
    ]);
    await emitEvent(ctx, "questionnaire.drafted", { questionnaireId: id, status: "drafted", summary: report.summary });
  } catch (error) {
    const failure = isQuireError(error)
      ? { code: error.code, message: error.message }
      : { code: "processing_error", message: "the questionnaire could not be processed; the server log has details" };
    if (!isQuireError(error)) console.error(`questionnaire ${id} failed`, error);
    await atomic(db, [
      db
        .update(questionnaires)
        .set({ status: "failed", failure, updatedAt: nowIso(ctx) })
        .where(where),
      auditStatement(ctx, "questionnaire.failed", id, failure),
    ]);
    await emitEvent(ctx, "questionnaire.failed", { questionnaireId: id, status: "failed", failure });
  }
}
