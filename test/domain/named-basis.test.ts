import { describe, expect, it } from "vitest";
import { askedBases, askedCredentials, askedLawPractices, basisNote } from "../../src/domain/drafting/named-basis.js";
import type { LibraryEntry } from "../../src/domain/library/types.js";
import { answer } from "../matching/helpers.js";

describe("a standard the practice is asked to follow", () => {
  it("is read from 'based on', 'aligned with' and the like, in one spelling", () => {
    expect(askedBases("Is your risk assessment methodology based on NIST SP 800-30?").map((b) => b.id)).toEqual([
      "nist800-30",
    ]);
    expect(askedBases("Is your risk methodology aligned with ISO/IEC 27005?").map((b) => b.id)).toEqual(["iso27005"]);
    expect(askedBases("Do you hold ISO 27005 training?")).toEqual([]);
  });

  it("is not read from a frame set before the question", () => {
    expect(askedBases("Following ISO 22301 principles, do you test your DR plan at least annually?")).toEqual([]);
  });

  it("holds a draft from an entry that names another basis, and drafts from one that names it", async () => {
    const other = await answer("Is your risk assessment methodology based on NIST SP 800-30?");
    expect(other.entryId).toBe("risk-assessment");
    expect(other.status).toBe("needs_review");
    expect(other.notes.join(" ")).toMatch(/follows NIST SP 800-30, which the entry does not name/);
    const same = await answer("Is your risk methodology aligned with ISO/IEC 27005?");
    expect(same.status).toBe("drafted");
  });
});

describe("a practice asked in a law's own terms", () => {
  it("is read from the law's name before the practice", () => {
    expect(askedLawPractices("Have all staff completed FERPA-specific training this year?")).toEqual(["ferpa"]);
    expect(askedLawPractices("Do you run an annual HIPAA risk assessment?")).toEqual(["hipaa"]);
    expect(askedLawPractices("Is security awareness training given every year?")).toEqual([]);
  });

  it("holds a draft from the general practice's entry, which does not name the law", async () => {
    const a = await answer("Has every employee with access to institutional data completed FERPA-specific training?");
    expect(a.entryId).toBe("security-awareness-training");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/specific to FERPA, which the entry does not name/);
  });
});

describe("a law written with a space", () => {
  it("is named by an entry that writes it either way", () => {
    const pci = {
      id: "pci-training",
      topic: "training",
      question: "Do staff who handle card data take PCI DSS training?",
      phrasings: [],
      short: "Yes",
      answer: "Yes. Everyone in scope completes PCI DSS training every year.",
      controls: [],
    } as unknown as LibraryEntry;
    expect(basisNote("Is PCI DSS training given to developers?", pci)).toBeNull();
    expect(basisNote("Is HIPAA training given to developers?", pci)).toMatch(/specific to HIPAA/);
  });
});

describe("a credential people or firms are asked to hold", () => {
  it("is read by its name, and 'Lead Auditor' only as a qualification", () => {
    expect(askedCredentials("Does your head of security hold a CISSP or a CISM?")).toEqual(["cissp", "cism"]);
    expect(askedCredentials("Is the firm that tests your app CREST-accredited?")).toEqual(["crest"]);
    expect(askedCredentials("Is your privacy lead certified CIPP/E?")).toEqual(["cipp"]);
    expect(askedCredentials("Are the ISMS auditors certified ISO/IEC 27001 Lead Auditors?")).toEqual(["lead auditor"]);
    expect(askedCredentials("Has your ISMS owner completed ISO 27001 Lead Implementer training?")).toEqual([
      "lead implementer",
    ]);
    // A role, not a qualification; and the US agency, not the certificate.
    expect(askedCredentials("Is the lead auditor independent of the area audited?")).toEqual([]);
    expect(askedCredentials("Are incidents reported to CISA?")).toEqual([]);
  });

  it.each([
    "Are the auditors who run your internal ISMS audits certified ISO 27001 Lead Auditors?",
    "Does your information security manager hold a Lead Implementer certificate for ISO/IEC 27001?",
  ])("%s goes to review", async (text) => {
    const result = await answer(text);
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/hold an ISO 27001 lead (auditor|implementer) qualification/);
  });

  it("leaves an entry that names the credential alone", () => {
    const testing: LibraryEntry = {
      id: "pt",
      topic: "t",
      question: "Do you run penetration tests?",
      phrasings: [],
      short: "Yes",
      answer: "Yes. A CREST-accredited firm tests the platform every year.",
      controls: [],
      artifacts: [],
      owner: "x",
      lastReviewed: "2026-01-01",
      reviewBy: "2027-01-01",
    };
    expect(basisNote("Is your pen test provider CREST accredited?", testing)).toBeNull();
    expect(basisNote("Do your testers hold OSCP?", testing)).toMatch(/hold OSCP, which the entry does not name/);
  });
});

describe("a party's financial condition", () => {
  it("is not drafted from an entry that never speaks of finances", async () => {
    const a = await answer("Do you monitor the financial health of your critical suppliers?");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toMatch(/financial condition/);
  });

  it("is answered by an entry that speaks of it", () => {
    const entry = {
      id: "f",
      topic: "suppliers",
      question: "How do you assess critical suppliers?",
      phrasings: [],
      short: null,
      answer:
        "Critical suppliers are reviewed each year for security and for financial stability, from their accounts and credit ratings.",
      controls: [],
    } as unknown as LibraryEntry;
    expect(basisNote("Is the solvency of your critical suppliers reviewed each year?", entry)).toBeNull();
    expect(
      basisNote("Is the solvency of your critical suppliers reviewed each year?", {
        ...entry,
        answer: "Reviewed each year for security.",
      }),
    ).toMatch(/financial condition/);
  });

  it("the supplier's security posture alone is still drafted", async () => {
    const a = await answer("Do you monitor the security posture of your critical suppliers on an ongoing basis?");
    expect(a.entryId).toBe("supplier-monitoring");
    expect(a.status).toBe("drafted");
  });
});
