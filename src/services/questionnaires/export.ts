import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { fillOriginal, reportToCsv } from "../../export/index.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { questionnaireRow } from "./shape.js";
import { reportOf, storedAnswerRows } from "./stored-report.js";

export type ExportFormat = "original" | "csv" | "json";

export interface ExportResult {
  readonly body: Uint8Array | string;
  readonly contentType: string;
  readonly fileName: string;
  readonly warnings: string[];
}

/** What recordExport writes once the download has really been produced. */
export interface ExportRecord {
  readonly questionnaireId: string;
  readonly format: ExportFormat;
  readonly includeDrafts: boolean;
  readonly answers: number;
  readonly customerId: string | null;
  /** Artifacts cited in what leaves Quire. */
  readonly cited: readonly string[];
  /** Downloading the filled original of an approved questionnaire moves it to "exported". */
  readonly marksExported: boolean;
}

export interface PreparedExport extends ExportResult {
  readonly record: ExportRecord;
}

const CONTENT_TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/**
 * The filled original (approved answers only unless drafts are asked for), or the answers as CSV
 * or JSON. Nothing is written here: the interface produces the download first and then calls
 * recordExport, so the audit log never claims a document left that did not.
 */
export async function exportQuestionnaire(
  ctx: ServiceContext,
  id: string,
  options: { format: ExportFormat; includeDrafts: boolean },
): Promise<PreparedExport> {
  const qn = await questionnaireRow(ctx, id);
  if (!["drafted", "in_review", "approved", "exported"].includes(qn.status)) {
    throw new QuireError("not_ready", `questionnaire ${id} is ${qn.status}; export needs drafted answers`, 409);
  }
  const rows = await storedAnswerRows(ctx, id);
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

  const record: ExportRecord = {
    questionnaireId: id,
    format: options.format,
    includeDrafts: options.includeDrafts,
    answers: included.length,
    customerId: qn.customerId,
    cited: [...new Set(included.flatMap((r) => r.citations.map((c) => c.artifactId)))],
    marksExported: options.format === "original" && qn.status === "approved",
  };
  return { ...result, record };
}

/**
 * Audits a download that was produced: one "questionnaire.export" row and one "artifact.cite" row
 * per artifact that left Quire in it, and the move to "exported", in one atomic write.
 */
export async function recordExport(ctx: ServiceContext, record: ExportRecord): Promise<void> {
  const id = record.questionnaireId;
  await atomic(ctx.db, [
    auditStatement(ctx, "questionnaire.export", id, {
      format: record.format,
      includeDrafts: record.includeDrafts,
      answers: record.answers,
      customerId: record.customerId,
    }),
    ...record.cited.map((artifactId) =>
      auditStatement(ctx, "artifact.cite", artifactId, { questionnaireId: id, customerId: record.customerId }),
    ),
    ...(record.marksExported
      ? [
          ctx.db
            .update(questionnaires)
            .set({ status: "exported", updatedAt: nowIso(ctx) })
            .where(
              and(
                eq(questionnaires.tenantId, ctx.tenantId),
                eq(questionnaires.id, id),
                eq(questionnaires.status, "approved"),
              ),
            ),
        ]
      : []),
  ]);
}
