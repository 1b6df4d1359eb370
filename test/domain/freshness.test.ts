import { describe, expect, it } from "vitest";
import { contradiction, dropContradictingLead } from "../../src/domain/drafting/consistency.js";
import { staleReasons } from "../../src/domain/freshness/answer-freshness.js";
import { attentionItems } from "../../src/domain/freshness/attention.js";
import { fillPlaceholders, resolveArtifactRef } from "../../src/domain/freshness/placeholders.js";
import type { Artifact } from "../../src/domain/library/types.js";
import { entry, isoCertificate, policy, smallLibrary, soc2Report } from "../library/fixture.js";

const report = soc2Report();
const renewal = soc2Report({
  id: "soc2-type2-2027",
  auditor: "Brightline Assurance LLP",
  periodStart: "2026-10-01",
  periodEnd: "2027-09-30",
  issued: "2027-11-15",
});
const cert = isoCertificate();

describe("placeholders for artifact facts", () => {
  const text =
    "Yes. {{soc2.auditor}} examined the period {{soc2.period}} and issued {{soc2.opinion}} covering {{soc2.categories}}; ISO certificate {{iso27001.certificateNumber}} by {{iso27001.body}}, valid until {{iso27001.expires}}, last audited {{iso27001.lastSurveillance}}.";

  it("fills each fact from the artifact current on the day", () => {
    const filled = fillPlaceholders(text, [report, cert], "2026-11-24");
    expect(filled.problems).toEqual([]);
    expect(filled.text).toBe(
      "Yes. Calder & Wright LLP examined the period 1 October 2025 to 30 September 2026 and issued an unqualified opinion covering Security, Availability and Confidentiality; ISO certificate HM-ISMS-40721 by Nordhaven Certification Ltd, valid until 13 March 2028, last audited 19 February 2026.",
    );
    expect(filled.artifacts.map((a) => a.id).sort()).toEqual(["iso27001-cert-2025", "soc2-type2-2026"]);
  });

  it("names the renewed report once it is issued, without the entry changing", () => {
    expect(fillPlaceholders("{{soc2.period}}", [report, renewal], "2027-11-14").text).toBe(
      "1 October 2025 to 30 September 2026",
    );
    expect(fillPlaceholders("{{soc2.period}} by {{soc2.auditor}}", [report, renewal], "2027-11-15").text).toBe(
      "1 October 2026 to 30 September 2027 by Brightline Assurance LLP",
    );
    // An id follows its chain of successors too.
    expect(resolveArtifactRef("soc2-type2-2026", [report, renewal], "2027-11-15")?.id).toBe("soc2-type2-2027");
  });

  it("names the firm that performed a pen test, and says when a letter does not record one", () => {
    const letter = policy({ id: "pentest-letter-2026", type: "pentest-letter", issued: "2026-08-21" });
    const tested = { ...letter, auditor: "Redline Assurance" };
    expect(fillPlaceholders("{{pentest.auditor}}'s retest", [tested], "2026-11-24").text).toBe(
      "Redline Assurance's retest",
    );
    expect(fillPlaceholders("{{pentest.auditor}}", [letter], "2026-11-24").problems).toEqual([
      "{{pentest.auditor}}: pentest-letter-2026 has no auditor",
    ]);
  });

  it("leaves what it cannot fill in place and says why", () => {
    const filled = fillPlaceholders(
      "{{soc2.certificateNumber}} {{nope.period}} {{soc2.colour}}",
      [report],
      "2026-11-24",
    );
    expect(filled.text).toBe("{{soc2.certificateNumber}} {{nope.period}} {{soc2.colour}}");
    expect(filled.problems).toEqual([
      "{{soc2.certificateNumber}}: soc2-type2-2026 has no certificateNumber",
      "{{nope.period}} names no artifact in the library",
      '{{soc2.colour}}: unknown field "colour"',
    ]);
  });
});

