import { describe, expect, it } from "vitest";
import { gradesNotStated } from "../../src/domain/drafting/finding-grade.js";
import type { LibraryEntry } from "../../src/domain/library/types.js";
import { answer } from "./helpers.js";

// Questions written in this test's own words.
const entry = (text: string): LibraryEntry => ({
  id: "e",
  topic: "t",
  question: "When was your last surveillance audit?",
  phrasings: [],
  short: null,
  answer: text,
  controls: [],
  artifacts: [],
  owner: "x",
  lastReviewed: "2026-01-01",
  reviewBy: "2027-01-01",
});

describe("a grade of audit finding the entry does not speak of", () => {
  const majorOnly = entry("The last surveillance audit closed with no major nonconformities.");

  it("names the grades asked that the answer never names", () => {
    expect(gradesNotStated("Did the auditor raise any minor non-conformities?", majorOnly)).toEqual([
      "minor nonconformities",
    ]);
    expect(gradesNotStated("Nonconformities (major and minor) from the last audit?", majorOnly)).toEqual([
      "minor nonconformities",
    ]);
    expect(gradesNotStated("List the observations the certification body recorded.", majorOnly)).toEqual([
      "observations",
    ]);
    expect(gradesNotStated("Any OFIs from the registrar's last visit?", majorOnly)).toEqual([
      "opportunities for improvement",
    ]);
  });

  it("leaves a grade the answer names, and questions about no grade, alone", () => {
    expect(gradesNotStated("Were major nonconformities raised at the last audit?", majorOnly)).toEqual([]);
    expect(gradesNotStated("Is the ISMS audited every year?", majorOnly)).toEqual([]);
    // "minor" of something else than the findings.
    expect(gradesNotStated("Are minor releases audited before deployment?", majorOnly)).toEqual([]);
    expect(
      gradesNotStated(
        "Were minor nonconformities raised?",
        entry("Two minor nonconformities were raised and closed; no major ones."),
      ),
    ).toEqual([]);
  });

  it.each([
    "Did your last surveillance audit end with minor nonconformities, and what were they about?",
    "Were minor nonconformities raised in your latest surveillance audit?",
    "Surveillance audit outcome, including minor nonconformities and observations",
  ])("%s goes to review", async (text) => {
    const result = await answer(text);
    expect(result.entryId).toBe("iso27001-surveillance");
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/minor nonconformities( and observations)? raised by an audit/);
  });

  it("a major nonconformity, which the entry speaks of, is still answered from it", async () => {
    const result = await answer(
      "When was your last surveillance audit, and did it raise any major nonconformities?",
      "free_text",
    );
    expect(result.entryId).toBe("iso27001-surveillance");
    expect(result.status).toBe("drafted");
  });
});
