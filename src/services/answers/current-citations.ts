import { and, eq } from "drizzle-orm";
import { customers } from "../../db/schema/index.js";
import type { PreparedLibrary } from "../../domain/answering/answer-questions.js";
import { citeEntries } from "../../domain/answering/cite.js";
import type { CustomerContext, Region } from "../../domain/answering/customer.js";
import { type Citation, decideCitations } from "../../domain/citation/policy.js";
import { staleReasons } from "../../domain/freshness/answer-freshness.js";
import { inForce } from "../../domain/freshness/standing.js";
import { type ServiceContext, todayOf } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";
import { type QuestionnaireRow, questionnaireRow } from "../questionnaires/shape.js";
import { storedAnswerRows } from "../questionnaires/stored-report.js";
import type { AnswerRow } from "./shape.js";

/**
 * Citations are decided again when a file leaves: against the customer as it is now (its NDA may
 * have lapsed or been withdrawn, its region changed) and the artifacts as they are today (a report
 * expired, a certificate renewed). What changed since drafting is reported, never silently applied.
 */

export interface CitationChange {
  readonly answerId: string;
  readonly sourceId: string | null;
  readonly question: string;
  /** Artifact ids cited at drafting / approval. */
  readonly before: string[];
  /** Artifact ids cited now. */
  readonly after: string[];
  /** Why each dropped artifact is no longer cited. */
  readonly removed: { artifactId: string; reason: string }[];
  readonly added: { artifactId: string; reason: string }[];
}

export interface CurrentCitations {
  readonly citations: Citation[];
  readonly onRequest: Citation[];
  readonly withheld: { artifactId: string; reason: string }[];
}

/** The customer as the export sees it: the customer record as it is now, judged on today's date. */
export async function currentCustomer(ctx: ServiceContext, qn: QuestionnaireRow): Promise<CustomerContext> {
  const asOf = todayOf(ctx.clock);
  if (qn.customerId) {
    const row = (
      await ctx.db
        .select()
        .from(customers)
        .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, qn.customerId)))
        .limit(1)
    )[0];
    if (row) return { region: row.region as Region, ndaOnFile: row.ndaOnFile, ndaUntil: row.ndaUntil, asOf };
  }
  return { region: qn.region as Region, ndaOnFile: qn.ndaOnFile, ndaUntil: qn.ndaUntil, asOf };
}

const REVIEWER = "chosen by reviewer";

/**
 * The answer's citations decided now: the policy over its entries (both, for a combined answer), or,
 * where a reviewer chose the artifacts by hand, those same artifacts still allowed today.
 */
export function redecideCitations(
  prepared: PreparedLibrary,
  row: AnswerRow,
  customer: CustomerContext,
): CurrentCitations {
  const entries = (row.entryIds ?? (row.entryId ? [row.entryId] : [])).flatMap(
    (id) => prepared.entriesById.get(id) ?? [],
  );
  const byReviewer = row.citations.length > 0 && row.citations.every((c) => c.reason.startsWith(REVIEWER));
  if (entries.length > 0 && !byReviewer) {
    const decided = citeEntries(prepared, entries, row.question, customer);
    return { citations: decided.citations, onRequest: decided.onRequest, withheld: decided.withheld };
  }
  // Hand-picked (or the entry is gone): keep what is still allowed of what was cited.
  const chosen = row.citations.map((c) => c.artifactId);
  const controls = entries.flatMap((e) => e.controls).flatMap((id) => prepared.controlsById.get(id) ?? []);
  const decided = decideCitations({
    controls,
    directArtifactIds: chosen,
    artifacts: prepared.library.artifacts,
    customer,
    euRegulation: false,
    maxCitations: Math.max(chosen.length, 1),
  });
  // The chosen artifacts, or what replaced them since; never one the reviewer did not pick.
  const allowed = new Set(
    chosen.flatMap((id) => {
      const artifact = prepared.library.artifacts.find((a) => a.id === id);
      return artifact ? [id, inForce(artifact, prepared.library.artifacts, customer.asOf).id] : [id];
    }),
  );
  return {
    citations: decided.citations
      .filter((c) => allowed.has(c.artifactId))
      .map((c) => (byReviewer ? { ...c, reason: `${REVIEWER}; ${c.reason}` } : c)),
    onRequest: [],
    withheld: decided.withheld.filter((w) => allowed.has(w.artifactId)),
  };
}

/** What differs between the stored citations and the current ones, or null when nothing does. */
export function citationChange(row: AnswerRow, now: CurrentCitations): CitationChange | null {
  const before = row.citations.map((c) => c.artifactId);
  const after = now.citations.map((c) => c.artifactId);
  const removedIds = before.filter((id) => !after.includes(id));
  const addedIds = after.filter((id) => !before.includes(id));
  if (removedIds.length === 0 && addedIds.length === 0) return null;
  return {
    answerId: row.id,
    sourceId: row.sourceId,
    question: row.question,
    before,
    after,
    removed: removedIds.map((artifactId) => ({
      artifactId,
      reason:
        now.withheld.find((w) => w.artifactId === artifactId)?.reason ??
        (now.onRequest.some((c) => c.artifactId === artifactId)
          ? "no longer among the two strongest citations; offered on request"
          : "no longer relevant to the answer"),
    })),
    added: addedIds.flatMap((artifactId) => {
      const c = now.citations.find((x) => x.artifactId === artifactId);
      return c ? [{ artifactId, reason: c.reason }] : [];
    }),
  };
}

/**
 * Why an answer's text can no longer be sent as current (an entry past review, a report it names
 * expired or replaced since it was written), or an empty list.
 */
export function staleNow(prepared: PreparedLibrary, row: AnswerRow, asOf: string): string[] {
  if (row.text === null) return [];
  const entries = (row.entryIds ?? (row.entryId ? [row.entryId] : [])).flatMap(
    (id) => prepared.entriesById.get(id) ?? [],
  );
  return staleReasons({ library: prepared.library, entries, text: row.text, asOf }).map((r) => r.reason);
}

export interface CitationCheck {
  readonly questionnaireId: string;
  readonly customer: CustomerContext;
  readonly changes: CitationChange[];
  /** Answers with text whose content is no longer current (entry due, artifact replaced), with why. */
  readonly stale: { answerId: string; sourceId: string | null; reasons: string[] }[];
}

/** What an export today would cite differently from what was drafted or approved, and which texts are stale. */
export async function checkCitations(ctx: ServiceContext, questionnaireId: string): Promise<CitationCheck> {
  const qn = await questionnaireRow(ctx, questionnaireId);
  const customer = await currentCustomer(ctx, qn);
  const prepared = await preparedLibraryFor(ctx);
  const rows = await storedAnswerRows(ctx, questionnaireId);
  const live = rows.filter((r) => r.status !== "rejected" && r.status !== "no_match" && r.text !== null);
  const changes = live.flatMap((r) => citationChange(r, redecideCitations(prepared, r, customer)) ?? []);
  const stale = live.flatMap((r) => {
    const reasons = staleNow(prepared, r, customer.asOf);
    return reasons.length > 0 ? [{ answerId: r.id, sourceId: r.sourceId, reasons }] : [];
  });
  return { questionnaireId, customer, changes, stale };
}
