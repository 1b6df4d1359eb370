/**
 * Reads an .xlsx into SheetGrids. Cell values, merges and hidden rows come from SheetJS; what
 * SheetJS does not expose (sheet visibility as written, defined names, list data validations in
 * both the classic and the x14 extension form, bold cell styles) is read from the XML parts.
 * The zip directory has already been judged by inspectZip before this runs.
 */
// SheetJS 0.20.3 from the SheetJS CDN (npm alias @e965/xlsx): the patched build. The registry's
// xlsx@0.18.5 is vulnerable to prototype pollution (CVE-2023-30533) and ReDoS (CVE-2024-22363).

import * as XLSX from "xlsx";
import { QuireError } from "../domain/errors.js";
import { parseCellRef, parseRange } from "../domain/questionnaire/cell-ref.js";
import { type CellRange, gridRange, type ListValidation, type SheetGrid } from "./grid.js";
import { type IngestLimits, tooManyCells, tooManyColumns, tooManyRows } from "./limits.js";
import { locateParts, type SheetPart } from "./ooxml.js";
import { attr, decodeXml, elementText, nextTag, type Tag } from "./xml.js";
import { isWorkbookPart, readParts } from "./zip-inspect.js";

export interface WorkbookSheet {
  readonly grid: SheetGrid;
  /** hidden or veryHidden in workbook.xml. */
  readonly hidden: boolean;
}

export interface ReadWorkbook {
  readonly sheets: readonly WorkbookSheet[];
  readonly warnings: readonly string[];
}

interface DefinedName {
  name: string;
  localSheetId: number | null;
  formula: string;
}

/** Maximum values taken from one list validation; real dropdowns are short. */
const MAX_LIST_VALUES = 500;

export function readXlsx(bytes: Uint8Array, fileName: string, limits: IngestLimits): ReadWorkbook {
  const warnings: string[] = [];
  // Decompress each needed part once, bounded by its declared size (see readParts); SheetJS then
  // reads those very parts, so it never inflates anything unchecked (nor anything twice).
  const parts = readParts(bytes, isWorkbookPart);
  const decoder = new TextDecoder("utf-8");
  const text = (name: string) => {
    const data = parts.get(name);
    return data ? decoder.decode(data) : "";
  };
  const workbookXml = text("xl/workbook.xml");
  const entries = locateParts("xl/workbook.xml", workbookXml, text("xl/_rels/workbook.xml.rels")).sheets;
  const names = parseDefinedNames(workbookXml);
  const boldStyles = parseBoldStyles(text("xl/styles.xml"));

  let wb: XLSX.WorkBook;
  try {
    wb = parseParts(parts, {
      dense: true,
      cellStyles: true, // needed for !rows (hidden rows)
      // What XLSX.read turns cellStyles on with; parse_zip is called after that step.
      cellNF: true,
      sheetStubs: true,
      cellFormula: false,
      cellHTML: false,
      bookVBA: false,
      sheetRows: limits.maxRows + 1,
    });
  } catch (error) {
    const msg = String((error as Error)?.message ?? error);
    if (/password|encrypt/i.test(msg)) {
      throw new QuireError(
        "encrypted_file",
        "The workbook is password-protected. Remove the password and upload it again.",
        422,
      );
    }
    throw new QuireError(
      "corrupt_file",
      `${fileName || "The workbook"} could not be read as a spreadsheet (${msg.slice(0, 120)}).`,
      422,
    );
  }

  // Cell texts of every sheet, needed to resolve validations that point at another sheet.
  const texts = new Map<string, string[][]>();
  const rawSheets: { entry: SheetPart; ws: XLSX.WorkSheet; rows: string[][] }[] = [];
  for (const entry of entries) {
    const ws = Object.hasOwn(wb.Sheets, entry.name) ? wb.Sheets[entry.name] : undefined;
    if (!ws) continue;
    const rows = sheetTexts(ws, entry.name, limits);
    texts.set(entry.name, rows);
    rawSheets.push({ entry, ws, rows });
  }

  const resolver = new ListResolver(texts, names, entries);
  const sheets: WorkbookSheet[] = [];
  for (const { entry, ws, rows } of rawSheets) {
    // The sheet's XML is decoded only when something is read from it (SheetJS has the cells): a
    // drop-down, or bold styles to find section rows by. A 5,000-row sheet is megabytes of UTF-8.
    const part = parts.get(entry.path);
    const xml = part && (boldStyles.size > 0 || hasBytes(part, "ataValidation")) ? text(entry.path) : "";
    const validations = parseValidations(xml, entry, resolver, warnings);
    const hiddenRows = new Set<number>();
    const rowProps = ws["!rows"] ?? [];
    rowProps.forEach((p, i) => {
      if (p?.hidden) hiddenRows.add(i);
    });
    const hiddenCols = new Set<number>();
    (ws["!cols"] ?? []).forEach((p, i) => {
      if (p?.hidden) hiddenCols.add(i);
    });
    const merges: CellRange[] = (ws["!merges"] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
    sheets.push({
      grid: {
        name: entry.name,
        rows,
        hiddenRows,
        hiddenCols,
        merges,
        boldRows: boldRows(xml, rows, boldStyles),
        validations,
      },
      hidden: entry.state === "hidden" || entry.state === "veryHidden",
    });
  }
  return { sheets, warnings };
}

/** Whether `bytes` contain the ASCII `needle` (a byte search, nothing decoded). */
function hasBytes(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, "latin1");
}

