import { and, asc, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { answers, questionnaires, questions } from "../../db/schema/index.js";
import type { ReviewedQuestion, ReviewedReport } from "../../domain/answering/report.js";
import { summarize } from "../../domain/answering/report.js";
import { QuireError } from "../../domain/errors.js";
import { fillOriginal, reportToCsv } from "../../export/index.js";
import { type AnswerRow, answerColumns } from "../answers/shape.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { type QuestionnaireRow, questionnaireRow } from "./shape.js";

export type ExportFormat = "original" | "csv" | "json";

export interface ExportResult {
  readonly body: Uint8Array | string;
  readonly contentType: string;
  readonly fileName: string;
  readonly warnings: string[];
}

const CONTENT_TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** The stored answers as a report; statuses include the review ones (approved, rejected). */
function reportOf(qn: QuestionnaireRow, rows: readonly AnswerRow[]): ReviewedReport {
  const reportQuestions = rows.map(
    (r): ReviewedQuestion => ({
      id: r.id,
      sheet: r.sheet,
      row: r.row,
      sourceId: r.sourceId,
      section: r.section,
      text: r.question,
      kind: r.kind,
      allowedValues: r.allowedValues,
      status: r.status,
      answer: r.text === null ? null : { value: r.value, text: r.text },
      confidence: r.confidence,
      entryId: r.entryId,
      controls: r.controls,
      citations: r.citations,
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
  };
}

/**
 * The filled original (approved answers only unless drafts are asked for), or the answers as CSV
 * or JSON. Every export is audited, with one "artifact.cite" row per artifact that leaves Quire in it.
 */
export async function exportQuestionnaire(
  ctx: ServiceContext,
  id: string,
  options: { format: ExportFormat; includeDrafts: boolean },
): Promise<ExportResult> {
  const qn = await questionnaireRow(ctx, id);
  if (!["drafted", "in_review", "approved", "exported"].includes(qn.status)) {
    throw new QuireError("not_ready", `questionnaire ${id} is ${qn.status}; export needs drafted answers`, 409);
  }
  const rows = await ctx.db
    .select(answerColumns)
    .from(questions)
    .innerJoin(answers, and(eq(answers.tenantId, questions.tenantId), eq(answers.id, questions.id)))
    .where(and(eq(questions.tenantId, ctx.tenantId), eq(questions.questionnaireId, id)))
    .orderBy(asc(questions.ordinal));
  const report = reportOf(qn, rows);
  const included = rows.filter((r) =>
    options.includeDrafts ? r.status !== "rejected" && r.status !== "no_match" : r.status === "approved",
  );
  const stem = qn.fileName.replace(/\.[^.]+$/, "");

  let result: ExportResult;
  if (options.format === "original") {
    if (qn.format !== "xlsx" && qn.format !== "csv") {
      throw new QuireError(
        "export_unsupported",
        `a ${qn.format} questionnaire has no cells to fill; export csv or json`,
        422,
      );
    }
    const original = await ctx.blobs.get(qn.blobKey);
    if (!original) throw new QuireError("blob_missing", "the uploaded file is no longer stored", 410);
    const locations = new Map(rows.map((r) => [r.id, r]));
    const written = fillOriginal(qn.format, original, report, {
      approvedOnly: !options.includeDrafts,
      locations,
      citeInText: true,
    });
    result = {
      body: written.bytes,
      contentType: CONTENT_TYPES[qn.format] ?? "application/octet-stream",
      fileName: `${stem}.filled.${qn.format}`,
      warnings: written.warnings ?? [],
    };
  } else if (options.format === "csv") {
    const ids = new Set(included.map((r) => r.id));
    result = {
      body: reportToCsv({ ...report, questions: report.questions.filter((q) => ids.has(q.id)) }),
      contentType: CONTENT_TYPES.csv as string,
      fileName: `${stem}.answers.csv`,
      warnings: [],
    };
  } else {
    // reportToJson validates against the CLI report schema, which has no review statuses; the API's
    // JSON export carries them, with the reviewer, so it is serialised here.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const body = {
      questionnaireId: qn.id,
      status: qn.status,
      ...report,
      questions: report.questions
        .filter((q) => included.some((r) => r.id === q.id))
        .map((q) => ({
          ...q,
          reviewer: byId.get(q.id)?.reviewer ?? null,
          reviewedAt: byId.get(q.id)?.reviewedAt ?? null,
        })),
    };
    result = {
      body: `${JSON.stringify(body, null, 2)}\n`,
      contentType: "application/json",
      fileName: `${stem}.answers.json`,
      warnings: [],
    };
  }

  const cited = [...new Set(included.flatMap((r) => r.citations.map((c) => c.artifactId)))];
  const exported = options.format === "original" && qn.status === "approved";
  await atomic(ctx.db, [
    auditStatement(ctx, "questionnaire.export", id, {
      format: options.format,
      includeDrafts: options.includeDrafts,
      answers: included.length,
      customerId: qn.customerId,
    }),
    ...cited.map((artifactId) =>
      auditStatement(ctx, "artifact.cite", artifactId, { questionnaireId: id, customerId: qn.customerId }),
    ),
    ...(exported
      ? [
          ctx.db
            .update(questionnaires)
            .set({ status: "exported", updatedAt: nowIso(ctx) })
            .where(and(eq(questionnaires.tenantId, ctx.tenantId), eq(questionnaires.id, id))),
        ]
      : []),
  ]);
  return result;
}
