/**
 * End to end through the CLI: a buyer's audit-reports tab (fixtures/soc2-scope.csv, made by
 * scripts/fixtures/layouts/soc2-scope-csv.ts) answered from the shipped library. Whether a Trust
 * Services category is covered is read from the SOC 2 report in answer-library/artifacts.yaml
 * (Security, Availability, Confidentiality), not from an entry's fixed Yes/No, and the filled file
 * carries it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";
import { readCsvFile } from "../../src/ingest/csv.js";

async function answerFixture() {
  const dir = mkdtempSync(join(tmpdir(), "quire-soc2-scope-"));
  const report = join(dir, "report.json");
  const filled = join(dir, "filled.csv");
  const err: string[] = [];
  const code = await runCli(
    [
      "answer",
      "fixtures/soc2-scope.csv",
      "--out",
      filled,
      "--report",
      report,
      "--db",
      join(dir, "quire.db"),
      "--region",
      "us",
      "--nda",
      "--as-of",
      "2026-11-24",
    ],
    { stdout: () => {}, stderr: (s) => err.push(s) },
  );
  expect(err.join("\n")).toBe("");
  expect(code).toBe(0);
  const parsed = AnswerReportSchema.parse(JSON.parse(readFileSync(report, "utf8")));
  const rows = readCsvFile(new Uint8Array(readFileSync(filled))).records.map((r) => r.fields.map((f) => f.value));
  return {
    questions: new Map(parsed.questions.map((q) => [q.sourceId, q])),
    cells: new Map(rows.map((r) => [r[0], r])),
  };
}

describe("quire answer fixtures/soc2-scope.csv", () => {
  it("answers SOC 2 category questions from the report's categories, and leaves availability topics alone", async () => {
    const { questions, cells } = await answerFixture();
    const row = (id: string) => {
      const q = questions.get(id);
      if (!q) throw new Error(`${id} missing`);
      return q;
    };
    expect(questions.size).toBe(6);

    // Availability is in scope of the shipped report: Yes, drafted, with the report cited.
    expect(row("AR-01")).toMatchObject({ status: "drafted", answer: { value: "Yes" } });
    expect(row("AR-01").entryId).toMatch(/^soc2-(scope|category-included)$/);
    expect(row("AR-01").answer?.text).toMatch(/^Yes\. Availability is in scope of our SOC 2 Type II report\. /);
    expect(row("AR-01").answer?.text).toContain(
      "covers the Security, Availability and Confidentiality categories of the Trust Services Criteria",
    );
    expect(row("AR-01").citations.map((c) => c.artifactId)).toContain("soc2-type2-2026");

    // Privacy is not: No, and the text says so.
    expect(row("AR-02")).toMatchObject({ status: "drafted", answer: { value: "No" } });
    expect(row("AR-02").answer?.text).toMatch(/^No\. Privacy is not in scope of our SOC 2 Type II report\. /);

    // "Which categories?": words, no value, in scope and not.
    expect(row("AR-03")).toMatchObject({ status: "drafted", kind: "free_text", answer: { value: null } });
    expect(row("AR-03").answer?.text).toMatch(
      /^Our SOC 2 Type II report for 1 October 2025 to 30 September 2026 covers the Security, Availability and Confidentiality categories .*\. Processing Integrity and Privacy are not in scope\. /,
    );

    // A pair of which one is out of scope: No, naming both.
    expect(row("AR-04").answer?.value).toBe("No");
    expect(row("AR-04").answer?.text).toMatch(
      /^No\. Confidentiality is in scope of our SOC 2 Type II report, but Processing Integrity is not\./,
    );

    // Availability as a topic is not a SOC 2 scope question.
    for (const id of ["AR-05", "AR-06"]) {
      expect(row(id).entryId ?? "", id).not.toMatch(/^soc2-/);
      expect(row(id).notes.join(" "), id).not.toMatch(/SOC 2 report in force/);
    }

    // The filled file carries the drafted values and texts in the customer's own columns.
    expect(cells.get("AR-01")?.[2]).toBe("Yes");
    // (the comment cell adds the evidence lines below the text)
    expect(cells.get("AR-01")?.[3]?.startsWith(row("AR-01").answer?.text ?? "-")).toBe(true);
    expect(cells.get("AR-02")?.[2]).toBe("No");
    expect(`${cells.get("AR-03")?.[2]}\n${cells.get("AR-03")?.[3]}`).toContain(
      "Processing Integrity and Privacy are not in scope.",
    );
  });
});
