/**
 * The answer fits the question asked, on the shipped library: a value only where the question asks
 * for one, words without a leading verdict for open questions, the topic of a governance template,
 * and review for questions no library should answer on its own.
 */
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/domain/answering/answer-questions.js";
import { answer, question, shippedLibrary, US_NO_NDA } from "./helpers.js";

const YES_NO = ["Yes", "No", "N/A"];

describe("value only where the question asks for one", () => {
  it.each([
    "Where will our data be stored?",
    "How long is customer data retained after the contract ends?",
    "Please describe how encryption keys are managed.",
    // RFP rows that name the fact they want, without a question word
    "Retention period for audit logs",
    "Frequency of user access reviews",
  ])("an open question in a Yes/No column gets words and no value: %s", async (text) => {
    const r = await answer(text, "yes_no", YES_NO);
    expect(r.entryId).not.toBeNull();
    expect(r.answer?.value ?? null).toBeNull();
    expect(r.answer?.text).not.toMatch(/^(yes|no)\b/i);
  });

  it("a closed question in the same column still gets its value", async () => {
    const r = await answer("Is customer data encrypted at rest?", "yes_no", YES_NO);
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("Yes");
  });

  it("free text answering who/where/how starts with the answer, not Yes.", async () => {
    const r = await answer("Who is accountable for information security?", "free_text");
    expect(r.entryId).not.toBeNull();
    expect(r.answer?.text).not.toMatch(/^(yes|no)\b/i);
  });
});

describe("governance templates are answered from their topic", () => {
  it.each([
    [
      "Are policies and procedures for incident management established, documented, approved, communicated, applied, evaluated and maintained?",
      /incident/,
    ],
    [
      "Are processes, procedures and technical measures defined, implemented and evaluated to detect and remove malware?",
      /edr|malware|antimalware/,
    ],
  ])("%s", async (text, topic) => {
    const r = await answer(text, "yes_no", YES_NO);
    expect(r.entryId).toMatch(topic);
    expect(r.entryId).not.toMatch(/^(infosec-policy|policy-review-cycle|information-labelling)$/);
  });
});

describe("questions no entry should answer on its own go to review", () => {
  it("the buyer's own systems", async () => {
    const r = await answer("Please confirm whether our Okta tenant enforces MFA for all users.", "yes_no", YES_NO);
    expect(r.status).not.toBe("drafted");
    expect(r.notes.join(" ")).toMatch(/buyer's own systems/);
  });

  it("a follow-up is matched in the light of the row before, and reviewed", async () => {
    const prepared = await shippedLibrary();
    const r = answerQuestion(
      prepared,
      question("If so, how often?", "free_text"),
      US_NO_NDA,
      {},
      "Do you test restores from backups?",
    );
    expect(r.entryId).toMatch(/backup/);
    expect(r.status).toBe("needs_review");
    expect(r.notes.join(" ")).toMatch(/follows up on the row before/);
  });

  it.each([
    "Which specific hosts failed your most recent vulnerability scan?",
    "Provide the names and phone numbers of your on-call engineers.",
    "When is your next penetration test scheduled?",
  ])("a particular fact no library holds: %s", async (text) => {
    const r = await answer(text, "free_text");
    expect(r.status).toBe("no_match");
  });
});

describe("confidence is a probability", () => {
  it("a near-verbatim question is drafted with high confidence; an unrelated one is not", async () => {
    const strong = await answer("Do you encrypt customer data at rest?", "yes_no", YES_NO);
    const weak = await answer("Do your offices have a bicycle shed?", "yes_no", YES_NO);
    expect(strong.confidence).toBeGreaterThan(0.9);
    expect(weak.status).not.toBe("drafted");
    expect(weak.confidence).toBeLessThan(strong.confidence);
  });
});
