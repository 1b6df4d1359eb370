import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { questionnaires } from "../../db/schema/index.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import type { ReviewedQuestion } from "../../domain/answering/report.js";
import { QuireError } from "../../domain/errors.js";
import { fillOriginal, reportToCsv } from "../../export/index.js";
import {
  type CitationChange,
  citationChange,
  currentCustomer,
  redecideCitations,
  staleNow,
} from "../answers/current-citations.js";
import type { AnswerRow } from "../answers/shape.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { preparedLibraryFor } from "../library/prepared.js";
import { eventWrites } from "../webhooks/emit.js";
import { questionnaireRow } from "./shape.js";
import { reportOf, storedAnswerRows } from "./stored-report.js";

export type ExportFormat = "original" | "csv" | "json";

export interface ExportResult {
  readonly body: Uint8Array | string;
  readonly contentType: string;
  readonly fileName: string;
  readonly warnings: string[];
  /** Citations decided differently now than when the answers were drafted or approved. */
  readonly citationChanges: CitationChange[];
}

/** What recordExport writes once the download has really been produced. */
export interface ExportRecord {
  readonly questionnaireId: string;
  readonly format: ExportFormat;
  readonly includeDrafts: boolean;
  readonly answers: number;
  readonly customerId: string | null;
  /** Artifacts cited in what leaves Quire (decided now), with how many answers cite each. */
  readonly cited: readonly { artifactId: string; answers: number }[];
  /** The customer as the export judged it (now), and the day. */
  readonly customer: CustomerContext;
  readonly citationChanges: readonly { answerId: string; before: string[]; after: string[] }[];
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
 * The filled original (approved answers only unless drafts are asked for, drafts then marked as
 * such; an answer that needs review or has no match is never written), or the answers as CSV or
 * JSON. Citations are decided again for the customer as it is now and the artifacts as they are
 * today; what changed since drafting is returned. Nothing is written here: the interface produces
 * the download first and then calls recordExport, so the audit log never claims a document left
 * that did not, and records what really left.
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
  const customer = await currentCustomer(ctx, qn);
  const prepared = await preparedLibraryFor(ctx);
  const statuses = options.includeDrafts ? ["approved", "drafted"] : ["approved"];
  const stored = await storedAnswerRows(ctx, id);
  const changes: CitationChange[] = [];
  const staleWarnings: string[] = [];
  // The rows as they leave: citations decided now, the text checked for facts that lapsed since.
  const rows = stored.map((r): AnswerRow => {
    if (!statuses.includes(r.status) || r.text === null) return r;
    const now = redecideCitations(prepared, r, customer);
    const change = citationChange(r, now);
    if (change) changes.push(change);
    for (const reason of staleNow(prepared, r, customer.asOf)) {
      staleWarnings.push(`${r.sourceId ?? r.id}: the ${r.status} answer is no longer current: ${reason}`);
    }
    return { ...r, citations: now.citations, onRequest: now.onRequest, withheld: now.withheld };
  });
  const report = {
    ...reportOf(qn, rows),
    customer: { region: customer.region, ndaOnFile: customer.ndaOnFile, asOf: customer.asOf },
  };
  let sent = rows.filter((r) => statuses.includes(r.status) && r.text !== null).map((r) => r.id);
  const stem = qn.fileName.replace(/\.[^.]+$/, "");

  let result: Omit<ExportResult, "citationChanges">;
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
      statuses,
      locations,
      citeInText: true,
      markDrafts: true,
    });
    const skipped = new Set(written.skipped.map((x) => x.id));
    sent = sent.filter((answerId) => !skipped.has(answerId));
    result = {
      body: written.bytes,
      contentType: CONTENT_TYPES[qn.format] ?? "application/octet-stream",
      fileName: `${stem}.filled.${qn.format}`,
      warnings: written.warnings ?? [],
    };
  } else if (options.format === "csv") {
    // Every question, so the file serves as a task list too; the answer only where it is in the export.
    result = {
      body: reportToCsv({ ...report, questions: report.questions.map((q) => withheldUnlessSent(q, sent)) }),
      contentType: CONTENT_TYPES.csv as string,
      fileName: `${stem}.answers.csv`,
      warnings: [],
    };
  } else {
    // reportToJson validates against the CLI report schema, which has no review statuses; the API's
    // JSON export carries them, with the reviewer, so it is serialised here. Every question is in it
    // (`included` says whether its answer is part of the export), so it serves as a task list.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const body = {
      questionnaireId: qn.id,
      status: qn.status,
      ...report,
      questions: report.questions.map((q) => ({
        ...withheldUnlessSent(q, sent),
        included: sent.includes(q.id),
        assignee: byId.get(q.id)?.assignee ?? null,
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

  // What really leaves: the citations decided now, of the answers really in the download.
  const citedIn = new Map<string, number>();
  for (const row of rows) {
    if (!sent.includes(row.id)) continue;
    for (const c of row.citations) citedIn.set(c.artifactId, (citedIn.get(c.artifactId) ?? 0) + 1);
  }
  const record: ExportRecord = {
    questionnaireId: id,
    format: options.format,
    includeDrafts: options.includeDrafts,
    answers: sent.length,
    customerId: qn.customerId,
    cited: [...citedIn].map(([artifactId, answers]) => ({ artifactId, answers })),
    customer,
    citationChanges: changes.map((c) => ({ answerId: c.answerId, before: c.before, after: c.after })),
    marksExported: options.format === "original" && qn.status === "approved",
  };
  return { ...result, warnings: [...result.warnings, ...staleWarnings], citationChanges: changes, record };
}

/** A question outside the export keeps its status but not its (unapproved) answer or citations. */
function withheldUnlessSent<Q extends ReviewedQuestion>(q: Q, sent: readonly string[]): Q {
  return sent.includes(q.id) ? q : { ...q, answer: null, citations: [], onRequest: [] };
}

/**
 * Audits a download that was produced: one "questionnaire.export" row and one "artifact.cite" row
 * per artifact that left Quire in it, and the move to "exported", in one atomic write.
 */
export async function recordExport(ctx: ServiceContext, record: ExportRecord): Promise<void> {
  const id = record.questionnaireId;
  const event = await eventWrites(ctx, "questionnaire.exported", {
    questionnaireId: id,
    format: record.format,
    includeDrafts: record.includeDrafts,
    answers: record.answers,
    customerId: record.customerId,
    actor: ctx.actor,
  });
  await atomic(ctx.db, [
    ...event.statements,
    auditStatement(ctx, "questionnaire.export", id, {
      format: record.format,
      includeDrafts: record.includeDrafts,
      answers: record.answers,
      customerId: record.customerId,
      customer: {
        region: record.customer.region,
        ndaOnFile: record.customer.ndaOnFile,
        ndaUntil: record.customer.ndaUntil ?? null,
      },
      asOf: record.customer.asOf,
      citationChanges: record.citationChanges,
    }),
    ...record.cited.map(({ artifactId, answers }) =>
      auditStatement(ctx, "artifact.cite", artifactId, {
        questionnaireId: id,
        customerId: record.customerId,
        answers,
      }),
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
  await dispatchJobs(ctx, event.jobs);
}
