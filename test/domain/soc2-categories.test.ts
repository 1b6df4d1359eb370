import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, type PreparedLibrary } from "../../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { finalizeAnswer } from "../../src/domain/answering/finalize.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import { decideSoc2Categories } from "../../src/domain/drafting/soc2-categories.js";
import { soc2CategoryAsk } from "../../src/domain/drafting/soc2-category-ask.js";
import { soc2ReportInForce } from "../../src/domain/freshness/standing.js";
import type { Artifact, Library, Soc2Report } from "../../src/domain/library/types.js";
import type { QuestionKind } from "../../src/domain/questionnaire/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { question } from "../matching/helpers.js";

/**
 * Questions about the SOC 2 report's Trust Services categories are answered from the report in force
 * on the as-of date (artifacts.yaml), not from an entry's fixed Yes/No: the shipped report covers
 * Security, Availability and Confidentiality, so Availability is Yes and Privacy No, until a renewed
 * report adds Privacy.
 */
let shipped: Library;
beforeAll(async () => {
  shipped = await loadLibraryDir("answer-library");
});

const US_NDA = (asOf: string): CustomerContext => ({ region: "us", ndaOnFile: true, asOf });
const withArtifacts = (artifacts: Artifact[]): PreparedLibrary => prepareLibrary({ ...shipped, artifacts });
const ask = (p: PreparedLibrary, text: string, asOf: string, kind: QuestionKind = "yes_no") =>
  answerQuestion(p, question(text, kind), US_NDA(asOf));

const AVAILABILITY = "Does your SOC 2 examination include the Availability category?";
const PRIVACY = "Is Privacy a trust services category covered by your SOC 2 report?";
const WHICH = "Which Trust Services Criteria categories are in scope of your SOC 2 report?";
const DECIDED = /^decided by the categories in scope of "SOC 2 Type II report/;

/** An off-cycle report, issued 10 December 2026, with Privacy added (the rest of the library still current then). */
const RENEWED: Soc2Report = {
  id: "soc2-type2-2026b",
  type: "soc2-type2",
  title: "SOC 2 Type II report, 1 Dec 2025 – 30 Nov 2026",
  access: "nda",
  controls: [],
  auditor: "Calder & Wright LLP",
  periodStart: "2025-12-01",
  periodEnd: "2026-11-30",
  issued: "2026-12-10",
  categories: ["security", "availability", "confidentiality", "privacy"],
  opinion: "unqualified",
};

describe("recognising a question about the SOC 2 report's categories", () => {
  it.each([
    [AVAILABILITY, { kind: "covers", categories: ["availability"] }],
    ["Does your SOC 2 report cover the Privacy trust services criteria?", { kind: "covers", categories: ["privacy"] }],
    [
      "Is Processing Integrity in scope for your SOC 2 Type II?",
      { kind: "covers", categories: ["processing-integrity"] },
    ],
    ["Is the PI category part of your SOC 2 examination?", { kind: "covers", categories: ["processing-integrity"] }],
    ["Does your SOC 2 cover the common criteria?", { kind: "covers", categories: ["security"] }],
    [
      "Are the Confidentiality and Privacy TSCs included in your SOC 2?",
      { kind: "covers", categories: ["confidentiality", "privacy"] },
    ],
    [
      "Does your SOC 2 cover availability and confidentiality as well as security?",
      { kind: "covers", categories: ["security", "availability", "confidentiality"] },
    ],
    [
      "Does your SOC 2 cover all five trust services categories?",
      {
        kind: "covers",
        categories: ["security", "availability", "confidentiality", "processing-integrity", "privacy"],
      },
    ],
    ["SOC 2 privacy criteria coverage", { kind: "covers", categories: ["privacy"] }],
    [
      "SOC 2 Type II (Security, Availability, Privacy)?",
      { kind: "covers", categories: ["security", "availability", "privacy"] },
    ],
    [WHICH, { kind: "which" }],
    ["What trust services principles does your SOC 2 report address?", { kind: "which" }],
    ["Which TSCs are in your SOC 2?", { kind: "which" }],
    [
      "Which trust services categories (security, availability, processing integrity, confidentiality, privacy) does your SOC 2 report cover?",
      { kind: "which" },
    ],
    ["SOC 2 report scope and trust services categories", { kind: "which" }],
  ])("%s", (text, expected) => {
    expect(soc2CategoryAsk(text)).toEqual(expected);
  });

  it.each([
    "Do you offer an uptime SLA for availability?",
    "Describe the availability of backups.",
    "What is your platform's availability target?",
    "Do you have a current SOC 2 Type II report?",
    "What is the scope of your SOC 2 report?",
    "Which systems are in scope of your SOC 2?",
    "Were any exceptions noted in the availability criteria of your SOC 2 report?",
    "Does the SOC 2 report cover the availability of the platform?",
    "Is high availability tested as part of your SOC 2 audit?",
    "Do you share your SOC 2 report and privacy policy?",
    "Which SOC 2 criteria map to your encryption controls?",
    "Do you have a SOC 1 report covering availability?",
    "Is your product Common Criteria certified?",
    // Asked the other way round, or as the only one: the report's Yes/No would be the wrong word.
    "Is Privacy excluded from your SOC 2 report?",
    "Are Privacy and Processing Integrity not covered by your SOC 2?",
    "Does your SOC 2 report cover only the Security category?",
    // Plans are not the report's scope today.
    "Do you plan to add the Privacy category to your SOC 2?",
  ])("not: %s", (text) => {
    expect(soc2CategoryAsk(text)).toBeNull();
  });
});

