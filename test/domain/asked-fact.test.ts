/** The kind of fact a question asks for, and whether an answer states one (written in this test's own words). */
import { describe, expect, it } from "vitest";
import { askedFact, statesFact } from "../../src/domain/drafting/asked-fact.js";
import { answer } from "../matching/helpers.js";

describe("asked fact", () => {
  it.each([
    ["How many laptops were lost last quarter?", "count"],
    ["What is the total number of staff with production access?", "count"],
    // A form's field label asks for the count too; "the number of" inside a question about a limit does not.
    ["Incident management - number of security incidents recorded in the last 12 months?", "count"],
    ["Number of employees", "count"],
    ["Do you limit the number of failed login attempts?", null],
    // A count asked as part of what to give, after the main request.
    ["Share the outcome of your last ISO surveillance audit, including the number of nonconformities.", "count"],
    ["Describe last year's phishing simulations along with the number of staff who clicked.", "count"],
    ["Are the number of administrators kept to a minimum?", null],
    ["When was your most recent tabletop exercise?", "date"],
    ["What percentage of endpoints run the EDR agent?", "percentage"],
    ["How much budget goes to security tooling each year?", "amount"],
    ["Do you carry liability insurance of at least $5M?", "amount"],
    ["Is cyber cover of €2 million or more in place?", "amount"],
    ["How much did the last penetration test cost you?", "amount"],
    ["What was the annual cost of your awareness programme?", "amount"],
    ["What is the deductible on your cyber liability policy?", "amount"],
    ["Cyber insurance - excess and annual premium:", "amount"],
    ["State the policy limit and the carrier of your cyber insurance.", "amount"],
    ["Please give your ISO certificate number.", "identifier"],
    ["Name each open finding by finding number.", "identifier"],
    ["List the browser libraries on the sign-in page, with versions.", "version"],
    ["Which version of the endpoint agent is deployed?", "version"],
    ["What operating system version do your servers run?", "version"],
    ["What is your yearly security tooling budget?", "amount"],
    ["Cyber insurance coverage amount", "amount"],
    ["What is the dollar limit of the cyber policy?", "amount"],
    ["FedRAMP Moderate - target date?", "date"],
    ["What is the planned go-live date for EU hosting?", "date"],
    ["List all servers with their operating system version and current patch level.", "version"],
    ["What is the limit of your cyber insurance cover for regulatory fines?", "amount"],
    ["Date of last tabletop exercise", "date"],
    ["Do you carry cyber insurance?", null],
    ["How much of the codebase is scanned?", null],
    ["Are browsers kept updated with their latest versions?", null],
    ["Does each risk have an owner, a treatment decision and a target date?", null],
    ["Is a certificate issued for each disposed drive?", null],
    ["Do you run tabletop exercises?", null],
    ["When is the DR plan tested?", null],
    // A document's expiry, however it is asked; a date set on something is no date asked.
    ["What is the expiry date of your ISO certificate?", "date"],
    ["When does your SOC 2 bridge letter expire?", "date"],
    ["Certificate expiry date:", "date"],
    ["Can administrators give an API token an expiry date?", null],
    ["Current version/build of the backup agent on your servers:", "version"],
    ["State the agent version now running on each laptop.", "version"],
    // A form's field label, after a section label or not.
    ["Governance: Date of board approval of the current security policy:", "date"],
    ["Date of signature", "date"],
    ["Is a date of review recorded on each policy?", null],
    // A number a practice gives things, not one asked for.
    ["Do users see only a generic error page with a reference ID?", null],
    ["Is each change linked to a ticket number?", null],
    ["Please quote your ISO certificate number.", "identifier"],
    ["Specify the exact firmware version of your core switches.", "version"],
    ["Which endpoint agent signature database version is deployed?", "version"],
    ["Cyber insurance - policy # and carrier", "identifier"],
    ["Do you carry product liability insurance? State the limit per claim.", "amount"],
    ["Professional and cyber insurance limits ($)", "amount"],
  ])("%s → %s", (text, kind) => {
    expect(askedFact(text)).toBe(kind);
  });

  it.each([
    ["We have 14 engineers on the platform team.", "count", true],
    ["Tests run quarterly.", "count", true],
    ["Engineers on the platform team hold access.", "count", false],
    // Numbers that name a standard, a version or a date count nothing.
    ["Our SOC 2 Type II report for 1 October 2025 to 30 September 2026 shows each test.", "count", false],
    ["TLS 1.2 and AES-256 protect data under ISO/IEC 27001:2022.", "count", false],
    ["The last exercise was held in March 2026.", "date", true],
    ["Exercises are held by the security team.", "date", false],
    // Words that begin like a month are no month; "may" the verb is no May.
    ["Changes are approved, separated from production and may be decided by the market team.", "date", false],
    ["The exercise ran on 12 May and again in Sept.", "date", true],
    ["The report covers {{soc2.period}}.", "date", true],
    ["Our commercial service is certified to ISO/IEC 27001:2022.", "date", false],
    ["Our ISO/IEC 27001:2022 certificate was issued in 2025 by an accredited body.", "identifier", false],
    ["Connections use TLS 1.2 or higher.", "version", true],
    ["Libraries are scanned for known vulnerabilities.", "version", false],
    ["98% of laptops run the agent.", "percentage", true],
    ["All laptops run the agent.", "percentage", false],
  ] as const)("'%s' states a %s: %s", (text, kind, states) => {
    expect(statesFact(text, kind)).toBe(states);
  });

  it.each([
    ["We are audited every year.", "How many controls did the auditor test?", false],
    ["Restores are tested quarterly.", "How many times a year are restores tested?", true],
    ["Restores are tested quarterly.", "How many restore tests did you run last year?", false],
    ["Four restore tests ran last year.", "How many restore tests did you run last year?", true],
  ] as const)("'%s' answers '%s': %s (a frequency counts times, not things)", (text, ask, states) => {
    expect(statesFact(text, "count", ask)).toBe(states);
  });

  it.each([
    ["We have about 180 employees across two offices.", "How many employees do you have?", true],
    ["Critical fixes ship within 7 days.", "Within how many days are critical fixes applied?", true],
    ["Headcount: 320 employees.", "Number of employees", true],
    // A number of something else does not count what was asked.
    [
      "Erasure requests from end users are completed within 7 days.",
      "How many erasure requests did you process last year?",
      false,
    ],
    [
      "Entrances are covered by CCTV, and footage is kept for 30 days.",
      "How many CCTV cameras cover your office entrances?",
      false,
    ],
    ["Two CCTV cameras cover each entrance.", "How many CCTV cameras cover your office entrances?", true],
    // An auditor's sample sizes count samples, not the review's own days.
    [
      "Access is reviewed every quarter and removals are completed within five business days.",
      "What sample sizes did your auditor use when testing the access review control?",
      false,
    ],
    ["The auditor tested a sample of 25 quarterly reviews.", "What sample size did the auditor use?", true],
  ] as const)("'%s' answers '%s': %s (the number must count the thing asked)", (text, ask, states) => {
    expect(statesFact(text, "count", ask)).toBe(states);
  });

  it.each([
    ["Certificate IS 712345 was issued by BSI.", "What is your certificate number?", true],
    ["We are certified under certificate {{iso27001.certificateNumber}}.", "Quote your certificate number.", true],
    [
      "Certificate IS 712345 was issued by a UKAS-accredited body.",
      "Give the accreditation number of the body.",
      false,
    ],
    ["Findings are tracked to closure in Jira.", "List each open finding by finding number.", false],
  ] as const)("'%s' answers '%s': %s", (text, ask, states) => {
    expect(statesFact(text, "identifier", ask)).toBe(states);
  });
});

