import { REGIONS, type Region } from "../answering/customer.js";
import type { ControlStatus } from "../library/types.js";
import { DETECTED_FRAMEWORK_LABEL, DETECTED_FRAMEWORKS, type DetectedFramework } from "./frameworks.js";
import { type ControlTally, type QuestionnaireInsight, WITHHELD_REASON_LABEL, type WithheldReason } from "./record.js";

/**
 * The demand view: which frameworks buyers ask for, over time and by region; which evidence was
 * withheld from them and what answered instead; which controls the library answers least; how many
 * questionnaires and how long their review takes. Pure: one row per questionnaire in, figures out.
 */

/** A questionnaire's recorded facts; `controls` may be left out when the caller sums them itself (controlTotals). */
export interface DemandRow extends Omit<QuestionnaireInsight, "controls"> {
  readonly controls?: QuestionnaireInsight["controls"];
  readonly questionnaireId: string;
  readonly buyer: string;
  readonly dealStage: string | null;
  readonly dealAmount: number | null;
  readonly draftedAt: string | null;
  readonly approvedAt: string | null;
}

export interface FrameworkDemand {
  readonly framework: DetectedFramework;
  readonly label: string;
  /** Questionnaires that asked (one buyer's three questionnaires count three times). */
  readonly questionnaires: number;
  readonly buyers: number;
  readonly questions: number;
  readonly byRegion: Readonly<Record<Region, number>>;
  readonly byMonth: readonly { readonly month: string; readonly questionnaires: number }[];
}

export interface WithheldGroup {
  readonly framework: DetectedFramework | null;
  readonly region: Region;
  readonly reason: WithheldReason;
  readonly artifactType: string;
  /** Buyers the artifact was withheld from, and of them those whom another artifact answered. */
  readonly buyers: number;
  readonly substituted: number;
  /** What answered most often in its place. */
  readonly substitute: string | null;
  readonly sentence: string;
}

export interface ControlGap {
  readonly control: string;
  readonly title: string;
  readonly status: ControlStatus | "unknown";
  readonly asked: number;
  readonly answered: number;
  readonly partial: number;
  readonly unanswered: number;
}

export interface PipelineShare {
  readonly framework: DetectedFramework;
  readonly label: string;
  /** Deal value of questionnaires that asked for the framework, and of those the vendor could not evidence it for. */
  readonly asked: number;
  readonly unevidenced: number;
  readonly unevidencedBuyers: number;
  /** unevidenced / total pipeline of the period (0 when no deal values were given). */
  readonly share: number;
}

export interface DemandReport {
  readonly from: string;
  readonly to: string;
  readonly region: Region | null;
  readonly months: readonly string[];
  readonly volume: {
    readonly questionnaires: number;
    readonly questions: number;
    readonly buyers: number;
    readonly byMonth: readonly { readonly month: string; readonly questionnaires: number }[];
    readonly byRegion: Readonly<Record<Region, number>>;
    /** Median hours from drafts ready to fully approved, over the questionnaires approved. */
    readonly medianReviewHours: number | null;
    readonly reviewed: number;
  };
  readonly frameworks: readonly FrameworkDemand[];
  /** SOC 2 report types and ISO 27001 editions asked for, by questionnaires. */
  readonly soc2Types: Readonly<Record<"type1" | "type2" | "both", number>>;
  readonly isoEditions: Readonly<Record<"2013" | "2022", number>>;
  readonly withheld: readonly WithheldGroup[];
  readonly controlGaps: readonly ControlGap[];
  readonly pipeline: {
    readonly total: number;
    readonly withDeal: number;
    readonly byFramework: readonly PipelineShare[];
  };
}

const zeroByRegion = (): Record<Region, number> => Object.fromEntries(REGIONS.map((r) => [r, 0])) as never;

