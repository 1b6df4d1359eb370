import { describe, expect, it } from "vitest";
import type { AnswerReport } from "../../src/domain/answering/report.js";
import { QuireError } from "../../src/domain/errors.js";
import {
  answersForWriteBack,
  DRAFT_MARK,
  reportToCsv,
  reportToJson,
  selectForWriteBack,
} from "../../src/export/index.js";
import { parseCsv } from "./helpers.js";
import { question, report } from "./report-sample.js";

describe("reportToCsv", () => {
  const r = report([
    question({ id: "q1" }),
    question({
      id: "q2",
      sheet: null,
      row: null,
      sourceId: "=cmd|' /C calc'!A0",
      section: null,
      question: "+SUM(1,2)",
      kind: "free_text",
      allowedValues: null,
      status: "needs_review",
      answer: { value: null, text: '@evil "quoted",\r\nnext line' },
      entryId: null,
      citations: [],
      withheld: [{ artifactId: "pen", reason: "NDA" }],
    }),
    question({ id: "q3", question: "\tTabbed", status: "no_match", answer: null, citations: [] }),
    question({ id: "q4", question: "-2 negative", section: "\rCR first" }),
  ]);
  const csv = reportToCsv(r);

  it("starts with a UTF-8 BOM, uses CRLF, and has one row per question plus the header", () => {
    expect(
      csv.startsWith(
        "\uFEFFid,sheet,row,source_id,section,question,kind,status,value,answer,confidence,entry_id,citations,withheld_count\r\n",
      ),
    ).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv, ",");
    expect(rows.length).toBe(5);
    expect(rows[1]).toEqual([
      "q1",
      "CAIQ",
      "5",
      "IAM-14.1",
      "Identity & Access Management",
      "Is MFA required for remote access?",
      "yes_no",
      "drafted",
      "Yes",
      "Yes. MFA is enforced via Okta.",
      "0.91",
      "iam-mfa",
      "SOC 2 Type II (2025); Access Control Policy",
      "0",
    ]);
  });

  it("neutralises formula injection and quotes CR, LF, commas and quotes", () => {
    const rows = parseCsv(csv, ",");
    expect(rows[2]?.[3]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[2]?.[5]).toBe("'+SUM(1,2)");
    expect(rows[2]?.[9]).toBe('\'@evil "quoted",\r\nnext line');
    expect(rows[2]?.[13]).toBe("1");
    expect(rows[3]?.[5]).toBe("'\tTabbed");
    expect(rows[4]?.[4]).toBe("'\rCR first");
    expect(rows[4]?.[5]).toBe("'-2 negative");
    expect(csv).toContain(`"'@evil ""quoted"",\r\nnext line"`);
    expect(csv).toContain(`"'\rCR first"`);
  });

  it("works for a PDF questionnaire (no sheet, no row)", () => {
    const pdf: AnswerReport = { ...r, source: { file: "q.pdf", format: "pdf" } };
    expect(parseCsv(reportToCsv(pdf), ",")[2]?.slice(0, 3)).toEqual(["q2", "", ""]);
  });
});

