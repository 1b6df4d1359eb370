import { and, eq } from "drizzle-orm";
import { answers, questions } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";

/** The columns an answer view needs: the answer and its question, in one join. */
export const answerColumns = {
  id: answers.id,
  questionnaireId: answers.questionnaireId,
  ordinal: questions.ordinal,
  sourceId: questions.sourceId,
  section: questions.section,
  question: questions.text,
  kind: questions.kind,
  allowedValues: questions.allowedValues,
  sheet: questions.sheet,
  row: questions.row,
  answerCell: questions.answerCell,
  commentCell: questions.commentCell,
  existingAnswer: questions.existingAnswer,
  status: answers.status,
  value: answers.value,
  text: answers.text,
  confidence: answers.confidence,
  entryId: answers.entryId,
  controls: answers.controls,
  citations: answers.citations,
  onRequest: answers.onRequest,
  withheld: answers.withheld,
  entryIds: answers.entryIds,
  alternatives: answers.alternatives,
  notes: answers.notes,
  matchedTerms: answers.matchedTerms,
  assignee: answers.assignee,
  reviewer: answers.reviewer,
  reviewedAt: answers.reviewedAt,
  rejectReason: answers.rejectReason,
  dueOn: answers.dueOn,
  updatedAt: answers.updatedAt,
};

export type AnswerRow = {
  [K in keyof typeof answerColumns]: (typeof answerColumns)[K]["_"]["notNull"] extends true
    ? (typeof answerColumns)[K]["_"]["data"]
    : (typeof answerColumns)[K]["_"]["data"] | null;
};

/** The answer as the API shows it; the join's flat row is already that shape. */
export type AnswerView = AnswerRow;

export async function answerRow(ctx: ServiceContext, id: string): Promise<AnswerRow> {
  const rows = await ctx.db
    .select(answerColumns)
    .from(answers)
    .innerJoin(questions, and(eq(questions.tenantId, answers.tenantId), eq(questions.id, answers.id)))
    .where(and(eq(answers.tenantId, ctx.tenantId), eq(answers.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new QuireError("not_found", `answer ${id} not found`, 404);
  return row;
}

/** What review actions change; history keeps it before and after. */
export const reviewState = (a: AnswerRow) => ({
  status: a.status,
  value: a.value,
  text: a.text,
  entryId: a.entryId,
  entryIds: a.entryIds,
  citations: a.citations,
  onRequest: a.onRequest,
  assignee: a.assignee,
  reviewer: a.reviewer,
  rejectReason: a.rejectReason,
  dueOn: a.dueOn,
});
export type ReviewState = ReturnType<typeof reviewState>;
