import { answerQuestionnaire } from "../../domain/answering/answer-questions.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import { refineReport } from "../../domain/answering/refine.js";
import type { AnswerReport } from "../../domain/answering/report.js";
import type { Questionnaire } from "../../domain/questionnaire/types.js";
import type { ServiceContext } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";

/**
 * Drafts every answer: the offline engine always, then the LLM drafter when the runtime provides
 * one (ANTHROPIC_API_KEY). The refinement keeps the offline draft wherever the model's answer does
 * not pass validation, so a model outage only costs quality, never the questionnaire.
 */
export async function draftReport(
  ctx: ServiceContext,
  questionnaire: Questionnaire,
  customer: CustomerContext,
  onProgress?: (done: number, total: number) => void,
  onDraftProgress?: (done: number, total: number) => void,
): Promise<AnswerReport> {
  const prepared = await preparedLibraryFor(ctx);
  const report = answerQuestionnaire(prepared, questionnaire, customer, {}, onProgress);
  if (!ctx.llm) return report;
  const refined = await refineReport(report, prepared, customer, ctx.llm.drafter, {
    ...ctx.llm.options,
    onProgress: onDraftProgress,
  });
  return refined.report;
}
