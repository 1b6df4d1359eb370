import { and, asc, eq } from "drizzle-orm";
import { answers, questions } from "../../db/schema/index.js";
import type { ReviewedQuestion, ReviewedReport } from "../../domain/answering/report.js";
import { summarize } from "../../domain/answering/report.js";
import { QuireError } from "../../domain/errors.js";
import { type AnswerRow, answerColumns } from "../answers/shape.js";
import type { ServiceContext } from "../context.js";
import type { QuestionnaireRow } from "./shape.js";

/** A questionnaire's questions joined with their answers, in file order. */
export async function storedAnswerRows(ctx: ServiceContext, questionnaireId: string): Promise<AnswerRow[]> {
  return (await ctx.db
    .select(answerColumns)
    .from(questions)
    .innerJoin(answers, and(eq(answers.tenantId, questions.tenantId), eq(answers.id, questions.id)))
    .where(and(eq(questions.tenantId, ctx.tenantId), eq(questions.questionnaireId, questionnaireId)))
    .orderBy(asc(questions.ordinal))) as AnswerRow[];
}

/** The stored answers as a report; statuses include the review ones (approved, rejected). */
export function reportOf(qn: QuestionnaireRow, rows: readonly AnswerRow[]): ReviewedReport {
  const reportQuestions = rows.map(
    (r): ReviewedQuestion => ({
      id: r.id,
      sheet: r.sheet,
      row: r.row,
      sourceId: r.sourceId,
      section: r.section,
      question: r.question,
      kind: r.kind,
      allowedValues: r.allowedValues,
      status: r.status,
      answer: r.text === null ? null : { value: r.value, text: r.text },
      confidence: r.confidence,
      entryId: r.entryId,
      controls: r.controls,
      citations: r.citations,
      onRequest: r.onRequest ?? [],
      withheld: r.withheld,
      alternatives: r.alternatives,
      notes: r.notes,
      matchedTerms: r.matchedTerms,
      existingAnswer: r.existingAnswer,
    }),
  );
  // Processing sets the format before a questionnaire is drafted; "unknown" means it never was.
  if (qn.format === "unknown") throw new QuireError("not_ready", `questionnaire ${qn.id} was never read`, 409);
  return {
    source: { file: qn.fileName, format: qn.format },
    customer: { region: qn.region, ndaOnFile: qn.ndaOnFile, asOf: qn.asOf },
    questions: reportQuestions,
    summary: summarize(reportQuestions),
    warnings: qn.warnings ?? [],
    ...(qn.llmUsage && { llm: qn.llmUsage }),
  };
}
