import { atomic } from "../../db/atomic.js";
import { insertRows } from "../../db/insert-rows.js";
import { answerInsights, answers, questionnaires, questions } from "../../db/schema/index.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import type { AnswerReport } from "../../domain/answering/report.js";
import type { QuestionInsight } from "../../domain/insight/record.js";
import { givenHints, type LayoutHints } from "../../domain/questionnaire/layout-hints.js";
import type { QuestionnaireStatus } from "../../domain/questionnaire/status.js";
import type { Questionnaire } from "../../domain/questionnaire/types.js";
import { ingestQuestionnaire } from "../../ingest/index.js";
import { newId, newIds, type ServiceContext } from "../context.js";
import { insightFor, insightStatements } from "../insights/record.js";
import { draftReport } from "./draft-report.js";
import { checkQuestionCount } from "./question-cap.js";
import { type RepeatedDrafts, repeatedDrafts, sameJson, storedDraft } from "./repeated-drafts.js";

export interface AnswerFileInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly customer: CustomerContext;
  readonly hints?: LayoutHints;
  readonly customerId?: string | null;
  readonly onProgress?: (done: number, total: number) => void;
  /** Questions drafted by the LLM so far (one step per call). */
  readonly onDraftProgress?: (done: number, total: number) => void;
}

export interface AnswerFileResult {
  readonly questionnaireId: string;
  readonly questionnaire: Questionnaire;
  readonly report: AnswerReport;
}

/**
 * The main job: ingest a customer's file, answer every question from the tenant's library, and
 * keep the file, the questions and the drafts (status "drafted", ready for review).
 */
export async function answerFile(ctx: ServiceContext, input: AnswerFileInput): Promise<AnswerFileResult> {
  const questionnaire = await ingestQuestionnaire(input.bytes, input.fileName, input.hints);
  checkQuestionCount(questionnaire, ctx.maxQuestions);
  const report = await draftReport(ctx, questionnaire, input.customer, input.onProgress, input.onDraftProgress);

  const questionnaireId = newId("qn");
  const blobKey = `${ctx.tenantId}/${questionnaireId}/original`;
  await ctx.blobs.put(blobKey, input.bytes);
  await saveAnswered(ctx, {
    questionnaireId,
    blobKey,
    fileName: input.fileName,
    customerId: input.customerId ?? null,
    hints: input.hints,
    customer: input.customer,
    questionnaire,
    report,
    status: "drafted",
  });
  return { questionnaireId, questionnaire, report };
}

export interface SaveAnsweredInput {
  readonly questionnaireId: string;
  readonly blobKey: string;
  readonly fileName: string;
  readonly customerId: string | null;
  readonly hints: LayoutHints | undefined;
  readonly customer: CustomerContext;
  readonly questionnaire: Questionnaire;
  readonly report: AnswerReport;
  readonly status: QuestionnaireStatus;
}

/** An answer's offered citations when the report has none: one array, encoded once per save. */
const NONE_OFFERED = Object.freeze([]) as never[];

/**
 * The insert statements for a questionnaire's questions and drafted answers (an answer shares its
 * question's id), after the distinct per-question insights they point at. `repeats` is the
 * report's repeatedDrafts (computed here when the caller has not).
 */
