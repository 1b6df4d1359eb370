/**
 * Classes of ingest failure found on layouts written after the ingest code (fixtures from
 * scripts/fixtures/layouts/crm-exports.ts, domain-workbooks.ts, pdf-forms.ts): each rule on a small
 * input built here, beside the golden files that cover the whole layouts.
 */
import { describe, expect, it } from "vitest";
import { withoutAnswerBoxes } from "../../src/ingest/answer-boxes.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { scanLines } from "../../src/ingest/pdf.js";
import { columnOrderedText } from "../../src/ingest/pdf-columns.js";
import type { PdfRun } from "../../src/ingest/pdf-text.js";
import { headerRole, headerWords } from "../../src/ingest/vocabulary.js";

const csv = (text: string) => new TextEncoder().encode(text);

describe("CRM API field names as headers", () => {
  it("reads 'Question__c', 'Answer_Comments__c', 'Section__c' by their words", () => {
    expect(headerWords("Answer_Comments__c")).toBe("answer comments");
    expect(headerRole("Question__c")).toBe("question");
    expect(headerRole("Answer__c")).toBe("answer");
    expect(headerRole("Answer_Comments__c")).toBe("comment");
    expect(headerRole("Section__c")).toBe("section");
    expect(headerRole("Question_Number__c")).toBe("id");
  });

  it("takes the question number over the record Id, and the comment column by its API name", async () => {
    const q = await ingestQuestionnaire(
      csv(
        "Id,Question_Number__c,Section__c,Question__c,Answer__c,Answer_Comments__c,Internal_Notes__c\r\n" +
          "a3F5g000001AbCdEAK,1.1,Governance,Is there a security policy?,,,\r\n" +
          'a3F5g000001AbCeEAK,1.2,Governance,"Describe the review cycle.",,,ask legal\r\n',
      ),
      "export.csv",
    );
    expect(q.questions.map((x) => [x.sourceId, x.section, x.location.answerCell, x.location.commentCell])).toEqual([
      ["1.1", "Governance", "E2", "F2"],
      ["1.2", "Governance", "E3", "F3"],
    ]);
  });
});

describe("a section column written once per group", () => {
  it("carries the category down to the empty cells below it", async () => {
    const q = await ingestQuestionnaire(
      csv(
        "Record ID;Question number;Category;Question;Answer;Notes\r\n" +
          "101;A1;Organisation;Is security owned by a named manager?;;\r\n" +
          "102;A2;;Are duties written into job descriptions?;;\r\n" +
          "103;B1;Access;Is MFA required for remote access?;;\r\n" +
          "104;B2;;Are access rights reviewed each quarter?;;\r\n",
      ),
      "grouped.csv",
    );
    expect(q.questions.map((x) => [x.sourceId, x.section])).toEqual([
      ["A1", "Organisation"],
      ["A2", "Organisation"],
      ["B1", "Access"],
      ["B2", "Access"],
    ]);
  });
});

describe("PDF tick boxes", () => {
  it("cuts the options printed beside a question or on a line of their own", () => {
    expect(withoutAnswerBoxes("1. Is MFA enforced for remote access? Yes No N/A")).toBe(
      "1. Is MFA enforced for remote access?",
    );
    expect(withoutAnswerBoxes("3. Does an auditor review controls every year, Yes No N/A")).toBe(
      "3. Does an auditor review controls every year,",
    );
    expect(withoutAnswerBoxes("Yes No Not applicable")).toBe("");
    expect(withoutAnswerBoxes("☐ Yes ☐ No")).toBe("");
    expect(withoutAnswerBoxes("Q4 Are backups tested? Yes ☐ No ☐")).toBe("Q4 Are backups tested?");
  });

  it("leaves sentences that end in an option word alone", () => {
    expect(withoutAnswerBoxes("2. If the answer is no")).toBe("2. If the answer is no");
    expect(withoutAnswerBoxes("Is the answer yes or no?")).toBe("Is the answer yes or no?");
    expect(withoutAnswerBoxes("Answer: Yes")).toBe("Answer: Yes");
  });

  it("a question wrapped past its boxes is read whole, and the option line is no section", () => {
    const lines = [
      "Hosting",
      "1. Is there a written policy that management has",
      "approved?",
      "Q2 Can we choose the region?",
      "Yes No Not applicable",
      "Q3 Which countries hold our data?",
    ].map(withoutAnswerBoxes);
    expect(scanLines(lines.filter((l) => l !== ""))).toEqual([
      { sourceId: "1", section: "Hosting", text: "Is there a written policy that management has approved?" },
      { sourceId: "Q2", section: "Hosting", text: "Can we choose the region?" },
      { sourceId: "Q3", section: "Hosting", text: "Which countries hold our data?" },
    ]);
  });
});

