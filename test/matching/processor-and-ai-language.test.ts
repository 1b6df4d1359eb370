/**
 * GDPR processor due-diligence and AI-supplier questions, bridged to the library as classes. Every
 * text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { weakPracticeSense } from "../../src/domain/drafting/inversion.js";
import { conceptsOf, normalizeText } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

const concepts = (text: string) => conceptsOf(normalizeText(text));

describe("people trained on data protection are not a model trained on data", () => {
  it.each([
    "Are employees trained on data protection every year?",
    "Is everyone who handles personal data trained on GDPR and privacy obligations?",
    "Are engineers trained on secure coding and data handling?",
  ])("%s names awareness training, not model training", (text) => {
    expect(concepts(text)).not.toContain("§modeltraining");
    expect(concepts(text)).toContain("§training");
    expect(weakPracticeSense(text)).toBe(false);
  });

  it.each([
    "Is the assistant trained on our data?",
    "Are your models trained on customer content?",
    "Do you fine-tune models on the prompts we send?",
  ])("%s is still model training on the customer's data", (text) => {
    expect(concepts(text)).toContain("§modeltraining");
    expect(weakPracticeSense(text)).toBe(true);
  });

  it("keeps the entry's Yes for staff trained on data protection", async () => {
    const r = await answer("Are people at the vendor trained on data protection obligations every year?");
    expect(r.entryId).toBe("security-awareness-training");
    expect(r.answer?.value).toBe("Yes");
  });
});
