/**
 * Reads an .xlsx into SheetGrids. Cell values, merges and hidden rows come from SheetJS; what
 * SheetJS does not expose (sheet visibility as written, defined names, list data validations in
 * both the classic and the x14 extension form, bold cell styles) is read from the XML parts.
 * The zip directory has already been judged by inspectZip before this runs.
 */
// SheetJS 0.20.3 from the SheetJS CDN (npm alias @e965/xlsx): the patched build. The registry's
// xlsx@0.18.5 is vulnerable to prototype pollution (CVE-2023-30533) and ReDoS (CVE-2024-22363).

import { zipSync } from "fflate";
import * as XLSX from "xlsx";
import { QuireError } from "../domain/errors.js";
import { columnNumber, parseRange } from "../domain/questionnaire/cell-ref.js";
import { type CellRange, gridRange, type ListValidation, type SheetGrid } from "./grid.js";
import { type IngestLimits, tooManyCells, tooManyColumns, tooManyRows } from "./limits.js";
import { attr, unescapeXml } from "./xml.js";
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

interface SheetEntry {
  name: string;
  state: string;
  rid: string;
  path: string | null;
  localIndex: number;
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
  // reads an uncompressed re-pack of just those parts, so it never inflates anything unchecked.
  const parts = readParts(bytes, isWorkbookPart);
  const decoder = new TextDecoder("utf-8");
  const text = (name: string) => {
    const data = parts.get(name);
    return data ? decoder.decode(data) : "";
  };
  const workbookXml = text("xl/workbook.xml");
  const entries = parseSheets(workbookXml, text("xl/_rels/workbook.xml.rels"));
  const names = parseDefinedNames(workbookXml);
  const boldStyles = parseBoldStyles(text("xl/styles.xml"));

  let wb: XLSX.WorkBook;
  try {
    const repacked = zipSync(Object.fromEntries(parts), { level: 0 });
    wb = XLSX.read(repacked, {
      type: "array",
      dense: true,
      cellStyles: true, // needed for !rows (hidden rows)
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
  const rawSheets: { entry: SheetEntry; ws: XLSX.WorkSheet; rows: string[][] }[] = [];
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
    const xml = entry.path ? text(entry.path) : "";
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

function parseSheets(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1] ?? "", "Id");
    const target = attr(m[1] ?? "", "Target");
    if (id && target) targets.set(id, target);
  }
  const out: SheetEntry[] = [];
  let i = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = m[1] ?? "";
    const name = attr(a, "name");
    if (name === null) continue;
    const rid = attr(a, "r:id") ?? attr(a, "[\\w]+:id") ?? "";
    const target = targets.get(rid);
    let path: string | null = null;
    if (target) path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    out.push({ name, state: attr(a, "state") ?? "visible", rid, path, localIndex: i++ });
  }
  return out;
}

function parseDefinedNames(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const name = attr(m[1] ?? "", "name");
    if (!name) continue;
    const local = attr(m[1] ?? "", "localSheetId");
    out.push({ name, localSheetId: local === null ? null : Number(local), formula: unescapeXml(m[2] ?? "").trim() });
  }
  return out;
}

/** Indices into cellXfs whose font is bold. */
function parseBoldStyles(stylesXml: string): Set<number> {
  const bold = new Set<number>();
  const fontsBlock = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(stylesXml)?.[1] ?? "";
  const boldFonts: boolean[] = [];
  for (const m of fontsBlock.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)) {
    const body = m[1] ?? "";
    boldFonts.push(/<b\s*\/>|<b\s+val="(1|true)"\s*\/>/.test(body));
  }
  const xfsBlock = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  let i = 0;
  for (const m of xfsBlock.matchAll(/<xf\b([^>]*)\/?>/g)) {
    const fontId = Number(attr(m[1] ?? "", "fontId") ?? "0");
    if (boldFonts[fontId]) bold.add(i);
    i++;
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
  for (const m of sheetXml.matchAll(/<c\s+r="([A-Z]{1,3})(\d+)"([^>]*)>/g)) {
    const s = /\ss="(\d+)"/.exec(m[3] ?? "")?.[1];
    if (s === undefined || !boldStyles.has(Number(s))) continue;
    const r = Number(m[2]) - 1;
    const fc = firstFilled.get(r);
    if (fc === undefined) continue;
    if (columnNumber(m[1] ?? "") === fc + 1) out.add(r);
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
    private readonly sheets: readonly SheetEntry[],
  ) {}

  resolve(formula: string, sheet: SheetEntry, depth = 0): string[] | null {
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
        this.names.find((n) => n.name.toLowerCase() === key && n.localSheetId === sheet.localIndex) ??
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

function parseValidations(
  xml: string,
  sheet: SheetEntry,
  resolver: ListResolver,
  warnings: string[],
): ListValidation[] {
  const out: ListValidation[] = [];
  if (!xml.includes("ataValidation")) return out;
  const add = (type: string | null, formula: string | null, sqref: string | null) => {
    if (type !== "list" || !formula || !sqref) return;
    const values = resolver.resolve(unescapeXml(formula), sheet);
    const ranges = parseSqref(sqref);
    if (values && ranges.length > 0) out.push({ ranges, values });
    else if (!values)
      warnings.push(
        `sheet '${sheet.name}': a drop-down list (${formula.slice(0, 60)}) could not be resolved; its cells are treated as free text`,
      );
  };
  for (const m of xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
    const a = m[1] ?? "";
    add(attr(a, "type"), /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2] ?? "")?.[1] ?? null, attr(a, "sqref"));
  }
  for (const m of xml.matchAll(/<x14:dataValidation\b([^>]*)>([\s\S]*?)<\/x14:dataValidation>/g)) {
    const body = m[2] ?? "";
    add(
      attr(m[1] ?? "", "type"),
      /<x14:formula1>\s*<xm:f>([\s\S]*?)<\/xm:f>/.exec(body)?.[1] ?? null,
      /<xm:sqref>([\s\S]*?)<\/xm:sqref>/.exec(body)?.[1] ?? null,
    );
  }
  return out;
}
