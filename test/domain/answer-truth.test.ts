import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestionnaire, type PreparedLibrary } from "../../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import type { AnswerReport } from "../../src/domain/answering/report.js";
import { artifactStanding } from "../../src/domain/freshness/standing.js";
import type { Questionnaire } from "../../src/domain/questionnaire/types.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { question } from "../matching/helpers.js";

/**
 * The answer engine on the shipped library and the sample questionnaire: nothing stale drafted,
 * nothing stale cited, at most two citations, never an attestation for a product feature, and a
 * renewed report named in every answer without an entry edited.
 */
let prepared: PreparedLibrary;
let caiq: Questionnaire;
beforeAll(async () => {
  prepared = prepareLibrary(await loadLibraryDir("answer-library"));
  caiq = await ingestQuestionnaire(new Uint8Array(readFileSync("fixtures/caiq-like.xlsx")), "caiq-like.xlsx");
});

const US_NDA = (asOf: string): CustomerContext => ({ region: "us", ndaOnFile: true, asOf });
const EU_NDA = (asOf: string): CustomerContext => ({ region: "eu", ndaOnFile: true, asOf });
const questionnaireOf = (...texts: string[]): Questionnaire => ({
  source: { file: "q.csv", format: "csv" },
  questions: texts.map((t, i) => ({ ...question(t), id: `q${i + 1}` })),
  warnings: [],
});
const FRESHNESS_NOTE = /^not drafted as current on /;

describe("as of 2031-06-01, four years after every review date", () => {
  let report: AnswerReport;
  beforeAll(() => {
    report = answerQuestionnaire(prepared, caiq, US_NDA("2031-06-01"));
  });

  it("drafts nothing, and says for each question why", () => {
    expect(report.summary.drafted).toBe(0);
    for (const q of report.questions.filter((x) => x.status === "needs_review")) {
      expect(
        q.notes.some((n) => FRESHNESS_NOTE.test(n)),
        q.question,
      ).toBe(true);
      expect(q.stale?.length ?? 0).toBeGreaterThan(0);
    }
    expect(report.summary.stale).toBe(report.questions.filter((q) => q.stale).length);
    expect(report.summary.stale).toBeGreaterThan(30);
  });

  it("cites nothing that is not current, and withholds the stale evidence with the reason", () => {
    const artifacts = prepared.library.artifacts;
    for (const c of report.questions.flatMap((q) => q.citations)) {
      const artifact = artifacts.find((a) => a.id === c.artifactId);
      expect(artifact && artifactStanding(artifact, artifacts, "2031-06-01").state, c.artifactId).toBe("current");
    }
    const soc2 = report.questions.flatMap((q) => q.withheld).find((w) => w.artifactId === "soc2-type2-2026");
    expect(soc2?.reason).toMatch(/no longer current: .* no bridge letter covers the date/);
  });

  it("warns once per lapsed entry or artifact, with its owner and how many answers it held back", () => {
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^stale entry staff-mfa \(owner IT\): 2 answers not drafted; entry staff-mfa due for review since 2027-06-08, owner IT$/,
      ),
    );
  });

  it("never drafts a stale SOC 2 claim as current", () => {
    const [soc2] = answerQuestionnaire(
      prepared,
      questionnaireOf("Do you have a current SOC 2 Type II report?"),
      US_NDA("2031-06-01"),
    ).questions;
    expect(soc2?.status).toBe("needs_review");
    expect(soc2?.notes).toContainEqual(
      expect.stringMatching(
        /claims SOC 2 Type II for 2025-10-01\.\.2026-09-30, which is no longer current: .*no bridge letter covers the date/,
      ),
    );
    expect(soc2?.citations).toEqual([]);
  });
});

describe("as of 2026-11-24 (everything current)", () => {
  let us: AnswerReport;
  let eu: AnswerReport;
  beforeAll(() => {
    us = answerQuestionnaire(prepared, caiq, US_NDA("2026-11-24"));
    eu = answerQuestionnaire(prepared, caiq, EU_NDA("2026-11-24"));
  });

  it("holds nothing back for freshness", () => {
    expect(us.summary.stale).toBe(0);
    expect(us.questions.flatMap((q) => q.notes).filter((n) => FRESHNESS_NOTE.test(n))).toEqual([]);
    expect(us.warnings.filter((w) => w.startsWith("stale "))).toEqual([]);
  });

  it("cites at most two artifacts per answer and offers the rest on request", () => {
    for (const report of [us, eu]) {
      for (const q of report.questions) expect(q.citations.length, q.question).toBeLessThanOrEqual(2);
    }
    expect(us.summary.citationsOnRequest).toBeGreaterThan(0);
    // US buyers get the SOC 2 Type II first, EU buyers the ISO certificate.
    const mfa = (r: AnswerReport) => r.questions.find((q) => q.entryId === "staff-mfa")?.citations.map((c) => c.type);
    expect(mfa(us)?.[0]).toBe("soc2-type2");
    expect(mfa(eu)?.[0]).toBe("iso27001-certificate");
  });

  it("never attests a product feature with the ISO certificate or the SOC 2 report", () => {
    const { entriesById, controlsById } = prepared;
    const productFeature = (id: string | null) => {
      const entry = id ? entriesById.get(id) : undefined;
      return (
        !!entry &&
        (entry.productFeature === true || entry.controls.every((c) => controlsById.get(c)?.productFeature === true))
      );
    };
    for (const report of [us, eu]) {
      const features = report.questions.filter((q) => productFeature(q.entryId));
      // The BYOK "No", customer SSO and MFA, and whatever else the matcher routes to a product feature.
      expect(features.map((q) => q.entryId)).toEqual(expect.arrayContaining(["byok", "customer-sso"]));
      for (const q of features) {
        const types = [...q.citations, ...(q.onRequest ?? [])].map((c) => c.type);
        expect(types, q.entryId ?? "").not.toContain("iso27001-certificate");
        expect(types, q.entryId ?? "").not.toContain("soc2-type2");
        expect(q.withheld.some((w) => /product feature/.test(w.reason))).toBe(true);
      }
    }
  });

  it("sends a Yes that its own text contradicts to review", () => {
    const backups = us.questions.find((q) => /separate geographic region/.test(q.question));
    expect(backups?.status).toBe("needs_review");
    expect(backups?.notes.at(-1)).toMatch(/"Yes" contradicts the answer: .*"same region"/);
  });

  it("sends a No to review when its own text names a place outside the bound the question sets", () => {
    const report = answerQuestionnaire(
      prepared,
      questionnaireOf(
        "Will any of our data be stored, processed or accessed from outside the United States (offshore)?",
        "Will any personnel located outside the United States have access to our data?",
        "Is any part of the service sub-outsourced to providers located outside the EU/EEA?",
        "Are any of your sub-processors located outside the US and the EU?",
        "Are any of your staff located outside the US and the UK?",
      ),
      US_NDA("2026-11-24"),
    );
    const [offshore, personnel, outsourced, subprocessors, staff] = report.questions;
    for (const q of [offshore, personnel, outsourced]) {
      expect(q?.status, q?.question).toBe("needs_review");
      expect(q?.notes.at(-1), q?.question).toMatch(
        /"No" contradicts the answer: the question asks about "(outside|other than) .*" but the answer names /,
      );
    }
    // The same entries answer "No" where the places they name are the places asked about.
    for (const q of [subprocessors, staff])
      expect(q, q?.question).toMatchObject({ status: "drafted", answer: { value: "No" } });
  });
});

