import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import type { AnswerReport, ReportQuestion } from "../../domain/answering/report.js";
import { summarize } from "../../domain/answering/report.js";
import { QuireError } from "../../domain/errors.js";
import { reportToCsv, selectForWriteBack, writeBackCsv, writeBackXlsx } from "../../export/index.js";
import {
  answerRowsOf,
  type CitationChange,
  citationChange,
  currentCustomer,
  redecideCitations,
  staleNow,
} from "../answers/current-citations.js";
import type { AnswerRow } from "../answers/shape.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";
import { type QuestionnaireRow, questionnaireRow } from "./shape.js";

export type ExportFormat = "original" | "csv" | "json";

export interface ExportResult {
  readonly body: Uint8Array | string;
  readonly contentType: string;
  readonly fileName: string;
  readonly warnings: string[];
  /** Citations decided differently now than when the answers were drafted or approved. */
  readonly citationChanges: CitationChange[];
}

const CONTENT_TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** The stored answers as a report; statuses include the review ones (approved, rejected). */
function reportOf(qn: QuestionnaireRow, rows: readonly AnswerRow[], customer: CustomerContext): AnswerReport {
  const reportQuestions = rows.map(
    (r): ReportQuestion => ({
      id: r.id,
      sheet: r.sheet,
      row: r.row,
      sourceId: r.sourceId,
      section: r.section,
      text: r.question,
      kind: r.kind as ReportQuestion["kind"],
      allowedValues: r.allowedValues,
      status: r.status as ReportQuestion["status"],
      answer: r.text === null ? null : { value: r.value, text: r.text },
      confidence: r.confidence,
      entryId: r.entryId,
      controls: r.controls as ReportQuestion["controls"],
      citations: r.citations,
      onRequest: r.onRequest ?? [],
      withheld: r.withheld,
      alternatives: r.alternatives,
      notes: r.notes,
      matchedTerms: r.matchedTerms,
      existingAnswer: r.existingAnswer,
    }),
  );
  return {
    source: { file: qn.fileName, format: qn.format as AnswerReport["source"]["format"] },
    customer: { region: customer.region, ndaOnFile: customer.ndaOnFile, asOf: customer.asOf },
    questions: reportQuestions,
    summary: summarize(reportQuestions),
    warnings: qn.warnings ?? [],
  };
}

/**
 * The filled original (approved answers only unless drafts are asked for, drafts then marked as
 * such; an answer that needs review or has no match is never written), or the answers as CSV or
 * JSON. Citations are decided again for the customer as it is now and the artifacts as they are
 * today; what changed since drafting is returned. Every export is audited with what really left:
 * one "artifact.cite" row per artifact in it.
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
  const customer = await currentCustomer(ctx, qn);
  const prepared = await preparedLibraryFor(ctx);
  const statuses = options.includeDrafts ? ["approved", "drafted"] : ["approved"];
  const stored = await answerRowsOf(ctx, id);
  const included = stored.filter((r) => statuses.includes(r.status) && r.text !== null);
  const changes: CitationChange[] = [];
  const warnings: string[] = [];
  // The rows as they leave: current citations, and the text checked for facts that lapsed since.
  const rows = stored.map((r): AnswerRow => {
    if (!included.includes(r)) return r;
    const now = redecideCitations(prepared, r, customer);
    const change = citationChange(r, now);
    if (change) changes.push(change);
    for (const reason of staleNow(prepared, r, customer.asOf)) {
      warnings.push(`${r.sourceId ?? r.id}: the ${r.status} answer is no longer current: ${reason}`);
    }
    return { ...r, citations: now.citations, onRequest: now.onRequest, withheld: now.withheld };
  });
  const report = reportOf(qn, rows, customer);
  const stem = qn.fileName.replace(/\.[^.]+$/, "");
  let sent = included.map((r) => r.id);

  let result: Omit<ExportResult, "warnings" | "citationChanges"> & { warnings: string[] };
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
    const selection = selectForWriteBack(report, { statuses, locations, citeInText: true, markDrafts: true });
    const skipped = new Set(selection.skipped.map((s) => s.id));
    sent = sent.filter((answerId) => !skipped.has(answerId));
    const written = (qn.format === "xlsx" ? writeBackXlsx : writeBackCsv)(original, selection.answers);
    result = {
      body: written.bytes,
      contentType: CONTENT_TYPES[qn.format] ?? "application/octet-stream",
      fileName: `${stem}.filled.${qn.format}`,
      warnings: [
        ...(written.warnings ?? []),
        ...selection.skipped.map((s) => `${rows.find((r) => r.id === s.id)?.sourceId ?? s.id}: ${s.reason}`),
      ],
    };
  } else if (options.format === "csv") {
    const ids = new Set(sent);
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
        .filter((q) => sent.includes(q.id))
        .map((q) => ({
          ...q,
          reviewer: byId.get(q.id)?.reviewer ?? null,
          reviewedAt: byId.get(q.id)?.reviewedAt ?? null,
        })),
      citationChanges: changes,
    };
    result = {
      body: `${JSON.stringify(body, null, 2)}\n`,
      contentType: "application/json",
      fileName: `${stem}.answers.json`,
      warnings: [],
    };
  }

  // What really left: the citations decided now, of the answers really in the file.
  const citedIn = new Map<string, string[]>();
  for (const row of rows) {
    if (!sent.includes(row.id)) continue;
    for (const c of row.citations) citedIn.set(c.artifactId, [...(citedIn.get(c.artifactId) ?? []), row.id]);
  }
  const exported = options.format === "original" && qn.status === "approved";
  await atomic(ctx.db, [
    auditStatement(ctx, "questionnaire.export", id, {
      format: options.format,
      includeDrafts: options.includeDrafts,
      answers: sent.length,
      customerId: qn.customerId,
      customer: { region: customer.region, ndaOnFile: customer.ndaOnFile, ndaUntil: customer.ndaUntil ?? null },
      asOf: customer.asOf,
      citationChanges: changes.map((c) => ({ answerId: c.answerId, before: c.before, after: c.after })),
    }),
    ...[...citedIn].map(([artifactId, answerIds]) =>
      auditStatement(ctx, "artifact.cite", artifactId, {
        questionnaireId: id,
        customerId: qn.customerId,
        answers: answerIds.length,
      }),
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
  return { ...result, warnings: [...result.warnings, ...warnings], citationChanges: changes };
}
