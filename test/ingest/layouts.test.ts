/**
 * Layout features not covered by the fixtures/ goldens, on small workbooks built here: same-sheet
 * and named-range lists, hidden rows and sheets, bold section rows, statements without "?",
 * missing answer columns, headerless sheets, and caller hints that override detection.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { buildXlsx } from "./minimal-xlsx.js";

/** Generated workbooks are also written to test/ingest/generated/ to open them by hand. */
function keep(name: string, bytes: Uint8Array): Uint8Array {
  const dir = join(import.meta.dirname, "generated");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
  return bytes;
}

describe("xlsx layouts", () => {
  it("same-sheet list range, named range, hidden row, bold section, statement question, existing answer", async () => {
    const bytes = keep(
      "mixed-features.xlsx",
      buildXlsx({
        sheets: [
          {
            name: "Questionnaire",
            rows: [
              ["ACME supplier assessment"],
              ["Please complete all rows."],
              ["Ref", "Control Question", "Vendor Response", "Notes"],
              ["GOVERNANCE"],
              ["G-1", "Is there an information security policy?", "", "", "", "Yes", "Low"],
              ["G-2", "Describe your backup process.", "", "", "", "No", "Medium"],
              ["G-3", "Hidden follow-up question?", "", "", "", "N/A", "High"],
              ["G-4", "Risk rating of your last audit", "High", "", "", "", ""],
            ],
            hiddenRows: [7],
            boldRows: [4],
            afterData:
              '<dataValidations count="2"><dataValidation type="list" sqref="C5"><formula1>$F$5:$F$7</formula1></dataValidation>' +
              '<dataValidation type="list" sqref="C8"><formula1>Levels</formula1></dataValidation></dataValidations>',
          },
        ],
        definedNames: [{ name: "Levels", ref: "Questionnaire!$G$5:$G$7" }],
      }),
    );
    const q = await ingestQuestionnaire(bytes, "mixed.xlsx");
    expect(
      q.questions.map((x) => [x.sourceId, x.section, x.kind, x.allowedValues, x.location.answerCell, x.existingAnswer]),
    ).toEqual([
      ["G-1", "GOVERNANCE", "yes_no", ["Yes", "No", "N/A"], "C5", null],
      ["G-2", "GOVERNANCE", "free_text", null, "C6", null],
      ["G-4", "GOVERNANCE", "choice", ["Low", "Medium", "High"], "C8", "High"],
    ]);
  });

  it("hidden sheets are skipped; sections default to the domain sheet name", async () => {
    const rows = [
      ["#", "Question", "Answer"],
      ["1", "Do you run vulnerability scans?", ""],
    ];
    const bytes = buildXlsx({
      sheets: [
        { name: "Cover", rows: [["Welcome"], ["Fill in every tab."]] },
        { name: "Network Security", rows },
        { name: "Old", state: "hidden", rows },
        { name: "Scoring", state: "veryHidden", rows },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "multi.xlsx");
    expect(q.questions.map((x) => [x.location.sheet, x.section, x.id])).toEqual([
      ["Network Security", "Network Security", "Network Security!2"],
    ]);
  });

  it("no answer column: questions are still reported, with a warning", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Misc",
          rows: [
            ["ID", "Question", "Reviewer Notes"],
            ["1", "Is data encrypted?", ""],
            ["2", "Are logs kept?", ""],
          ],
        },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "q.xlsx");
    expect(q.questions).toHaveLength(2);
    expect(q.questions[0]?.location.answerCell).toBeNull();
    expect(q.questions[0]?.kind).toBe("free_text");
    expect(q.warnings.join("\n")).toMatch(/sheet 'Misc': no answer column found/);
  });

  it("empty, unnamed answer column next to the question is found, with a warning", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "S",
          rows: [
            ["ID", "Question", "", "Comments"],
            ["1", "Is data encrypted?", "", ""],
            ["2", "Are logs kept?", "", ""],
          ],
        },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "q.xlsx");
    expect(q.questions.map((x) => [x.location.answerCell, x.location.commentCell, x.kind])).toEqual([
      ["C2", "D2", "yes_no"],
      ["C3", "D3", "yes_no"],
    ]);
    expect(q.warnings.join("\n")).toMatch(/answer column guessed as C/);
  });

  it("no recognisable header: falls back to the column of question-like texts", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Sheet1",
          rows: [
            ["Vendor review 2026"],
            ["Col1", "Col2", "Col3"],
            ["A", "Do you have a SOC 2 report?", ""],
            ["B", "Is data encrypted at rest?", ""],
            ["C", "Are backups tested?", ""],
          ],
        },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "q.xlsx");
    expect(q.questions.map((x) => x.text)).toEqual([
      "Do you have a SOC 2 report?",
      "Is data encrypted at rest?",
      "Are backups tested?",
    ]);
    expect(q.warnings.length).toBeGreaterThan(0);
  });

  it("hints override detection: sheet, header row, question/answer/comment columns", async () => {
    const bytes = keep(
      "needs-hints.xlsx",
      buildXlsx({
        sheets: [
          {
            name: "Intro",
            rows: [
              ["Question", "Answer"],
              ["Is this the intro?", ""],
              ["Is this still the intro?", ""],
            ],
          },
          {
            name: "Data",
            rows: [
              ["Vendor review"],
              ["Col1", "Col2", "Col3", "Col4"],
              ["x1", "Encryption at rest", "", ""],
              ["x2", "Backup strategy", "", ""],
            ],
          },
        ],
      }),
    );
    const q = await ingestQuestionnaire(bytes, "q.xlsx", {
      sheet: "Data",
      headerRow: 2,
      questionColumn: "B",
      answerColumn: "4",
      commentColumn: "C",
    });
    expect(q.questions.map((x) => [x.location.sheet, x.text, x.location.answerCell, x.location.commentCell])).toEqual([
      ["Data", "Encryption at rest", "D3", "C3"],
      ["Data", "Backup strategy", "D4", "C4"],
    ]);
  });

  it("two-row merged header: the lower row names the answer and comment columns", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "S",
          rows: [
            ["No.", "Requirement", "Supplier Response", "", "Assessor Comments"],
            ["", "", "Compliant (Y/N)", "Explanation", ""],
            ["1.1", "The supplier must encrypt backups.", "", "", ""],
            ["1.2", "Provide your incident response plan.", "", "", ""],
          ],
          merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2"],
        },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "q.xlsx");
    expect(
      q.questions.map((x) => [x.sourceId, x.kind, x.allowedValues, x.location.answerCell, x.location.commentCell]),
    ).toEqual([
      ["1.1", "yes_no", ["Y", "N"], "C3", "D3"],
      ["1.2", "free_text", null, "C4", "D4"],
    ]);
  });
  it("the question id comes from the column that names an id, not the row counter, on every tab", async () => {
    const tab = (prefix: string) => [
      ["#", "Ref ID", "Question", "Answer"],
      ["1", `${prefix}-01`, "Is data encrypted at rest?", ""],
      ["2", `${prefix}-02`, "Is MFA enforced for administrators?", ""],
      ["3", `${prefix}-03`, "Are backups tested?", ""],
    ];
    const bytes = keep(
      "id-columns.xlsx",
      buildXlsx({
        sheets: [
          { name: "Access Control", rows: tab("AC") },
          { name: "Operations", rows: tab("OP") },
        ],
      }),
    );
    const detected = await ingestQuestionnaire(bytes, "ids.xlsx");
    expect(detected.questions.map((q) => q.sourceId)).toEqual(["AC-01", "AC-02", "AC-03", "OP-01", "OP-02", "OP-03"]);

    const hinted = await ingestQuestionnaire(bytes, "ids.xlsx", { idColumn: "A" });
    expect(hinted.questions.map((q) => q.sourceId)).toEqual(["1", "2", "3", "1", "2", "3"]);
  });

  it("columns named Yes / No take a mark only: sentences under them make them ordinary columns", async () => {
    const header = ["Ref", "Question", "Yes", "No", "Comments"];
    const marks = buildXlsx({
      sheets: [
        {
          name: "Form",
          rows: [header, ["1", "Is data encrypted at rest?", "x", "", ""], ["2", "Are backups tested?", "", "", ""]],
        },
      ],
    });
    const marked = await ingestQuestionnaire(marks, "marks.xlsx");
    expect(marked.questions.map((x) => [x.location.answerCell, x.allowedValues, x.existingAnswer])).toEqual([
      ["C2:D2", ["Yes", "No"], "Yes"],
      ["C3:D3", ["Yes", "No"], null],
    ]);
    const prose = buildXlsx({
      sheets: [
        {
          name: "Form",
          rows: [header, ["1", "Is data encrypted at rest?", "If yes, say with which algorithm", "", ""]],
        },
      ],
    });
    const plain = await ingestQuestionnaire(prose, "prose.xlsx");
    expect(plain.questions[0]?.location.answerCell).not.toContain(":");
  });

  it("a headerless instructions tab is skipped; a headerless questions sheet is still read", async () => {
    const lines = [
      ["Do not change the order of the rows."],
      ["What happens next? We review your answers within ten days."],
      ["Is your data encrypted at rest?"],
      ["Are backups tested every year?"],
      ["Do you run a bug bounty?"],
    ];
    const bytes = buildXlsx({
      sheets: [
        { name: "Read Me", rows: lines },
        { name: "Sheet1", rows: lines },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "q.xlsx");
    // On Sheet1 the questions start at the first line that asks one: the instruction and the FAQ line above are not.
    expect(q.questions.map((x) => [x.location.sheet, x.text])).toEqual([
      ["Sheet1", "Is your data encrypted at rest?"],
      ["Sheet1", "Are backups tested every year?"],
      ["Sheet1", "Do you run a bug bounty?"],
    ]);
    expect(q.warnings.join("\n")).toContain("sheet 'Read Me': no question table found; skipped");

    // Questions that ask for more after the question mark are still questions.
    const asks = buildXlsx({
      sheets: [
        {
          name: "Sheet1",
          rows: [
            ["Do you hold a SOC 2 report? Please attach it."],
            ["Is data encrypted at rest? If yes, describe how."],
            ["Are backups tested? Describe the last test."],
          ],
        },
      ],
    });
    expect((await ingestQuestionnaire(asks, "asks.xlsx")).questions).toHaveLength(3);
  });

  it("the question column is the one named a question, the answer the one named a response", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Controls",
          rows: [
            ["Question ID", "Question", "Status", "Response", "Control Specification"],
            [
              "X-1.1",
              "Are keys rotated?",
              "Open",
              "",
              "Manage cryptographic keys through their whole lifecycle with separation of duties and rotation.",
            ],
            [
              "X-1.2",
              "Is key material in an HSM?",
              "Open",
              "",
              "Manage cryptographic keys through their whole lifecycle with separation of duties and rotation.",
            ],
          ],
        },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "q.xlsx");
    expect(q.questions.map((x) => [x.sourceId, x.text, x.location.answerCell, x.existingAnswer])).toEqual([
      ["X-1.1", "Are keys rotated?", "D2", null],
      ["X-1.2", "Is key material in an HSM?", "D3", null],
    ]);
  });

  it("instruction rows and a sign-off block in a numbered table are not questions; follow-up prompts are", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Ops",
          rows: [
            ["Ref", "Question", "Response", "Comments"],
            ["", "Please answer every question below and explain any No in Comments.", "", ""],
            ["Note: the response list is fixed.", "", "", ""],
            ["OP-1", "Are changes peer reviewed?", "", ""],
            ["", "Please describe how releases are rolled back.", "", ""],
            ["OP-2", "Are other checks run before a release?", "", ""],
            ["", "Describe the other checks:", "", ""],
            ["", "The name of the application:", "", ""],
            ["Declaration", "", "", ""],
            ["", "I confirm that the answers above are accurate.", "", ""],
            ["", "Name of authorised signatory:", "", ""],
            ["", "Date:", "", ""],
          ],
          afterData:
            '<dataValidations count="1"><dataValidation type="list" sqref="C2:C5"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>',
        },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "q.xlsx");
    // Unnumbered follow-up prompts stay questions; the sign-off block under them does not.
    expect(q.questions.map((x) => x.text)).toEqual([
      "Are changes peer reviewed?",
      "Please describe how releases are rolled back.",
      "Are other checks run before a release?",
      "Describe the other checks:",
      "The name of the application:",
    ]);
  });

  it("a question split over rows is joined; an unnumbered question of its own under an unfinished one is not", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Crypto",
          rows: [
            ["No.", "Question", "Answer", "Comments"],
            ["1", "Is data encrypted at rest (AES-256 or similar)", "", ""],
            ["", "Please describe how keys are managed", "", ""],
            ["2", "Is data encrypted in transit with", "", ""],
            ["", "TLS 1.2 or later on every connection?", "", ""],
            ["3", "Are keys rotated at least once a", "", ""],
            ["", "year and on suspected compromise?", "", ""],
            ["4", "Do administrators use a hardware key", "", ""],
            ["", "Is the key escrowed?", "", ""],
          ],
        },
      ],
    });
    const q = await ingestQuestionnaire(bytes, "crypto.xlsx");
    expect(q.questions.map((x) => [x.sourceId, x.text, x.location.answerCell])).toEqual([
      ["1", "Is data encrypted at rest (AES-256 or similar)", "C2"],
      [null, "Please describe how keys are managed", "C3"],
      ["2", "Is data encrypted in transit with TLS 1.2 or later on every connection?", "C4"],
      ["3", "Are keys rotated at least once a year and on suspected compromise?", "C6"],
      ["4", "Do administrators use a hardware key", "C8"],
      [null, "Is the key escrowed?", "C9"],
    ]);
  });
});
