import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { ReportQuestion } from "../../src/domain/answering/report.js";
import { fillOriginal } from "../../src/export/fill.js";
import type { WriteBackAnswer } from "../../src/export/types.js";
import { writeBackXlsx } from "../../src/export/xlsx-writeback.js";
import { answer, answersFor, buildXlsx, fixtures, type SheetSpec, unzipParts } from "./helpers.js";
import { question, report } from "./report-sample.js";

/*
 * The filled workbook, pinned (issue 13's speed work on the write-back): for every xlsx fixture and
 * for hand-made workbooks with the awkward cases (multi-byte text before and inside the answer
 * cells, shared strings, a BOM, prefixed elements, missing and self-closing rows, merges,
 * formulas, template prompts), the SHA-256 of every part of the filled file, inflated, and of the
 * cell values SheetJS reads from it. The hashes were recorded from the write-back as it was before
 * the speed work (main at 7483a51), so a faster writer has to produce the very same content.
 *
 *   UPDATE_WRITEBACK_GOLDEN=1 npx vitest run test/export/xlsx-writeback-golden.test.ts
 * rewrites the file; only do that for an intended change of output, and say why in the commit.
 */

const GOLDEN = join(import.meta.dirname, "xlsx-writeback-golden.json");
const update = process.env.UPDATE_WRITEBACK_GOLDEN === "1";

interface Pinned {
  /** Part name → SHA-256 of its inflated content, in the package's entry order. */
  readonly parts: [string, string][];
  /** Sheet name → SHA-256 of SheetJS's cell values (`v`, by address). */
  readonly values: Record<string, string>;
  readonly cellsWritten: number;
  readonly cellsKept: number;
  readonly warnings: string;
}

const sha = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

function pin(bytes: Uint8Array, result: { cellsWritten: string[]; cellsKept: string[]; warnings?: string[] }): Pinned {
  const { names, parts } = unzipParts(bytes);
  const book = XLSX.read(bytes, { type: "array" });
  const values: Record<string, string> = {};
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name] ?? {};
    const cells = Object.keys(ws)
      .filter((k) => !k.startsWith("!"))
      .sort()
      .map((k) => [k, (ws[k] as XLSX.CellObject).v]);
    values[name] = sha(JSON.stringify(cells));
  }
  return {
    parts: names.map((n) => [n, sha(parts.get(n) ?? new Uint8Array())]),
    values,
    cellsWritten: result.cellsWritten.length,
    cellsKept: result.cellsKept.length,
    warnings: sha(JSON.stringify(result.warnings ?? [])),
  };
}

interface Case {
  readonly name: string;
  readonly run: () => { bytes: Uint8Array; cellsWritten: string[]; cellsKept: string[]; warnings?: string[] };
}

const cases: Case[] = [];

// Every fixture the ingest golden tests ship, answered everywhere, without and with overwrite.
for (const fx of fixtures("xlsx")) {
  const answers = answersFor(fx.questions);
  cases.push({ name: `${fx.file}`, run: () => writeBackXlsx(fx.bytes, answers) });
  cases.push({ name: `${fx.file} overwrite`, run: () => writeBackXlsx(fx.bytes, answers, { overwrite: true }) });
}

// The CLI's and the export service's step: a report's answers chosen, cited in the text, drafts marked.
for (const file of ["caiq-like.xlsx", "multi-tab-assessment.xlsx", "checkbox-columns.xlsx"]) {
  const fx = fixtures("xlsx").find((f) => f.file === file);
  if (!fx) continue;
  const statuses = ["drafted", "approved", "needs_review", "no_match"] as const;
  const questions: ReportQuestion[] = fx.questions.map((q, i) =>
    question({
      id: `q${i}`,
      sheet: q.sheet ?? "",
      row: q.row ?? 0,
      sourceId: q.sourceId,
      kind: q.kind,
      allowedValues: q.allowedValues,
      status: statuses[i % statuses.length] as ReportQuestion["status"],
      answer:
        i % 7 === 6
          ? null
          : { value: q.kind === "free_text" ? null : (q.allowedValues?.[i % 2] ?? "Yes"), text: `Réponse ${i} — ✓` },
      onRequest:
        i % 3 === 0 ? [{ artifactId: "pt", type: "pentest", title: "Pen test letter 2025", reason: "r" }] : undefined,
    }),
  );
  const locations = new Map(
    fx.questions.map((q, i) => [
      `q${i}`,
      { sheet: q.sheet, row: q.row, answerCell: q.answerCell, commentCell: q.commentCell },
    ]),
  );
  for (const markDrafts of [false, true]) {
    cases.push({
      name: `${file} fillOriginal${markDrafts ? " markDrafts" : ""}`,
      run: () =>
        fillOriginal("xlsx", fx.bytes, report(questions), {
          locations,
          citeInText: true,
          markDrafts,
          overwrite: false,
        }),
    });
  }
}

