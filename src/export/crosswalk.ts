import * as XLSX from "xlsx";
import type { CrosswalkTable } from "../domain/library/crosswalk.js";
import { neutraliseFormula, quoteField } from "./csv/field.js";

/**
 * The crosswalk as a CSV (one table) or an xlsx workbook (one sheet per table). The CSV follows the
 * report CSV's rules: UTF-8 BOM, CRLF, RFC 4180 quoting, formula-looking cells defused with an
 * apostrophe. In the xlsx every cell is written as a string cell, which no spreadsheet evaluates.
 */
export function crosswalkCsv(table: CrosswalkTable): string {
  const lines = [table.header, ...table.rows].map((cells) =>
    cells.map((cell) => quoteField(neutraliseFormula(cell), ",")).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Column widths that fit the text (capped), so the workbook reads without resizing. */
function widths(table: CrosswalkTable): { wch: number }[] {
  return table.header.map((h, i) => ({
    wch: Math.min(60, Math.max(h.length, ...table.rows.map((r) => (r[i] ?? "").length)) + 2),
  }));
}

export function crosswalkXlsx(tables: readonly CrosswalkTable[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const table of tables) {
    const sheet: XLSX.WorkSheet = {};
    const all = [table.header, ...table.rows];
    all.forEach((cells, r) => {
      cells.forEach((value, c) => {
        sheet[XLSX.utils.encode_cell({ r, c })] = { t: "s", v: value };
      });
    });
    sheet["!ref"] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: all.length - 1, c: table.header.length - 1 },
    });
    sheet["!cols"] = widths(table);
    sheet["!autofilter"] = {
      ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 0, c: table.header.length - 1 } }),
    };
    // Sheet names: at most 31 characters, none of : \ / ? * [ ]
    XLSX.utils.book_append_sheet(book, sheet, table.name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31));
  }
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}
