import { and, eq, inArray, or } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { chunkRows, MAX_BOUND_PARAMETERS } from "../../db/chunk.js";
import { answers, freshnessFindings, questionnaires, tenants } from "../../db/schema/index.js";
import type { IsoDate } from "../../domain/dates.js";
import { describeArtifact, staleReasons } from "../../domain/freshness/answer-freshness.js";
import { type AttentionItem, attentionItems, UNASSIGNED } from "../../domain/freshness/attention.js";
import { artifactStanding } from "../../domain/freshness/standing.js";
import type { Library } from "../../domain/library/types.js";
import { auditStatement } from "../audit/record.js";
import { jobContext, newId, nowIso, type ServiceContext, type ServiceDeps } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { loadLibrary } from "../library/load.js";
import { eventWrites } from "../webhooks/emit.js";
import type { WebhookEvent } from "../webhooks/events.js";

/**
 * The freshness sweep (daily: a timer on Node, a Cron Trigger on Workers; the same code). It finds
 * entries due for review within 30 days, artifacts expiring within 60/30/7 days (or lapsed), and every
 * open questionnaire and approved answer that rests on them; records each as a finding; announces
 * each new one once with a signed webhook (artifact.expiring, entry.review_due, answer.stale: the
 * deliveries and their durable jobs are written in the same atomic step as the findings); and
 * resolves findings a later sweep no longer sees (renewed, reviewed).
 */

/** Questionnaires whose answers may still leave Quire (not yet exported). */
const OPEN = ["drafted", "in_review", "approved"] as const;

