import { and, eq } from "drizzle-orm";
import { answerInsights, answers, questionnaireInsights } from "../../db/schema/index.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import type { AnswerReport, ReportQuestion } from "../../domain/answering/report.js";
import { detectFrameworks, type FrameworkMention, type QuestionPlace } from "../../domain/insight/frameworks.js";
import {
  type QuestionInsight,
  questionInsight,
  questionInsightKey,
  questionnaireInsight,
} from "../../domain/insight/record.js";
import type { Questionnaire } from "../../domain/questionnaire/types.js";
import type { ServiceContext } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";
import type { RepeatedDrafts } from "../questionnaires/repeated-drafts.js";

export interface RecordedInsight {
  /** Per question, in the report's order: stored on each answer row. */
  readonly questions: readonly QuestionInsight[];
  /** The questionnaire's row in questionnaire_insights. */
  readonly row: typeof questionnaireInsights.$inferInsert;
}

const placeKey = (place: QuestionPlace) =>
  `${place.text}\u0000${place.section ?? ""}\u0000${place.sheet ?? ""}\u0000${place.section == null ? 0 : 1}${place.sheet == null ? 0 : 1}`;

/**
 * What the questionnaire tells about demand, read at answer time from the questions and the report
 * (the library is the one the answers were drafted from: the prepared, cached one).
 */
export async function insightFor(
  ctx: ServiceContext,
  input: {
    questionnaireId: string;
    customerId: string | null;
    askedOn: string;
    customer: CustomerContext;
    questionnaire: Questionnaire;
    report: AnswerReport;
    /** The report's repeatedDrafts, when the caller has them: a row that repeats another at the same place takes its insight. */
    repeats?: RepeatedDrafts;
  },
): Promise<RecordedInsight> {
  const { library } = await preparedLibraryFor(ctx);
  // A large questionnaire repeats its questions (5,000 rows, ~500 texts) under a few sections and
  // sheets: the frameworks of one place are read once. The mentions are shared between rows; they
  // are only read and stored.
  const detected = new Map<string, readonly FrameworkMention[]>();
  const detect = (place: QuestionPlace) => {
    const key = placeKey(place);
    let mentions = detected.get(key);
    if (!mentions) {
      mentions = detectFrameworks(place);
      detected.set(key, mentions);
    }
    return mentions;
  };
  // Repeated questions have equal insights: each is built once per place and answer, and the rows
  // share it (draftStatements stores a shared insight once).
  // A row whose draft equals an earlier row's in every field (repeatedDrafts: a superset of what
  // questionInsightKey lists) under the same section and sheet takes that row's insight without a key.
  const built = new Map<string, QuestionInsight>();
  const rows = input.report.questions;
  const sheetOf = (i: number) => input.questionnaire.questions[i]?.location.sheet ?? (rows[i] as ReportQuestion).sheet;
  const questions: QuestionInsight[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const q = rows[i] as ReportQuestion;
    const f = input.repeats?.sameAs[i] ?? i;
    if (f !== i && (rows[f] as ReportQuestion).section === q.section && sheetOf(f) === sheetOf(i)) {
      questions[i] = questions[f] as QuestionInsight;
      continue;
    }
    const place = { text: q.question, section: q.section, sheet: sheetOf(i) };
    const key = `${placeKey(place)}\u0000${questionInsightKey(q)}`;
    let insight = built.get(key);
    if (!insight) {
      insight = questionInsight(q, place, library, detect);
      built.set(key, insight);
    }
    questions[i] = insight;
  }
  const rollup = questionnaireInsight(questions, { askedOn: input.askedOn, customer: input.customer });
  return {
    questions,
    row: {
      tenantId: ctx.tenantId,
      questionnaireId: input.questionnaireId,
      buyer: input.customerId ?? input.questionnaireId,
      ...rollup,
    },
  };
}

/** Replaces the questionnaire's insight row (a resumed job writes it again). */
export function insightStatements(ctx: ServiceContext, row: RecordedInsight["row"]) {
  const { db } = ctx;
  return [
    db
      .delete(questionnaireInsights)
      .where(
        and(
          eq(questionnaireInsights.tenantId, ctx.tenantId),
          eq(questionnaireInsights.questionnaireId, row.questionnaireId),
        ),
      ),
    db.insert(questionnaireInsights).values(row),
  ];
}

/**
 * Each answer's insight as recorded at answer time (null on answers drafted before insight was
 * recorded), by answer id: the answer's ref into the questionnaire's distinct insights.
 */
export async function recordedQuestionInsights(
  ctx: ServiceContext,
  questionnaireId: string,
): Promise<{ id: string; insight: QuestionInsight | null }[]> {
  return ctx.db
    .select({ id: answers.id, insight: answerInsights.insight })
    .from(answers)
    .leftJoin(
      answerInsights,
      and(
        eq(answerInsights.tenantId, answers.tenantId),
        eq(answerInsights.questionnaireId, answers.questionnaireId),
        eq(answerInsights.ref, answers.insightRef),
      ),
    )
    .where(and(eq(answers.tenantId, ctx.tenantId), eq(answers.questionnaireId, questionnaireId)))
    .orderBy(answers.id);
}
