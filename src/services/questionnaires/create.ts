import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import { QuireError } from "../../domain/errors.js";
import { givenHints, type LayoutHints } from "../../domain/questionnaire/layout-hints.js";
import { SOURCE_FORMATS, type StoredFormat } from "../../domain/questionnaire/types.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext, todayOf } from "../context.js";
import { customerRow } from "../customers/shape.js";
import { dispatchJobs, jobStatement } from "../jobs/enqueue.js";
import { admitUpload } from "./admission.js";
import { safeFileName } from "./file-name.js";
import { type QuestionnaireView, toQuestionnaire } from "./shape.js";

export interface CreateQuestionnaireInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly customerId: string;
  /** Date the citation policy judges validity on; default today. */
  readonly asOf?: string | undefined;
  readonly hints?: LayoutHints | undefined;
  /** The request's Idempotency-Key: a retried upload returns the questionnaire it created. */
  readonly requestKey?: string | undefined;
  /** The CRM deal it gates; default: the customer's deal at upload time. */
  readonly deal?: { stage: string; amount?: number | null | undefined } | undefined;
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
  const existing = await byRequestKey(ctx, input.requestKey);
  if (existing) return existing;
  const customer = await customerRow(ctx, input.customerId);
  const { view } = await queueQuestionnaire(ctx, {
    bytes: input.bytes,
    fileName: input.fileName,
    customerId: customer.id,
    customer: {
      region: customer.region as CustomerContext["region"],
      ndaOnFile: customer.ndaOnFile,
      ndaUntil: customer.ndaUntil,
      asOf: input.asOf ?? todayOf(ctx.clock),
    },
    hints: input.hints,
    requestKey: input.requestKey,
    deal: input.deal ?? (customer.dealStage ? { stage: customer.dealStage, amount: customer.dealAmount } : undefined),
    priority: 0,
  });
  return view;
}

/**
 * The synchronous /v1/answer's upload: the same durable questionnaire and processing job (so the
 * work runs off the request's thread and survives a crash), for a customer described inline,
 * ahead of background uploads in its lane. The caller waits for the job.
 */
export async function queueAnswer(
  ctx: ServiceContext,
  input: { bytes: Uint8Array; fileName: string; customer: CustomerContext; hints?: LayoutHints | undefined },
): Promise<{ view: QuestionnaireView; jobId: string }> {
  return queueQuestionnaire(ctx, { ...input, customerId: null, priority: 10 });
}

async function byRequestKey(ctx: ServiceContext, requestKey: string | undefined): Promise<QuestionnaireView | null> {
  if (!requestKey) return null;
  const row = (
    await ctx.db
      .select()
      .from(questionnaires)
      .where(and(eq(questionnaires.tenantId, ctx.tenantId), eq(questionnaires.requestKey, requestKey)))
      .limit(1)
  )[0];
  return row ? toQuestionnaire(row) : null;
}

async function queueQuestionnaire(
  ctx: ServiceContext,
  input: {
    bytes: Uint8Array;
    fileName: string;
    customerId: string | null;
    customer: CustomerContext;
    hints?: LayoutHints | undefined;
    requestKey?: string | undefined;
    deal?: { stage: string; amount?: number | null | undefined } | undefined;
    priority: number;
  },
): Promise<{ view: QuestionnaireView; jobId: string }> {
  if (!ctx.jobs) throw new QuireError("jobs_unavailable", "this runtime has no job queue", 500);
  await admitUpload(ctx);
  const id = newId("qn");
  const fileName = safeFileName(input.fileName);
  const blobKey = `${ctx.tenantId}/${id}/original`;
  await ctx.blobs.put(blobKey, input.bytes);
  const at = nowIso(ctx);
  const row: typeof questionnaires.$inferSelect = {
    id,
    tenantId: ctx.tenantId,
    customerId: input.customerId,
    fileName,
    format: formatGuess(fileName),
    status: "queued",
    failure: null,
    blobKey,
    hints: givenHints(input.hints) ?? null,
    region: input.customer.region,
    ndaOnFile: input.customer.ndaOnFile,
    ndaUntil: input.customer.ndaUntil ?? null,
    asOf: input.customer.asOf,
    summary: null,
    warnings: [],
    llmUsage: null,
    llmBulk: null,
    createdBy: ctx.actor,
    requestKey: input.requestKey ?? null,
    dealStage: input.deal?.stage ?? null,
    dealAmount: input.deal?.amount ?? null,
    draftedAt: null,
    approvedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  const job = jobStatement(
    ctx,
    { type: "questionnaire.process", tenantId: ctx.tenantId, questionnaireId: id },
    { dedupeKey: `questionnaire.process:${id}`, priority: input.priority },
  );
  try {
    await atomic(ctx.db, [
      ctx.db.insert(questionnaires).values(row),
      auditStatement(ctx, "questionnaire.create", id, {
        fileName,
        bytes: input.bytes.byteLength,
        customerId: input.customerId,
      }),
      job.statement,
    ]);
  } catch (error) {
    // Two retries of one upload raced: the other one's questionnaire is the answer.
    const raced = await byRequestKey(ctx, input.requestKey);
    await ctx.blobs.delete(blobKey).catch(() => undefined);
    if (raced) return { view: raced, jobId: "" };
    throw error;
  }
  await dispatchJobs(ctx, [job.job]);
  return { view: toQuestionnaire(row), jobId: job.job.id };
}