// Hand-made workbooks: the cases a byte-level writer could get wrong.
const DV =
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C40"><formula1>"Yes,No,N/A"</formula1></dataValidation></dataValidations>';
const UNICODE_SST = [
  "Sécurité des données",
  "Q1",
  "Chiffrez-vous les données ? 数据加密",
  "   ",
  "Non",
  "Please select",
  "🙂 emoji",
];
const UNICODE_SHEET: SheetSpec = {
  name: "Fragebögen ✓",
  body:
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:D6"/><cols><col min="3" max="4" width="30" style="2" customWidth="1"/></cols>' +
    "<sheetData>" +
    '<row r="1" spans="1:4"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Überschrift — “quoted” &amp; &lt;b&gt;</t></is></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="3"/><c r="D2" s="3" t="s"><v>3</v></c></row>' +
    '<row r="3"><c r="A3" t="inlineStr"><is><t>Q2 — ½ €</t></is></c><c r="B3" t="inlineStr"><is><r><rPr><b/></rPr><t>日本語の質問</t></r><r><t xml:space="preserve"> ですか？</t></r></is></c><c r="C3" s="3" t="s"><v>4</v></c></row>' +
    '<row r="4" s="2" customFormat="1"><c r="A4" t="inlineStr"><is><t>Q3 🙂</t></is></c><c r="C4" t="s"><v>5</v></c><c r="D4"><f>LEN(B4)</f><v>0</v></c></row>' +
    '<row r="5"/>' +
    '<row r="7"><c r="A7" t="inlineStr"><is><t>Q6 ünïcödé</t></is></c><c r="E7" t="s"><v>6</v></c></row>' +
    "</sheetData>" +
    '<mergeCells count="1"><mergeCell ref="C5:D6"/></mergeCells>' +
    DV,
};
/** The unicode workbook, its sheet part optionally starting with a UTF-8 BOM (the writer must keep it). */
function unicodeWorkbook(bom: boolean): Uint8Array {
  const wb = buildXlsx({ sheets: [UNICODE_SHEET], sharedStrings: UNICODE_SST });
  if (!bom) return wb;
  const { parts } = unzipParts(wb);
  const files = Object.fromEntries(
    [...parts].map(([n, d]) => [n, n === "xl/worksheets/sheet1.xml" ? new Uint8Array([0xef, 0xbb, 0xbf, ...d]) : d]),
  );
  return zipSync(files);
}
const unicodeAnswers: WriteBackAnswer[] = [
  answer({
    sheet: "Fragebögen ✓",
    answerCell: "C2",
    commentCell: "D2",
    value: "yes",
    text: "Oui — AES-256 ✓ 🙂",
    allowedValues: ["Yes", "No", "N/A"],
  }),
  answer({ sheet: "Fragebögen ✓", answerCell: "C3", commentCell: "D3", value: "Yes", text: "kept? 中文" }),
  answer({ sheet: "Fragebögen ✓", answerCell: "C4", commentCell: "D4", value: "No", text: "formula stays" }),
  answer({ sheet: "Fragebögen ✓", answerCell: "D5", kind: "free_text", text: "into the merge 𝔘𝔫𝔦𝔠𝔬𝔡𝔢" }),
  answer({
    sheet: "Fragebögen ✓",
    answerCell: "C7",
    commentCell: "D7",
    value: "N/A",
    text: "a & b < c _x000D_ \u0001 \r\n line",
  }),
  answer({ sheet: "Fragebögen ✓", answerCell: "B9", kind: "free_text", text: "a new row, é" }),
  answer({
    sheet: "fragebögen ✓",
    answerCell: "C8",
    kind: "free_text",
    text: "case-insensitive sheet, new row between",
  }),
  answer({ sheet: "Missing", answerCell: "C2", kind: "free_text", text: "no such sheet" }),
  answer({ sheet: "Fragebögen ✓", answerCell: "not a ref", kind: "free_text", text: "bad ref" }),
];
for (const bom of [false, true]) {
  const wb = unicodeWorkbook(bom);
  const suffix = bom ? " with BOM" : "";
  cases.push({ name: `hand-made unicode${suffix}`, run: () => writeBackXlsx(wb, unicodeAnswers) });
  cases.push({
    name: `hand-made unicode overwrite${suffix}`,
    run: () => writeBackXlsx(wb, unicodeAnswers, { overwrite: true }),
  });
}
cases.push({
  name: "hand-made prefixed, sparse and empty sheets",
  run: () =>
    writeBackXlsx(
      buildXlsx({
        prefix: "x",
        sheets: [
          {
            name: "Questions",
            body: '<x:dimension ref="A1:A2"/><x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>q — ü</x:t></x:is></x:c></x:row><x:row r="4"/></x:sheetData>',
          },
          { name: "Empty", body: '<x:dimension ref="A1"/><x:sheetData/>' },
        ],
      }),
      [
        answer({ answerCell: "B2", kind: "free_text", text: "prefixed ✓" }),
        answer({ answerCell: "B3", kind: "free_text", text: "new row" }),
        answer({ answerCell: "C4", kind: "free_text", text: "self-closing row" }),
        answer({ sheet: "Empty", answerCell: "B3", kind: "free_text", text: "b3" }),
        answer({ sheet: "Empty", answerCell: "B2", kind: "free_text", text: "b2" }),
      ],
    ),
});

