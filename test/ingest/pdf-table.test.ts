/**
 * Question tables printed to PDF: rows and columns rebuilt from pdf.js positions (pdf-table.ts),
 * then read by the spreadsheet rules. The fixtures' golden files are checked in golden.test.ts;
 * here: the id-column hint on a PDF table, row cutting where gaps do not separate rows (bottom-
 * and top-aligned), and a spreadsheet really printed by LibreOffice (where it is installed).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_A4 } from "../../scripts/fixtures/pdf-builder.js";
import { buildTablePdf } from "../../scripts/fixtures/pdf-table-builder.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { linesOf, rebuildTable } from "../../src/ingest/pdf-table.js";
import { openPdf, type PdfRun } from "../../src/ingest/pdf-text.js";
import type { ExpectedFile } from "./golden.js";

const fixture = (name: string) => new Uint8Array(readFileSync(join("fixtures", name)));

describe("PDF tables through the spreadsheet rules", () => {
  it("takes the id from the Ref ID column by header meaning, or from the column the idColumn hint names", async () => {
    const byMeaning = await ingestQuestionnaire(fixture("table-tight.pdf"), "table-tight.pdf");
    expect(byMeaning.questions.map((q) => q.sourceId).slice(0, 3)).toEqual(["AC-01", "AC-02", "AC-03"]);
    const hinted = await ingestQuestionnaire(fixture("table-tight.pdf"), "table-tight.pdf", { idColumn: "A" });
    expect(hinted.questions.map((q) => q.sourceId)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
  });

  it("keeps short rows without a question mark when they have a Ref, and has no cells to write into", async () => {
    const q = await ingestQuestionnaire(fixture("table-printed.pdf"), "table-printed.pdf");
    const revenue = q.questions.find((x) => x.text === "Annual revenue");
    expect(revenue).toMatchObject({ sourceId: "GEN-02", section: "Company Information" });
    expect(revenue?.location).toEqual({ sheet: null, row: null, answerCell: null, commentCell: null });
    // The header row repeated on each page and the page furniture are not questions.
    expect(
      q.questions.some((x) => /^(Question|Page \d+ of \d+)$/.test(x.text) || x.text.includes("Northwind Bank –")),
    ).toBe(false);
  });
});

/** Runs of a table whose rows are as close as the lines inside a cell; ids on each row's first or last line. */
function tightTable(valign: "top" | "bottom"): PdfRun[] {
  const run = (text: string, x: number, y: number): PdfRun => ({ text, x, y, width: text.length * 5, height: 10 });
  const rows: [string, string[]][] = [
    ["1.1", ["Is there a security policy approved by", "management?"]],
    ["1.2", ["Key rotation period"]],
    [
      "1.3",
      [
        "Describe how backups are tested, including",
        "how often restores are performed and who",
        "reviews the results.",
      ],
    ],
    ["1.4", ["Are laptops encrypted?"]],
  ];
  const runs: PdfRun[] = [run("Ref", 50, 100), run("Question", 100, 100), run("Response", 400, 100)];
  let y = 112;
  for (const [id, lines] of rows) {
    lines.forEach((line, k) => {
      runs.push(run(line, 100, y + k * 12));
    });
    runs.push(run(id, 50, valign === "top" ? y : y + (lines.length - 1) * 12));
    y += lines.length * 12;
  }
  return runs;
}

describe("a table without ids: fonts tell a bold section row from a short question", () => {
  it("keeps 'Annual revenue' as a question and takes the bold row as the section", async () => {
    const bytes = buildTablePdf({
      size: PAGE_A4,
      margin: 50,
      columns: [
        { header: "Question", width: 300 },
        { header: "Answer", width: 150 },
      ],
      rows: [
        { label: "Company Profile" },
        { cells: ["Legal entity name", ""] },
        { cells: ["Annual revenue", ""] },
        { cells: ["Is the company publicly listed?", ""] },
        { label: "Security Program" },
        { cells: ["Security certifications held", ""] },
        { cells: ["Do you have a CISO?", ""] },
      ],
      fontSize: 10,
      leading: 1.2,
      padding: 3,
      valign: "top",
    });
    const q = await ingestQuestionnaire(bytes, "no-ids.pdf");
    expect(q.questions.map((x) => [x.section, x.text])).toEqual([
      ["Company Profile", "Legal entity name"],
      ["Company Profile", "Annual revenue"],
      ["Company Profile", "Is the company publicly listed?"],
      ["Security Program", "Security certifications held"],
      ["Security Program", "Do you have a CISO?"],
    ]);
  });
});

