import { answerQuestion } from "../../domain/answering/answer-questions.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import type { ReportQuestion } from "../../domain/answering/report.js";
import type { QuestionKind } from "../../domain/questionnaire/types.js";
import { type ServiceContext, todayOf } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";

export interface MatchInput {
  question: string;
  kind?: QuestionKind | undefined;
  allowedValues?: string[] | undefined;
  customer?: Partial<CustomerContext> | undefined;
}

/**
 * Drafts the answer to one question, as the questionnaire job would: a pure domain call on the
 * tenant's cached prepared library. Nothing is stored (a CRM can use it for a one-off question).
 */
export async function answerOne(ctx: ServiceContext, input: MatchInput): Promise<ReportQuestion> {
  const prepared = await preparedLibraryFor(ctx);
  const allowedValues = input.allowedValues && input.allowedValues.length > 0 ? input.allowedValues : null;
  return answerQuestion(
    prepared,
    {
      id: "match",
      sourceId: null,
      section: null,
      text: input.question,
      kind: input.kind ?? (allowedValues ? "choice" : "free_text"),
      allowedValues,
      location: { sheet: null, row: null, answerCell: null, commentCell: null },
      existingAnswer: null,
    },
    {
      region: input.customer?.region ?? "us",
      ndaOnFile: input.customer?.ndaOnFile ?? false,
      ndaUntil: input.customer?.ndaUntil ?? null,
      asOf: input.customer?.asOf ?? todayOf(ctx.clock),
    },
  );
}
