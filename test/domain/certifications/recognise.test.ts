/**
 * Recognising the certification, report or framework a question names, and whether it asks if the
 * vendor holds it. Questions written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import {
  asksAboutHolding,
  certificationsAskedAbout,
  namedAsYardstick,
  readCertifications,
  recogniseCertifications,
} from "../../../src/domain/certifications/recognise.js";

const certs = (text: string) => recogniseCertifications(text).map((m) => m.certification);

describe("recogniseCertifications", () => {
  it.each([
    ["Do you have a SOC 1 Type II report?", ["soc1"]],
    ["Is an ISAE 3402 assurance report available?", ["soc1"]],
    ["SSAE 18 report on controls relevant to financial reporting", ["soc1"]],
    ["SOC 2 Type 2 report under SSAE 18", ["soc2"]],
    ["SOC2 type II rpt", ["soc2"]],
    ["Is your SOC II report current?", ["soc2"]],
    ["Publicly available SOC 3 report?", ["soc3"]],
    ["ISO/IEC 27001:2013 certificate", ["iso27001"]],
    ["Certified to ISO 27017 and ISO 27018?", ["iso27017", "iso27018"]],
    ["ISO 27701 PIMS extension", ["iso27701"]],
    ["Is your organisation ISO 22301 certified?", ["iso22301"]],
    ["ISO 9001 quality certificate", ["iso9001"]],
    ["ISO/IEC 20000-1 service management certification", ["iso20000"]],
    ["ISO/IEC 42001 AI management system", ["iso42001"]],
    ["HITRUST CSF r2 validated assessment", ["hitrust"]],
    ["TISAX label (AL3)?", ["tisax"]],
    ["BSI C5 Type 2 attestation", ["bsi-c5"]],
    ["CSA STAR Level 2 certification", ["csa-star"]],
    ["Cyber Essentials Plus certificate number", ["cyber-essentials"]],
    ["FedRAMP Moderate ATO", ["fedramp"]],
    ["StateRAMP authorised?", ["stateramp"]],
    ["IRAP assessed to PROTECTED?", ["irap"]],
    ["TX-RAMP certified?", ["stateramp"]],
    ["SecNumCloud qualification?", ["secnumcloud"]],
    ["HDS certification (hébergeur de données de santé)", ["hds"]],
    ["ENS certification category high?", ["ens"]],
    ["Esquema Nacional de Seguridad", ["ens"]],
    ["ISMAP registered?", ["ismap"]],
    ["K-ISMS-P certified?", ["k-isms"]],
    ["MTCS Level 3", ["mtcs"]],
    ["CMMC Level 2 assessment", ["cmmc"]],
    ["Public Services Network (PSN) compliance certificate", ["psn"]],
    ["PCI DSS attestation of compliance", ["pci-dss"]],
    ["Are you HIPAA compliant?", ["hipaa"]],
    ["Can you share your Statement of Applicability?", ["iso27001"]],
    ["SoA exclusions?", ["iso27001"]],
  ])("%s → %j", (text, expected) => {
    expect(certs(text)).toEqual(expected);
  });

  it("a security operations centre is no SOC report", () => {
    expect(certs("Do you run a 24x7 SOC?")).toEqual([]);
    expect(certs("Is the SOC staffed in-house or outsourced to an MSSP?")).toEqual([]);
  });

  it("does not read other numbers as standards", () => {
    expect(certs("Are passwords at least 12 characters and rotated every 270010 days?")).toEqual([]);
    expect(certs("Is TLS 1.2 or higher enforced?")).toEqual([]);
  });

  it("a service-oriented architecture is no SoA", () => {
    expect(certs("Is the platform built on an SOA with message queues?")).toEqual([]);
  });

  it("types only the report it follows", () => {
    const [soc1, soc2] = recogniseCertifications("Do you hold SOC 1 and SOC 2 Type II reports?");
    expect(soc1?.reportType).toBeUndefined();
    expect(soc2?.reportType).toBe("type2");
  });

  it("reads the form asked: report type, edition, level, Plus", () => {
    const [soc2] = recogniseCertifications("Provide your SOC 2 Type I report");
    expect(soc2?.reportType).toBe("type1");
    const [iso] = recogniseCertifications("Is your certificate to ISO 27001:2013?");
    expect(iso?.edition).toBe("2013");
    const [star] = recogniseCertifications("Are you on the CSA STAR registry at level two?");
    expect(star?.level).toBe("2");
    const [ce] = recogniseCertifications("Do you hold Cyber Essentials Plus?");
    expect(ce?.plus).toBe(true);
  });
});

describe("asksAboutHolding", () => {
  it.each([
    "Is your organisation ISO 22301 certified?",
    "Are you HITRUST CSF certified?",
    "TISAX label?",
    "Do you hold Cyber Essentials Plus?",
    "BSI C5 attestation?",
    "Provide your SOC 2 Type I report",
    "Is your ISO 27001 certificate to the 2013 edition?",
    "Are you on the CSA STAR registry at Level 2?",
    "SOC1 type 2 rpt pls",
    "Please attach a copy of your current ISO 9001 certificate.",
  ])("asks about holding: %s", (text) => {
    expect(certificationsAskedAbout(text).length).toBeGreaterThan(0);
  });

  it.each([
    "Is MFA enforced, as required by ISO 27001 A.8.5?",
    "Are backups encrypted in line with your SOC 2 commitments?",
    "Is cardholder data masked on screens, as PCI DSS requires, when displayed to support staff?",
    "Does your incident response plan follow ISO 27035 and the ISO 27001 incident controls for escalation and customer notification?",
  ])("names it in passing: %s", (text) => {
    expect(asksAboutHolding(text, recogniseCertifications(text))).toBe(false);
  });
});

describe("namedAsYardstick", () => {
  it.each([
    "Is MFA enforced, as required by ISO 27001 A.8.5?",
    "In line with SOC 2 CC6.1, is production access restricted by role?",
    "Are backups restore-tested, as your SOC 2 auditor would expect?",
    "Are scans run monthly, as HITRUST-aligned customers require?",
    "Following ISO 22301 principles, do you test your DR plan?",
  ])("%s", (text) => {
    expect(namedAsYardstick(text, recogniseCertifications(text))).toBe(true);
    expect(readCertifications(text)?.role).toBe("yardstick");
  });

  it("a certificate that is the question's subject is no yardstick", () => {
    expect(readCertifications("Does the ISO 27001 certificate scope include the hosted product we buy?")?.role).toBe(
      "mention",
    );
    expect(readCertifications("Are you ISO 22301 certified?")?.role).toBe("holding");
  });

  it.each([
    "Is your cloud service attested according to the BSI C5 catalogue (Cloud Computing Compliance Criteria Catalogue)?",
    "Is the platform certified in accordance with ISO 22301 by an accredited body in Germany?",
  ])("held according to a scheme is holding it: %s", (text) => {
    expect(readCertifications(text)?.role).toBe("holding");
  });

  it("…unless a control of the scheme follows", () => {
    expect(readCertifications("Is privileged access to production audited in accordance with SOC 2 CC6.1?")?.role).toBe(
      "yardstick",
    );
  });
});