// A larger generated workbook (the bench's shape, SheetJS-written): every row answered.
cases.push({
  name: "generated 600 rows",
  run: () => {
    const rows: string[][] = [["ID", "Question", "Answer (Yes/No/N/A)", "Comments"]];
    for (let i = 1; i <= 600; i++)
      rows.push([
        `Q-${i}`,
        `Question ${i}: do you ${i % 3 ? "encrypt" : "log"} données ${"✓".repeat(i % 4)}?`,
        i % 11 === 0 ? "No" : "",
        "",
      ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Questionnaire");
    const bytes = new Uint8Array(XLSX.write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer);
    const answers = rows.slice(1).map((_, i) =>
      answer({
        sheet: "Questionnaire",
        row: i + 2,
        answerCell: `C${i + 2}`,
        commentCell: `D${i + 2}`,
        value: i % 5 === 0 ? "No" : "Yes",
        text: `Answer ${i} – ${"long text ".repeat(i % 9)}é\nEvidence: SOC 2 Type II`,
      }),
    );
    return writeBackXlsx(bytes, answers);
  },
});

const golden: Record<string, Pinned> = existsSync(GOLDEN) ? JSON.parse(readFileSync(GOLDEN, "utf8")) : {};

describe("the filled workbook is the same as before the speed work, part by part", () => {
  const recorded: Record<string, Pinned> = {};
  for (const c of cases) {
    it(c.name, () => {
      const result = c.run();
      const pinned = pin(result.bytes, result);
      recorded[c.name] = pinned;
      if (update) return;
      expect(golden[c.name], `no golden for ${c.name}: run with UPDATE_WRITEBACK_GOLDEN=1`).toBeDefined();
      expect(pinned).toEqual(golden[c.name]);
    });
  }
  it.runIf(update)("writes the golden file", () => {
    writeFileSync(GOLDEN, `${JSON.stringify(recorded, null, 1)}\n`);
  });
});
