/**
 * Every refusal is a QuireError with a stable snake_case code, an HTTP status of 400/413/422 and
 * a one-line message — never a crash. Hostile inputs are built here, in memory.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { QuireError } from "../../src/domain/errors.js";
import { DEFAULT_LIMITS, type IngestLimits, ingestQuestionnaire, ingestWithLimits } from "../../src/ingest/index.js";
import { FIXTURES_DIR } from "./golden.js";
import { buildXlsx } from "./minimal-xlsx.js";

async function refusal(p: Promise<unknown>): Promise<QuireError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QuireError);
  const q = err as QuireError;
  expect(q.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  expect([400, 413, 422]).toContain(q.status);
  expect(q.message).not.toMatch(/\n/);
  expect(q.message.length).toBeGreaterThan(10);
  return q;
}

const limits = (over: Partial<IngestLimits>): IngestLimits => ({ ...DEFAULT_LIMITS, ...over });

const QUESTIONS_TABLE = [
  ["ID", "Question", "Answer", "Comments"],
  ["1.1", "Is customer data encrypted at rest?", "", ""],
  ["1.2", "Do you enforce multi-factor authentication?", "", ""],
  ["1.3", "Describe your backup process.", "", ""],
];
const goodXlsx = () => buildXlsx({ sheets: [{ name: "Security", rows: QUESTIONS_TABLE }] });

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function ole(streamName?: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE2, 0);
  if (streamName) bytes.set(Buffer.from(streamName, "utf16le"), 1024);
  return bytes;
}

describe("refusals", () => {
  it("legacy .xls (OLE2 without encryption streams) → legacy_xls, says to save as .xlsx", async () => {
    const e = await refusal(ingestQuestionnaire(ole("Workbook"), "old.xls"));
    expect(e.code).toBe("legacy_xls");
    expect(e.message).toMatch(/save it as \.xlsx/i);
  });

  it("password-protected xlsx (OLE2 with EncryptedPackage) → encrypted_file", async () => {
    const e = await refusal(ingestQuestionnaire(ole("EncryptedPackage"), "secret.xlsx"));
    expect(e.code).toBe("encrypted_file");
    expect(e.message).toMatch(/password/i);
  });

  it("workbook with xl/vbaProject.bin → macro_enabled", async () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", rows: QUESTIONS_TABLE }],
      extra: { "xl/vbaProject.bin": new Uint8Array(64) },
    });
    const e = await refusal(ingestQuestionnaire(bytes, "q.xlsx"));
    expect(e.code).toBe("macro_enabled");
    expect(e.message).toMatch(/\.xlsx/);
  });

  it("a file named .xlsm → macro_enabled", async () => {
    expect((await refusal(ingestQuestionnaire(goodXlsx(), "q.xlsm"))).code).toBe("macro_enabled");
  });

  it("zip bomb (one highly compressible 64 MB part) → compression_ratio_too_high, before decompressing", async () => {
    const bomb = zipSync({ "xl/workbook.xml": new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const e = await refusal(ingestQuestionnaire(bomb, "bomb.xlsx"));
    expect(e.code).toBe("compression_ratio_too_high");
    // Nothing was inflated: array-buffer memory did not grow by the 64 MB the part claims.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it("declared uncompressed size over the limit → uncompressed_too_large", async () => {
    const e = await refusal(ingestWithLimits(goodXlsx(), "q.xlsx", undefined, limits({ maxUncompressedBytes: 1000 })));
    expect(e.code).toBe("uncompressed_too_large");
  });

  it("too many zip entries → too_many_zip_entries", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < DEFAULT_LIMITS.maxZipEntries + 1; i++) files[`xl/media/image${i}.bin`] = new Uint8Array(1);
    const e = await refusal(ingestQuestionnaire(zipSync(files, { level: 0 }), "many.xlsx"));
    expect(e.code).toBe("too_many_zip_entries");
  });

  it("file over the size limit → file_too_large (413)", async () => {
    const e = await refusal(ingestWithLimits(goodXlsx(), "q.xlsx", undefined, limits({ maxFileBytes: 100 })));
    expect(e.code).toBe("file_too_large");
    expect(e.status).toBe(413);
  });

  it("not a spreadsheet: PNG, random binary, a Word document, text named .xlsx → unsupported_format", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await refusal(ingestQuestionnaire(png, "logo.png"))).code).toBe("unsupported_format");
    const random = new Uint8Array(2048);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    expect((await refusal(ingestQuestionnaire(random, "blob.bin"))).code).toBe("unsupported_format");
    const docx = zipSync({ "[Content_Types].xml": new Uint8Array(10), "word/document.xml": new Uint8Array(10) });
    expect((await refusal(ingestQuestionnaire(docx, "q.docx"))).code).toBe("unsupported_format");
    const text = new TextEncoder().encode("1. Do you encrypt data at rest?\n2. Do you enforce MFA?\n");
    expect((await refusal(ingestQuestionnaire(text, "renamed.xlsx"))).code).toBe("unsupported_format");
  });

  it("a truncated zip → corrupt_file", async () => {
    const bytes = goodXlsx().slice(0, 200);
    expect(["corrupt_file", "unsupported_format"]).toContain(
      (await refusal(ingestQuestionnaire(bytes, "cut.xlsx"))).code,
    );
  });

  it("empty inputs → empty_file", async () => {
    expect((await refusal(ingestQuestionnaire(new Uint8Array(0), "q.csv"))).code).toBe("empty_file");
    const empty = buildXlsx({ sheets: [{ name: "Sheet1", rows: [] }] });
    expect((await refusal(ingestQuestionnaire(empty, "empty.xlsx"))).code).toBe("empty_file");
    const onlyHidden = buildXlsx({
      sheets: [
        { name: "V", rows: [] },
        { name: "H", state: "hidden", rows: QUESTIONS_TABLE },
      ],
    });
    expect((await refusal(ingestQuestionnaire(onlyHidden, "hidden.xlsx"))).code).toBe("empty_file");
  });

  it("no question column → no_questions_found", async () => {
    const csv = new TextEncoder().encode("Date,Amount,Count\n2026-01-01,12.5,3\n2026-01-02,13.5,4\n");
    expect((await refusal(ingestQuestionnaire(csv, "numbers.csv"))).code).toBe("no_questions_found");
    const pricing = buildXlsx({
      sheets: [
        {
          name: "Pricing",
          rows: [
            ["Item", "Unit price", "Quantity"],
            ["Platform licence", "42000", "1"],
          ],
        },
      ],
    });
    expect((await refusal(ingestQuestionnaire(pricing, "pricing.xlsx"))).code).toBe("no_questions_found");
  });

  it("row, column and cell limits → too_many_rows / too_many_columns / too_many_cells", async () => {
    const csv = new TextEncoder().encode(`${QUESTIONS_TABLE.map((r) => r.join(",")).join("\n")}\n`);
    expect((await refusal(ingestWithLimits(csv, "q.csv", undefined, limits({ maxRows: 2 })))).code).toBe(
      "too_many_rows",
    );
    expect((await refusal(ingestWithLimits(csv, "q.csv", undefined, limits({ maxColumns: 3 })))).code).toBe(
      "too_many_columns",
    );
    expect((await refusal(ingestWithLimits(csv, "q.csv", undefined, limits({ maxCellsPerSheet: 5 })))).code).toBe(
      "too_many_cells",
    );
    const x = goodXlsx();
    expect((await refusal(ingestWithLimits(x, "q.xlsx", undefined, limits({ maxRows: 2 })))).code).toBe(
      "too_many_rows",
    );
    expect((await refusal(ingestWithLimits(x, "q.xlsx", undefined, limits({ maxColumns: 3 })))).code).toBe(
      "too_many_columns",
    );
    expect((await refusal(ingestWithLimits(x, "q.xlsx", undefined, limits({ maxCellsPerSheet: 5 })))).code).toBe(
      "too_many_cells",
    );
  });

  it("PDF over the page limit → too_many_pages; over the text limit → too_much_text", async () => {
    const pdf = new Uint8Array(readFileSync(join(FIXTURES_DIR, "numbered.pdf")));
    expect((await refusal(ingestWithLimits(pdf, "q.pdf", undefined, limits({ maxPdfPages: 2 })))).code).toBe(
      "too_many_pages",
    );
    expect((await refusal(ingestWithLimits(pdf, "q.pdf", undefined, limits({ maxTextChars: 500 })))).code).toBe(
      "too_much_text",
    );
  });

  it("a broken PDF → corrupt_file", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    expect(["corrupt_file", "empty_file"]).toContain((await refusal(ingestQuestionnaire(bytes, "broken.pdf"))).code);
  });

  it("bad hints → sheet_not_found / invalid_hint", async () => {
    expect((await refusal(ingestQuestionnaire(goodXlsx(), "q.xlsx", { sheet: "Nope" }))).code).toBe("sheet_not_found");
    expect((await refusal(ingestQuestionnaire(goodXlsx(), "q.xlsx", { questionColumn: "B2" }))).code).toBe(
      "invalid_hint",
    );
  });
});