/** Calendar months from `from` to `to`, inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 600; guard++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > end) break;
    months.push(month);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const ARTIFACT_LABEL: Readonly<Record<string, string>> = {
  "iso27001-certificate": "an ISO 27001 certificate",
  "soc2-type2": "a SOC 2 Type II report",
  "soc2-type1": "a SOC 2 Type I report",
  "bridge-letter": "a bridge letter",
  "pentest-letter": "a pen-test letter",
  policy: "a policy",
  "subprocessor-list": "the sub-processor list",
  other: "another document",
};

const REGION_LABEL: Readonly<Record<Region, string>> = {
  us: "US",
  eu: "EU",
  uk: "UK",
  apac: "APAC",
  other: "other-region",
};

function withheldSentence(g: Omit<WithheldGroup, "sentence">): string {
  const asked = g.framework ? `${DETECTED_FRAMEWORK_LABEL[g.framework]} asked by` : "Asked by";
  const who = `${g.buyers} ${REGION_LABEL[g.region]} buyer${g.buyers === 1 ? "" : "s"}`;
  const why = WITHHELD_REASON_LABEL[g.reason];
  const withheld = `${ARTIFACT_LABEL[g.artifactType] ?? g.artifactType} withheld (${why})`;
  if (g.substituted === 0) return `${asked} ${who}: ${withheld}; nothing else could be cited`;
  const instead = g.substitute ? (ARTIFACT_LABEL[g.substitute] ?? g.substitute) : "another artifact";
  return `${asked} ${who}: ${withheld}; ${instead} answered ${g.substituted} of them`;
}

function withheldGroups(rows: readonly DemandRow[]): WithheldGroup[] {
  const groups = new Map<
    string,
    {
      key: Omit<WithheldGroup, "buyers" | "substituted" | "substitute" | "sentence">;
      buyers: Set<string>;
      substituted: Set<string>;
      substitutes: Map<string, number>;
    }
  >();
  for (const row of rows) {
    for (const fact of row.withheld) {
      const id = `${fact.framework}|${row.region}|${fact.reason}|${fact.artifactType}`;
      let g = groups.get(id);
      if (!g) {
        g = {
          key: { framework: fact.framework, region: row.region, reason: fact.reason, artifactType: fact.artifactType },
          buyers: new Set(),
          substituted: new Set(),
          substitutes: new Map(),
        };
        groups.set(id, g);
      }
      g.buyers.add(row.buyer);
      if (fact.substitute) {
        g.substituted.add(row.buyer);
        g.substitutes.set(fact.substitute, (g.substitutes.get(fact.substitute) ?? 0) + 1);
      }
    }
  }
  return (
    [...groups.values()]
      .map((g) => {
        const substitute = [...g.substitutes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
        const base = {
          ...g.key,
          buyers: g.buyers.size,
          substituted: g.substituted.size,
          substitute: substitute ?? null,
        };
        return { ...base, sentence: withheldSentence(base) };
      })
      // The evidence of a framework the buyer asked for first (the vendor's question), then by buyers.
      .sort(
        (a, b) =>
          Number(a.framework === null) - Number(b.framework === null) ||
          b.buyers - a.buyers ||
          a.sentence.localeCompare(b.sentence),
      )
  );
}

/** Per control, the tallies of every row summed (the service sums them itself while reading the rows). */
export function sumControls(rows: readonly DemandRow[]): Map<string, ControlTally> {
  const totals = new Map<string, [number, number, number, number]>();
  for (const row of rows) {
    for (const [id, tally] of Object.entries(row.controls ?? {})) {
      const t = totals.get(id) ?? [0, 0, 0, 0];
      for (let i = 0; i < 4; i++) t[i] = (t[i] as number) + (tally[i] as number);
      totals.set(id, t);
    }
  }
  return totals;
}

function controlGaps(
  totals: ReadonlyMap<string, ControlTally>,
  controls: ReadonlyMap<string, { title: string; status: ControlStatus }>,
  limit: number,
): ControlGap[] {
  return (
    [...totals.entries()]
      .map(([id, [asked, answered, partial, unanswered]]) => {
        const control = controls.get(id);
        return {
          control: id,
          title: control?.title ?? id,
          status: control?.status ?? ("unknown" as const),
          asked,
          answered,
          partial,
          unanswered,
        };
      })
      // A control the library itself holds as partial or planned is a gap however its answers went.
      .filter((g) => g.partial + g.unanswered > 0 || g.status === "partial" || g.status === "planned")
      .sort(
        (a, b) =>
          b.asked - a.asked ||
          b.partial + b.unanswered - (a.partial + a.unanswered) ||
          a.control.localeCompare(b.control),
      )
      .slice(0, limit)
  );
}

export interface DemandOptions {
  readonly from: string;
  readonly to: string;
  readonly region: Region | null;
  readonly controls: ReadonlyMap<string, { title: string; status: ControlStatus }>;
  /** The control tallies summed over the rows, when the caller has them (else summed from the rows). */
  readonly controlTotals?: ReadonlyMap<string, ControlTally>;
  readonly controlGapLimit?: number;
}

