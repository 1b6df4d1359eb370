import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { QuireError } from "../../src/domain/errors.js";
import { writeBackXlsx } from "../../src/export/xlsx-writeback.js";
import { answer, buildXlsx, cellMap, FIXTURES, partText, type SheetSpec, unzipParts } from "./helpers.js";

const DV =
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C9"><formula1>"Yes,No,N/A"</formula1></dataValidation></dataValidations>';

function questions(sheetData: string, extra = ""): SheetSpec {
  return {
    name: "Questions",
    body: `<dimension ref="A1:D3"/><cols><col min="3" max="3" width="12" style="2" customWidth="1"/></cols>${sheetData}<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>${DV}${extra}`,
  };
}

const LISTS: SheetSpec = {
  name: "Lists",
  state: "hidden",
  body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Yes</t></is></c></row></sheetData>',
};

const BASIC = questions(
  '<sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="3"/><c r="D2" s="3"/></row>' +
    '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="C3" s="3" t="s"><v>4</v></c><c r="D3" s="3" t="s"><v>5</v></c></row>' +
    "</sheetData>",
);
const SST = ["Security questions", "Q1", "Is MFA enforced?", "Q2", "No", "   "];

function read(bytes: Uint8Array, sheet = "Questions"): XLSX.WorkSheet {
  const ws = XLSX.read(bytes, { type: "array" }).Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return ws;
}
const v = (ws: XLSX.WorkSheet, ref: string) => (ws[ref] as XLSX.CellObject | undefined)?.v;

