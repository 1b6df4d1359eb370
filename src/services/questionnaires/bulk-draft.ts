import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import { answerQuestionnaire } from "../../domain/answering/answer-questions.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import { addUsage, BULK_DISCOUNT, ZERO_USAGE } from "../../domain/answering/llm-account.js";
import {
  applyRefinement,
  type BatchResult,
  planRefinement,
  type RefinePlan,
  worstCaseCost,
} from "../../domain/answering/refine.js";
import type { AnswerReport } from "../../domain/answering/report.js";
import type { Questionnaire } from "../../domain/questionnaire/types.js";
import { nowIso, type ServiceContext } from "../context.js";
import { dispatchJobs, jobStatement } from "../jobs/enqueue.js";
import type { JobOutcome } from "../jobs/types.js";
import { preparedLibraryFor } from "../library/prepared.js";
import type { QuestionnaireRow } from "./shape.js";

/**
 * Background drafting through the Message Batches API (half the price; results within hours): a
 * questionnaire of at least `llm.bulk.minQuestions` questions is answered offline, its batches are
 * submitted as one Message Batch, and a poll job (services/jobs: `questionnaire.llm_poll`) asks
 * every `pollMs` whether it has ended. The questionnaire stays "processing" meanwhile. The plan is
 * recomputed from the stored file on each poll (it is deterministic); answers are matched by
 * question id and validated against the plan of the day, so a library edited meanwhile can only
 * cost drafts, never let one through unchecked.
 */

/** Whether this questionnaire should draft through the bulk API on this runtime. */
export const usesBulk = (ctx: ServiceContext, questionnaire: Questionnaire): boolean =>
  Boolean(ctx.llm?.drafter.bulk && ctx.llm.bulk && questionnaire.questions.length >= ctx.llm.bulk.minQuestions);

async function planFor(ctx: ServiceContext, questionnaire: Questionnaire, customer: CustomerContext) {
  const prepared = await preparedLibraryFor(ctx);
  const offline = answerQuestionnaire(prepared, questionnaire, customer);
  const plan = planRefinement(offline, prepared, customer, ctx.llm?.options);
  return { prepared, offline, plan };
}

/** How many of the plan's batches (in order) fit under the cost ceiling at their worst case. */
function affordable(ctx: ServiceContext, plan: RefinePlan): number {
  const options = ctx.llm?.options;
  const ceiling = options?.prices && options.maxCostUsd != null ? options.maxCostUsd : null;
  if (ceiling === null || !options?.prices) return plan.batches.length;
  let spent = 0;
  let n = 0;
  for (const batch of plan.batches) {
    spent += worstCaseCost(plan, batch, options.prices, BULK_DISCOUNT);
    if (spent > ceiling) break;
    n++;
  }
  return n;
}

function finish(
  ctx: ServiceContext,
  parts: Awaited<ReturnType<typeof planFor>>,
  customer: CustomerContext,
  results: ReadonlyMap<string, BatchResult>,
  submitted: number,
): AnswerReport {
  const { plan, prepared, offline } = parts;
  let usage = ZERO_USAGE;
  for (const r of results.values()) if (r.kind === "output") usage = addUsage(usage, r.output.usage);
  const options = ctx.llm?.options;
  return applyRefinement(
    plan,
    prepared,
    customer,
    results,
    {
      model: ctx.llm?.drafter.model ?? "unknown",
      mode: "batches",
      calls: submitted,
      usage,
      prices: options?.prices,
      maxCostUsd: options?.prices ? (options.maxCostUsd ?? null) : null,
      ceilingReached: submitted < plan.batches.length,
    },
    offline,
    options,
  ).report;
}

/**
 * Submits the questionnaire's batches (those the ceiling allows) and enqueues the poll job, in one
 * atomic step with the Message Batch's id. Returns a finished report when nothing can be submitted
 * (the ceiling allows no call): the offline drafts, sent to review.
 */
export async function startBulkDraft(
  ctx: ServiceContext,
  row: QuestionnaireRow,
  questionnaire: Questionnaire,
  customer: CustomerContext,
): Promise<AnswerReport | null> {
  const bulk = ctx.llm?.drafter.bulk;
  const settings = ctx.llm?.bulk;
  if (!bulk || !settings) throw new Error("this runtime has no bulk drafter");
  const parts = await planFor(ctx, questionnaire, customer);
  const n = affordable(ctx, parts.plan);
  if (n === 0) return finish(ctx, parts, customer, new Map(), 0);
  const handle = await bulk.submit(parts.plan.batches.slice(0, n));
  const where = and(eq(questionnaires.tenantId, ctx.tenantId), eq(questionnaires.id, row.id));
  const poll = jobStatement(
    ctx,
    { type: "questionnaire.llm_poll", tenantId: ctx.tenantId, questionnaireId: row.id },
    { runAt: new Date(ctx.clock.now().getTime() + settings.pollMs), dedupeKey: `questionnaire.llm_poll:${handle}` },
  );
  await atomic(ctx.db, [
    ctx.db
      .update(questionnaires)
      .set({ llmBulk: { handle, submittedAt: nowIso(ctx), batches: n }, updatedAt: nowIso(ctx) })
      .where(where),
    poll.statement,
  ]);
  await dispatchJobs(ctx, [poll.job]);
  return null;
}

/**
 * One poll: "retry" (after pollMs) while the Message Batch runs; when it has ended, the report with
 * every answer validated. `giveUp` finishes without it (the job ran out of polls): offline drafts.
 */
export async function collectBulkDraft(
  ctx: ServiceContext,
  row: QuestionnaireRow,
  questionnaire: Questionnaire,
  customer: CustomerContext,
  giveUp = false,
): Promise<{ kind: "waiting"; outcome: JobOutcome } | { kind: "report"; report: AnswerReport }> {
  const pending = row.llmBulk;
  const parts = await planFor(ctx, questionnaire, customer);
  const submitted = parts.plan.batches.slice(0, pending?.batches ?? 0);
  const results = new Map<string, BatchResult>();
  const bulk = ctx.llm?.drafter.bulk;
  if (pending && bulk && !giveUp) {
    const collected = await bulk.collect(pending.handle, submitted);
    if (collected.state === "pending") {
      return {
        kind: "waiting",
        outcome: {
          kind: "retry",
          delayMs: ctx.llm?.bulk?.pollMs ?? 60_000,
          error: `waiting for Message Batch ${pending.handle}`,
        },
      };
    }
    for (const [id, output] of collected.outputs) results.set(id, { kind: "output", output });
  } else {
    const why = bulk ? "the Message Batch did not end in time" : "this runtime has no bulk drafter";
    for (const b of submitted) results.set(b.id, { kind: "failed", reason: why });
  }
  return { kind: "report", report: finish(ctx, parts, customer, results, submitted.length) };
}
