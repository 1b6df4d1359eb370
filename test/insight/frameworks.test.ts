import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFrameworks, frameworksOf, rulesAlwaysTried } from "../../src/domain/insight/frameworks.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";

const only = (text: string) => frameworksOf({ text });
const mention = (text: string, framework: string) => detectFrameworks({ text }).find((m) => m.framework === framework);

// Question texts as buyers write them (the eval set, the shipped fixtures, public questionnaires).
describe("detectFrameworks on real question texts", () => {
  it.each([
    ["Do you have a current SOC 2 Type II report? Please provide a copy.", ["soc2"]],
    ["Can you provide a bridge letter covering the period since your last SOC 2 report ended?", ["soc2"]],
    ["What is the scheduled start date of your next SOC2 audit fieldwork?", ["soc2"]],
    ["Please attach your most recent SOC-2 attestation (SSAE 18).", ["soc2"]],
    [
      "Is your organization ISO/IEC 27001 certified? Provide the certificate and the Statement of Applicability.",
      ["iso27001"],
    ],
    [
      "Are you certified against ISO/IEC 27001, Cyber Essentials Plus or an equivalent scheme?",
      ["iso27001", "cyber-essentials"],
    ],
    ["Do you offer a Data Processing Agreement (DPA) that meets GDPR Article 28?", ["gdpr"]],
    [
      "Is your security program aligned to a recognized framework such as NIST CSF, ISO 27001 or the CIS Controls?",
      ["iso27001", "nist-csf"],
    ],
    [
      "Will you sign a HIPAA Business Associate Agreement if the service is used with protected health information?",
      ["hipaa"],
    ],
    [
      "Do you identify and track the legal, regulatory and contractual requirements that apply to the service (e.g. GDPR, HIPAA)?",
      ["gdpr", "hipaa"],
    ],
    ["Will the organization achieve FedRAMP Moderate authorization by the next fiscal year?", ["nist-800-53"]],
    [
      "Which Annex A controls did your certification body raise as minor nonconformities in your last surveillance audit?",
      ["iso27001"],
    ],
    ["Is the vendor in scope of the NIS2 Directive as an essential or important entity?", ["nis2"]],
    [
      "Do you comply with the Digital Operational Resilience Act (DORA) requirements for ICT third-party service providers?",
      ["dora"],
    ],
    [
      "Do you maintain a register of information of all ICT third-party arrangements supporting critical or important functions?",
      ["dora"],
    ],
    [
      "Do you store, process or transmit cardholder data? If yes, provide your PCI DSS v4.0 Attestation of Compliance.",
      ["pci-dss"],
    ],
    ["Is the full primary account number (PAN) masked when displayed?", ["pci-dss"]],
    ["Have you completed the CSA STAR Level 2 certification or published a CAIQ v4 self-assessment?", ["caiq"]],
    ["Please complete the SIG Lite questionnaire from Shared Assessments.", ["sig"]],
    ["Has the HECVAT Full been completed and shared with the institution?", ["hecvat"]],
    ["Are controls mapped to NIST SP 800-53 Rev. 5 (e.g. AC-2, IA-2(1))?", ["nist-800-53"]],
    ["Do you hold ISO 27017 and ISO 27018 certificates for your cloud services?", ["iso27017", "iso27018"]],
    ["Is your privacy information management system certified to ISO/IEC 27701:2019?", ["iso27701"]],
    ["Do you hold a Cyber Essentials certificate issued by IASME?", ["cyber-essentials"]],
  ])("%s", (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it("finds nothing in questions that name no framework", () => {
    for (const text of [
      "Is MFA required for your staff who administer the production environment?",
      "Are decommissioned storage devices securely wiped or destroyed in line with NIST SP 800-88?",
      "Does your password policy follow NIST SP 800-63B guidance?",
      "Are processes defined to manage the information security risks associated with the ICT products and services supply chain?",
      "Is office guest Wi-Fi isolated from the corporate network?",
      "Do you support PCIe hardware security modules?",
      "Please sign the attached document.",
    ]) {
      expect(only(text), text).toEqual([]);
    }
  });

  it("does not read a SOC 1 Type II request as SOC 2", () => {
    expect(only("Do you have a SOC 1 Type II report covering financial reporting controls?")).toEqual([]);
  });

  it("tells SOC 2 Type I from Type II, and both when the question offers either", () => {
    expect(mention("Do you have a current SOC 2 Type II report?", "soc2")?.soc2Type).toBe("type2");
    expect(mention("Do you have a current SOC 2 Type 2 report?", "soc2")?.soc2Type).toBe("type2");
    expect(mention("Is a SOC 2 Type I report available?", "soc2")?.soc2Type).toBe("type1");
    expect(mention("Do you have a Type II report?", "soc2")).toMatchObject({ how: "implied", soc2Type: "type2" });
    const either =
      "Which of the following do you currently hold? (SOC 2 Type I / SOC 2 Type II / ISO 27001 / ISO 27701 / PCI DSS / None)";
    expect(only(either)).toEqual(["soc2", "iso27001", "iso27701", "pci-dss"]);
    expect(mention(either, "soc2")?.soc2Type).toBe("both");
    expect(mention("What period does your most recent SOC 2 report cover?", "soc2")?.soc2Type).toBeUndefined();
  });

  it("reads the Trust Services Criteria categories asked for", () => {
    const text =
      "Do you have a current SOC 2 Type 2 report covering the Security trust services criteria that you can share with the institution under NDA?";
    expect(mention(text, "soc2")?.soc2Categories).toEqual(["security"]);
    expect(mention("Does your SOC 2 include Availability and Confidentiality?", "soc2")?.soc2Categories).toEqual([
      "availability",
      "confidentiality",
    ]);
    // "security" is in every question: alone, outside talk of the criteria, it is not a category.
    expect(mention("Is your SOC 2 report about information security?", "soc2")?.soc2Categories).toBeUndefined();
    expect(mention("Which controls address CC6.1 and CC7.2?", "soc2")).toMatchObject({
      how: "implied",
      evidence: "CC6.1",
    });
  });

  it("reads the ISO 27001 edition, named or from the Annex A numbering", () => {
    expect(mention("Are you certified to ISO/IEC 27001:2022?", "iso27001")?.isoEdition).toBe("2022");
    expect(mention("Are you certified to ISO 27001:2013, and when will you transition?", "iso27001")?.isoEdition).toBe(
      "2013",
    );
    expect(mention("Describe how you meet A.12.4.1 event logging.", "iso27001")).toMatchObject({
      how: "implied",
      isoEdition: "2013",
    });
    expect(
      mention(
        "Has our ISO 27001 auditor accepted your certificate as evidence for our supplier control A.5.19?",
        "iso27001",
      )?.isoEdition,
    ).toBe("2022");
    expect(mention("Is your organization ISO/IEC 27001 certified?", "iso27001")?.isoEdition).toBeUndefined();
  });

  it("reads the GDPR articles, keeping NIS2's own articles for NIS2", () => {
    expect(
      mention("Do you offer a Data Processing Agreement (DPA) that meets GDPR Article 28?", "gdpr")?.gdprArticles,
    ).toEqual(["28"]);
    expect(
      mention("Describe the technical and organisational measures under Art. 32 GDPR.", "gdpr")?.gdprArticles,
    ).toEqual(["32"]);
    const both = "Do your measures meet NIS2 Article 21 and GDPR Article 32?";
    expect(only(both)).toEqual(["nis2", "gdpr"]);
    expect(mention(both, "gdpr")?.gdprArticles).toEqual(["32"]);
    // No name, but the processor's article and personal data.
    expect(
      mention("Are the security measures of Article 32 applied to all personal data you process?", "gdpr"),
    ).toMatchObject({
      how: "implied",
      gdprArticles: ["32"],
    });
    expect(mention("Who is your Data Protection Officer?", "gdpr")?.how).toBe("implied");
  });

  it("prefers the question's own words, then its section, then its sheet", () => {
    const found = detectFrameworks({
      text: "Do you notify customers of personal data breaches within 72 hours?",
      section: "GDPR / Data protection",
      sheet: "CAIQ v4.0.3",
    });
    expect(found.map((m) => [m.framework, m.source, m.how])).toEqual([
      ["gdpr", "section", "named"],
      ["caiq", "sheet", "named"],
    ]);
    const own = detectFrameworks({ text: "Is the DPA signed?", section: "GDPR" });
    expect(own.map((m) => [m.framework, m.source])).toEqual([["gdpr", "text"]]);
  });
});

// A rule is tried only where a word of the text begins as a match of it can (issue 13): the
// mentions found must be those of trying every rule everywhere.
describe("detectFrameworks tries a rule only at the words that can begin it", () => {
  it("reads the beginnings of every rule but these, which are tried on every text", () => {
    expect(rulesAlwaysTried()).toEqual([
      "\\bIEC\\s*27001\\b|(?<![\\d.])27001(?![\\d])",
      "(?<![\\d.])27017(?!\\d)",
      "(?<![\\d.])27018(?!\\d)",
      "(?<![\\d.])27701(?!\\d)",
    ]);
  });

  it("finds a name in any case, after any character that is not a word's, and nowhere inside a word", () => {
    for (const text of ["pci dss", "Pci-Dss", "PCI", "(PCI)", "ÄPCI scope", "\u212APCI"]) {
      expect(only(text)).toEqual(["pci-dss"]);
    }
    expect(only("x_PCI or SPCI")).toEqual([]);
    expect(only("eduCAUSE member")).toEqual(["hecvat"]);
    expect(mention("Is ePHI encrypted?", "hipaa")?.evidence).toBe("ePHI");
    expect(mention("Is PHI encrypted, and do you sign a BAA?", "hipaa")?.evidence).toBe("PHI");
    expect(only("EPHI, ephi, sePHI")).toEqual([]);
    expect(only("IEC27001 and 27017")).toEqual(["iso27001", "iso27017"]);
    // Case-sensitive rules stay so: "cc6.1" is not a Trust Services criterion, "CC6.1" is.
    expect(only("cc6.1")).toEqual([]);
    expect(only("CC6.1")).toEqual(["soc2"]);
  });
});

describe("detectFrameworks on the shipped questionnaires", () => {
  it("every question of the CAIQ-like workbook is read as part of a CAIQ (its sheet)", async () => {
    const q = await ingestQuestionnaire(new Uint8Array(readFileSync("fixtures/caiq-like.xlsx")), "caiq-like.xlsx");
    expect(q.questions.length).toBeGreaterThan(10);
    for (const question of q.questions) {
      const found = detectFrameworks({
        text: question.text,
        section: question.section,
        sheet: question.location.sheet,
      });
      expect(found.find((m) => m.framework === "caiq")?.source, question.text).toBeDefined();
    }
  });

  // Hand-read: the questions of each shipped questionnaire that name or imply a framework.
  it.each([
    ["vsa-like.xlsx", { "1.2": ["iso27001", "nist-csf"], "1.3": ["iso27001"], "1.4": ["soc2"] }],
    ["rfp-homemade.xlsx", { Q16: ["soc2", "iso27001"], Q19: ["gdpr"] }],
    ["sig-lite-like.xlsx", { "P.2": ["gdpr"], "P.5": ["gdpr"] }],
    ["semicolon-eu.csv", { "1.2": ["iso27001"], "1.3": ["gdpr"], "2.2": ["gdpr"], "2.3": ["gdpr"], "2.4": ["gdpr"] }],
    ["numbered.pdf", { "1.4": ["soc2", "iso27001"] }],
    ["hecvat-like.xlsx", {}],
    ["choice-heavy.xlsx", {}],
  ])("%s: exactly the framework questions", async (file, expected) => {
    const q = await ingestQuestionnaire(new Uint8Array(readFileSync(`fixtures/${file}`)), file);
    const found: Record<string, string[]> = {};
    for (const question of q.questions) {
      const frameworks = frameworksOf({
        text: question.text,
        section: question.section,
        sheet: question.location.sheet,
      });
      if (frameworks.length > 0) found[question.sourceId ?? question.text] = frameworks;
    }
    expect(found).toEqual(expected);
  });

  it("reads the GDPR articles of the German buyer's questionnaire", async () => {
    const q = await ingestQuestionnaire(new Uint8Array(readFileSync("fixtures/semicolon-eu.csv")), "semicolon-eu.csv");
    const articles = q.questions.flatMap((question) => mention(question.text, "gdpr")?.gdprArticles ?? []);
    expect(articles.sort()).toEqual(["28", "30", "37"]);
  });
});