describe("two tables on one sheet", () => {
  it("reads each with its own header, the second under its title", async () => {
    const q = await ingestQuestionnaire(
      csv(
        "Item,Question,Answer,Notes\n" +
          "1,Do you keep an asset inventory?,,\n" +
          "2,What is your patching target?,,\n" +
          "\n" +
          "Supplementary questions\n" +
          'Q#,Supplementary question,Score,Yes/No,"If no, please explain"\n' +
          "S1,Do you use subcontractors?,,,\n" +
          "S2,Have you had a breach in the last three years?,,,\n",
      ),
      "two.csv",
    );
    expect(q.questions.map((x) => [x.sourceId, x.section, x.location.answerCell, x.location.commentCell])).toEqual([
      ["1", null, "C2", "D2"],
      ["2", null, "C3", "D3"],
      ["S1", "Supplementary questions", "D7", "E7"],
      ["S2", "Supplementary questions", "D8", "E8"],
    ]);
  });

  it("a header repeated with the same columns is still one table", async () => {
    const q = await ingestQuestionnaire(
      csv("Ref,Question,Answer,Notes\nA1,Is MFA on?,,\nRef,Question,Answer,Notes\nA2,Are logs kept?,,\n"),
      "repeat.csv",
    );
    expect(q.questions.map((x) => x.sourceId)).toEqual(["A1", "A2"]);
  });
});

describe("PDF pages in two columns", () => {
  const run = (text: string, x: number, y: number): PdfRun => ({ text, x, y, width: text.length * 4.5, height: 9 });

  it("reads the left column, then the right, with a title spanning both above them", () => {
    const runs: PdfRun[] = [run("Supplier Security Review – Short Form, answer every question", 60, 40)];
    for (let i = 0; i < 7; i++) {
      runs.push(run(`L${i} left words here`, 60, 80 + i * 12));
      runs.push(run(`R${i} right words here`, 320, 80 + i * 12));
    }
    const text = columnOrderedText(runs)?.split("\n");
    expect(text?.[0]).toMatch(/^Supplier Security Review/);
    expect(text?.slice(1).map((l) => l.slice(0, 2))).toEqual([
      ...["L0", "L1", "L2", "L3", "L4", "L5", "L6"],
      ...["R0", "R1", "R2", "R3", "R4", "R5", "R6"],
    ]);
  });

  it("costs the same on a page of any width: 20,000 runs on a 14,400-unit page", () => {
    const runs: PdfRun[] = [];
    for (let i = 0; i < 10_000; i++) runs.push(run(`L${i} words`, 60, i * 12), run(`R${i} words`, 14_000, i * 12));
    const started = performance.now();
    expect(columnOrderedText(runs)?.split("\n")[10_000]).toBe("R0 words");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a page in one column (lines crossing the middle) is left alone", () => {
    const runs: PdfRun[] = [];
    for (let i = 0; i < 10; i++)
      runs.push(run("1.1 A question that runs across the whole width of the page?", 60, 80 + i * 12));
    for (let i = 0; i < 3; i++) runs.push(run("short", 60, 300 + i * 12), run("Yes No", 400, 300 + i * 12));
    expect(columnOrderedText(runs)).toBeNull();
  });
});

describe("unnumbered PDF questions with their context", () => {
  it("keeps the sentences before the ask, and leaves instructions and conditions out", () => {
    expect(
      scanLines([
        "Web Application",
        "Tick one box for each question. Where you tick No, attach an explanation.",
        "Browsers can be tricked into sending requests a user never meant. If your",
        "application changes data, do you protect those requests with tokens?",
        "Pages served over HTTPS sometimes load scripts over HTTP. Describe how you",
        "prevent such mixed content.",
        "Are session identifiers replaced after sign-in?",
      ]),
    ).toEqual([
      {
        sourceId: null,
        section: "Web Application",
        text: "Browsers can be tricked into sending requests a user never meant. If your application changes data, do you protect those requests with tokens?",
      },
      {
        sourceId: null,
        section: "Web Application",
        text: "Pages served over HTTPS sometimes load scripts over HTTP. Describe how you prevent such mixed content.",
      },
      { sourceId: null, section: "Web Application", text: "Are session identifiers replaced after sign-in?" },
    ]);
  });

  it("takes at most four sentences: a long intro before a question is not part of it", () => {
    const got = scanLines(["One. Two. Three. Four. Five.", "Six. Do you log administrator actions?"]);
    expect(got.map((q) => q.text)).toEqual(["Four. Five. Six. Do you log administrator actions?"]);
  });
});
