import { describe, expect, it } from "vitest";
import { checkLibrary, type Finding, NEAR_DUPLICATE_THRESHOLD } from "../../src/domain/library/check.js";
import type { Library } from "../../src/domain/library/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { AS_OF, control, entry, isoCertificate, policy, smallLibrary, soc2Report } from "./fixture.js";

const codes = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.code))].sort();

function check(library: Library, asOf = AS_OF) {
  return checkLibrary(library, { asOf });
}

describe("library check on the shipped answer library", () => {
  it("passes with zero errors", async () => {
    const library = await loadLibraryDir("answer-library");
    const { errors, warnings } = check(library);
    console.log(
      `shipped library: ${library.controls.length} controls, ${library.artifacts.length} artifacts, ` +
        `${library.entries.length} entries; ${errors.length} errors, ${warnings.length} warnings`,
    );
    expect(errors).toEqual([]);
    // Every phrasing reads in its entry's sense: one written the other way would flip a matched answer.
    expect(warnings.filter((w) => w.code === "phrasing_polarity").map((w) => w.message)).toEqual([]);
    expect(library.entries.length).toBeGreaterThanOrEqual(250);
    expect(library.entries.every((e) => e.phrasings.length >= 3)).toBe(true);
  });

  it("keeps the ids other parts of Quire rely on", async () => {
    const library = await loadLibraryDir("answer-library");
    const ids = new Set([...library.controls.map((c) => c.id), ...library.entries.map((e) => e.id)]);
    for (const id of ["CTL-ENC-01", "CTL-VUL-02", "CTL-GOV-01", "CTL-SUP-02", "encryption-at-rest"]) {
      expect(ids.has(id), id).toBe(true);
    }
    const artifacts = new Map(library.artifacts.map((a) => [a.id, a]));
    expect(artifacts.get("pentest-letter-2026")?.controls).toContain("CTL-VUL-02");
    expect(artifacts.get("policy-information-security")?.controls).toContain("CTL-GOV-01");
    expect(artifacts.get("subprocessor-list")?.controls).toContain("CTL-SUP-02");
  });

  it("agrees Yes/No with the first word of every answer", async () => {
    const library = await loadLibraryDir("answer-library");
    for (const e of library.entries) {
      const lead = e.answer.match(/^(Yes|No|N\/A)\b/)?.[1];
      if (lead && e.short && /^(Yes|No|N\/A)$/.test(e.short)) expect(lead, e.id).toBe(e.short);
    }
    const negatives = library.entries.filter((e) => e.short === "No" || e.short === "N/A");
    expect(negatives.length).toBeGreaterThanOrEqual(15);
  });
});