describe("reportToJson", () => {
  it("is pretty, stable in key order however the object was built, and round-trips", () => {
    const a = report([question({ id: "q1" })]);
    const reordered = {
      warnings: a.warnings,
      summary: a.summary,
      questions: a.questions,
      customer: a.customer,
      source: a.source,
    };
    expect(reportToJson(reordered)).toBe(reportToJson(a));
    expect(JSON.parse(reportToJson(a))).toEqual(a);
    expect(reportToJson(a)).toMatch(/^\{\n {2}"source": \{/);
    expect(reportToJson(a).endsWith("}\n")).toBe(true);
  });

  it("rejects a report that does not match the schema", () => {
    const bad = { ...report([]), summary: null } as unknown as AnswerReport;
    expect(() => reportToJson(bad)).toThrow(QuireError);
  });
});

describe("answersForWriteBack", () => {
  const r = report([
    question({ id: "q1" }),
    question({ id: "q2", status: "needs_review", answer: { value: "maybe", text: "Partly." } }),
    question({ id: "q3", status: "no_match", answer: null }),
    question({
      id: "q4",
      kind: "free_text",
      allowedValues: null,
      answer: { value: null, text: "Prose." },
      citations: [],
    }),
    question({ id: "q5", status: "approved" as never, answer: { value: "no", text: "No." } }),
  ]);
  const locations = new Map([
    ["q1", { sheet: "CAIQ", row: 5, answerCell: "C5", commentCell: "D5" }],
    ["q2", { sheet: "CAIQ", row: 6, answerCell: "C6", commentCell: "D6" }],
    ["q4", { sheet: "CAIQ", row: 8, answerCell: "C8", commentCell: null }],
  ]);

  it("writes drafted and approved answers by default, never no_match or needs_review, and checks values", () => {
    const out = answersForWriteBack(r, { locations });
    expect(out.map((a) => a.row)).toEqual([5, 8, 5]);
    expect(out[0]).toMatchObject({
      answerCell: "C5",
      commentCell: "D5",
      value: "Yes",
      text: "Yes. MFA is enforced via Okta.",
    });
    expect(out[2]).toMatchObject({ value: "No", answerCell: null, commentCell: null });
    const unsure = answersForWriteBack(report([question({ id: "q9", answer: { value: "maybe", text: "Partly." } })]), {
      locations: new Map([["q9", { sheet: "CAIQ", row: 9, answerCell: "C9", commentCell: "D9" }]]),
    });
    expect(unsure[0]?.value).toBeNull(); // "maybe" is not Yes/No/NA
  });

  it("appends the evidence, and what is available on request, when asked", () => {
    const [first] = answersForWriteBack(r, { locations, citeInText: true });
    expect(first?.text).toBe("Yes. MFA is enforced via Okta.\nEvidence: SOC 2 Type II (2025); Access Control Policy");
    expect(answersForWriteBack(r, { locations, citeInText: true })[1]?.text).toBe("Prose.");
    const more = report([
      question({
        id: "q1",
        onRequest: [
          { artifactId: "iso", type: "iso27001-certificate", title: "ISO 27001 certificate", reason: "A.5.17" },
        ],
      }),
    ]);
    expect(answersForWriteBack(more, { locations, citeInText: true })[0]?.text).toMatch(
      /\nEvidence: SOC 2 Type II \(2025\); Access Control Policy\nAvailable on request: ISO 27001 certificate$/,
    );
  });

  it("writes approved answers only when asked, or the statuses given, but never one that needs review", () => {
    expect(answersForWriteBack(r, { approvedOnly: true }).map((a) => a.text)).toEqual(["No."]);
    expect(answersForWriteBack(r, { statuses: ["needs_review", "no_match"] })).toEqual([]);
    expect(answersForWriteBack(r, { statuses: ["drafted"] }).map((a) => a.text)).toEqual([
      "Yes. MFA is enforced via Okta.",
      "Prose.",
    ]);
  });

  it("marks drafts in the text the buyer reads, and leaves out a draft with nowhere to carry the mark", () => {
    const drafts = report([
      question({ id: "q1" }),
      question({ id: "q4", kind: "free_text", allowedValues: null, answer: { value: null, text: "Prose." } }),
      question({ id: "q6" }),
      question({ id: "q5", status: "approved" as never, answer: { value: "No", text: "No." } }),
    ]);
    const where = new Map([
      ...locations,
      ["q6", { sheet: "CAIQ", row: 10, answerCell: "C10", commentCell: null }],
      ["q5", { sheet: "CAIQ", row: 11, answerCell: "C11", commentCell: null }],
    ]);
    const selection = selectForWriteBack(drafts, { locations: where, markDrafts: true });
    expect(selection.answers.map((a) => a.text)).toEqual([
      `${DRAFT_MARK} Yes. MFA is enforced via Okta.`,
      `${DRAFT_MARK} Prose.`,
      "No.",
    ]);
    // A Yes/No draft with no comment column would be a bare "Yes" nobody reviewed: not written.
    expect(selection.skipped).toEqual([{ id: "q6", reason: expect.stringMatching(/no comment column/) }]);
  });
});