export function demandReport(rows: readonly DemandRow[], options: DemandOptions): DemandReport {
  const months = monthsBetween(options.from, options.to);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const volumeByMonth = months.map(() => 0);
  const volumeByRegion = zeroByRegion();
  const buyers = new Set<string>();
  const soc2Types = { type1: 0, type2: 0, both: 0 };
  const isoEditions = { "2013": 0, "2022": 0 };
  const reviewHours: number[] = [];
  let questions = 0;
  const perFramework = new Map<
    DetectedFramework,
    {
      questionnaires: number;
      buyers: Set<string>;
      questions: number;
      byRegion: Record<Region, number>;
      byMonth: number[];
    }
  >();
  let pipelineTotal = 0;
  let withDeal = 0;
  const pipeline = new Map<DetectedFramework, { asked: number; unevidenced: number; buyers: Set<string> }>();

  for (const row of rows) {
    const month = monthIndex.get(row.askedOn.slice(0, 7));
    if (month !== undefined) volumeByMonth[month] = (volumeByMonth[month] as number) + 1;
    volumeByRegion[row.region]++;
    buyers.add(row.buyer);
    questions += row.questions;
    if (row.draftedAt && row.approvedAt) {
      reviewHours.push((Date.parse(row.approvedAt) - Date.parse(row.draftedAt)) / 3_600_000);
    }
    for (const t of ["type1", "type2", "both"] as const) if (row.soc2Types[t]) soc2Types[t]++;
    for (const e of ["2013", "2022"] as const) if (row.isoEditions[e]) isoEditions[e]++;
    const amount = row.dealAmount ?? 0;
    if (row.dealAmount !== null) withDeal++;
    pipelineTotal += amount;
    for (const [framework, n] of Object.entries(row.frameworks) as [DetectedFramework, number][]) {
      if (!n) continue;
      let f = perFramework.get(framework);
      if (!f) {
        f = {
          questionnaires: 0,
          buyers: new Set(),
          questions: 0,
          byRegion: zeroByRegion(),
          byMonth: months.map(() => 0),
        };
        perFramework.set(framework, f);
      }
      f.questionnaires++;
      f.buyers.add(row.buyer);
      f.questions += n;
      f.byRegion[row.region]++;
      if (month !== undefined) f.byMonth[month] = (f.byMonth[month] as number) + 1;
      const p = pipeline.get(framework) ?? { asked: 0, unevidenced: 0, buyers: new Set<string>() };
      p.asked += amount;
      if (row.unevidenced.includes(framework)) {
        p.unevidenced += amount;
        p.buyers.add(row.buyer);
      }
      pipeline.set(framework, p);
    }
  }

  const frameworks = DETECTED_FRAMEWORKS.flatMap((framework): FrameworkDemand[] => {
    const f = perFramework.get(framework);
    if (!f) return [];
    return [
      {
        framework,
        label: DETECTED_FRAMEWORK_LABEL[framework],
        questionnaires: f.questionnaires,
        buyers: f.buyers.size,
        questions: f.questions,
        byRegion: f.byRegion,
        byMonth: months.map((m, i) => ({ month: m, questionnaires: f.byMonth[i] as number })),
      },
    ];
  }).sort((a, b) => b.questionnaires - a.questionnaires);

  return {
    from: options.from,
    to: options.to,
    region: options.region,
    months,
    volume: {
      questionnaires: rows.length,
      questions,
      buyers: buyers.size,
      byMonth: months.map((m, i) => ({ month: m, questionnaires: volumeByMonth[i] as number })),
      byRegion: volumeByRegion,
      medianReviewHours: median(reviewHours),
      reviewed: reviewHours.length,
    },
    frameworks,
    soc2Types,
    isoEditions,
    withheld: withheldGroups(rows),
    controlGaps: controlGaps(
      options.controlTotals ?? sumControls(rows),
      options.controls,
      options.controlGapLimit ?? 10,
    ),
    pipeline: {
      total: pipelineTotal,
      withDeal,
      byFramework: frameworks.map((f) => {
        const p = pipeline.get(f.framework) ?? { asked: 0, unevidenced: 0, buyers: new Set<string>() };
        return {
          framework: f.framework,
          label: f.label,
          asked: p.asked,
          unevidenced: p.unevidenced,
          unevidencedBuyers: p.buyers.size,
          share: pipelineTotal > 0 ? p.unevidenced / pipelineTotal : 0,
        };
      }),
    },
  };
}