describe("the verdict from a report's categories", () => {
  const report = RENEWED;
  it("is Yes when every named category is in scope", () => {
    const v = decideSoc2Categories({ kind: "covers", categories: ["availability", "privacy"] }, report);
    expect(v).toMatchObject({ value: "Yes", inScope: ["availability", "privacy"], notInScope: [] });
    expect(v.sentence).toBe("Yes. Availability and Privacy are in scope of our SOC 2 Type II report.");
  });
  it("is No when one is not, and says which are and which are not", () => {
    const v = decideSoc2Categories({ kind: "covers", categories: ["confidentiality", "processing-integrity"] }, report);
    expect(v.value).toBe("No");
    expect(v.sentence).toBe(
      "No. Confidentiality is in scope of our SOC 2 Type II report, but Processing Integrity is not; the report covers Security, Availability, Confidentiality and Privacy.",
    );
  });
  it("lists them for 'which categories?'", () => {
    const v = decideSoc2Categories({ kind: "which" }, report);
    expect(v.value).toBeNull();
    expect(v.sentence).toBe(
      "Trust Services categories in scope of our SOC 2 Type II report: Security, Availability, Confidentiality and Privacy. Processing Integrity is not in scope.",
    );
  });
});

describe("answering from the shipped library (report: Security, Availability, Confidentiality)", () => {
  let prepared: PreparedLibrary;
  beforeAll(() => {
    prepared = prepareLibrary(shipped);
  });

  it("drafts Yes for Availability, whatever an entry's own short answer says", () => {
    const q = ask(prepared, AVAILABILITY, "2026-12-04");
    expect(q.status).toBe("drafted");
    expect(q.entryId).toMatch(/^soc2-(scope|category-included)$/);
    expect(q.answer?.value).toBe("Yes");
    expect(q.answer?.text).toMatch(/^Yes\. Availability is in scope of our SOC 2 Type II report\. /);
    expect(q.answer?.text).toContain("Security, Availability and Confidentiality");
    expect(q.notes.some((n) => DECIDED.test(n))).toBe(true);
    expect(q.citations.map((c) => c.artifactId)).toContain("soc2-type2-2026");
  });

  it("drafts No for Privacy, and for a pair of which one is out of scope, saying which", () => {
    const privacy = ask(prepared, PRIVACY, "2026-12-04");
    expect(privacy).toMatchObject({ status: "drafted", answer: { value: "No" } });
    expect(privacy.answer?.text).toMatch(/^No\. Privacy is not in scope of our SOC 2 Type II report\. /);
    const pair = ask(prepared, "Are the Confidentiality and Privacy TSCs included in your SOC 2?", "2026-12-04");
    expect(pair.answer?.value).toBe("No");
    expect(pair.answer?.text).toMatch(
      /^No\. Confidentiality is in scope of our SOC 2 Type II report, but Privacy is not\./,
    );
  });

  it("answers 'which categories?' in words, with what is not in scope", () => {
    const q = ask(prepared, WHICH, "2026-12-04", "free_text");
    expect(q).toMatchObject({ status: "drafted", answer: { value: null } });
    expect(q.answer?.text).toMatch(
      /^Our SOC 2 Type II report for 1 October 2025 to 30 September 2026 covers the Security, Availability and Confidentiality categories .*\. Processing Integrity and Privacy are not in scope\./,
    );
    // In a Yes/No column the question still asks for a list: no value, the words in the comment.
    expect(ask(prepared, WHICH, "2026-12-04").answer?.value).toBeNull();
  });

  it("gives no Yes/No from a category entry to a scope question it cannot read as one", () => {
    // "the privacy of PHI" is not the Privacy category: the entry's description must not become a Yes.
    const q = ask(prepared, "Does your SOC 2 report cover the privacy of PHI?", "2026-12-04");
    expect(q.entryId).toMatch(/^soc2-(scope|category-included)$/);
    expect(q.status).toBe("needs_review");
    expect(q.answer?.value).toBeNull();
    expect(q.notes).toContainEqual(expect.stringMatching(/leaves Yes\/No to the categories of the SOC 2 report/));
  });

  it("leaves questions that only mention availability as a topic to their own entries", () => {
    for (const text of ["Do you offer an uptime SLA for availability?", "Describe the availability of backups."]) {
      const q = ask(prepared, text, "2026-12-04");
      expect(q.entryId, text).not.toMatch(/^soc2-/);
      expect(
        q.notes.some((n) => DECIDED.test(n)),
        text,
      ).toBe(false);
    }
  });
});