export interface Finding {
  readonly key: string;
  readonly kind: WebhookEvent;
  readonly state: string;
  readonly subjectType: "entry" | "artifact" | "questionnaire";
  readonly subject: string;
  readonly owner: string;
  readonly dueOn: IsoDate;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

export interface SweepResult {
  readonly tenantId: string;
  readonly asOf: IsoDate;
  /** Findings seen this sweep. */
  readonly findings: number;
  /** Of which new (announced now). */
  readonly opened: number;
  /** Earlier findings no longer seen. */
  readonly resolved: number;
}

interface DependentAnswer {
  readonly id: string;
  readonly questionnaireId: string;
  readonly fileName: string;
  readonly status: string;
  readonly entryId: string | null;
  readonly entryIds: string[] | null;
  readonly citations: { artifactId: string }[];
  readonly text: string | null;
}

/** Answers that can still reach a customer: those of open questionnaires, and every approved one. */
async function dependentAnswers(ctx: ServiceContext): Promise<DependentAnswer[]> {
  return ctx.db
    .select({
      id: answers.id,
      questionnaireId: answers.questionnaireId,
      fileName: questionnaires.fileName,
      status: answers.status,
      entryId: answers.entryId,
      entryIds: answers.entryIds,
      citations: answers.citations,
      text: answers.text,
    })
    .from(answers)
    .innerJoin(
      questionnaires,
      and(eq(questionnaires.tenantId, answers.tenantId), eq(questionnaires.id, answers.questionnaireId)),
    )
    .where(
      and(
        eq(answers.tenantId, ctx.tenantId),
        or(
          eq(answers.status, "approved"),
          and(inArray(questionnaires.status, OPEN), inArray(answers.status, ["drafted", "needs_review"])),
        ),
      ),
    );
}

const entriesOf = (a: DependentAnswer) => a.entryIds ?? (a.entryId ? [a.entryId] : []);

/** The library findings: one per attention item, keyed by its subject, state and warning step. */
function libraryFindings(items: readonly AttentionItem[]): Finding[] {
  return items.map((item) => ({
    key: `${item.subjectType}:${item.subject}:${item.state}:${item.step}:${item.dueOn}`,
    kind: item.event,
    state: item.state,
    subjectType: item.subjectType,
    subject: item.subject,
    owner: item.owner,
    dueOn: item.dueOn,
    message: item.message,
    details: { title: item.title, daysLeft: item.daysLeft, step: item.step, entries: item.entries },
  }));
}

/**
 * Answer findings, one per questionnaire and cause: answers already stale on the day (an entry past
 * review, an artifact expired, replaced or lapsed that they name or cite) and answers resting on
 * something that expires or falls due soon.
 */
function answerFindings(
  library: Library,
  items: readonly AttentionItem[],
  dependents: readonly DependentAnswer[],
  asOf: IsoDate,
): Finding[] {
  const entries = new Map(library.entries.map((e) => [e.id, e]));
  const groups = new Map<
    string,
    { cause: string; owner: string; dueOn: IsoDate; reason: string; state: string; qn: DependentAnswer; ids: string[] }
  >();
  const add = (qn: DependentAnswer, cause: string, state: string, owner: string, dueOn: IsoDate, reason: string) => {
    const key = `questionnaire:${qn.questionnaireId}:${cause}:${state}`;
    const group = groups.get(key) ?? { cause, owner, dueOn, reason, state, qn, ids: [] };
    if (!group.ids.includes(qn.id)) group.ids.push(qn.id);
    groups.set(key, group);
  };
  const upcoming = items.filter((i) => i.daysLeft >= 0);
  for (const answer of dependents) {
    const from = entriesOf(answer).flatMap((id) => entries.get(id) ?? []);
    const cited = answer.citations.map((c) => c.artifactId);
    for (const reason of staleReasons({ library, entries: from, text: answer.text ?? "", asOf })) {
      add(answer, reason.subject, "stale", reason.owner ?? UNASSIGNED, asOf, reason.reason);
    }
    // Evidence it cites that lapsed since drafting: the export would drop it, a reviewer should know first.
    for (const id of cited) {
      const artifact = library.artifacts.find((a) => a.id === id);
      if (!artifact) continue;
      const standing = artifactStanding(artifact, library.artifacts, asOf);
      if (standing.state === "current" || standing.state === "not_yet_issued") continue;
      add(
        answer,
        id,
        "stale",
        artifact.owner ?? UNASSIGNED,
        asOf,
        `cites ${describeArtifact(artifact)}, which ${standing.reason}`,
      );
    }
    for (const item of upcoming) {
      const rests =
        item.subjectType === "entry"
          ? entriesOf(answer).includes(item.subject)
          : cited.includes(item.subject) || entriesOf(answer).some((id) => item.entries.includes(id));
      if (rests) add(answer, item.subject, `at_risk-${item.step}`, item.owner, item.dueOn, item.message);
    }
  }
  return [...groups.entries()].map(([key, g]) => ({
    key,
    kind: "answer.stale",
    state: g.state.startsWith("at_risk") ? "at_risk" : "stale",
    subjectType: "questionnaire",
    subject: g.qn.questionnaireId,
    owner: g.owner,
    dueOn: g.dueOn,
    message:
      g.state === "stale"
        ? `${g.ids.length} answer${g.ids.length === 1 ? "" : "s"} of ${g.qn.fileName} no longer current: ${g.reason}`
        : `${g.ids.length} answer${g.ids.length === 1 ? "" : "s"} of ${g.qn.fileName} rest on ${g.cause}: ${g.reason}`,
    details: { questionnaireId: g.qn.questionnaireId, fileName: g.qn.fileName, cause: g.cause, answers: g.ids },
  }));
}

/** Ids in chunks that keep an IN (…) list under D1's bound-parameter limit. */
function idChunks(ids: readonly string[]): string[][] {
  const size = MAX_BOUND_PARAMETERS - 10;
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** Sweeps one tenant as of a day. Safe to run again the same day: nothing is announced twice. */
export async function sweepFreshness(ctx: ServiceContext, asOf: IsoDate): Promise<SweepResult> {
  const library = await loadLibrary(ctx);
  const items = attentionItems(library, asOf);
  const found = [...libraryFindings(items), ...answerFindings(library, items, await dependentAnswers(ctx), asOf)];

  const known = await ctx.db
    .select({ id: freshnessFindings.id, key: freshnessFindings.key, resolvedAt: freshnessFindings.resolvedAt })
    .from(freshnessFindings)
    .where(eq(freshnessFindings.tenantId, ctx.tenantId));
  const byKey = new Map(known.map((f) => [f.key, f]));
  const seen = new Set(found.map((f) => f.key));
  const at = nowIso(ctx);

  // New, or back after being resolved (a renewal that lapsed again): announced either way.
  const announce = found
    .filter((f) => byKey.get(f.key)?.resolvedAt !== null)
    .map((f) => ({
      id: byKey.get(f.key)?.id ?? newId("ff"),
      existed: byKey.has(f.key),
      tenantId: ctx.tenantId,
      key: f.key,
      kind: f.kind,
      state: f.state,
      subjectType: f.subjectType,
      subject: f.subject,
      owner: f.owner,
      dueOn: f.dueOn,
      message: f.message,
      details: { ...f.details, asOf },
      firstSeenAt: at,
      lastSeenAt: at,
      resolvedAt: null,
    }));
  const stillOpen = known.filter((f) => f.resolvedAt === null && seen.has(f.key)).map((f) => f.id);
  const gone = known.filter((f) => f.resolvedAt === null && !seen.has(f.key)).map((f) => f.id);
  const scope = (chunk: string[]) =>
    and(eq(freshnessFindings.tenantId, ctx.tenantId), inArray(freshnessFindings.id, chunk));
  const inserts = announce.filter((r) => !r.existed).map(({ existed: _, ...row }) => row);
  const reopens = announce.filter((r) => r.existed);
  // Each new finding's webhook deliveries are written with it: a crash cannot record one unannounced.
  const events = await Promise.all(
    announce.map((row) =>
      eventWrites(ctx, row.kind as WebhookEvent, {
        findingId: row.id,
        state: row.state,
        subjectType: row.subjectType,
        subject: row.subject,
        owner: row.owner,
        dueOn: row.dueOn,
        message: row.message,
        ...row.details,
      }),
    ),
  );

  await atomic(ctx.db, [
    ...idChunks(stillOpen).map((chunk) => ctx.db.update(freshnessFindings).set({ lastSeenAt: at }).where(scope(chunk))),
    ...idChunks(gone).map((chunk) => ctx.db.update(freshnessFindings).set({ resolvedAt: at }).where(scope(chunk))),
    ...reopens.map(({ existed: _, id, tenantId: __, key: ___, ...row }) =>
      ctx.db
        .update(freshnessFindings)
        .set(row)
        .where(scope([id])),
    ),
    ...chunkRows(inserts).map((chunk) => ctx.db.insert(freshnessFindings).values(chunk)),
    auditStatement(ctx, "freshness.sweep", asOf, {
      findings: found.length,
      opened: announce.length,
      resolved: gone.length,
    }),
    ...events.flatMap((e) => e.statements),
  ]);
  await dispatchJobs(
    ctx,
    events.flatMap((e) => e.jobs),
  );
  return { tenantId: ctx.tenantId, asOf, findings: found.length, opened: announce.length, resolved: gone.length };
}

/**
 * The scheduled entry point: sweeps every tenant as of the day, each in its own context, so one
 * tenant's failure does not stop the others (it is logged and retried the next day).
 */
export async function sweepAllTenants(deps: ServiceDeps, asOf: IsoDate): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for (const { id } of await deps.db.select({ id: tenants.id }).from(tenants)) {
    try {
      results.push(await sweepFreshness(jobContext(deps, id, "freshness"), asOf));
    } catch (error) {
      console.error(`freshness sweep failed for tenant ${id}`, error);
    }
  }
  return results;
}
