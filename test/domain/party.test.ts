import { describe, expect, it } from "vitest";
import { askedOfCustomers, askedOfSuppliers, onSiteMissed, partyNote } from "../../src/domain/drafting/party.js";
import type { LibraryEntry } from "../../src/domain/library/types.js";
import { answer } from "../matching/helpers.js";

describe("a question about the vendor's suppliers", () => {
  it.each([
    "Do your sub-processors perform background checks on their own staff who can reach our data?",
    "Do you require all of your suppliers to hold ISO/IEC 27001 certification?",
    "Do you share your sub-processors' SOC 2 reports with customers on request?",
    "Are all of your vendors required to encrypt our data?",
    "Do you deliver security awareness training to the staff of your key suppliers?",
    "Do you obtain annual penetration test reports from each of your sub-processors?",
    "Will each of your subcontractors let our auditors inspect their premises?",
    "Background screening of AWS data centre personnel?",
    "Are the employees of your cloud hosting provider screened before they are given physical access?",
    "Is security training given to data centre technicians?",
  ])("asks about the suppliers: %s", (text) => {
    expect(askedOfSuppliers(text)).toBe(true);
  });

  it.each([
    "Do you assess the security of your suppliers?",
    "Do you perform background checks on new hires?",
    "Is your sub-processor list published?",
    "Do you hold an ISO 27001 certificate issued by a third party?",
    "Do you review the SOC 2 reports of your cloud provider each year?",
    "Is access to production limited to staff who need it?",
  ])("asks about the vendor: %s", (text) => {
    expect(askedOfSuppliers(text)).toBe(false);
  });

  it("is not drafted from an entry on the vendor's own practice", async () => {
    const a = await answer("Do your sub-processors carry their own cyber insurance?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/suppliers or sub-processors/);
  });

  it("is not drafted from an entry on hosting when it asks about the hosting provider's own staff", async () => {
    const a = await answer("Are background checks carried out on the staff of your cloud provider's data centres?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/suppliers or sub-processors/);
  });

  it("is drafted from an entry about suppliers", async () => {
    const a = await answer("Do your sub-processors have to meet the same data protection obligations as you?");
    expect(a.entryId).toBe("subprocessor-flowdown");
    expect(a.status).toBe("drafted");
  });
});

describe("a question about what the customer may do", () => {
  it.each([
    "Can customers take part in your annual disaster recovery test?",
    "Can customer administrators set their own rate limits per API key?",
    "Do you offer DLP as a feature customers can configure for their own users?",
    "Do you run joint incident response exercises with your customers?",
    "Is your disaster recovery plan exercised jointly with customer institutions each year?",
  ])("asks about the customer acting: %s", (text) => {
    expect(askedOfCustomers(text)).toBe(true);
  });

  it("is not drafted from an entry on the vendor's own practice", async () => {
    const a = await answer("Can customers take part in your annual disaster recovery test?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/what the customer may do/);
  });

  it("is drafted from an entry that says what customers or their administrators can do", async () => {
    const a = await answer("Can we set the session timeout for our users?");
    expect(a.entryId).toBe("customer-session-management");
    expect(a.status).toBe("drafted");
  });
});

describe("a question whether an outside party does it", () => {
  it("is not drafted from an entry that names no outside party", async () => {
    const a = await answer("Is the risk assessment performed by an independent external party?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/independent or external party/);
  });

  it("is drafted from an entry that names one", async () => {
    const a = await answer("Are penetration tests carried out by an independent third party?");
    expect(a.entryId).toBe("penetration-testing");
    expect(a.status).toBe("drafted");
  });
});

describe("who performs it, in any tense", () => {
  const own = {
    id: "risk-assessment",
    topic: "risk",
    question: "Do you perform regular risk assessments?",
    phrasings: ["Is risk assessed annually?"],
    short: "Yes",
    answer: "Yes. Our security team assesses risk every year with a documented method.",
    controls: [],
  } as unknown as LibraryEntry;

  it.each([
    "Has an independent third party assessed your risk management?",
    "Is the risk assessment performed by an external firm?",
    "Does an independent assessor review your risk assessment?",
    // with the frequency or a manner between the act and its performer
    "Is the risk assessment reviewed every quarter by an independent committee?",
    "Is your risk register assessed once a year by an external consultancy?",
  ])("%s asks for an outside party the entry does not name", (text) => {
    expect(partyNote(text, own)).toMatch(/independent or external party/);
  });

  it("an entry that names outside audits or its internal auditors names no outside performer", () => {
    const between = { ...own, answer: "Yes. Internal auditors test our controls between external audits." };
    expect(partyNote("Is the evaluation performed by an external assessor?", between)).toMatch(
      /independent or external/,
    );
  });

  it("an entry naming an outside party answers it", () => {
    const audited = { ...own, answer: "Yes. An independent firm reviews our risk assessment every year." };
    expect(partyNote("Has an independent third party assessed your risk management?", audited)).toBeNull();
  });
});

describe("an independent review of the security programme", () => {
  const policyReview = {
    id: "policy-review-cycle",
    topic: "governance",
    question: "How often are security policies reviewed?",
    phrasings: ["Are policies reviewed at planned intervals?"],
    short: "Annually",
    answer: "Policies are reviewed every year by their owners and approved by the CISO.",
    controls: [],
  } as unknown as LibraryEntry;
  const internalAudit = {
    ...policyReview,
    id: "internal-audit",
    answer: "Yes. Internal audits are performed by staff independent of the areas they audit.",
  } as unknown as LibraryEntry;

  it("is not answered by the owners' own review", () => {
    expect(partyNote("Independent review of information security at planned intervals?", policyReview)).toMatch(
      /independent or external party/,
    );
  });

  it("is answered by reviewers independent of the work, unless the question asks for an outside party", () => {
    expect(partyNote("Is information security reviewed independently at planned intervals?", internalAudit)).toBeNull();
    expect(partyNote("Is the evaluation performed by an external assessor?", internalAudit)).toMatch(
      /independent or external/,
    );
  });

  it("does not read the review of each change, or findings of external audits, as such an ask", () => {
    expect(
      partyNote("Does your framework require independent review of all production changes?", policyReview),
    ).toBeNull();
    expect(
      partyNote("Are findings from internal and external audits tracked to remediation?", policyReview),
    ).toBeNull();
  });
});

describe("a visit in person", () => {
  const byReports = {
    id: "x",
    topic: "suppliers",
    question: "Do you assess your suppliers?",
    phrasings: [],
    short: "Yes",
    answer: "Yes. Suppliers are assessed from their SOC 2 reports and a security questionnaire before contract.",
    controls: [],
  } as unknown as LibraryEntry;

  it.each([
    "Do you carry out site visits to assess your critical suppliers?",
    "Are your key suppliers audited on-site?",
    "Does due diligence include a physical inspection of the vendor's facility?",
    "Do you physically visit your key vendors' premises as part of due diligence?",
  ])("is asked: %s", (text) => {
    expect(onSiteMissed(text, byReports)).toBe(true);
  });

  it("is not asked by a question on the practice alone, and is answered by an entry that speaks of visits", () => {
    expect(onSiteMissed("Do you assess the security of your critical suppliers every year?", byReports)).toBe(false);
    const visits = { ...byReports, answer: "Yes. Critical suppliers receive an on-site audit every two years." };
    expect(onSiteMissed("Do you carry out site visits to assess your critical suppliers?", visits)).toBe(false);
  });

  it("holds a draft from an entry on assessment by reports", async () => {
    const a = await answer("Do you carry out site visits to assess your critical suppliers?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/visit in person/);
  });
});

describe("providers of one service, and the hosting provider, are other parties", () => {
  it.each([
    "Does your payroll provider encrypt employee records?",
    "Are your email providers required to scan attachments?",
    "Does your MSSP hold a SOC 2 Type II report?",
  ])("is asked of a supplier: %s", (text) => {
    expect(askedOfSuppliers(text)).toBe(true);
  });

  it("a certification asked of the data centre provider is not the vendor's own certificate", async () => {
    const a = await answer("Is your data center provider ISO 27001 certified?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/hosting provider/);
  });

  it("an entry that speaks of the hosting provider answers for it", () => {
    const hosted = {
      id: "h",
      topic: "physical",
      question: "How are the data centres secured?",
      phrasings: [],
      short: null,
      answer: "AWS runs the data centres; its SOC 2 and ISO 27001 reports attest to their physical controls.",
      controls: [],
    } as unknown as LibraryEntry;
    expect(partyNote("Is your data center provider ISO 27001 certified?", hosted)).toBeNull();
  });
});

describe("an entry that answers only for the hosting provider", () => {
  it("is not drafted for a question about the vendor's own audits", async () => {
    const a = await answer("Is the mobile app covered by the scope of your ISO 27001 and SOC 2 audits?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/answers for the hosting provider/);
  });

  it.each([
    "Do you review the SOC 2 reports of your IaaS provider?",
    "How do you monitor your subservice organisations?",
    "Are the hosting provider's audit reports reviewed every year?",
  ])("is drafted when the question names the provider: %s", async (text) => {
    const a = await answer(text);
    expect(a.entryId).toBe("aws-assurance");
    expect(a.status).toBe("drafted");
  });
});

describe("a regulator's audit or access rights", () => {
  const visits = {
    id: "visits",
    question: "Can customers physically inspect the data centers hosting their data?",
    phrasings: [],
    short: "No",
    answer: "No. The hosting provider does not admit customer visitors to its facilities.",
    controls: [],
  } as unknown as LibraryEntry;
  const audit = {
    id: "audit",
    question: "Do you allow customers to audit your security controls?",
    phrasings: [],
    short: "Yes",
    answer: "Yes. Customers, and where it requires so their regulator, may audit us once a year.",
    controls: [],
  } as unknown as LibraryEntry;

  it.each([
    "Will your data centre operator let our prudential regulator carry out an on-site inspection?",
    "Can the competent authority examine your data centres directly when it asks to?",
    "Are access rights over the data centres granted to our supervisory authority?",
  ])("is not answered by an entry on customers alone: %s", (text) => {
    expect(partyNote(text, visits)).toMatch(/regulator's audit or access rights/);
    expect(partyNote(text, audit) ?? "").not.toMatch(/regulator/);
  });

  it("is not asked when a regulator is named for another reason", () => {
    expect(
      partyNote("Our regulator asks us to vet suppliers. Can customers physically inspect your data centres?", visits),
    ).toBeNull();
  });

  it("holds a draft from the customer-visits entry (shipped library)", async () => {
    const a = await answer(
      "Will the hosting provider allow our financial regulator to audit its data centres on site?",
    );
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/regulator's audit or access rights/);
  });
});

describe("incidents reported to authorities", () => {
  const triage = {
    id: "triage",
    question: "How do you classify and prioritize security incidents?",
    phrasings: [],
    short: null,
    answer: "Each event is triaged and, when declared an incident, rated from severity 1 to severity 4.",
    controls: [],
  } as unknown as LibraryEntry;
  const contacts = {
    id: "contacts",
    question: "Do you maintain contacts with authorities and law enforcement for incidents?",
    phrasings: [],
    short: "Yes",
    answer: "Yes. Legal keeps current contacts for the supervisory authority and notifies it where the law requires.",
    controls: [],
  } as unknown as LibraryEntry;

  it.each([
    "Do you have a procedure for notifying significant incidents to the national CSIRT?",
    "How are major ICT-related incidents reported to the competent authority?",
    "Are personal data breaches notified to the supervisory authority within 72 hours?",
  ])("is not answered by an entry that speaks of no authority: %s", (text) => {
    expect(partyNote(text, triage)).toMatch(/reporting incidents to authorities/);
    expect(partyNote(text, contacts)).toBeNull();
  });

  it("is not asked by reporting to the customer", () => {
    expect(partyNote("Are incidents reported to customers within 24 hours?", triage)).toBeNull();
  });
});

describe("the buyer's own duty to report to its regulator", () => {
  it("is context, not an ask about the vendor reporting", () => {
    const entry = {
      id: "evidence",
      question: "Do you have forensic investigation capability?",
      phrasings: [],
      short: "Yes",
      answer: "Yes. Logs and snapshots are preserved with chain of custody.",
      controls: [],
    } as unknown as LibraryEntry;
    expect(
      partyNote(
        "As a bank we have to notify incidents to our supervisor within hours. Can you preserve evidence?",
        entry,
      ),
    ).toBeNull();
    expect(
      partyNote("We report breaches to the authority ourselves. Do you keep forensic evidence?", entry),
    ).toBeNull();
  });
});
