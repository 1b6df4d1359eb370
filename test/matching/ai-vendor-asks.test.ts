/**
 * AI-vendor questions: the forms buyers ask them in and the entries that answer them. Every text is
 * written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { weakPracticeSense } from "../../src/domain/drafting/inversion.js";
import { conceptsOf, normalizeText } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

describe("a yes/no question whose list offers a qualified answer besides Yes and No", () => {
  it.each([
    ["Are our prompts kept by the model vendor after inference?", ["Yes", "No", "Configurable"]],
    ["Customer content used to train shared AI models?", ["Yes", "No", "Only with opt-in"]],
  ])("%s takes the entry's flat No as the list's No", async (text, allowed) => {
    const r = await answer(text, "choice", allowed);
    expect(r.answer?.value).toBe("No");
    expect(r.status).toBe("drafted");
  });

  it("leaves a Yes to the reviewer, who may need the qualified option", async () => {
    const r = await answer("Can administrators turn the AI features off for our tenant?", "choice", [
      "Yes",
      "No",
      "Only on request",
    ]);
    expect(r.status).not.toBe("drafted");
  });
});

describe("model training named by two names of the technology", () => {
  it.each([
    "Client data used for AI/ML training?",
    "Is our content used for AI or ML training?",
    "Are customer records used for machine learning training?",
  ])("%s asks the entry's own sense, so its No stands", async (text) => {
    expect(weakPracticeSense(text)).toBe(true);
    const r = await answer(text);
    expect(r.entryId).toBe("ai-training-on-customer-data");
    expect(r.answer?.value).toBe("No");
  });
});

describe("words only an AI feature has", () => {
  it.each([
    "Do you use retrieval-augmented generation over our documents?",
    "Is RAG used to ground the answers?",
    "How are hallucinations caught?",
    "Please share the model card.",
    "Are system prompts reviewed?",
    "Do you offer agentic workflows?",
  ])("%s is about AI", (text) => {
    expect(conceptsOf(normalizeText(text))).toContain("§ai");
  });

  it("finds the accuracy entry for a question about hallucinations", async () => {
    const r = await answer(
      "How are hallucinated or factually wrong outputs spotted, reported by users and corrected?",
      "free_text",
    );
    expect(r.entryId).toBe("ai-output-accuracy");
    expect(r.status).toBe("drafted");
  });
});

describe("how an AI output was reached (NIST AI RMF explainability, EU AI Act Art. 13 interpretation)", () => {
  it.each([
    "Can users see how the AI produced a number, such as the query behind it?",
    "Can users see how the AI arrived at a result, for instance the underlying logic?",
  ])("%s is answered by the accuracy entry, which shows the generated query", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("ai-output-accuracy");
  });
});
