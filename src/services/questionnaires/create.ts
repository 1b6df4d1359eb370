import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { givenHints, type LayoutHints } from "../../domain/questionnaire/layout-hints.js";
import { SOURCE_FORMATS, type StoredFormat } from "../../domain/questionnaire/types.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext, todayOf } from "../context.js";
import { customerRow } from "../customers/shape.js";
import { type QuestionnaireView, toQuestionnaire } from "./shape.js";

export interface CreateQuestionnaireInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly customerId: string;
  /** Date the citation policy judges validity on; default today. */
  readonly asOf?: string | undefined;
  readonly hints?: LayoutHints | undefined;
}

const formatGuess = (fileName: string): StoredFormat =>
  SOURCE_FORMATS.find((f) => fileName.toLowerCase().endsWith(`.${f}`)) ?? "unknown";

/**
 * Stores the upload and queues it: the answer is "queued" at once, and the processing job moves it
 * on. The customer's region and NDA are copied now, so a later customer edit does not silently
 * change which artifacts this questionnaire may cite.
 */
export async function createQuestionnaire(
  ctx: ServiceContext,
  input: CreateQuestionnaireInput,
): Promise<QuestionnaireView> {
  if (!ctx.jobs) throw new QuireError("jobs_unavailable", "this runtime has no job queue", 500);
  const customer = await customerRow(ctx, input.customerId);
  const id = newId("qn");
  const blobKey = `${ctx.tenantId}/${id}/original`;
  await ctx.blobs.put(blobKey, input.bytes);
  const at = nowIso(ctx);
  const row: typeof questionnaires.$inferSelect = {
    id,
    tenantId: ctx.tenantId,
    customerId: customer.id,
    fileName: input.fileName,
    format: formatGuess(input.fileName),
    status: "queued",
    failure: null,
    blobKey,
    hints: givenHints(input.hints) ?? null,
    region: customer.region,
    ndaOnFile: customer.ndaOnFile,
    ndaUntil: customer.ndaUntil,
    asOf: input.asOf ?? todayOf(ctx.clock),
    summary: null,
    warnings: [],
    createdBy: ctx.actor,
    createdAt: at,
    updatedAt: at,
  };
  await atomic(ctx.db, [
    ctx.db.insert(questionnaires).values(row),
    auditStatement(ctx, "questionnaire.create", id, {
      fileName: input.fileName,
      bytes: input.bytes.byteLength,
      customerId: customer.id,
    }),
  ]);
  await ctx.jobs.enqueue({ type: "questionnaire.process", tenantId: ctx.tenantId, questionnaireId: id });
  return toQuestionnaire(row);
}
