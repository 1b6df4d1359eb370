import type { AnswerReport } from "../../src/domain/answering/report.js";
import type { Questionnaire } from "../../src/domain/questionnaire/types.js";

/**
 * The question and answer rows of one questionnaire written field by field from the report, as a
 * plain drizzle insert would: the reference the fast save (saveAnswered) must store the same as.
 * Kept apart from the code under test on purpose. Each answer points at the insight row of its own
 * ordinal (`insightRef: i`).
 */
export function plainQuestionRows(
  questionnaire: Questionnaire,
  ids: readonly string[],
  tenantId: string,
  questionnaireId: string,
) {
  return questionnaire.questions.map((q, i) => ({
    id: ids[i] as string,
    tenantId,
    questionnaireId,
    ordinal: i,
    sourceId: q.sourceId,
    section: q.section,
    text: q.text,
    kind: q.kind,
    allowedValues: q.allowedValues,
    sheet: q.location.sheet,
    row: q.location.row,
    answerCell: q.location.answerCell,
    commentCell: q.location.commentCell,
    existingAnswer: q.existingAnswer,
  }));
}

export function plainAnswerRows(
  report: AnswerReport,
  ids: readonly string[],
  tenantId: string,
  questionnaireId: string,
  at: string,
) {
  return report.questions.map((a, i) => ({
    id: ids[i] as string,
    tenantId,
    questionnaireId,
    status: a.status,
    value: a.answer?.value ?? null,
    text: a.answer?.text ?? null,
    confidence: a.confidence,
    entryId: a.entryId,
    controls: a.controls,
    citations: a.citations,
    onRequest: a.onRequest ?? [],
    withheld: a.withheld,
    entryIds: a.entryIds ?? null,
    alternatives: a.alternatives,
    notes: a.notes,
    matchedTerms: a.matchedTerms,
    insightRef: i,
    updatedAt: at,
  }));
}