/** SheetJS's own container type and the two entry points that build and read one (untyped in its .d.ts). */
interface SheetJsZip {
  readonly FileIndex: unknown[];
}
const sheetJs = XLSX as unknown as {
  parse_zip(zip: SheetJsZip, options: XLSX.ParsingOptions): XLSX.WorkBook;
  CFB: {
    utils: {
      cfb_new(): SheetJsZip;
      cfb_add(zip: SheetJsZip, name: string, content: Uint8Array, options: { unsafe: true }): void;
    };
  };
};

/**
 * SheetJS over parts already inflated: the container XLSX.read would build from a zip, filled as
 * its own zip reader fills it (`unsafe`: appended, no re-sort), then its parse_zip. Before, the
 * parts were re-zipped (stored) only for SheetJS to unzip them again.
 */
function parseParts(parts: ReadonlyMap<string, Uint8Array>, options: XLSX.ParsingOptions): XLSX.WorkBook {
  const zip = sheetJs.CFB.utils.cfb_new();
  for (const [name, data] of parts) sheetJs.CFB.utils.cfb_add(zip, name, data, { unsafe: true });
  return sheetJs.parse_zip(zip, options);
}

/** Cell display texts of a dense SheetJS sheet, with the row/column/cell limits applied. */
function sheetTexts(ws: XLSX.WorkSheet, name: string, limits: IngestLimits): string[][] {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  const where = `Sheet '${name}'`;
  const out: string[][] = [];
  let cells = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) {
      out.push([]);
      continue;
    }
    const texts: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const t = cell ? cellDisplay(cell) : "";
      if (t !== "") {
        if (r >= limits.maxRows) throw tooManyRows(where, limits);
        if (c >= limits.maxColumns) throw tooManyColumns(where, limits);
        if (++cells > limits.maxCellsPerSheet) throw tooManyCells(where, limits);
      }
      texts.push(t);
    }
    out.push(texts);
  }
  return out;
}

function cellDisplay(cell: XLSX.CellObject): string {
  if (cell.t === "z" || cell.t === "e") return "";
  if (typeof cell.w === "string") return cell.w.trim();
  if (cell.v === undefined || cell.v === null) return "";
  return String(cell.v).trim();
}

/** Every element named `local` (any namespace prefix), with its start tag's text. */
function* elements(xml: string, local: string): Generator<{ tag: Tag; text: string }> {
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local === local && tag.kind !== "close") yield { tag, text: xml.slice(tag.start, tag.end) };
  }
}

function parseDefinedNames(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  for (const { tag, text } of elements(workbookXml, "definedName")) {
    const name = attr(text, "name");
    if (!name) continue;
    const local = attr(text, "localSheetId");
    out.push({
      name,
      localSheetId: local === null ? null : Number(local),
      formula: elementText(workbookXml, tag).text.trim(),
    });
  }
  return out;
}

/** Indices into cellXfs whose font is bold (`<b/>`, or `<b val="1"/>`). */
function parseBoldStyles(stylesXml: string): Set<number> {
  const bold = new Set<number>();
  const boldFonts: boolean[] = [];
  let section: "fonts" | "cellXfs" | null = null;
  let xf = 0;
  for (let tag = nextTag(stylesXml, 0); tag; tag = nextTag(stylesXml, tag.end)) {
    const { local, kind } = tag;
    if (local === "fonts" || local === "cellXfs") {
      section = kind === "open" ? local : null;
      continue;
    }
    if (kind === "close") continue;
    const text = stylesXml.slice(tag.start, tag.end);
    if (section === "fonts" && local === "font") boldFonts.push(false);
    else if (section === "fonts" && local === "b" && boldFonts.length > 0) {
      const val = attr(text, "val");
      boldFonts[boldFonts.length - 1] = val === null || val === "1" || val === "true";
    } else if (section === "cellXfs" && local === "xf") {
      if (boldFonts[Number(attr(text, "fontId") ?? "0")]) bold.add(xf);
      xf++;
    }
  }
  return bold;
}