describe("stale reasons in the answer path", () => {
  const soc2Entry = entry({
    id: "soc2-type2",
    owner: "Security GRC",
    question: "Are you SOC 2 Type II audited?",
    answer: "Yes. Our SOC 2 Type II report covers {{soc2.period}}.",
    artifacts: ["soc2-type2-2026"],
    reviewBy: "2027-09-30",
  });
  const library = smallLibrary({ artifacts: [report, cert, policy()], entries: [soc2Entry] });
  const reasons = (asOf: string, text = "Yes. Our SOC 2 Type II report covers 1 October 2025 to 30 September 2026.") =>
    staleReasons({ library, entries: [soc2Entry], text, asOf }).map((r) => r.reason);

  it("has nothing to say while everything is current", () => {
    expect(reasons("2026-11-24")).toEqual([]);
  });

  it("names the entry past its review date and its owner", () => {
    expect(reasons("2027-10-01")).toContain("entry soc2-type2 due for review since 2027-09-30, owner Security GRC");
  });

  it("says which claimed report lapsed and why", () => {
    expect(reasons("2027-10-01")).toContain(
      "claims SOC 2 Type II for 2025-10-01..2026-09-30, which is no longer current: the period 2025-10-01..2026-09-30 ended more than 12 months ago (current until 2027-09-30) and no bridge letter covers the date",
    );
  });

  it("catches a fact copied into a text from a report that has since been replaced", () => {
    const lib = smallLibrary({ artifacts: [report, renewal, cert, policy()], entries: [] });
    const out = staleReasons({
      library: lib,
      entries: [],
      text: "Our report for 1 October 2025 to 30 September 2026 is available.",
      asOf: "2027-11-20",
    });
    expect(out.map((r) => r.subject)).toEqual(["soc2-type2-2026"]);
    expect(out[0]?.reason).toMatch(/names "1 October 2025 to 30 September 2026" of SOC 2 Type II .* superseded/);
  });

  it("notices a text that mentions holding a report when none is current", () => {
    const lib = smallLibrary({ artifacts: [report, cert], entries: [] });
    const out = staleReasons({
      library: lib,
      entries: [],
      text: "Our SOC 2 Type II report covers it.",
      asOf: "2027-10-01",
    });
    expect(out[0]?.reason).toMatch(/^mentions a SOC 2 Type II report, and none is current/);
  });

  it("sends an answer resting on a policy whose review lapsed to review", () => {
    const lib = smallLibrary({ artifacts: [report, cert, policy({ issued: "2026-04-06" })], entries: [] });
    const onPolicy = entry({ reviewBy: "2027-12-01" });
    const out = staleReasons({
      library: lib,
      entries: [onPolicy],
      text: "Yes. Data is encrypted.",
      asOf: "2027-05-07",
    });
    expect(out.map((r) => r.subject)).toEqual(["policy-cryptography"]);
    expect(staleReasons({ library: lib, entries: [onPolicy], text: "Yes.", asOf: "2027-05-06" })).toEqual([]);
  });
});

