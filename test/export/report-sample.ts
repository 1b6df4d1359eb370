import { type AnswerReport, type ReportQuestion, summarize } from "../../src/domain/answering/report.js";

export function question(overrides: Partial<ReportQuestion> & Pick<ReportQuestion, "id">): ReportQuestion {
  return {
    sheet: "CAIQ",
    row: 5,
    sourceId: "IAM-14.1",
    section: "Identity & Access Management",
    question: "Is MFA required for remote access?",
    kind: "yes_no",
    allowedValues: ["Yes", "No", "NA"],
    status: "drafted",
    answer: { value: "Yes", text: "Yes. MFA is enforced via Okta." },
    confidence: 0.91,
    entryId: "iam-mfa",
    controls: [],
    citations: [
      { artifactId: "soc2", type: "report", title: "SOC 2 Type II (2025)", reason: "CC6.1" },
      { artifactId: "pol", type: "policy", title: "Access Control Policy", reason: "§3" },
    ],
    withheld: [],
    alternatives: [],
    notes: [],
    matchedTerms: [],
    existingAnswer: null,
    ...overrides,
  };
}

export function report(questions: ReportQuestion[]): AnswerReport {
  return {
    source: { file: "caiq.xlsx", format: "xlsx" },
    customer: { region: "eu", ndaOnFile: true, asOf: "2025-06-01" },
    questions,
    summary: summarize(questions),
    warnings: [],
  };
}
