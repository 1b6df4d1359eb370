import { atomic } from "../../db/atomic.js";
import { type FilledRows, insertFilled, insertRows } from "../../db/insert-rows.js";
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
  const { questionnaireId } = input;
  const asked = input.questionnaire.questions;
  // Each distinct insight once per questionnaire (schema: answer_insights); answers name it by ref.
  // Repeated questions share one insight object (insightFor), so most rows are found by identity
  // and only the first row of each object is compared by content. Read here, before the insight
  // rows are handed to insertRows (the answers' values are read only when their statements run).
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
      insightRows.push({ tenantId, questionnaireId, ref, insight });
    }
    refsByObject.set(insight, ref);
    return ref;
  };
  const drafts = input.report.questions;
  const refs: (number | null)[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) refs[i] = insightRef(input.insights?.[i]);
  const repeats = input.repeats ?? repeatedDrafts(drafts);
  return [
    ...insertRows(db, answerInsights, insightRows),
    ...insertFilled(
      db,
      questions,
      QUESTION_KEYS,
      asked.length,
      new QuestionRows(asked, questionIds, tenantId, questionnaireId),
    ),
    ...insertFilled(
      db,
      answers,
      ANSWER_KEYS,
      drafts.length,
      new AnswerRows(drafts, repeats, questionIds, tenantId, questionnaireId, refs, at),
    ),
  ];
}

/** A questionnaire's question rows, as insertFilled reads them (QUESTION_KEYS order). */
class QuestionRows implements FilledRows {
  constructor(
    private readonly asked: Questionnaire["questions"],
    private readonly ids: readonly string[],
    private readonly tenantId: string,
    private readonly questionnaireId: string,
  ) {}

  /** A repeated question's allowed values are the first one's array when equal (encoded once). */
  private readonly valuesOfText = new Map<string, string[] | null>();
  private allowedValues(text: string, values: string[] | null): string[] | null {
    const first = this.valuesOfText.get(text);
    if (first === undefined) this.valuesOfText.set(text, values);
    else if (first !== values && sameJson(first, values)) return first;
    return values;
  }

  fill(i: number, v: unknown[]): void {
    const q = this.asked[i] as Questionnaire["questions"][number];
    v[0] = this.ids[i];
    v[1] = this.tenantId;
    v[2] = this.questionnaireId;
    v[3] = i;
    v[4] = q.sourceId;
    v[5] = q.section;
    v[6] = q.text;
    v[7] = q.kind;
    v[8] = this.allowedValues(q.text, q.allowedValues);
    v[9] = q.location.sheet;
    v[10] = q.location.row;
    v[11] = q.location.answerCell;
    v[12] = q.location.commentCell;
    v[13] = q.existingAnswer;
  }
}

/** A report's drafted answer rows, as insertFilled reads them (ANSWER_KEYS order): a repeated draft's values are its first row's. */
class AnswerRows implements FilledRows {
  constructor(
    private readonly drafts: AnswerReport["questions"],
    private readonly repeats: RepeatedDrafts,
    private readonly ids: readonly string[],
    private readonly tenantId: string,
    private readonly questionnaireId: string,
    private readonly insightRefs: readonly (number | null)[],
    private readonly at: string,
  ) {}

  fill(i: number, v: unknown[]): void {
    const a = storedDraft(this.drafts, this.repeats, i);
    v[0] = this.ids[i];
    v[1] = this.tenantId;
    v[2] = this.questionnaireId;
    v[3] = a.status;
    v[4] = a.answer?.value ?? null;
    v[5] = a.answer?.text ?? null;
    v[6] = a.confidence;
    v[7] = a.entryId;
    v[8] = a.controls;
    v[9] = a.citations;
    v[10] = a.onRequest ?? NONE_OFFERED;
    v[11] = a.withheld;
    v[12] = a.entryIds ?? null;
    v[13] = a.alternatives;
    v[14] = a.notes;
    v[15] = a.matchedTerms;
    v[16] = this.insightRefs[i];
    v[17] = this.at;
  }
}

/** A question row's columns, in the order QuestionRows fills them. */
const QUESTION_KEYS = [
  "id",
  "tenantId",
  "questionnaireId",
  "ordinal",
  "sourceId",
  "section",
  "text",
  "kind",
  "allowedValues",
  "sheet",
  "row",
  "answerCell",
  "commentCell",
  "existingAnswer",
] as const satisfies readonly (keyof typeof questions.$inferInsert)[];

/** An answer row's columns, in the order AnswerRows fills them. */
const ANSWER_KEYS = [
  "id",
  "tenantId",
  "questionnaireId",
  "status",
  "value",
  "text",
  "confidence",
  "entryId",
  "controls",
  "citations",
  "onRequest",
  "withheld",
  "entryIds",
  "alternatives",
  "notes",
  "matchedTerms",
  "insightRef",
  "updatedAt",
] as const satisfies readonly (keyof typeof answers.$inferInsert)[];

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