describe("rows where gaps do not separate them", () => {
  it("without an id column, cuts tight rows where a question cell ends a sentence", () => {
    const run = (text: string, x: number, y: number): PdfRun => ({ text, x, y, width: text.length * 5, height: 10 });
    const lines = [
      "Is there a security policy approved by",
      "management?",
      "Are laptops encrypted?",
      "Describe how",
      "backups are tested.",
    ];
    const runs = [run("Question", 50, 100), run("Answer", 400, 100), ...lines.map((t, k) => run(t, 50, 112 + k * 12))];
    const grid = rebuildTable(linesOf(runs, 1), () => false);
    expect(grid?.rows.map((r) => r?.[0]?.replace(/\n/g, " "))).toEqual([
      "Question",
      "Is there a security policy approved by management?",
      "Are laptops encrypted?",
      "Describe how backups are tested.",
    ]);
  });

  for (const valign of ["top", "bottom"] as const) {
    it(`cuts ${valign}-aligned rows at their ids`, () => {
      const grid = rebuildTable(linesOf(tightTable(valign), 1), () => false);
      expect(grid?.rows.map((r) => [r?.[0], r?.[1]?.replace(/\n/g, " ")])).toEqual([
        ["Ref", "Question"],
        ["1.1", "Is there a security policy approved by management?"],
        ["1.2", "Key rotation period"],
        [
          "1.3",
          "Describe how backups are tested, including how often restores are performed and who reviews the results.",
        ],
        ["1.4", "Are laptops encrypted?"],
      ]);
    });
  }
});

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
const needsOffice = soffice || process.env.CI === "true" ? it : it.skip;

/** A flat ODS row of string cells, each in the named cell style. */
function odsRow(cells: string[], style: string): string {
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const cell = (t: string) =>
    `<table:table-cell table:style-name="${style}" office:value-type="string"><text:p>${esc(t)}</text:p></table:table-cell>`;
  return `<table:table-row table:style-name="ro">${cells.map(cell).join("")}</table:table-row>`;
}

/** A one-table flat ODS document: column widths, optimal row heights, the given cell styles and rows. */
function flatOds(table: string, widths: readonly string[], cellStyles: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
${widths.map((w, i) => `<style:style style:name="co${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}"/></style:style>`).join("")}
<style:style style:name="ro" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
${cellStyles}
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="${table}">
${widths.map((_, i) => `<table:table-column table:style-name="co${i}"/>`).join("")}
${body}
</table:table></office:spreadsheet></office:body></office:document>`;
}

/** The rows of table-printed.pdf as a flat ODS sheet with wrapped cells and a repeated header row. */
function spreadsheet(expected: ExpectedFile, valign: "top" | "bottom", withIds = true): string {
  const row = (cells: string[], style = "wrap") => odsRow(cells, style);
  const widths = withIds ? ["1.6cm", "3.2cm", "8cm", "2.2cm", "3cm"] : ["8cm", "2.2cm", "3cm"];
  const headers = withIds
    ? ["Ref", "Domain", "Question", "Response", "Comments"]
    : ["Question", "Response", "Comments"];
  const cells = (q: ExpectedFile["questions"][number]) =>
    withIds ? [q.sourceId ?? "", q.section ?? "", q.text, "", ""] : [q.text, "", ""];
  return flatOds(
    "Supplier Assessment",
    widths,
    `<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" fo:border="0.5pt solid #000000"${valign === "top" ? ' style:vertical-align="top"' : ""}/></style:style>
<style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" fo:border="0.5pt solid #000000"/><style:text-properties fo:font-weight="bold"/></style:style>`,
    `<table:table-header-rows>${row(headers, "head")}</table:table-header-rows>
${expected.questions.map((q) => row(cells(q))).join("\n")}`,
  );
}