describe("consistency between a drafted value and its text", () => {
  const yesNo = (text: string) => ({ text, kind: "yes_no" });

  it("catches a Yes to a separate region when the text says the same region", () => {
    expect(
      contradiction(
        yesNo("Are backups stored in a separate geographic region?"),
        "Yes",
        "Yes. Backups are copied to a separate account in the same region, so EU data stays in eu-west-1.",
      ),
    ).toMatch(/asks for "separate geographic region" but the answer says "same region"/);
  });

  it("catches a Yes to a separate location when the text keeps everything in the chosen region", () => {
    expect(
      contradiction(
        yesNo("Are backups stored in a geographically separate location?"),
        "Yes",
        "All of a customer's data, including backups, stays in the chosen region.",
      ),
    ).toMatch(/asks for "geographically separate location" but the answer says "stays in the chosen region"/);
  });

  it("catches a Yes to a bound the text exceeds, and accepts one it meets", () => {
    const q = yesNo("Will customers be notified within 24 hours of a confirmed breach?");
    expect(contradiction(q, "Yes", "Yes. We notify customers within 48 hours.")).toMatch(
      /asks "within 24 hours" but the answer says "within 48 hours"/,
    );
    expect(contradiction(q, "Yes", "Yes. We notify customers within 12 hours.")).toBeNull();
    expect(
      contradiction(yesNo("Are logs kept for at least twelve months?"), "Yes", "Yes. Logs are retained for 90 days."),
    ).toMatch(/at least twelve months/);
    expect(
      contradiction(yesNo("Are logs kept for at least twelve months?"), "Yes", "Yes. Logs are retained for 13 months."),
    ).toBeNull();
  });

  it("reads a span of inactivity as a trigger: a shorter one meets the question, a longer one does not", () => {
    const q = yesNo("Are accounts that have not been used for 60 days or more disabled?");
    expect(contradiction(q, "Yes", "Yes. An account that has not signed in for 30 days is suspended.")).toBeNull();
    expect(contradiction(q, "Yes", "Yes. An account that has not signed in for 90 days is suspended.")).toMatch(
      /asks "for 60 days" but the answer says "for 90 days"/,
    );
  });

  it("reads a contract's bounds: numbers written twice, 'no fewer than', 'within our N-hour'", () => {
    const notice = yesNo("The Supplier shall give no fewer than ninety (90) days' notice of a new Sub-processor.");
    expect(contradiction(notice, "Yes", "Yes. We give at least 30 days' notice.")).toMatch(
      /asks "no fewer than 90 days" but the answer says "at least 30 days"/,
    );
    expect(contradiction(notice, "Yes", "Yes. We give at least 120 days' notice.")).toBeNull();
    const rto = yesNo("The Supplier shall recover the Service with an RTO of no more than two (2) hours.");
    expect(contradiction(rto, "Yes", "Yes. The platform is restored within our 4-hour RTO.")).toMatch(
      /asks "no more than 2 hours" but the answer says "within our 4-hour"/,
    );
  });

  it("catches a Yes to a minimum frequency the text does not reach", () => {
    const q = yesNo("Are access reviews performed at least monthly?");
    expect(contradiction(q, "Yes", "Yes. Access is reviewed quarterly by each system owner.")).toMatch(
      /at least monthly but the answer says quarterly/,
    );
    expect(contradiction(q, "Yes", "Yes. Admin access is reviewed monthly and all access quarterly.")).toBeNull();
  });

  it("catches a value that contradicts the text's own first word", () => {
    expect(contradiction(yesNo("Is data encrypted?"), "No", "Yes. All data is encrypted.")).toMatch(
      /value "No" contradicts the answer text, which begins "Yes"/,
    );
  });

  it("leaves a No, a free-text answer and an unrelated text alone", () => {
    expect(
      contradiction(yesNo("Backups in a separate region?"), "No", "No. Backups stay in the same region."),
    ).toBeNull();
    expect(contradiction({ text: "Describe backups", kind: "free_text" }, null, "Same region.")).toBeNull();
    expect(contradiction(yesNo("Is MFA enforced?"), "Yes", "Yes. MFA is enforced for everyone.")).toBeNull();
  });

  it("drops a leading Yes that a flipped value would contradict", () => {
    expect(dropContradictingLead("No", "Yes. nobody shares accounts.")).toBe("Nobody shares accounts.");
    expect(dropContradictingLead("Yes", "Yes. Fine.")).toBe("Yes. Fine.");
  });
});

describe("what needs attention", () => {
  const artifacts: Artifact[] = [
    soc2Report({ currentUntil: "2027-01-23" }),
    isoCertificate({ surveillanceAudits: [] }),
    policy({ issued: "2026-01-10", owner: "Platform Security" }),
  ];
  const entries = [entry({ reviewBy: "2026-12-24" }), entry({ id: "later", reviewBy: "2026-12-25" })];
  const items = (asOf: string) => attentionItems(smallLibrary({ artifacts, entries }), asOf);

  it("lists entries due within 30 days, with their owner", () => {
    const due = items("2026-11-24").filter((i) => i.subjectType === "entry");
    expect(due.map((i) => [i.subject, i.owner, i.state])).toEqual([
      ["encryption-at-rest", "Platform Security", "review_due"],
    ]);
  });

  it("steps an expiring artifact through 60, 30 and 7 days, then expired", () => {
    const step = (asOf: string) => items(asOf).find((i) => i.subject === "soc2-type2-2026")?.step;
    expect(step("2026-11-23")).toBeUndefined(); // 61 days
    expect(step("2026-11-24")).toBe("60");
    expect(step("2026-12-24")).toBe("30");
    expect(step("2027-01-16")).toBe("7");
    expect(step("2027-01-23")).toBe("7");
    expect(step("2027-01-24")).toBe("expired");
  });

  it("lists a document due for review, and names it lapsed after the grace", () => {
    const review = (asOf: string) => items(asOf).find((i) => i.subject === "policy-cryptography");
    expect(review("2026-12-10")).toBeUndefined(); // 31 days ahead
    expect(review("2026-12-11")?.state).toBe("review_due");
    expect(review("2027-02-10")?.state).toBe("review_lapsed");
    expect(review("2027-02-10")?.owner).toBe("Platform Security");
  });
});