/** Rows whose first filled cell has a bold style. */
function boldRows(sheetXml: string, rows: readonly string[][], boldStyles: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  if (boldStyles.size === 0 || sheetXml === "") return out;
  const firstFilled = new Map<number, number>();
  rows.forEach((row, r) => {
    const c = row.findIndex((t) => t !== "");
    if (c >= 0) firstFilled.set(r, c);
  });
  for (const { text } of elements(sheetXml, "c")) {
    const s = attr(text, "s");
    if (s === null || !boldStyles.has(Number(s))) continue;
    const at = parseCellRef(attr(text, "r") ?? "");
    if (at && firstFilled.get(at.row - 1) === at.col - 1) out.add(at.row - 1);
  }
  return out;
}

/**
 * Resolves a list validation's formula to its values: an inline list ("Yes,No,N/A"), a range on
 * the same or another sheet (Lists!$A$1:$A$4), or a defined name that stands for either.
 */
class ListResolver {
  constructor(
    private readonly texts: Map<string, string[][]>,
    private readonly names: readonly DefinedName[],
    private readonly sheets: readonly SheetPart[],
  ) {}

  resolve(formula: string, sheet: SheetPart, depth = 0): string[] | null {
    const f = formula.trim().replace(/^=/, "");
    if (f.startsWith('"')) {
      const inner = f.replace(/^"|"$/g, "").replace(/""/g, '"');
      return dedupe(inner.split(",").map((v) => v.trim()));
    }
    const bang = f.lastIndexOf("!");
    if (bang >= 0) {
      const sheetName = f.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
      return this.rangeValues(sheetName, f.slice(bang + 1));
    }
    if (parseRange(f)) return this.rangeValues(sheet.name, f);
    if (depth < 3 && /^[A-Za-z_\\][\w.\\]*$/.test(f)) {
      const key = f.toLowerCase();
      const dn =
        this.names.find((n) => n.name.toLowerCase() === key && n.localSheetId === sheet.index) ??
        this.names.find((n) => n.name.toLowerCase() === key && n.localSheetId === null);
      if (dn) return this.resolve(dn.formula, sheet, depth + 1);
    }
    return null; // INDIRECT(), OFFSET() and other formulas are not evaluated
  }

  private rangeValues(sheetName: string, ref: string): string[] | null {
    const rows =
      this.texts.get(sheetName) ??
      this.texts.get(this.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase())?.name ?? "");
    const range = gridRange(ref);
    if (!rows || !range) return null;
    const values: string[] = [];
    const r2 = Math.min(range.r2, rows.length - 1, range.r1 + MAX_LIST_VALUES);
    for (let r = range.r1; r <= r2; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = range.c1; c <= Math.min(range.c2, row.length - 1, range.c1 + 50); c++) {
        const t = row[c];
        if (t) values.push(t);
      }
    }
    return dedupe(values);
  }
}

function dedupe(values: string[]): string[] | null {
  const out = [...new Set(values.filter((v) => v !== ""))].slice(0, MAX_LIST_VALUES);
  return out.length > 0 ? out : null;
}

function parseSqref(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .map((p) => gridRange(p))
    .filter((r): r is CellRange => r !== null);
}

function parseValidations(xml: string, sheet: SheetPart, resolver: ListResolver, warnings: string[]): ListValidation[] {
  const out: ListValidation[] = [];
  if (!xml.includes("ataValidation")) return out;
  const add = (type: string | null, formula: string | null, sqref: string | null) => {
    if (type !== "list" || !formula || !sqref) return;
    const values = resolver.resolve(formula, sheet);
    const ranges = parseSqref(sqref);
    if (values && ranges.length > 0) out.push({ ranges, values });
    else if (!values)
      warnings.push(
        `sheet '${sheet.name}': a drop-down list (${formula.slice(0, 60)}) could not be resolved; its cells are treated as free text`,
      );
  };
  // Classic <dataValidation type sqref><formula1>…</formula1>, and the x14 extension's
  // <x14:dataValidation type><x14:formula1><xm:f>…</xm:f></x14:formula1><xm:sqref>…</xm:sqref>.
  let open: { type: string | null; sqref: string | null; formula: string | null } | null = null;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local === "dataValidation") {
      if (tag.kind === "close" && open) add(open.type, open.formula, open.sqref);
      const text = xml.slice(tag.start, tag.end);
      open = tag.kind === "open" ? { type: attr(text, "type"), sqref: attr(text, "sqref"), formula: null } : null;
      continue;
    }
    if (!open || tag.kind !== "open") continue;
    if (tag.local === "sqref") open.sqref = elementText(xml, tag).text;
    else if (tag.local === "f" || tag.local === "formula1") {
      // formula1 holds the formula itself (classic) or an <xm:f> with it (x14).
      const next = nextTag(xml, tag.end);
      if (next?.kind === "close" && open.formula === null) open.formula = decodeXml(xml.slice(tag.end, next.start));
    }
  }
  return out;
}
