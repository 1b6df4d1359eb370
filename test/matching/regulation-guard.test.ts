/**
 * An entry about one regulation (named in all its texts) answers only questions that name it. Written
 * here in this test's own words, on the shipped library.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../../src/domain/drafting/draft.js";
import { buildQuery, matchQuery } from "../../src/domain/matching/match.js";
import { regulationNotNamed } from "../../src/domain/matching/regulation-guard.js";
import { answer, shippedLibrary } from "./helpers.js";

describe("an entry about one regulation", () => {
  it("is held back for a question that does not name the regulation", async () => {
    const { index } = await shippedLibrary();
    const text = "How do you make sure your suppliers meet your security requirements?";
    expect(regulationNotNamed(index, text, "nis2-alignment")).toBe(true);
    const nis2 = matchQuery(index, buildQuery(index, text), 5).find((c) => c.entryId === "nis2-alignment");
    if (nis2) expect(nis2.confidence).toBeLessThan(DEFAULT_THRESHOLDS.draft);
    expect((await answer(text)).entryId === "nis2-alignment" && (await answer(text)).status === "drafted").toBe(false);
  });

  it("answers a question that names it", async () => {
    const { index } = await shippedLibrary();
    expect(regulationNotNamed(index, "Are you compliant with NIS2?", "nis2-alignment")).toBe(false);
    expect(await answer("Are you compliant with NIS2?")).toMatchObject({
      status: "drafted",
      entryId: "nis2-alignment",
    });
  });

  it("answers a question that names it in a sentence before the ask", async () => {
    const a = await answer(
      "Our regulator lists us as an important entity under NIS2. Describe how your security programme supports the risk-management measures of Article 21.",
      "free_text",
    );
    expect(a.entryId).toBe("nis2-alignment");
    expect(a.confidence).toBeGreaterThan(0.7);
    expect(a.notes.join(" ")).not.toMatch(/below/);
  });

  it("gives way to the measure's own entry when a question cites one point of an article", async () => {
    const { index } = await shippedLibrary();
    // The regulation's entry names every measure in its answer, so read by words it led these rows.
    for (const text of [
      "How do you manage security risks in your own ICT supply chain, in line with NIS2 Art. 21(2)(d)?",
      "Art. 21(2)(d) NIS2: how do you address the security of relationships with your direct suppliers and service providers?",
    ]) {
      const [first, ...rest] = matchQuery(index, buildQuery(index, text), 5);
      expect(first?.entryId, text).not.toBe("nis2-alignment");
      const nis2 = rest.find((c) => c.entryId === "nis2-alignment");
      if (nis2) expect(nis2.confidence).toBeLessThan(DEFAULT_THRESHOLDS.draft);
    }
    // The article or its paragraph alone still points to the regulation as a whole.
    const whole = await answer(
      "Does your security programme implement each of the risk-management measures of NIS2 Article 21(2)?",
    );
    expect(whole).toMatchObject({ entryId: "nis2-alignment", status: "drafted" });
  });

  it("leaves entries that name a technology in every text alone", async () => {
    const { index } = await shippedLibrary();
    // api-authentication names "API" everywhere but is not about meeting a regulation.
    expect(regulationNotNamed(index, "How are programmatic integrations authenticated?", "api-authentication")).toBe(
      false,
    );
  });
});
