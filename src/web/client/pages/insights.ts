/**
 * "What buyers ask for": the demand figures recorded when each questionnaire was answered, as
 * charts (SVG rendered by the server, parsed as XML and adopted, never as HTML) and as sentences:
 * the recommendations with their reasoning, the evidence withheld and what answered instead.
 */
import { getJson, query } from "../api.js";
import type { DemandCharts, DemandReport } from "../api-types.js";
import { field, fill, h } from "../dom.js";
import { plural } from "../format.js";
import { showProblem } from "../problem.js";

const REGIONS = [
  ["", "Every region"],
  ["us", "US"],
  ["eu", "EU"],
  ["uk", "UK"],
  ["apac", "APAC"],
  ["other", "Other"],
] as const;

/** The server's SVG as a node of this document. XML parsing: no HTML, no script runs. */
function svgNode(svg: string): Node {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length > 0) {
    return h("p", { class: "muted" }, "This chart could not be shown.");
  }
  for (const bad of [...root.getElementsByTagName("script"), ...root.getElementsByTagName("foreignObject")])
    bad.remove();
  return document.importNode(root, true);
}

function hours(n: number | null): string {
  if (n === null) return "no questionnaire fully approved yet";
  return n < 48 ? `${n.toFixed(1)} hours` : `${(n / 24).toFixed(1)} days`;
}

export async function renderInsights(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const from = h("input", { type: "date", name: "from", value: params.get("from") ?? "" });
  const to = h("input", { type: "date", name: "to", value: params.get("to") ?? "" });
  const region = h(
    "select",
    { name: "region" },
    REGIONS.map(([value, label]) => h("option", { value, selected: value === (params.get("region") ?? "") }, label)),
  );
  const form = h(
    "form",
    { class: "toolbar", role: "search", "aria-label": "Period and region" },
    field("From", from),
    field("To", to),
    field("Region", region),
    h("button", { type: "submit" }, "Show"),
  );
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const content = h("div", { id: "insights" });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = query({ from: from.value, to: to.value, region: region.value });
    history.pushState(null, "", `/app/insights${q}`);
    void load(q);
  });
  fill(
    root,
    h("h1", {}, "What buyers ask for"),
    h(
      "p",
      { class: "muted" },
      "Frameworks, reports and controls your buyers asked about, recorded when each questionnaire was answered; the evidence withheld from them and what answered instead; and what to do about it, with the reasoning.",
    ),
    h("section", { class: "card", "aria-label": "Period" }, form),
    error,
    content,
  );

  async function load(q: string): Promise<void> {
    showProblem(error, null);
    try {
      // One request: the figures and their charts come from one pass over the period.
      const body = await getJson<DemandCharts>(`/v1/insights/demand/charts${q}`);
      fill(content, ...view(body.report, body));
    } catch (err) {
      showProblem(error, err);
    }
  }
  await load(query({ from: params.get("from"), to: params.get("to"), region: params.get("region") }));
}

function view(report: DemandReport, charts: DemandCharts): Node[] {
  const v = report.volume;
  const summary = h(
    "p",
    { id: "insights-summary" },
    `${report.from} to ${report.to}: ${plural(v.questionnaires, "questionnaire")} from ${plural(v.buyers, "buyer")}, ${plural(v.questions, "question")}. Median review time: ${hours(v.medianReviewHours)}${v.reviewed > 0 ? ` (${plural(v.reviewed, "questionnaire")} approved)` : ""}.`,
  );
  const recommendations = h(
    "section",
    { class: "card", id: "recommendations", "aria-label": "Recommendations" },
    h("h2", {}, "Recommendations"),
    report.recommendations.length === 0
      ? h("p", { class: "muted" }, "No questionnaire in this period: nothing to recommend yet.")
      : report.recommendations.map((r) =>
          h(
            "article",
            { class: "recommendation", "data-id": r.id },
            h("h3", {}, r.title, " ", h("span", { class: `badge badge-${r.confidence}` }, r.confidence)),
            h("p", { class: "verdict" }, r.verdict),
            h("p", { class: "muted" }, "Why:"),
            h(
              "ul",
              { class: "reasoning" },
              r.reasoning.map((line) => h("li", {}, line)),
            ),
            r.rules.length > 0
              ? h(
                  "ul",
                  { class: "rules muted" },
                  r.rules.map((rule) => h("li", {}, rule)),
                )
              : null,
          ),
        ),
  );
  const withheld = h(
    "section",
    { class: "card", id: "withheld", "aria-label": "Evidence withheld" },
    h("h2", {}, "Evidence withheld"),
    report.withheld.length === 0
      ? h("p", { class: "muted" }, "Nothing was withheld in this period.")
      : h(
          "ul",
          {},
          report.withheld.slice(0, 12).map((g) => h("li", {}, g.sentence)),
        ),
  );
  const chartCards = charts.charts.map((c) =>
    h("figure", { class: "card chart-card", "data-chart": c.id }, h("figcaption", {}, c.title), svgNode(c.svg)),
  );
  return [summary, recommendations, h("div", { class: "charts" }, chartCards), withheld];
}
