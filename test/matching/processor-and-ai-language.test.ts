/**
 * GDPR processor due-diligence and AI-supplier questions, bridged to the library as classes. Every
 * text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { askedFact, statesFact } from "../../src/domain/drafting/asked-fact.js";
import { weakPracticeSense } from "../../src/domain/drafting/inversion.js";
import { conceptsOf, normalizeText, tokenize } from "../../src/domain/matching/tokenize.js";
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

describe("the parties of a processor questionnaire by their Article 28 roles", () => {
  it("reads the Processor as the vendor answering and the Controller as the customer", () => {
    const tokens = tokenize("Will the Processor tell the Controller about changes to Controller Personal Data?");
    expect(tokens).not.toContain("processor");
    expect(tokens).not.toContain("control");
    expect(tokens).toContain("custom");
  });

  it("keeps the word where it names the role or a document", () => {
    expect(tokenize("Do you act as a processor or as a controller?")).toContain("processor");
    expect(tokenize("Is the processor agreement signed by both parties?")).toContain("processor");
    expect(tokenize("Is there an access controller at each door?")).toContain("control");
  });

  it("drafts a return-or-delete clause asked in the roles' names", async () => {
    const r = await answer(
      "When the services end, will the Processor delete or hand back all Controller Personal Data, as the Controller chooses, and delete remaining copies?",
    );
    expect(r.status).toBe("drafted");
    expect(r.entryId).toBe("data-deletion-termination");
  });
});

describe("processor obligations and the AI Act's transparency duty in their published words", () => {
  it.each([
    [
      "Has a data protection supervisory authority ever issued you a reprimand, a fine or a corrective order?",
      "legal-actions",
    ],
    ["Are people told when they are interacting with an AI system rather than a human?", "ai-governance"],
    [
      "Does the Processor make sure that the persons it authorises to process the data have committed themselves to confidentiality?",
      "confidentiality-agreements",
    ],
    ["Are all personnel involved in processing operations trained on data protection?", "security-awareness-training"],
    [
      "After the provision of the services ends, does the Processor, at the Controller's choice, erase or return all personal data and erase existing copies unless the law requires storage?",
      "data-deletion-termination",
    ],
  ])("%s → %s", async (text, entryId) => {
    const r = await answer(text);
    expect(r.entryId).toBe(entryId);
    expect(r.status).toBe("drafted");
  });

  it("reads the Article 28(3)(e) duty to assist with data subjects' requests as that entry, with confidence", async () => {
    const r = await answer(
      "Insofar as possible, does the Processor assist the Controller with appropriate measures in fulfilling its obligation to answer requests for exercising data subject rights?",
    );
    expect(r.entryId).toBe("data-subject-requests");
    expect(r.confidence).toBeGreaterThan(0.9);
  });
});

describe("a classification under a law is a fact the entry must state", () => {
  it.each([
    "Which risk tier of the AI Act do your assistant features fall into?",
    "How are your machine learning features classified under the EU AI Act?",
    "What is your role under the AI Act for the chatbot (provider or deployer)?",
  ])("%s asks for a classification", (text) => {
    expect(askedFact(text)).toBe("classification");
  });

  it.each([
    "What data classification levels do you use?",
    "Is customer data classified as confidential?",
    "Which categories of personal data do you process?",
    "What role does your DPO play under the GDPR?",
  ])("%s does not", (text) => {
    expect(askedFact(text)).not.toBe("classification");
  });

  it("reads a class only where the text gives one", () => {
    expect(statesFact("Our assistant is a limited-risk AI system and we act as its provider.", "classification")).toBe(
      true,
    );
    expect(statesFact("We track the EU AI Act in our legal register.", "classification")).toBe(false);
    expect(statesFact("New uses likely to create high risk for individuals get a DPIA.", "classification")).toBe(false);
  });

  it("sends an AI Act classification asked of the AI governance entry to review", async () => {
    const r = await answer("How have you classified your AI assistant under the EU AI Act risk tiers?", "free_text");
    expect(r.entryId).toBe("ai-governance");
    expect(r.status).toBe("needs_review");
  });
});

describe("transfer tools and AI-output marking in their own names", () => {
  it.each([
    "Are transfers from the UK covered by the IDTA or the UK Addendum?",
    "Do you rely on Binding Corporate Rules for intra-group transfers?",
    "Is your US affiliate certified under the Data Privacy Framework?",
    "Which safeguards cover each restricted transfer?",
  ])("%s names a transfer tool", (text) => {
    expect(concepts(text)).toContain("§transfertool");
  });

  it("does not read AI output marked in a machine-readable format as data portability", () => {
    expect(concepts("Is AI-generated content marked in a machine-readable format?")).not.toContain("§portability");
    expect(concepts("Can we export our records in a machine-readable format?")).toContain("§portability");
  });

  it("drafts a UK transfer-tool question from the transfers entry", async () => {
    const r = await answer("Do the UK Addendum or the IDTA cover personal data sent from the UK?");
    expect(r.entryId).toBe("sccs");
    expect(r.status).toBe("drafted");
  });
});

describe("LLM risks in the OWASP Top 10 for LLM applications' own words", () => {
  it.each([
    "Is indirect prompt injection, where instructions are hidden in files or web pages the model reads, mitigated?",
    "Are injected instructions in external content, such as a website or an uploaded file the model reads, mitigated?",
  ])("%s → the AI security entry, drafted", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("ai-security-testing");
    expect(r.status).toBe("drafted");
  });
});

describe("the EU representative in Article 27(1)'s own words", () => {
  it("drafts a processor established outside the Union asked about its representative from the DPO entry", async () => {
    const r = await answer(
      "As a processor not established in the EU, have you designated a representative in the Union in writing?",
    );
    expect(r.entryId).toBe("dpo");
    expect(r.status).toBe("drafted");
  });
});
