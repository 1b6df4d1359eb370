import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("a practice asked to be done again is not drafted from an entry that does it once", () => {
  it.each([
    "Are background checks re-run on existing employees at least every three years?",
    "Are background verification checks on existing staff repeated on an ongoing basis after they have joined, not only at hiring?",
    "Are background checks on current employees repeated every five years?",
    "Is criminal record screening re-performed on existing staff periodically?",
  ])("%s goes to review", async (text) => {
    const result = await answer(text);
    expect(result.entryId).toBe("background-checks");
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/repeated/);
  });

  it.each([
    // The entry says how often it is done again: "reviewed at least once a year", "trigger … a targeted risk assessment".
    ["Are critical suppliers re-assessed periodically after onboarding?", "supplier-monitoring"],
    ["Are background checks performed on employees before they join?", "background-checks"],
    ["Are user access rights reviewed and recertified on a periodic basis?", "access-reviews"],
  ])("%s is still drafted", async (text, entry) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });
});
