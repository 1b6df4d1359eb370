import { describe, expect, it } from "vitest";
import { coverage } from "../../src/domain/library/coverage.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { control, entry, smallLibrary } from "./fixture.js";

describe("coverage of the shipped library", () => {
  it("covers all 93 Annex A controls, all 33 SOC 2 common criteria, A1, C1, NIS2 and GDPR Art. 32", async () => {
    const library = await loadLibraryDir("answer-library");
    const byFramework = new Map(coverage(library).map((fw) => [fw.framework, fw]));

    const iso = byFramework.get("ISO27001:2022");
    expect(iso?.total).toBe(93);
    expect(iso?.covered).toBe(93);

    const soc2 = byFramework.get("SOC2");
    const group = (name: string) => soc2?.groups.find((g) => g.group === name);
    expect(group("Security (Common Criteria)")).toMatchObject({ total: 33, covered: 33, expected: true });
    expect(group("Availability")).toMatchObject({ total: 3, covered: 3, expected: true });
    expect(group("Confidentiality")).toMatchObject({ total: 2, covered: 2, expected: true });
    // Outside the report's scope: listed, not required.
    expect(group("Privacy")?.expected).toBe(false);
    expect(group("Processing Integrity")?.expected).toBe(false);
    expect(soc2?.expectedCovered).toBe(soc2?.expectedTotal);

    expect(byFramework.get("NIS2")).toMatchObject({ total: 10, covered: 10 });
    expect(byFramework.get("GDPR")).toMatchObject({ total: 4, covered: 4 });

    // Every covered reference is backed by at least one entry, not just a control.
    for (const fw of byFramework.values()) {
      for (const row of fw.rows)
        if (row.controls.length > 0) expect(row.entries.length, `${fw.framework} ${row.ref}`).toBeGreaterThan(0);
    }
  });

  it("notes the Annex A control excluded in the Statement of Applicability", async () => {
    const library = await loadLibraryDir("answer-library");
    const iso = coverage(library).find((fw) => fw.framework === "ISO27001:2022");
    expect(iso?.rows.find((r) => r.ref === "A.8.30")?.note).toMatch(/excluded in the SoA/);
  });
});

describe("coverage of a small library", () => {
  it("lists the controls and entries behind each reference", () => {
    const second = control({
      id: "CTL-ENC-02",
      title: "Encryption in transit",
      refs: [{ framework: "ISO27001:2022", ref: "A.8.24" }],
    });
    const transit = entry({
      id: "encryption-in-transit",
      question: "Is data encrypted in transit?",
      controls: ["CTL-ENC-02"],
    });
    const result = coverage(smallLibrary({ controls: [control(), second], entries: [entry(), transit] }));
    const row = result.find((fw) => fw.framework === "ISO27001:2022")?.rows.find((r) => r.ref === "A.8.24");
    expect(row?.controls).toEqual(["CTL-ENC-01", "CTL-ENC-02"]);
    expect(row?.entries).toEqual(["encryption-at-rest", "encryption-in-transit"]);
  });

  it("counts a reference as uncovered when no control maps it", () => {
    const iso = coverage(smallLibrary({ controls: [control({ refs: [] })] })).find(
      (fw) => fw.framework === "ISO27001:2022",
    );
    expect(iso?.covered).toBe(0);
    expect(iso?.expectedTotal).toBe(93);
  });
});