describe("a spreadsheet printed to PDF by LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "quire-pdf-table-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  needsOffice(
    "every row is one question with its Ref and Domain, wrapped cells joined, bottom- or top-aligned",
    async () => {
      const expected = JSON.parse(readFileSync("fixtures/table-printed.pdf.expected.json", "utf8")) as ExpectedFile;
      const files = (["bottom", "top"] as const).map((valign) => {
        const file = join(dir, `printed-${valign}.fods`);
        writeFileSync(file, spreadsheet(expected, valign));
        return file;
      });
      // The same rows without Ref and Domain: short rows ("Annual revenue") are questions, not section
      // titles, because the PDF's fonts show they are not bold.
      files.push(join(dir, "printed-noid.fods"));
      writeFileSync(join(dir, "printed-noid.fods"), spreadsheet(expected, "bottom", false));
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          ...files,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      for (const valign of ["bottom", "top"]) {
        const pdf = new Uint8Array(readFileSync(join(dir, `printed-${valign}.pdf`)));
        const q = await ingestQuestionnaire(pdf, `printed-${valign}.pdf`);
        expect(q.questions.map((x) => [x.sourceId, x.section, x.text])).toEqual(
          expected.questions.map((x) => [x.sourceId, x.section, x.text]),
        );
      }
      const noIds = await ingestQuestionnaire(new Uint8Array(readFileSync(join(dir, "printed-noid.pdf"))), "noid.pdf");
      expect(noIds.questions.map((x) => [x.sourceId, x.text])).toEqual(expected.questions.map((x) => [null, x.text]));
    },
    180_000,
  );
});

/**
 * The rows of sig-core-like.xlsx as a flat ODS sheet printed the way such a workbook is: a title row,
 * a header row centred both ways whose narrow columns' names wrap above and below the line that
 * names the question ("Ques / Num", "ISO 27002 / Mapping", "Importan / ce"), head rows ("A.1 Risk
 * Governance") and top-aligned wrapped questions, with no header row repeated on later pages.
 */
function centredHeaderSheet(expected: ExpectedFile): string {
  const row = (cells: string[], style = "wrap") => odsRow(cells, style);
  const widths = ["1.3cm", "5.8cm", "1.8cm", "2.6cm", "1.6cm", "1.3cm", "1.3cm", "1.3cm"];
  const headers = ["Ques Num", "Question/Request", "Response", "Additional Information", "Importance", "Scoring"];
  const rows: string[] = [];
  let section: string | null = null;
  for (const q of expected.questions) {
    if (q.section !== section && q.sourceId) {
      // The head row above a group: its number is the group's ("A.1" over "A.1.1").
      const head = q.sourceId.split(".").slice(0, 2).join(".");
      if (head !== q.sourceId) rows.push(row([head, q.section ?? ""]));
      section = q.section;
    }
    rows.push(row([q.sourceId ?? "", q.text, "", "", "High", "3", "5.1", "GV.RM-01"]));
  }
  return flatOds(
    "Core",
    widths,
    `<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" fo:border="0.5pt solid #000000" style:vertical-align="top"/><style:text-properties fo:font-size="13pt"/></style:style>
<style:style style:name="title" style:family="table-cell"><style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>
<style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" fo:border="0.5pt solid #000000" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>`,
    `${row(["Shared Assessment — Core"], "title")}
${row([...headers, "ISO 27002 Mapping", "NIST CSF Mapping"], "head")}
${rows.join("\n")}`,
  );
}

describe("a workbook with a centred, wrapping header row printed to PDF by LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "quire-pdf-centred-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  needsOffice(
    "every column is found, so each question keeps its number, its head row's section and its own text",
    async () => {
      const expected = JSON.parse(readFileSync("fixtures/sig-core-like.xlsx.expected.json", "utf8")) as ExpectedFile;
      writeFileSync(join(dir, "core.fods"), centredHeaderSheet(expected));
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          join(dir, "core.fods"),
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const bytes = new Uint8Array(readFileSync(join(dir, "core.pdf")));
      const pdf = await openPdf(bytes);
      const pages = pdf.pages;
      await pdf.close();
      expect(pages).toBeGreaterThan(1); // the table goes on without its header on the next page
      const q = await ingestQuestionnaire(bytes, "core.pdf");
      expect(q.questions.map((x) => [x.sourceId, x.section, x.text])).toEqual(
        expected.questions.map((x) => [x.sourceId, x.section, x.text]),
      );
      expect(q.warnings).toEqual([]);
    },
    180_000,
  );
});
