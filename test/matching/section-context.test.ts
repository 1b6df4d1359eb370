import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import type { ReportQuestion } from "../../src/domain/answering/report.js";
import { buildQuery } from "../../src/domain/matching/match.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

/**
 * Buyers' questionnaires group rows under section headings, and many rows are written for their
 * section: "Is it tested at least annually?" under "Business Continuity" asks about DR tests, the
 * same words under "Penetration Testing" about pentests. A short ask is read with its heading; a
 * self-contained question is matched on its own words wherever it sits.
 */

const customer: CustomerContext = { region: "us", ndaOnFile: false, asOf: "2026-11-24" };
const prepared = prepareLibrary(await loadLibraryDir("answer-library"));

/** A real workbook as buyers send them: a Section column carried on every row. */
async function sectionedWorkbook(rows: readonly [section: string, question: string][]) {
  const aoa = [["Section", "Ref", "Question", "Response", "Comments"]];
  rows.forEach(([section, question], i) => {
    aoa.push([section, `Q${i + 1}`, question, "", ""]);
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), "Assessment");
  const bytes = new Uint8Array(XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
  const questionnaire = await ingestQuestionnaire(bytes, "sectioned.xlsx");
  return answerQuestionnaire(prepared, questionnaire, customer);
}

/** What a row's answer is, without where it sits. */
function answerOf(q: ReportQuestion) {
  const { id, row, sourceId, section, ...rest } = q;
  return rest;
}

describe("a question read with its section heading", () => {
  it("answers a short ask from the entry of its section", async () => {
    const report = await sectionedWorkbook([
      ["Business Continuity & Disaster Recovery", "Is it tested at least annually?"],
      ["Penetration Testing", "Is it tested at least annually?"],
      ["Change Management", "Who approves exceptions?"],
    ]);
    const [dr, pentest] = report.questions;
    expect(dr?.section).toBe("Business Continuity & Disaster Recovery");
    expect(dr?.entryId).toBe("dr-testing");
    expect(pentest?.entryId).toBe("penetration-testing");
  });

  it("matches a self-contained question on its own words, under any heading", async () => {
    const text = "Is multi-factor authentication enforced for all employees accessing corporate systems?";
    const report = await sectionedWorkbook([
      ["Privacy", text],
      ["Physical Security", text],
      ["Table 1", text],
    ]);
    const [first, ...others] = report.questions.map(answerOf);
    expect(first).toMatchObject({ status: "drafted", entryId: "staff-mfa" });
    for (const other of others) expect(other).toEqual(first);
  });

  it("reads only heading words the library uses, and never a governance template's heading", () => {
    const index = prepared.index;
    const plain = buildQuery(index, "Is it tested at least annually?");
    expect(buildQuery(index, "Is it tested at least annually?", null, "Table 1 (Appendix C)").weights).toEqual(
      plain.weights,
    );
    const withHeading = buildQuery(index, "Is it tested at least annually?", null, "Disaster Recovery");
    expect(withHeading.weights.get("disast")).toBeGreaterThan(0);
    expect(withHeading.weights.get("disast")).toBeLessThan(1);

    const template = "Are policies and procedures established, documented, approved and maintained for all endpoints?";
    expect(buildQuery(index, template, null, "Human Resources").weights).toEqual(buildQuery(index, template).weights);
  });
});