describe("writeBackXlsx: cells", () => {
  const wb = buildXlsx({ sheets: [BASIC, LISTS], sharedStrings: SST });

  it("writes the value into the answer cell and the text into the comment cell, keeping their style", () => {
    const r = writeBackXlsx(wb, [
      answer({
        answerCell: "C2",
        commentCell: "D2",
        value: "yes",
        text: "MFA everywhere.",
        allowedValues: ["Yes", "No", "N/A"],
      }),
    ]);
    expect(r.cellsWritten).toEqual(["Questions!C2", "Questions!D2"]);
    const ws = read(r.bytes);
    expect(v(ws, "C2")).toBe("Yes"); // canonical spelling of the allowed value
    expect(v(ws, "D2")).toBe("MFA everywhere.");
    const cells = cellMap(partText(r.bytes, "xl/worksheets/sheet1.xml"));
    expect(cells.get("C2")).toBe('<c r="C2" s="3" t="inlineStr"><is><t xml:space="preserve">Yes</t></is></c>');
  });

  it("keeps a customer's answer (and skips our comment) unless overwrite is set", () => {
    const a = answer({ answerCell: "C3", commentCell: "D3", value: "Yes", text: "x", allowedValues: ["Yes", "No"] });
    const kept = writeBackXlsx(wb, [a]);
    expect(kept.cellsKept).toEqual(["Questions!C3"]);
    expect(kept.cellsWritten).toEqual([]);
    expect(kept.bytes).toBe(wb); // nothing to write: the very same bytes
    const over = writeBackXlsx(wb, [a], { overwrite: true });
    expect(over.cellsWritten).toEqual(["Questions!C3", "Questions!D3"]);
    expect(v(read(over.bytes), "C3")).toBe("Yes");
  });

  it("treats a whitespace-only shared string as empty", () => {
    const r = writeBackXlsx(wb, [
      answer({ answerCell: "C2", commentCell: "D3", value: null, text: "t", kind: "yes_no" }),
    ]);
    expect(r.cellsWritten).toEqual(["Questions!D3"]);
  });

  it("never writes a value outside the allowed list, and says so", () => {
    const r = writeBackXlsx(wb, [
      answer({ answerCell: "C2", commentCell: "D2", value: "Maybe", text: "Partly.", allowedValues: ["Yes", "No"] }),
    ]);
    expect(r.cellsWritten).toEqual(["Questions!D2"]);
    expect(r.warnings?.join()).toContain('"Maybe" is not one of the allowed values');
    expect(v(read(r.bytes), "C2")).toBeUndefined();
  });

  it("puts free text into the answer cell when there is no comment column", () => {
    const r = writeBackXlsx(wb, [answer({ answerCell: "C2", kind: "free_text", text: "We use Okta." })]);
    expect(v(read(r.bytes), "C2")).toBe("We use Okta.");
  });

  it("does not put text into a dropdown cell when there is no comment column", () => {
    const r = writeBackXlsx(wb, [answer({ answerCell: "C2", text: "long prose", allowedValues: ["Yes", "No"] })]);
    expect(r.cellsWritten).toEqual([]);
    expect(r.warnings?.join()).toContain("answer text not written");
  });

  it("inserts missing cells in column order, styled like the row (customFormat) or the column", () => {
    const sheet = questions(
      '<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>q</t></is></c><c r="E2" t="inlineStr"><is><t>e</t></is></c></row>' +
        '<row r="4" s="1" customFormat="1"><c r="A4" t="inlineStr"><is><t>q4</t></is></c></row></sheetData>',
    );
    const r = writeBackXlsx(buildXlsx({ sheets: [sheet] }), [
      answer({ answerCell: "C2", commentCell: "D2", value: "Yes", text: "t2" }),
      answer({ answerCell: "C4", kind: "free_text", text: "t4" }),
    ]);
    const xml = partText(r.bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(
      '<c r="A2" t="inlineStr"><is><t>q</t></is></c><c r="C2" s="2" t="inlineStr"><is><t xml:space="preserve">Yes</t></is></c><c r="D2" t="inlineStr"><is><t xml:space="preserve">t2</t></is></c><c r="E2"',
    );
    expect(xml).toContain('<c r="C4" s="1" t="inlineStr">');
  });

  it("creates missing rows in order, fills self-closing rows and an empty <sheetData/>", () => {
    const sparse = questions(
      '<sheetData><row r="2"/><row r="5"><c r="A5" t="inlineStr"><is><t>q</t></is></c></row></sheetData>',
    );
    const r = writeBackXlsx(buildXlsx({ sheets: [sparse] }), [
      answer({ answerCell: "C2", kind: "free_text", text: "two" }),
      answer({ answerCell: "C4", kind: "free_text", text: "four" }),
      answer({ answerCell: "C9", kind: "free_text", text: "nine" }),
      answer({ answerCell: "B4", kind: "free_text", text: "four-b" }),
    ]);
    const xml = partText(r.bytes, "xl/worksheets/sheet1.xml");
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([2, 4, 5, 9]);
    expect(xml).toMatch(/<row r="4"><c r="B4".*?<c r="C4"/);
    const ws = read(r.bytes);
    expect([v(ws, "C2"), v(ws, "C4"), v(ws, "B4"), v(ws, "C9")]).toEqual(["two", "four", "four-b", "nine"]);
    expect(xml).toContain('<dimension ref="A1:D9"/>');

    const empty = buildXlsx({ sheets: [{ name: "Questions", body: '<dimension ref="A1"/><sheetData/>' }] });
    const e = writeBackXlsx(empty, [
      answer({ answerCell: "B3", kind: "free_text", text: "b3" }),
      answer({ answerCell: "B2", kind: "free_text", text: "b2" }),
    ]);
    const exml = partText(e.bytes, "xl/worksheets/sheet1.xml");
    expect(exml).toContain('<dimension ref="B2:B3"/><sheetData><row r="2">');
    expect(v(read(e.bytes), "B3")).toBe("b3");
  });

  it("escapes XML, strips control characters and protects Excel's _xHHHH_ escapes", () => {
    const text = 'a & b < c > d "e" \u0001\u0008 f\r\ng _x000D_ h';
    const r = writeBackXlsx(wb, [answer({ answerCell: "C2", kind: "free_text", text })]);
    expect(v(read(r.bytes), "C2")).toBe('a & b < c > d "e"  f\ng _x000D_ h');
  });

  it("never writes a formula, even for text that looks like one", () => {
    const r = writeBackXlsx(wb, [answer({ answerCell: "C2", kind: "free_text", text: '=HYPERLINK("http://x")' })]);
    const cell = cellMap(partText(r.bytes, "xl/worksheets/sheet1.xml")).get("C2") ?? "";
    expect(cell).not.toContain("<f>");
    expect(v(read(r.bytes), "C2")).toBe('=HYPERLINK("http://x")');
  });

  it("truncates text beyond Excel's 32,767-character cell limit with a note", () => {
    const r = writeBackXlsx(wb, [answer({ answerCell: "C2", kind: "free_text", text: "x".repeat(40_000) })]);
    const got = String(v(read(r.bytes), "C2"));
    expect(got.length).toBe(32_767);
    expect(got).toMatch(/truncated/);
    expect(r.warnings?.join()).toContain("truncated");
  });

  it("never replaces a formula, even with overwrite", () => {
    const sheet = questions('<sheetData><row r="2"><c r="C2" s="3"><f>Lists!A1</f><v>Yes</v></c></row></sheetData>');
    const r = writeBackXlsx(buildXlsx({ sheets: [sheet, LISTS] }), [answer({ answerCell: "C2", value: "No" })], {
      overwrite: true,
    });
    expect(r.cellsKept).toEqual(["Questions!C2"]);
  });

  it("writes into the top-left cell of a merged range", () => {
    const r = writeBackXlsx(buildXlsx({ sheets: [questions("<sheetData/>")] }), [
      answer({ answerCell: "C1", kind: "free_text", text: "merged" }),
    ]);
    expect(r.cellsWritten).toEqual(["Questions!A1"]);
    expect(v(read(r.bytes), "A1")).toBe("merged");
    // …and a filled merged range counts as the customer's.
    expect(writeBackXlsx(wb, [answer({ answerCell: "B1", kind: "free_text", text: "x" })]).cellsKept).toEqual([
      "Questions!A1",
    ]);
  });

  it("does not write two answers into one cell", () => {
    const r = writeBackXlsx(wb, [
      answer({ answerCell: "C2", kind: "free_text", text: "first" }),
      answer({ answerCell: "C2", kind: "free_text", text: "second" }),
    ]);
    expect(v(read(r.bytes), "C2")).toBe("first");
    expect(r.warnings?.join()).toContain("already receives another answer");
  });

  it("warns about unknown sheets and matches sheet names case-insensitively", () => {
    const r = writeBackXlsx(wb, [
      answer({ sheet: "Nope", answerCell: "C2", kind: "free_text", text: "x" }),
      answer({ sheet: "questions", answerCell: "C2", kind: "free_text", text: "y" }),
    ]);
    expect(r.warnings?.join()).toContain('no worksheet named "Nope"');
    expect(r.cellsWritten).toEqual(["Questions!C2"]);
  });

  it("leaves every other part byte-identical and in the same order", () => {
    const r = writeBackXlsx(wb, [answer({ answerCell: "C2", kind: "free_text", text: "x" })]);
    const a = unzipParts(wb);
    const b = unzipParts(r.bytes);
    expect(b.names).toEqual(a.names);
    for (const n of a.names) {
      if (n === "xl/worksheets/sheet1.xml") continue;
      expect(Buffer.from(b.parts.get(n) ?? []).equals(Buffer.from(a.parts.get(n) ?? [])), n).toBe(true);
    }
  });

  it("is deterministic", () => {
    const as = [answer({ answerCell: "C2", kind: "free_text", text: "x" })];
    expect(Buffer.from(writeBackXlsx(wb, as).bytes).equals(Buffer.from(writeBackXlsx(wb, as).bytes))).toBe(true);
  });
});

describe("writeBackXlsx: package variants", () => {
  it("follows absolute relationship targets", () => {
    const wb = buildXlsx({ sheets: [LISTS, BASIC], sharedStrings: SST, absoluteTargets: true });
    const r = writeBackXlsx(wb, [answer({ answerCell: "C2", kind: "free_text", text: "abs" })]);
    expect(v(read(r.bytes), "C2")).toBe("abs");
  });

  it("handles namespace-prefixed sheets (x:c, x:row)", () => {
    const sheet: SheetSpec = {
      name: "Questions",
      body: '<x:dimension ref="A1:A2"/><x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>q</x:t></x:is></x:c></x:row></x:sheetData>',
    };
    const r = writeBackXlsx(buildXlsx({ sheets: [sheet], prefix: "x" }), [
      answer({ answerCell: "B2", kind: "free_text", text: "prefixed" }),
      answer({ answerCell: "B3", kind: "free_text", text: "new row" }),
    ]);
    const xml = partText(r.bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toContain('<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">prefixed</x:t></x:is></x:c>');
    expect(xml).toContain('<x:row r="3"><x:c r="B3"');
    expect(xml).toContain('<x:dimension ref="A1:B3"/>');
  });

  it("keeps a sheet part's BOM", () => {
    const wb = buildXlsx({ sheets: [BASIC], sharedStrings: SST });
    const parts = unzipParts(wb);
    const sheet = parts.parts.get("xl/worksheets/sheet1.xml") ?? new Uint8Array();
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...sheet]);
    const files = Object.fromEntries(
      [...parts.parts].map(([n, d]) => [n, n === "xl/worksheets/sheet1.xml" ? withBom : d]),
    );
    const r = writeBackXlsx(zipSync(files), [answer({ answerCell: "C2", kind: "free_text", text: "bom" })]);
    expect([...(unzipParts(r.bytes).parts.get("xl/worksheets/sheet1.xml") ?? []).slice(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });

  it("refuses a file that is not an xlsx package with a QuireError", () => {
    expect(() => writeBackXlsx(new TextEncoder().encode("hello"), [])).toThrow(QuireError);
  });
});

describe("writeBackXlsx: the bad fixtures", () => {
  const bad = (name: string) => join(FIXTURES, "bad", name);

  it.runIf(existsSync(bad("not-a-spreadsheet.xlsx")))("refuses plain text named .xlsx", () => {
    const bytes = new Uint8Array(readFileSync(bad("not-a-spreadsheet.xlsx")));
    expect(() => writeBackXlsx(bytes, [])).toThrow(expect.objectContaining({ code: "export_invalid_xlsx" }));
  });

  it.runIf(existsSync(bad("empty.xlsx")))("fills an empty sheet (<sheetData/>) and SheetJS reads it", () => {
    const bytes = new Uint8Array(readFileSync(bad("empty.xlsx")));
    const sheet = XLSX.read(bytes, { type: "array" }).SheetNames[0] ?? "";
    const r = writeBackXlsx(bytes, [answer({ sheet, answerCell: "B2", kind: "free_text", text: "hello" })]);
    expect(v(read(r.bytes, sheet), "B2")).toBe("hello");
  });
});