describe("renewing the SOC 2 report in artifacts.yaml", () => {
  const soc2Questions = questionnaireOf(
    "Do you have a current SOC 2 Type II report?",
    "Please provide a copy of your most recent SOC 2 Type II report.",
    "Did your most recent SOC 2 report contain any exceptions or a qualified opinion?",
  );
  const OLD = "1 October 2025 to 30 September 2026";
  const NEW = "1 November 2025 to 31 October 2026";

  /** A copy of the shipped library with only artifacts.yaml changed. */
  async function renewed(edit: (yaml: string) => string): Promise<PreparedLibrary> {
    const dir = mkdtempSync(join(tmpdir(), "quire-renewal-"));
    cpSync("answer-library", dir, { recursive: true });
    const file = join(dir, "artifacts.yaml");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    // No entry is edited: the entries folder is byte for byte the shipped one.
    for (const name of ["entries/compliance.yaml", "entries/vulnerability.yaml"]) {
      expect(readFileSync(join(dir, name), "utf8")).toBe(readFileSync(join("answer-library", name), "utf8"));
    }
    return prepareLibrary(await loadLibraryDir(dir));
  }
  const texts = (p: PreparedLibrary, asOf: string) =>
    answerQuestionnaire(p, soc2Questions, US_NDA(asOf)).questions.map((q) => q.answer?.text ?? "");

  it("names the shipped period before the renewal", () => {
    for (const text of texts(prepared, "2026-11-24")) expect(text).toContain(OLD);
  });

  it("changes the period in every affected answer when the report is edited in place", async () => {
    const lib = await renewed((yaml) =>
      yaml
        .replace("periodStart: 2025-10-01", "periodStart: 2025-11-01")
        .replace("periodEnd: 2026-09-30", "periodEnd: 2026-10-31\n    issued: 2026-11-20")
        .replace("auditor: Calder & Wright LLP", "auditor: Brightline Assurance LLP"),
    );
    const answers = answerQuestionnaire(lib, soc2Questions, US_NDA("2026-11-24")).questions;
    for (const q of answers) {
      expect(q.answer?.text, q.question).toContain(NEW);
      expect(q.answer?.text).not.toContain(OLD);
      expect(q.status, q.question).toBe("drafted");
    }
    expect(answers[0]?.answer?.text).toMatch(/^Yes\. Brightline Assurance LLP, an independent CPA firm/);
  });

  it("switches to a newly added report from its issue date, and says why the old one is not cited", async () => {
    const lib = await renewed((yaml) =>
      yaml.replace(
        "artifacts:\n",
        `artifacts:
  - id: soc2-type2-2026b
    type: soc2-type2
    title: SOC 2 Type II report, 1 Nov 2025 – 31 Oct 2026
    access: nda
    auditor: Calder & Wright LLP
    periodStart: 2025-11-01
    periodEnd: 2026-10-31
    issued: 2026-11-20
    categories: [security, availability, confidentiality]
    opinion: unqualified

`,
      ),
    );
    // The day before the new report's date: the shipped one is still the report in force.
    for (const text of texts(lib, "2026-11-19")) expect(text).toContain(OLD);
    const [current, copy] = answerQuestionnaire(lib, soc2Questions, US_NDA("2026-11-20")).questions;
    expect(current?.answer?.text).toContain(NEW);
    expect(current?.status).toBe("drafted");
    expect(current?.citations[0]?.artifactId).toBe("soc2-type2-2026b");
    expect(current?.withheld.find((w) => w.artifactId === "soc2-type2-2026")?.reason).toMatch(
      /superseded by "SOC 2 Type II report, 1 Nov 2025 – 31 Oct 2026" from 2026-11-20/,
    );
    // The request for the report and its bridge letter: the old report's letter is moot now.
    expect(copy?.answer?.text).toContain(NEW);
    expect(copy?.citations.map((c) => c.artifactId)).not.toContain("soc2-bridge-2026q4");
  });
});
