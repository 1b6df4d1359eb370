import type { DemandReport } from "../../domain/insight/demand.js";
import type { Recommendation } from "../../domain/insight/recommend.js";
import { WITHHELD_REASON_LABEL } from "../../domain/insight/record.js";
import { columnChart, stackedBarChart } from "../../export/charts.js";
import type { ServiceContext } from "../context.js";
import { type DemandInput, demandInsight } from "./demand.js";

export interface DemandChart {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
}

const REGIONS = [
  ["us", "US"],
  ["eu", "EU"],
  ["uk", "UK"],
  ["apac", "APAC"],
  ["other", "Other"],
] as const;
/** Lines beyond this many frameworks are unreadable; the rest are in the table. */
const TOP_FRAMEWORKS = 6;

/** The demand figures as SVG charts, one per question a vendor asks of them. */
export function demandCharts(report: DemandReport): DemandChart[] {
  const months = report.months;
  const top = report.frameworks.slice(0, TOP_FRAMEWORKS);
  const charts: DemandChart[] = [];
  const add = (id: string, title: string, svg: string) => charts.push({ id, title, svg });

  const volumeSummary = `${report.volume.questionnaires} questionnaires from ${report.volume.buyers} buyers, ${months.length} months`;
  add(
    "volume",
    "Questionnaires per month",
    columnChart({ id: "volume", title: "Questionnaires per month", summary: volumeSummary }, months, [
      { name: "Questionnaires", values: report.volume.byMonth.map((m) => m.questionnaires) },
    ]),
  );
  add(
    "frameworks-by-month",
    "Requests per framework over time",
    columnChart(
      {
        id: "frameworks-by-month",
        title: "Requests per framework over time",
        summary: top.map((f) => `${f.label} ${f.questionnaires}`).join(", ") || "no framework asked for",
      },
      months,
      top.map((f) => ({ name: f.label, values: f.byMonth.map((m) => m.questionnaires) })),
      "line",
    ),
  );
  add(
    "frameworks-by-region",
    "Requests per framework by region",
    stackedBarChart(
      {
        id: "frameworks-by-region",
        title: "Requests per framework by region",
        summary: report.frameworks.map((f) => `${f.label} ${f.questionnaires}`).join(", ") || "no framework asked for",
      },
      report.frameworks.map((f) => f.label),
      REGIONS.map(([region, label]) => ({ name: label, values: report.frameworks.map((f) => f.byRegion[region]) })),
    ),
  );
  const withheld = report.withheld.slice(0, 8);
  add(
    "withheld",
    "Evidence withheld, and answered instead",
    stackedBarChart(
      {
        id: "withheld",
        title: "Evidence withheld, and answered instead",
        summary: withheld.map((g) => g.sentence).join(". ") || "nothing withheld",
      },
      withheld.map(
        (g) =>
          `${g.framework ? `${g.framework.toUpperCase()} ` : ""}${g.region.toUpperCase()}: ${WITHHELD_REASON_LABEL[g.reason]}`,
      ),
      [
        { name: "Answered instead", values: withheld.map((g) => g.substituted) },
        { name: "Nothing instead", values: withheld.map((g) => g.buyers - g.substituted) },
      ],
      { labelWidth: 230 },
    ),
  );
  add(
    "control-gaps",
    "Controls asked about, answered partly or not at all",
    stackedBarChart(
      {
        id: "control-gaps",
        title: "Controls asked about, answered partly or not at all",
        summary: report.controlGaps.map((g) => `${g.control} asked ${g.asked}`).join(", ") || "no gaps",
      },
      report.controlGaps.map((g) => `${g.control} ${g.title}`),
      [
        { name: "Answered", values: report.controlGaps.map((g) => g.answered) },
        { name: "Partly", values: report.controlGaps.map((g) => g.partial) },
        { name: "Not at all", values: report.controlGaps.map((g) => g.unanswered) },
      ],
      { labelWidth: 230 },
    ),
  );
  return charts;
}

/** The figures and their charts in one computation, so the page costs the server one pass over the period. */
export async function demandChartsFor(
  ctx: ServiceContext,
  input: DemandInput,
): Promise<{ report: DemandReport & { recommendations: Recommendation[] }; charts: DemandChart[] }> {
  const report = await demandInsight(ctx, input);
  return { report, charts: demandCharts(report) };
}