describe("library check on a small library", () => {
  it("finds nothing in the clean small library", () => {
    expect(check(smallLibrary())).toEqual({ errors: [], warnings: [] });
  });

  it("reports unknown control and artifact references as errors", () => {
    const library = smallLibrary({
      entries: [entry({ controls: ["CTL-ENC-01", "CTL-NOPE-01"], artifacts: ["no-such-report"] })],
      artifacts: [soc2Report(), isoCertificate(), policy({ controls: ["CTL-ENC-01", "CTL-GONE-02"] })],
    });
    const { errors } = check(library);
    expect(codes(errors)).toEqual(["unknown_artifact", "unknown_control"]);
    expect(errors.filter((f) => f.code === "unknown_control").map((f) => f.subject)).toEqual([
      "encryption-at-rest",
      "policy-cryptography",
    ]);
  });

  it("reports a bridge letter for a report that does not exist", () => {
    const letter = {
      id: "bridge",
      type: "bridge-letter" as const,
      title: "Bridge letter",
      access: "nda" as const,
      controls: [],
      bridges: "soc2-type2-1999",
    };
    const { errors } = check(smallLibrary({ artifacts: [soc2Report(), isoCertificate(), policy(), letter] }));
    expect(errors.map((f) => [f.code, f.subject])).toEqual([["unknown_artifact", "bridge"]]);
  });

  it("reports framework references that are not in the reference lists", () => {
    const base = control();
    const broken = control({
      refs: [
        ...base.refs,
        { framework: "ISO27001:2022", ref: "A.9.4.2" }, // a 2013-edition id
        { framework: "SOC2", ref: "CC10.1" },
        { framework: "NIS2", ref: "21(2)(k)" },
        { framework: "GDPR", ref: "32(2)" },
      ],
    });
    const cert = isoCertificate({ soaExclusions: [{ ref: "A.14.2.7", justification: "not applicable here" }] });
    const { errors } = check(smallLibrary({ controls: [broken], artifacts: [soc2Report(), cert, policy()] }));
    expect(codes(errors)).toEqual(["unknown_framework_ref"]);
    expect(errors).toHaveLength(5);
  });

  it("reports the same question in two entries as a duplicate", () => {
    const copy = entry({ id: "encryption-at-rest-copy", question: "Is customer data encrypted at rest?" });
    const { errors } = check(smallLibrary({ entries: [entry(), copy] }));
    expect(errors.map((f) => f.code)).toEqual(["duplicate_question"]);
    expect(errors[0]?.subject).toBe("encryption-at-rest+encryption-at-rest-copy");
  });

  it("reports the same question answered Yes in one entry and No in another as a conflict", () => {
    const no = entry({
      id: "storage-encryption",
      question: "Do you encrypt customer data at rest?",
      short: "No",
      answer: "No. Stored data relies on the cloud provider's physical security.",
    });
    const { errors } = check(smallLibrary({ entries: [entry(), no] }));
    expect(errors.map((f) => f.code)).toEqual(["conflicting_answers"]);
  });

  it("accepts a question and its inverse with opposite answers, but not with the same answer", () => {
    const inverse = entry({
      id: "unencrypted-data",
      question: "Is customer data at rest stored without encryption?",
      phrasings: [
        "Plaintext customer data at rest",
        "Unencrypted storage of customer data",
        "Customer data in plain text",
      ],
      short: "No",
      answer: "No. Every data store holding customer data is encrypted at rest.",
    });
    expect(check(smallLibrary({ entries: [entry(), inverse] })).errors).toEqual([]);
    const contradictory = { ...inverse, short: "Yes", answer: "Yes. Some legacy exports are stored unencrypted." };
    expect(check(smallLibrary({ entries: [entry(), contradictory] })).errors.map((f) => f.code)).toEqual([
      "conflicting_answers",
    ]);
  });

  it("warns about a paraphrased copy of a question as a near-duplicate", () => {
    const paraphrase = entry({
      id: "stored-data-encryption",
      question: "Do you encrypt stored customer data at rest?",
      phrasings: ["Key ceremony records", "Hardware security module vendor", "Key custodian duties"],
    });
    const { errors, warnings } = check(smallLibrary({ entries: [entry(), paraphrase] }));
    expect(errors).toEqual([]);
    expect(warnings.map((f) => f.code)).toEqual(["near_duplicate"]);
    expect(warnings[0]?.message).toMatch(/similarity 0\.8/);
    expect(NEAR_DUPLICATE_THRESHOLD).toBeLessThanOrEqual(0.8);
  });

  it("does not treat short, unrelated questions as near-duplicates", () => {
    const transit = entry({
      id: "encryption-in-transit",
      question: "Is customer data encrypted in transit?",
      phrasings: ["TLS 1.2 or higher everywhere", "HTTPS enforced for the API", "Encryption between services"],
    });
    expect(check(smallLibrary({ entries: [entry(), transit] }))).toEqual({ errors: [], warnings: [] });
  });

  it("warns about entries past their review-by date, and rejects review dates in the wrong order", () => {
    const overdue = check(smallLibrary({ entries: [entry({ reviewBy: "2026-11-01" })] }));
    expect(overdue.errors).toEqual([]);
    expect(overdue.warnings.map((f) => f.code)).toEqual(["review_overdue"]);

    const inverted = check(smallLibrary({ entries: [entry({ lastReviewed: "2026-06-01", reviewBy: "2026-05-01" })] }));
    expect(inverted.errors.map((f) => f.code)).toEqual(["review_dates_invalid"]);
  });

  it("reports expired artifacts as errors, naming the entries that cite them", () => {
    const expired = policy({ expires: "2026-10-31" });
    const { errors } = check(smallLibrary({ artifacts: [soc2Report(), isoCertificate(), expired] }));
    expect(errors.map((f) => f.code)).toEqual(["artifact_expired"]);
    expect(errors[0]?.message).toContain("encryption-at-rest");
  });

  it("treats a SOC 2 report as expired 12 months after its period ends, or at currentUntil", () => {
    const old = soc2Report({ periodStart: "2024-07-01", periodEnd: "2025-06-30" });
    expect(check(smallLibrary({ artifacts: [old, isoCertificate(), policy()] })).errors.map((f) => f.code)).toEqual([
      "artifact_expired",
    ]);
    const extended = soc2Report({ periodStart: "2024-07-01", periodEnd: "2025-06-30", currentUntil: "2027-01-15" });
    const { errors, warnings } = check(smallLibrary({ artifacts: [extended, isoCertificate(), policy()] }));
    expect(errors).toEqual([]);
    expect(warnings.map((f) => f.code)).toEqual(["artifact_expiring"]);
  });

  it("warns about artifacts expiring within 60 days", () => {
    const soon = isoCertificate({ expires: "2027-01-15", surveillanceAudits: [] });
    const { errors, warnings } = check(smallLibrary({ artifacts: [soc2Report(), soon, policy()] }));
    expect(errors).toEqual([]);
    expect(warnings.map((f) => [f.code, f.subject])).toEqual([["artifact_expiring", "iso27001-cert-2025"]]);
    // Day 61 is outside the window.
    const later = isoCertificate({ expires: "2027-01-24", surveillanceAudits: [] });
    expect(check(smallLibrary({ artifacts: [soc2Report(), later, policy()] })).warnings).toEqual([]);
  });

  it("warns about a policy due for review within 30 days, and one whose review lapsed", () => {
    const due = policy({ issued: "2025-12-20" }); // due 2026-12-20, 26 days ahead
    expect(
      check(smallLibrary({ artifacts: [soc2Report(), isoCertificate(), due] })).warnings.map((f) => f.code),
    ).toEqual(["artifact_review_due"]);
    const lapsed = policy({ issued: "2025-10-01" }); // due 2026-10-01, lapsed after 2026-10-31
    const found = check(smallLibrary({ artifacts: [soc2Report(), isoCertificate(), lapsed] }));
    expect(found.errors).toEqual([]);
    expect(found.warnings.map((f) => f.code)).toEqual(["artifact_review_lapsed"]);
    expect(found.warnings[0]?.message).toMatch(
      /review was due on 2026-10-01 .*; it is no longer cited; cited by encryption-at-rest/,
    );
  });

  it("does not report a replaced report as expired, but an entry that still names its facts", () => {
    const old = soc2Report({ periodStart: "2024-10-01", periodEnd: "2025-09-30" });
    const next = soc2Report({
      id: "soc2-type2-2026b",
      periodStart: "2025-10-01",
      periodEnd: "2026-09-30",
      issued: "2026-10-20",
    });
    const stale = entry({
      answer: "Yes. Our SOC 2 report for 1 October 2024 to 30 September 2025 says so, with AES-256.",
    });
    const { errors, warnings } = check(
      smallLibrary({ artifacts: [old, next, isoCertificate(), policy()], entries: [stale] }),
    );
    expect(errors).toEqual([]);
    expect(warnings.map((f) => f.code)).toEqual(["stale_fact"]);
  });

  it("warns when an entry writes out an artifact fact a placeholder could name", () => {
    const literal = entry({
      answer:
        "Yes. Our SOC 2 Type II report covers Security, Availability and Confidentiality only. Our ISMS is certified by Nordhaven Certification under certificate HM-ISMS-40721, and Calder & Wright LLP audits us; AES-256 throughout.",
    });
    const { errors, warnings } = check(smallLibrary({ entries: [literal] }));
    expect(errors).toEqual([]);
    expect(warnings.map((f) => [f.code, f.message.match(/states "([^"]+)"/)?.[1]])).toEqual([
      ["literal_artifact_fact", "Security, Availability, Confidentiality"],
      ["literal_artifact_fact", "Calder & Wright LLP"],
      ["literal_artifact_fact", "Nordhaven Certification"],
      ["literal_artifact_fact", "HM-ISMS-40721"],
    ]);
    expect(warnings[0]?.message).toContain("name it with {{soc2.categories}}");
    expect(warnings[3]?.message).toContain("{{iso27001.certificateNumber}}");
    // A category said to be the only one in scope is a scope statement too; a confidentiality clause is not.
    const only = entry({ answer: "No. Our SOC 2 report covers the Security category only, with AES-256." });
    expect(check(smallLibrary({ entries: [only] })).warnings.map((f) => f.code)).toEqual(["literal_artifact_fact"]);
    const clause = entry({
      answer: "Yes. Confidentiality clauses bind every employee, and data is AES-256 encrypted.",
    });
    expect(check(smallLibrary({ entries: [clause] })).warnings).toEqual([]);
    // The same facts named through placeholders are fine.
    const named = entry({
      answer:
        "Yes. Our SOC 2 Type II report covers {{soc2.categories}}. Our ISMS is certified by {{iso27001.body}} under certificate {{iso27001.certificateNumber}}; {{soc2.auditor}} audits us.",
    });
    expect(check(smallLibrary({ entries: [named] })).warnings).toEqual([]);
  });

  it("reports an overdue ISO surveillance audit", () => {
    const cert = isoCertificate({ surveillanceAudits: [{ due: "2026-03-14" }] });
    const { errors } = check(smallLibrary({ artifacts: [soc2Report(), cert, policy()] }));
    expect(errors.map((f) => f.code)).toEqual(["surveillance_overdue"]);
  });

  it("reports Annex A controls and in-scope SOC 2 criteria with no control", () => {
    const base = control();
    const partial = control({
      refs: base.refs.filter((r) => r.ref !== "A.7.4" && r.ref !== "CC9.2" && r.ref !== "A1.3"),
    });
    const { errors } = check(smallLibrary({ controls: [partial] }));
    expect(errors.map((f) => [f.code, f.subject])).toEqual([
      ["uncovered_annex_a", "A.7.4"],
      ["uncovered_soc2", "CC9.2"],
      ["uncovered_soc2", "A1.3"],
    ]);
  });

  it("requires only the SOC 2 categories that some report has in scope", () => {
    const base = control();
    // No availability criteria mapped: fine while no report includes availability.
    const noA1 = control({ refs: base.refs.filter((r) => !r.ref.startsWith("A1.")) });
    const securityOnly = soc2Report({ categories: ["security", "confidentiality"] });
    expect(
      check(smallLibrary({ controls: [noA1], artifacts: [securityOnly, isoCertificate(), policy()] })).errors,
    ).toEqual([]);
    expect(check(smallLibrary({ controls: [noA1] })).errors.map((f) => f.code)).toEqual([
      "uncovered_soc2",
      "uncovered_soc2",
      "uncovered_soc2",
    ]);
  });

  it("warns about controls no entry stands on", () => {
    const unused = control({ id: "CTL-PHY-09", title: "Unused", refs: [] });
    const { warnings } = check(smallLibrary({ controls: [control(), unused] }));
    expect(warnings.map((f) => [f.code, f.subject])).toEqual([["control_without_entry", "CTL-PHY-09"]]);
  });

  it("reports a short answer that contradicts its full answer", () => {
    const leadingYes = entry({ short: "No" }); // answer begins "Yes."
    const affirmative = entry({ short: "No", answer: "We always encrypt customer data at rest with AES-256." });
    const naYes = entry({ short: "N/A", answer: "Yes. Every database is encrypted with AES-256." });
    for (const broken of [leadingYes, affirmative, naYes]) {
      const { errors } = check(smallLibrary({ entries: [broken] }));
      expect(errors.map((f) => f.code)).toEqual(["short_contradicts_answer"]);
    }
    const honestNo = entry({
      short: "No",
      answer: "Customer-managed keys are not offered; we manage keys in AWS KMS.",
    });
    expect(check(smallLibrary({ entries: [honestNo] })).errors).toEqual([]);
  });

  it("warns about a phrasing written in the opposite sense of its question", () => {
    const flipped = entry({
      phrasings: ["Is any customer data stored unencrypted?", "AES-256 storage encryption", "KMS-managed disk keys"],
    });
    const { warnings } = check(smallLibrary({ entries: [flipped] }));
    expect(warnings.map((f) => f.code)).toEqual(["phrasing_polarity"]);
  });

  it("reports a phrasing written twice, or the question written again, as an error", () => {
    const doubled = entry({
      phrasings: ["AES-256 storage encryption", "KMS-managed disk keys", "AES-256  storage encryption"],
    });
    const { errors } = check(smallLibrary({ entries: [doubled] }));
    expect(errors.map((f) => f.code)).toEqual(["duplicate_phrasing"]);
    const again = entry({});
    const repeated = entry({ phrasings: [again.question, ...again.phrasings] });
    expect(check(smallLibrary({ entries: [repeated] })).errors.map((f) => f.code)).toEqual(["duplicate_phrasing"]);
  });

  it("warns about entries with fewer than three phrasings", () => {
    const { warnings } = check(smallLibrary({ entries: [entry({ phrasings: ["AES-256 storage encryption"] })] }));
    expect(warnings.map((f) => f.code)).toEqual(["few_phrasings"]);
  });

  it("warns when a Yes stands on a planned control or cites an internal artifact", () => {
    const planned = check(smallLibrary({ controls: [control({ status: "planned" })] }));
    expect(planned.warnings.map((f) => f.code)).toEqual(["answer_on_planned_control"]);

    const internal = policy({ id: "hr-standard", access: "internal", controls: [] });
    const cites = check(
      smallLibrary({
        artifacts: [soc2Report(), isoCertificate(), policy(), internal],
        entries: [entry({ artifacts: ["hr-standard"] })],
      }),
    );
    expect(cites.warnings.map((f) => f.code)).toEqual(["internal_artifact_cited"]);
  });
});