describe("on the shipped library", () => {
  it("a date asked of the entry that states none goes to a close runner-up that states it", async () => {
    // The certification's scope entry ranks first on the words; the certificate entry states its validity.
    const a = await answer("What is the expiry date of your ISO certificate?", "free_text");
    expect(a.entryId).toBe("iso27001-certified");
    expect(a.status).toBe("drafted");
  });

  it("a percentage asked of an entry that states none goes to a reviewer, with the reason", async () => {
    const a = await answer("What percentage of code changes are peer reviewed before merge?", "free_text");
    expect(a.entryId).toBe("code-review");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toContain("asks for a percentage");
  });

  it("a count asked of the SOC 2 entries, which name 'SOC 2' and a period but count nothing, goes to a reviewer", async () => {
    const a = await answer("How many controls did the auditor test in your SOC 2 Type II report?", "free_text");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toContain("asks for a number");
  });

  it("the certificate number is stated by the certification entry; the accreditation body's number is not", async () => {
    const stated = await answer("What is your ISO 27001 certificate number?", "free_text");
    expect(stated.entryId).toBe("iso27001-certified");
    expect(stated.status).toBe("drafted");
    const unstated = await answer(
      "What is the accreditation number of your ISO 27001 certification body?",
      "free_text",
    );
    expect(unstated.entryId).toBe("iso27001-certified");
    expect(unstated.status).toBe("needs_review");
    expect(unstated.notes.join(" ")).toContain("asks for a reference number");
  });

  it("a length of time asked in the row's unit is drafted only from an entry that states one", async () => {
    expect(
      askedFact(
        "CCTV retention period at your hosting data centre",
        "CCTV retention period at your hosting data centre (days)",
      ),
    ).toBe("duration");
    expect(askedFact("Max time to revoke access - hours")).toBe("duration");
    expect(statesFact("Footage is kept for 90 days.", "duration")).toBe(true);
    // How often a thing is done is no length of time.
    expect(statesFact("We review these controls annually.", "duration")).toBe(false);
    const stated = await answer("Log retention period (days)", "free_text");
    expect(stated.entryId).toBe("log-retention");
    expect(stated.status).toBe("drafted");
    const unstated = await answer("CCTV retention period at your hosting data centre (days)", "free_text");
    // The data-centre entry names CCTV but keeps no footage for a stated time: not drafted from it.
    expect(unstated.status === "drafted" && unstated.entryId === "datacenter-physical-security").toBe(false);
    expect(unstated.status).not.toBe("drafted");
  });

  it("a count the entry states is drafted", async () => {
    const a = await answer("How many employees does your company have?", "free_text");
    expect(a.entryId).toBe("company-profile");
    expect(a.notes.join(" ")).not.toContain("asks for a number");
  });

  it("the date of the last test is drafted from the entry that states it; the next one is a plan no entry holds", async () => {
    const last = await answer("When was the last time you tested your disaster recovery plan?", "free_text");
    expect(last).toMatchObject({ status: "drafted", entryId: "dr-testing" });
    expect(last.answer?.text).toMatch(/\b(19|20)\d{2}\b/);
    const next = await answer("When is your next disaster recovery test?", "free_text");
    expect(next.status).toBe("no_match");
    // An entry on the topic that states no date goes to a reviewer, with the reason.
    const breach = await answer("When was your last data breach?", "free_text");
    expect(breach.status).not.toBe("drafted");
  });
});
