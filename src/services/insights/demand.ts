import { and, eq, gte, lte, sql } from "drizzle-orm";
import { libraryArtifacts, libraryControls, questionnaireInsights, questionnaires } from "../../db/schema/index.js";
import type { Region } from "../../domain/answering/customer.js";
import { addDays } from "../../domain/dates.js";
import { QuireError } from "../../domain/errors.js";
import { type DemandReport, type DemandRow, demandReport } from "../../domain/insight/demand.js";
import { holdingsOf, type Recommendation, recommend } from "../../domain/insight/recommend.js";
import { type Artifact, ArtifactSchema, type ControlStatus } from "../../domain/library/types.js";
import { type ServiceContext, todayOf } from "../context.js";

export interface DemandInput {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly region?: Region | undefined;
}

/** Twelve months back from `to` when no `from` is given. */
const DEFAULT_DAYS = 365;

/**
 * What buyers asked for in the period (questionnaires uploaded from `from` to `to`, inclusive), from
 * the facts recorded at answer time: one row per questionnaire, with its deal and review times.
 */
export async function demandInsight(
  ctx: ServiceContext,
  input: DemandInput,
): Promise<DemandReport & { recommendations: Recommendation[] }> {
  const to = input.to ?? todayOf(ctx.clock);
  const from = input.from ?? addDays(to, -DEFAULT_DAYS + 1);
  if (from > to) throw new QuireError("invalid_period", `from (${from}) must not be after to (${to})`, 400);
  const { db, tenantId } = ctx;
  const inPeriod = and(
    eq(questionnaireInsights.tenantId, tenantId),
    gte(questionnaireInsights.askedOn, from),
    lte(questionnaireInsights.askedOn, to),
    ...(input.region ? [eq(questionnaireInsights.region, input.region)] : []),
  );
  const rows = await db
    .select({
      questionnaireId: questionnaireInsights.questionnaireId,
      buyer: questionnaireInsights.buyer,
      askedOn: questionnaireInsights.askedOn,
      region: questionnaireInsights.region,
      ndaInForce: questionnaireInsights.ndaInForce,
      questions: questionnaireInsights.questions,
      frameworks: questionnaireInsights.frameworks,
      soc2Types: questionnaireInsights.soc2Types,
      isoEditions: questionnaireInsights.isoEditions,
      withheld: questionnaireInsights.withheld,
      unevidenced: questionnaireInsights.unevidenced,
      dealStage: questionnaires.dealStage,
      dealAmount: questionnaires.dealAmount,
      draftedAt: questionnaires.draftedAt,
      approvedAt: questionnaires.approvedAt,
    })
    .from(questionnaireInsights)
    .innerJoin(
      questionnaires,
      and(
        eq(questionnaires.tenantId, questionnaireInsights.tenantId),
        eq(questionnaires.id, questionnaireInsights.questionnaireId),
      ),
    )
    .where(inPeriod);
  // Control tallies are the bulk of each row: summed by SQLite (json_each, on D1 too), not parsed here.
  const tallies = await db
    .select({
      control: sql<string>`c.key`,
      asked: sql<number>`sum(json_extract(c.value, '$[0]'))`,
      answered: sql<number>`sum(json_extract(c.value, '$[1]'))`,
      partial: sql<number>`sum(json_extract(c.value, '$[2]'))`,
      unanswered: sql<number>`sum(json_extract(c.value, '$[3]'))`,
    })
    .from(sql`${questionnaireInsights}, json_each(${questionnaireInsights.controls}) as c`)
    .where(inPeriod)
    .groupBy(sql`c.key`);
  const controlTotals = new Map(
    tallies.map((t) => [t.control, [t.asked, t.answered, t.partial, t.unanswered] as const]),
  );
  const controlRows = await db
    .select({ id: libraryControls.id, data: libraryControls.data })
    .from(libraryControls)
    .where(eq(libraryControls.tenantId, tenantId));
  const controls = new Map(
    controlRows.map((r) => [r.id, { title: String(r.data.title ?? r.id), status: r.data.status as ControlStatus }]),
  );
  const report = demandReport(rows as DemandRow[], {
    from,
    to,
    region: input.region ?? null,
    controls,
    controlTotals,
  });
  // What the vendor holds is judged today: the recommendation is about what to do next.
  const artifactRows = await db
    .select({ data: libraryArtifacts.data })
    .from(libraryArtifacts)
    .where(eq(libraryArtifacts.tenantId, tenantId));
  const artifacts: Artifact[] = artifactRows.flatMap((r) => {
    const parsed = ArtifactSchema.safeParse(r.data);
    return parsed.success ? [parsed.data] : [];
  });
  return { ...report, recommendations: recommend(report, holdingsOf(artifacts, todayOf(ctx.clock))) };
}
