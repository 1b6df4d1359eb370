import { describe, expect, it } from "vitest";
import { type DemandRow, demandReport } from "../../src/domain/insight/demand.js";
import { type Holdings, holdingsOf, RULES, recommend } from "../../src/domain/insight/recommend.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

/** A questionnaire's recorded facts, with only what a test cares about set. */
function row(overrides: Partial<DemandRow> & { buyer: string }): DemandRow {
  return {
    questionnaireId: `qn_${overrides.buyer}_${Math.random()}`,
    askedOn: "2026-03-10",
    region: "eu",
    ndaInForce: false,
    questions: 30,
    frameworks: {},
    soc2Types: {},
    isoEditions: {},
    withheld: [],
    controls: {},
    unevidenced: [],
    dealStage: null,
    dealAmount: null,
    draftedAt: null,
    approvedAt: null,
    ...overrides,
  };
}

const controls = new Map([
  ["CTL-LOG-02", { title: "Log retention", status: "partial" as const }],
  ["CTL-ENC-01", { title: "Encryption at rest", status: "implemented" as const }],
]);
const period = { from: "2026-01-01", to: "2026-06-30", region: null, controls };
const none: Holdings = { iso27001: "none", soc2Type2: "none", soc2Type1: "none" };

describe("recommendations", () => {
  it("says ISO 27001 first when EU/UK/APAC demand outweighs US demand, and shows why", () => {
    const rows = [
      ...Array.from({ length: 24 }, (_, i) =>
        row({ buyer: `eu${i}`, region: i % 3 === 0 ? "uk" : "eu", frameworks: { iso27001: 1 } }),
      ),
      ...Array.from({ length: 8 }, (_, i) =>
        row({ buyer: `us${i}`, region: "us", frameworks: { soc2: 1 }, soc2Types: { type2: 1 } }),
      ),
    ];
    const [first] = recommend(demandReport(rows, period), none);
    expect(first?.id).toBe("certification-priority");
    expect(first?.title).toBe("ISO 27001 first");
    expect(first?.confidence).toBe("strong");
    expect(first?.reasoning[0]).toBe(
      "32 questionnaires from 32 buyers: 24 (75%) from EU/UK/APAC buyers, 8 (25%) from US buyers.",
    );
    expect(first?.reasoning[1]).toBe("ISO 27001 was asked for in 24 questionnaires, SOC 2 in 8; GDPR or NIS2 in 0.");
    expect(first?.rules).toEqual([RULES.regionIso, RULES.regionSoc2]);
  });

  it("says SOC 2 Type II first for a US-heavy market, and that a Type I does not answer Type II requests", () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      row({ buyer: `us${i}`, region: "us", frameworks: { soc2: 1 }, soc2Types: { type2: 1 }, unevidenced: ["soc2"] }),
    );
    const recs = recommend(demandReport(rows, period), { ...none, soc2Type1: "current" });
    const first = recs[0];
    expect(first?.title).toBe("SOC 2 Type II first");
    expect(first?.confidence).toBe("moderate");
    expect(first?.rules).toContain(RULES.type1);
    expect(first?.reasoning).toContain(
      "12 questionnaires asked for a SOC 2 Type II; the Type I the vendor holds does not answer them.",
    );
    const type = recs.find((r) => r.id === "soc2-type");
    expect(type?.verdict).toBe(
      "Plan a Type II examination: 12 questionnaires asked for operating effectiveness, which a Type I cannot show.",
    );
  });

  it("weighs the pipeline a framework could not be evidenced for", () => {
    const rows = [
      row({ buyer: "a", region: "us", frameworks: { soc2: 1 }, unevidenced: ["soc2"], dealAmount: 30_000 }),
      row({ buyer: "b", region: "us", frameworks: { soc2: 1 }, dealAmount: 50_000 }),
      row({ buyer: "c", region: "eu", frameworks: { iso27001: 1 }, unevidenced: ["iso27001"], dealAmount: 20_000 }),
      row({ buyer: "d", region: "eu", dealAmount: null }),
    ];
    const rec = recommend(demandReport(rows, period), none).find((r) => r.id === "pipeline-at-risk");
    expect(rec?.title).toBe("SOC 2: 30% of pipeline unevidenced");
    expect(rec?.reasoning).toEqual([
      "SOC 2: 30,000 of 100,000 (30%) of pipeline value came from 1 buyer who asked for it and could not be shown its report.",
      "ISO/IEC 27001: 20,000 of 100,000 (20%) of pipeline value came from 1 buyer who asked for it and could not be shown its certificate.",
      "3 of 4 questionnaires carried a deal amount; the others count as zero.",
    ]);
    expect(rec?.confidence).toBe("weak");
  });

  it("turns withheld reports into an NDA recommendation that quotes the figures", () => {
    const withheld = [
      {
        framework: "soc2" as const,
        artifactType: "soc2-type2",
        reason: "no_nda" as const,
        substitute: "iso27001-certificate",
        questions: 1,
      },
    ];
    const rows = Array.from({ length: 3 }, (_, i) => row({ buyer: `eu${i}`, frameworks: { soc2: 1 }, withheld }));
    const rec = recommend(demandReport(rows, period), { ...none, iso27001: "current", soc2Type2: "current" }).find(
      (r) => r.id === "nda-friction",
    );
    expect(rec?.reasoning).toEqual([
      "SOC 2 asked by 3 EU buyers: a SOC 2 Type II report withheld (no NDA on file); an ISO 27001 certificate answered 3 of them.",
    ]);
    expect(rec?.verdict).toMatch(/^Keep offering an ISO 27001 certificate to buyers without an NDA/);
  });

  it("names the control to strengthen with its tallies", () => {
    const rows = [
      row({ buyer: "a", controls: { "CTL-LOG-02": [3, 1, 1, 1], "CTL-ENC-01": [5, 5, 0, 0] } }),
      row({ buyer: "b", controls: { "CTL-LOG-02": [2, 0, 2, 0] } }),
    ];
    const report = demandReport(rows, period);
    // Fully answered and implemented: not a gap.
    expect(report.controlGaps.map((g) => g.control)).toEqual(["CTL-LOG-02"]);
    const rec = recommend(report, none).find((r) => r.id === "control-to-strengthen");
    expect(rec?.reasoning).toEqual([
      "CTL-LOG-02 Log retention (library: partial): asked in 5 questions, answered 1, partly 3, not at all 1.",
    ]);
  });

  it("recommends nothing from no data, and every recommendation carries reasoning", () => {
    expect(recommend(demandReport([], period), none)).toEqual([]);
    const rows = Array.from({ length: 5 }, (_, i) => row({ buyer: `x${i}`, frameworks: { gdpr: 2 } }));
    for (const rec of recommend(demandReport(rows, period), none)) expect(rec.reasoning.length).toBeGreaterThan(0);
  });

  it("reads what the shipped library holds on a day", async () => {
    const library = await loadLibraryDir("answer-library");
    expect(holdingsOf(library.artifacts, "2026-11-24")).toMatchObject({ iso27001: "current", soc2Type2: "current" });
  });
});