export function draftStatements(
  ctx: ServiceContext,
  input: {
    questionnaireId: string;
    questionnaire: Questionnaire;
    report: AnswerReport;
    insights?: readonly QuestionInsight[] | undefined;
    repeats?: RepeatedDrafts | undefined;
  },
) {
  const { db, tenantId } = ctx;
  const at = ctx.clock.now().toISOString();
  const questionIds = newIds("q", input.questionnaire.questions.length);
  // A repeated question's allowed values are the first one's array when equal (encoded once).
  const valuesOfText = new Map<string, string[] | null>();
  const allowedValues = (text: string, values: string[] | null) => {
    const first = valuesOfText.get(text);
    if (first === undefined) valuesOfText.set(text, values);
    else if (first !== values && sameJson(first, values)) return first;
    return values;
  };
  const questionRows = input.questionnaire.questions.map((q, i) => ({
    id: questionIds[i] as string,
    tenantId,
    questionnaireId: input.questionnaireId,
    ordinal: i,
    sourceId: q.sourceId,
    section: q.section,
    text: q.text,
    kind: q.kind,
    allowedValues: allowedValues(q.text, q.allowedValues),
    sheet: q.location.sheet,
    row: q.location.row,
    answerCell: q.location.answerCell,
    commentCell: q.location.commentCell,
    existingAnswer: q.existingAnswer,
  }));
  // Each distinct insight once per questionnaire (schema: answer_insights); answers name it by ref.
  // Repeated questions share one insight object (insightFor), so most rows are found by identity
  // and only the first row of each object is compared by content.
  const refsByObject = new Map<QuestionInsight, number>();
  const refsByJson = new Map<string, number>();
  const insightRows: (typeof answerInsights.$inferInsert)[] = [];
  const insightRef = (insight: QuestionInsight | undefined): number | null => {
    if (!insight) return null;
    let ref = refsByObject.get(insight);
    if (ref !== undefined) return ref;
    const json = JSON.stringify(insight);
    ref = refsByJson.get(json);
    if (ref === undefined) {
      ref = insightRows.length;
      refsByJson.set(json, ref);
      insightRows.push({ tenantId, questionnaireId: input.questionnaireId, ref, insight });
    }
    refsByObject.set(insight, ref);
    return ref;
  };
  const repeats = input.repeats ?? repeatedDrafts(input.report.questions);
  const answerRows = input.report.questions.map((_, i) => {
    const a = storedDraft(input.report.questions, repeats, i);
    return {
      id: questionIds[i] as string,
      tenantId,
      questionnaireId: input.questionnaireId,
      status: a.status,
      value: a.answer?.value ?? null,
      text: a.answer?.text ?? null,
      confidence: a.confidence,
      entryId: a.entryId,
      controls: a.controls,
      citations: a.citations,
      onRequest: a.onRequest ?? NONE_OFFERED,
      withheld: a.withheld,
      entryIds: a.entryIds ?? null,
      alternatives: a.alternatives,
      notes: a.notes,
      matchedTerms: a.matchedTerms,
      insightRef: insightRef(input.insights?.[i]),
      updatedAt: at,
    };
  });
  return [
    ...insertRows(db, answerInsights, insightRows),
    ...insertRows(db, questions, questionRows),
    ...insertRows(db, answers, answerRows),
  ];
}

/** Writes a questionnaire with its questions and drafted answers in one atomic step. */
export async function saveAnswered(ctx: ServiceContext, input: SaveAnsweredInput): Promise<void> {
  const { db, tenantId } = ctx;
  const at = ctx.clock.now().toISOString();
  const repeats = repeatedDrafts(input.report.questions);
  const insight = await insightFor(ctx, {
    questionnaireId: input.questionnaireId,
    customerId: input.customerId,
    askedOn: at.slice(0, 10),
    customer: input.customer,
    questionnaire: input.questionnaire,
    report: input.report,
    repeats,
  });
  await atomic(db, [
    db.insert(questionnaires).values({
      id: input.questionnaireId,
      tenantId,
      customerId: input.customerId,
      fileName: input.fileName,
      format: input.questionnaire.source.format,
      status: input.status,
      failure: null,
      blobKey: input.blobKey,
      hints: givenHints(input.hints) ?? null,
      region: input.customer.region,
      ndaOnFile: input.customer.ndaOnFile,
      ndaUntil: input.customer.ndaUntil ?? null,
      asOf: input.customer.asOf,
      summary: input.report.summary,
      warnings: input.report.warnings,
      llmUsage: input.report.llm ?? null,
      createdBy: ctx.actor,
      draftedAt: at,
      createdAt: at,
      updatedAt: at,
    }),
    ...draftStatements(ctx, { ...input, insights: insight.questions, repeats }),
    ...insightStatements(ctx, insight.row),
  ]);
}