describe("the report in force decides, by the standing rules", () => {
  it("sends the question to review when the only report has expired, with the reason", () => {
    const prepared = prepareLibrary(shipped);
    // Period end 2026-09-30 + 12 months; the bridge letter ends earlier.
    expect(soc2ReportInForce(shipped.artifacts, "2027-09-30")?.id).toBe("soc2-type2-2026");
    expect(soc2ReportInForce(shipped.artifacts, "2027-10-15")).toBeNull();
    const q = ask(prepared, AVAILABILITY, "2027-10-15");
    expect(q.status).toBe("needs_review");
    expect(q.answer?.value).toBeNull();
    expect(q.notes).toContainEqual(
      expect.stringMatching(
        /no SOC 2 report is in force on 2027-10-15 \(SOC 2 Type II for 2025-10-01\.\.2026-09-30: no longer current/,
      ),
    );
  });

  it("sends it to review when the library holds no SOC 2 report at all", () => {
    const none = withArtifacts(shipped.artifacts.filter((a) => a.type !== "soc2-type2" && a.type !== "bridge-letter"));
    const q = ask(none, PRIVACY, "2026-12-04");
    expect(q.status).toBe("needs_review");
    expect(q.answer?.value ?? null).toBeNull();
    expect(q.notes).toContainEqual(expect.stringMatching(/the library holds no SOC 2 report issued by then/));
  });

  it("flips Privacy from No to Yes on the day a renewed report with Privacy is issued, with no entry edited", () => {
    const renewed = withArtifacts([...shipped.artifacts, RENEWED]);
    const before = ask(renewed, PRIVACY, "2026-12-09");
    expect(before).toMatchObject({ status: "drafted", answer: { value: "No" } });
    const after = ask(renewed, PRIVACY, "2026-12-10");
    expect(after).toMatchObject({ status: "drafted", answer: { value: "Yes" } });
    expect(after.answer?.text).toMatch(/^Yes\. Privacy is in scope of our SOC 2 Type II report\. /);
    expect(after.answer?.text).toContain("1 December 2025 to 30 November 2026");
    expect(after.answer?.text).toContain("Security, Availability, Confidentiality and Privacy");
    expect(after.citations[0]?.artifactId).toBe("soc2-type2-2026b");
    const which = ask(renewed, WHICH, "2026-12-10", "free_text");
    expect(which.answer?.text).toContain("Processing Integrity is not in scope.");
    expect(which.answer?.text).not.toContain("Privacy are not in scope");
  });

  it("sends a Yes/No that contradicts the report in force to review, whoever drafted it", () => {
    const prepared = prepareLibrary(shipped);
    const drafted = ask(prepared, AVAILABILITY, "2026-12-04");
    const entry = prepared.entriesById.get("soc2-scope");
    if (!entry || !drafted.answer) throw new Error("soc2-scope missing");
    // A model (or an old stored answer) says No to Availability.
    const wrong = finalizeAnswer(
      prepared,
      { ...drafted, notes: [], answer: { value: "No", text: "No. Our report covers Security only." } },
      [entry],
      US_NDA("2026-12-04"),
    );
    expect(wrong.status).toBe("needs_review");
    expect(wrong.notes).toContainEqual(
      expect.stringMatching(/^"No" contradicts the SOC 2 report in force .*Availability is in scope/),
    );
    // The engine's own draft passes through unchanged (finalize is idempotent).
    expect(finalizeAnswer(prepared, drafted, [entry], US_NDA("2026-12-04"))).toEqual(drafted);
  });
});
