/**
 * Processor, bank and healthcare clauses asked in their regulations' own terms (GDPR Art. 28(3) and
 * 32, DORA Art. 30), drafted from the entries that answer them. Every text is written here in this
 * test's own words.
 */
import { describe, expect, it } from "vitest";
import { conceptsOf, normalizeText, stem, wordsOf } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

describe("GDPR Art. 28 / 32 processor clauses and DORA contract terms find their entries (shipped library)", () => {
  it.each([
    ["Would you let us know at once if you think an instruction we give infringes the GDPR?", "yes_no", "dpa"],
    [
      "Will you help the controller with data protection impact assessments and the prior consultation that may follow?",
      "yes_no",
      "dpia",
    ],
    [
      "Outline the technical and organisational measures in place to secure personal data at a level appropriate to the risk.",
      "free_text",
      "gdpr-compliance",
    ],
    [
      "Will you give us all the information we need to show compliance with Article 28 and allow audits and inspections by an auditor we appoint?",
      "yes_no",
      "right-to-audit",
    ],
    [
      "Will you give the bank, its auditors and the competent authority full rights of access, inspection and audit?",
      "yes_no",
      "right-to-audit",
    ],
    [
      "Exit strategy: when the agreement ends, how long is the transition period during which we can take our data back?",
      "free_text",
      "data-deletion-termination",
    ],
  ] as const)("%s (%s) → %s, drafted", async (text, kind, entry) => {
    const r = await answer(text, kind);
    expect(r.entryId).toBe(entry);
    expect(r.status).toBe("drafted");
  });
});

describe("subcontracting as a noun names the sub-processor concept", () => {
  it.each([
    "Is any subcontracting of the service allowed without our written agreement?",
    "Describe your subcontracting arrangements for the functions that support us.",
    "Will you consult us before sub-contracting a significant share of the work?",
  ])("%s", (text) => {
    expect(conceptsOf(normalizeText(text))).toContain("§subprocessor");
  });
});

describe("a HIPAA business associate agreement is one concept ('business' alone is a stopword)", () => {
  it.each([
    "Is the supplier prepared to sign a Business Associate Agreement before the pilot starts?",
    "BAA in place?",
    "Do you act as a business associate under HIPAA?",
  ])("%s", (text) => {
    expect(conceptsOf(normalizeText(text))).toContain("§baa");
  });

  it("a BAA asked with a timing of our own is answered from the HIPAA entry, drafted", async () => {
    const r = await answer(
      "Is the supplier prepared to sign a Business Associate Agreement before the pilot starts?",
      "yes_no",
    );
    expect(r.entryId).toBe("hipaa");
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("No");
  });
});

describe("higher education's single sign-on by its names (Shibboleth, InCommon, eduGAIN) is SAML", () => {
  it.each([
    "Can faculty sign in through the university's Shibboleth identity provider?",
    "Can users sign in to the product through the institution's InCommon federation identity provider?",
    "Do you support SAML login for institutions that federate through eduGAIN?",
  ])("%s -> customer-sso, drafted", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("customer-sso");
    expect(r.status).toBe("drafted");
  });

  it("the service's entry in the federation and the attributes released are not the library's to state", async () => {
    for (const text of [
      "Has your service provider been registered in the InCommon federation yet?",
      "Is our eduGAIN metadata loaded into your service?",
      "Which attributes must our identity provider release to your service?",
    ]) {
      const r = await answer(text);
      expect(r.status, text).toBe("no_match");
    }
  });
});

/**
 * A risk management framework (DORA Art. 6's ICT risk management framework, an IT or operational
 * one) is the risk programme, not the AI entry that alone held the word "framework".
 */
describe("a risk management framework is the risk programme (shipped library)", () => {
  it.each([
    "Is your ICT risk management framework documented and reviewed every year?",
    "Do you have a documented IT risk management framework?",
    "Do you have an operational risk management framework?",
  ])("%s → risk-assessment, drafted", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("risk-assessment");
    expect(r.status).toBe("drafted");
  });

  it("an AI risk management framework stays with AI governance", async () => {
    const r = await answer("Is there a documented AI risk management framework?");
    expect(r.entryId).toBe("ai-governance");
  });
});

/** DORA Art. 8 in its own words: information assets and ICT assets, identified and documented with their interdependencies, are the asset inventory. */
describe("DORA Art. 8 asset identification finds the asset inventory (shipped library)", () => {
  it("information assets and ICT assets with their interdependencies → asset-inventory, drafted", async () => {
    const r = await answer(
      "Have you identified and documented your information assets and ICT assets and the interdependencies between them?",
    );
    expect(r.entryId).toBe("asset-inventory");
    expect(r.status).toBe("drafted");
  });
});

/**
 * DORA's "ICT services that support critical or important functions" (Art. 28-30) says which services
 * are meant, never what is done for them; the verb "subcontract" is the library's "use subcontractors".
 */
describe("DORA's scope clause and the verb 'subcontract' (shipped library)", () => {
  it("the relative clause 'that support(s) … critical or important functions' is dropped", () => {
    const words = wordsOf(
      normalizeText("Which suppliers deliver the services that support our critical or important functions?"),
    );
    expect(words).not.toContain(stem("critical"));
    expect(words).not.toContain(stem("important"));
  });

  it("a critical or important function named on its own stays", () => {
    const words = wordsOf(
      normalizeText("Do you accept that your service may support a critical or important function of the bank?"),
    );
    expect(words).toContain(stem("critical"));
    expect(words).toContain(stem("important"));
  });

  it("'subcontract part of the service' is using subcontractors for it", () => {
    expect(wordsOf(normalizeText("Do you subcontract part of the service?"))).toContain(stem("subcontractors"));
  });

  it.each([
    [
      "Do you subcontract the ICT services which underpin our critical or important functions? If so, name the subcontractors.",
      "yes_no",
      "subprocessor-list",
    ],
    [
      "Do you subcontract any part of the ICT services which underpin our critical or important functions? Name them.",
      "yes_no",
      "subprocessor-list",
    ],
  ] as const)("%s (%s) → %s, drafted", async (text, kind, entry) => {
    const r = await answer(text, kind);
    expect(r.entryId).toBe(entry);
    expect(r.status).toBe("drafted");
  });
});
