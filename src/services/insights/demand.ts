import { and, eq, gte, lte, sql } from "drizzle-orm";
import { libraryArtifacts, libraryControls, questionnaireInsights, questionnaires } from "../../db/schema/index.js";
import type { Region } from "../../domain/answering/customer.js";
import { addDays } from "../../domain/dates.js";
import { QuireError } from "../../domain/errors.js";
import { type DemandReport, type DemandRow, demandReport } from "../../domain/insight/demand.js";
import { holdingsOf, type Recommendation, recommend } from "../../domain/insight/recommend.js";
import { type Artifact, ArtifactSchema, type ControlStatus } from "../../domain/library/types.js";
import { type ServiceContext, todayOf } from "../context.js";
import { addControlTallies, type ControlTotals } from "./tallies.js";

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
  const rows: DemandRow[] = [];
  const controlTotals: ControlTotals = new Map();
  for (const raw of await periodRows(ctx, from, to, input.region)) {
    rows.push({
      questionnaireId: raw.questionnaireId,
      buyer: raw.buyer,
      askedOn: raw.askedOn,
      region: raw.region,
      ndaInForce: Boolean(raw.ndaInForce),
      questions: raw.questions,
      frameworks: JSON.parse(raw.frameworks),
      soc2Types: JSON.parse(raw.soc2Types),
      isoEditions: JSON.parse(raw.isoEditions),
      withheld: JSON.parse(raw.withheld),
      unevidenced: JSON.parse(raw.unevidenced),
      dealStage: raw.dealStage,
      dealAmount: raw.dealAmount,
      draftedAt: raw.draftedAt,
      approvedAt: raw.approvedAt,
    });
    addControlTallies(controlTotals, raw.controls);
  }
  const controlRows = await db
    .select({ id: libraryControls.id, data: libraryControls.data })
    .from(libraryControls)
    .where(eq(libraryControls.tenantId, tenantId));
  const controls = new Map(
    controlRows.map((r) => [r.id, { title: String(r.data.title ?? r.id), status: r.data.status as ControlStatus }]),
  );
  const report = demandReport(rows, {
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

/** A questionnaire_insights row joined with its questionnaire, as the driver returns it (JSON still text). */
interface RawDemandRow {
  readonly questionnaireId: string;
  readonly buyer: string;
  readonly askedOn: string;
  readonly region: Region;
  readonly ndaInForce: number | boolean;
  readonly questions: number;
  readonly frameworks: string;
  readonly soc2Types: string;
  readonly isoEditions: string;
  readonly withheld: string;
  readonly controls: string;
  readonly unevidenced: string;
  readonly dealStage: string | null;
  readonly dealAmount: number | null;
  readonly draftedAt: string | null;
  readonly approvedAt: string | null;
}

/**
 * The period's rows in one plain query (better-sqlite3 and D1 both return objects): at 10,000
 * questionnaires drizzle's per-column mapping and SQLite's json_each over every control tally each
 * cost more than the whole rest of the report, so the JSON text is parsed once here, by V8.
 */
function periodRows(ctx: ServiceContext, from: string, to: string, region: Region | undefined) {
  const i = questionnaireInsights;
  const q = questionnaires;
  return ctx.db.all<RawDemandRow>(sql`
    select ${i.questionnaireId} as questionnaireId, ${i.buyer} as buyer, ${i.askedOn} as askedOn,
      ${i.region} as region, ${i.ndaInForce} as ndaInForce, ${i.questions} as questions,
      ${i.frameworks} as frameworks, ${i.soc2Types} as soc2Types, ${i.isoEditions} as isoEditions,
      ${i.withheld} as withheld, ${i.controls} as controls, ${i.unevidenced} as unevidenced,
      ${q.dealStage} as dealStage, ${q.dealAmount} as dealAmount, ${q.draftedAt} as draftedAt,
      ${q.approvedAt} as approvedAt
    from ${i} inner join ${q} on ${q.tenantId} = ${i.tenantId} and ${q.id} = ${i.questionnaireId}
    where ${and(
      eq(i.tenantId, ctx.tenantId),
      gte(i.askedOn, from),
      lte(i.askedOn, to),
      ...(region ? [eq(i.region, region)] : []),
    )}`);
}
