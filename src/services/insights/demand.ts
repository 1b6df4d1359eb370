import { and, eq, gte, lte } from "drizzle-orm";
import { libraryControls, questionnaireInsights, questionnaires } from "../../db/schema/index.js";
import type { Region } from "../../domain/answering/customer.js";
import { addDays } from "../../domain/dates.js";
import { QuireError } from "../../domain/errors.js";
import { type DemandReport, type DemandRow, demandReport } from "../../domain/insight/demand.js";
import type { ControlStatus } from "../../domain/library/types.js";
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
export async function demandInsight(ctx: ServiceContext, input: DemandInput): Promise<DemandReport> {
  const to = input.to ?? todayOf(ctx.clock);
  const from = input.from ?? addDays(to, -DEFAULT_DAYS + 1);
  if (from > to) throw new QuireError("invalid_period", `from (${from}) must not be after to (${to})`, 400);
  const { db, tenantId } = ctx;
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
      controls: questionnaireInsights.controls,
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
    .where(
      and(
        eq(questionnaireInsights.tenantId, tenantId),
        gte(questionnaireInsights.askedOn, from),
        lte(questionnaireInsights.askedOn, to),
        ...(input.region ? [eq(questionnaireInsights.region, input.region)] : []),
      ),
    );
  const controlRows = await db
    .select({ id: libraryControls.id, data: libraryControls.data })
    .from(libraryControls)
    .where(eq(libraryControls.tenantId, tenantId));
  const controls = new Map(
    controlRows.map((r) => [r.id, { title: String(r.data.title ?? r.id), status: r.data.status as ControlStatus }]),
  );
  return demandReport(rows as DemandRow[], { from, to, region: input.region ?? null, controls });
}
