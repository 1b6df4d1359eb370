import {
  type CellAddress,
  formatCellRef,
  MAX_COL,
  MAX_ROW,
  parseCellRef,
  parseRange,
} from "../../domain/questionnaire/cell-ref.js";
import { isPlaceholderAnswer } from "../../ingest/vocabulary.js";
import { attr, decodeXml, nextTag } from "../../ingest/xml.js";
import type { CellState, CellWrite } from "../decide.js";
import { escapeXml, replaceAttr, stripInvalidXmlChars } from "../xml.js";
import { type ByteSplice, spliceBytes, textAttr, textOf, utf8Bytes } from "./bytes.js";

/**
 * Offsets of the parts of one worksheet XML that a write-back may touch. One linear pass over the
 * tags; nothing is copied, so a 50 MB sheet costs one scan plus the spans of the answer cells.
 *
 * `xml` is everywhere the part as a byte string (./bytes.ts: one character per byte), so every
 * offset here is a byte offset into the part; text read from it goes through `textOf`/`textAttr`,
 * and what is written into it is bytes (`utf8Bytes`).
 */
export interface CellSpan {
  readonly row: number;
  readonly col: number;
  readonly start: number;
  readonly end: number;
  /** Index just after the start tag (== end when self-closing). */
  readonly openEnd: number;
}

export interface RowSpan {
  readonly r: number;
  readonly start: number;
  readonly openEnd: number;
  end: number;
  /** Index of `</row>`; -1 for a self-closing row. */
  closeStart: number;
  readonly selfClosing: boolean;
  /** Namespace prefix of the row's tag (its cells' tags carry the same). */
  readonly prefix: string;
  /** The row's cells, read on first use (`cellsOf`): a write-back touches a few rows of thousands. */
  cells: CellSpan[] | null;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface SheetModel {
  /** Namespace prefix of the sheet's elements, usually empty (`x:` in some generators' output). */
  readonly prefix: string;
  readonly sheetData: (Span & { readonly openEnd: number; closeStart: number; readonly selfClosing: boolean }) | null;
  readonly rows: RowSpan[];
  readonly rowsByNumber: Map<number, RowSpan>;
  readonly dimension: Span | null;
  readonly merges: { from: CellAddress; to: CellAddress }[];
  readonly colStyles: { min: number; max: number; style: string }[];
}

export function parseSheet(xml: string): SheetModel {
  let prefix = "";
  let sheetData: SheetModel["sheetData"] = null;
  let dimension: Span | null = null;
  const rows: RowSpan[] = [];
  const merges: SheetModel["merges"] = [];
  const colStyles: SheetModel["colStyles"] = [];
  let inData = false;
  let lastRow = 0;

  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.kind === "other") continue;
    const current = tag;
    const text = () => xml.slice(current.start, current.end);
    if (inData) {
      if (tag.local === "row" && tag.kind !== "close") {
        // `r` is optional in the schema: rows without it follow the previous one.
        const r = plainRowNumber(xml, tag.start + tag.name.length + 1) ?? Number(attr(text(), "r") ?? lastRow + 1);
        lastRow = r;
        const selfClosing = tag.kind === "self";
        // A row holds only cells, and cell text cannot contain a literal `</row>` (it would be
        // `&lt;/row>`), so its end is found without visiting every tag of every cell.
        const closeStart = selfClosing ? -1 : xml.indexOf(`</${tag.name}>`, tag.end);
        if (!selfClosing && closeStart < 0) break; // truncated: no further rows to find
        const end = selfClosing ? tag.end : closeStart + tag.name.length + 3;
        rows.push({
          r,
          prefix: tag.name.slice(0, tag.name.length - tag.local.length),
          start: tag.start,
          openEnd: tag.end,
          end,
          closeStart,
          selfClosing,
          cells: selfClosing ? [] : null,
        });
        // Continue after the row: the loop's nextTag starts at `tag.end`.
        tag = { ...tag, end };
      } else if (tag.local === "sheetData" && tag.kind === "close" && sheetData) {
        sheetData.closeStart = tag.start;
        inData = false;
      }
      continue;
    }
    if (tag.local === "sheetData" && !sheetData && tag.kind !== "close") {
      prefix = tag.name.slice(0, tag.name.length - tag.local.length);
      const selfClosing = tag.kind === "self";
      sheetData = { start: tag.start, end: tag.end, openEnd: tag.end, closeStart: -1, selfClosing };
      inData = !selfClosing;
    } else if (tag.local === "dimension" && !sheetData && tag.kind !== "close") {
      dimension = { start: tag.start, end: tag.end };
    } else if (tag.local === "col" && !sheetData && tag.kind !== "close") {
      const t = text();
      const style = textAttr(t, "style");
      const min = Number(attr(t, "min"));
      const max = Number(attr(t, "max") ?? min);
      if (style !== null && Number.isInteger(min)) colStyles.push({ min, max, style });
    } else if (tag.local === "mergeCell" && tag.kind !== "close") {
      const range = parseRange(attr(text(), "ref") ?? "");
      if (range) merges.push(range);
    }
  }
  return { prefix, sheetData, rows, rowsByNumber: new Map(rows.map((r) => [r.r, r])), dimension, merges, colStyles };
}

/** The row number of a start tag that goes on ` r="12"` at `at` (as producers write it); null for anything else. */
function plainRowNumber(xml: string, at: number): number | null {
  if (!xml.startsWith(' r="', at)) return null;
  let i = at + 4;
  let r = 0;
  for (let ch = xml.charCodeAt(i); ch >= 0x30 && ch <= 0x39; ch = xml.charCodeAt(++i)) r = r * 10 + (ch - 0x30);
  return i > at + 4 && i - at - 4 <= 9 && xml.charCodeAt(i) === 0x22 ? r : null;
}

function cellRefAttr(tag: string): CellAddress | null {
  const ref = attr(tag, "r");
  return ref === null ? null : parseCellRef(ref);
}

/**
 * The address of a cell whose start tag begins ` r="C5"` at `at` (as every producer writes it),
 * read without slicing or decoding; null for anything else, which then takes the general path
 * (`attr` and `parseCellRef`): the two agree wherever this one answers.
 */
function plainCellRef(xml: string, at: number, openEnd: number): CellAddress | null {
  if (!xml.startsWith(' r="', at)) return null;
  let i = at + 4;
  let col = 0;
  const lettersStart = i;
  for (let ch = xml.charCodeAt(i); ch >= 0x41 && ch <= 0x5a; ch = xml.charCodeAt(++i)) col = col * 26 + (ch - 0x40);
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3 || col > MAX_COL) return null;
  const digitsStart = i;
  if (xml.charCodeAt(i) === 0x30) return null; // a leading zero: not a reference parseCellRef takes
  let row = 0;
  for (let ch = xml.charCodeAt(i); ch >= 0x30 && ch <= 0x39; ch = xml.charCodeAt(++i)) row = row * 10 + (ch - 0x30);
  const digits = i - digitsStart;
  if (digits < 1 || digits > 7 || row > MAX_ROW || i >= openEnd || xml.charCodeAt(i) !== 0x22) return null;
  return { col, row };
}

/** The cells of one row (parsed once, then kept on the row). */
export function cellsOf(xml: string, row: RowSpan): CellSpan[] {
  if (row.cells) return row.cells;
  const cells: CellSpan[] = [];
  let lastCol = 0;
  const nameEnd = row.prefix.length + 2; // `<` + prefix + `c`
  const add = (start: number, openEnd: number, end: number) => {
    const address = plainCellRef(xml, start + nameEnd, openEnd) ?? cellRefAttr(xml.slice(start, openEnd));
    const col = address?.col ?? lastCol + 1;
    lastCol = col;
    cells.push({ row: address?.row ?? row.r, col, start, openEnd, end });
  };
  // A comment or CDATA section inside the row could hide a `<c`: then visit every tag.
  // (Searched within the row only: an unbounded indexOf per row would scan the rest of the sheet.)
  if (xml.slice(row.openEnd, row.closeStart).includes("<!")) {
    let open: { start: number; openEnd: number } | null = null;
    for (let tag = nextTag(xml, row.openEnd); tag && tag.start < row.closeStart; tag = nextTag(xml, tag.end)) {
      if (tag.local !== "c" || tag.kind === "other") continue;
      if (tag.kind === "close") {
        if (open) add(open.start, open.openEnd, tag.end);
        open = null;
      } else if (tag.kind === "self") add(tag.start, tag.end, tag.end);
      else open = { start: tag.start, openEnd: tag.end };
    }
  } else {
    // Cells only: jump from `<c` to `</c>` (cell text cannot hold a literal `<`), skipping the
    // tags inside each cell, which a 5,000-row sheet has ~150,000 of.
    const prefix = row.prefix;
    const openName = `<${prefix}c`;
    const closeName = `</${prefix}c>`;
    for (let at = row.openEnd; ; ) {
      const i = xml.indexOf(openName, at);
      if (i < 0 || i >= row.closeStart) break;
      at = i + openName.length;
      const next = xml.charCodeAt(at);
      if (!(next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f || next === 0x3e))
        continue;
      const tag = nextTag(xml, i);
      if (!tag) break;
      if (tag.kind === "self") {
        add(tag.start, tag.end, tag.end);
        at = tag.end;
        continue;
      }
      const close = xml.indexOf(closeName, tag.end);
      if (close < 0 || close >= row.closeStart) break;
      at = close + closeName.length;
      add(tag.start, tag.end, at);
    }
  }
  row.cells = cells;
  return cells;
}

export function findCell(xml: string, model: SheetModel, address: CellAddress): CellSpan | undefined {
  const row = model.rowsByNumber.get(address.row);
  return row && cellsOf(xml, row).find((c) => c.col === address.col && c.row === address.row);
}

/** The top-left cell of the merged range covering `address`, if `address` is hidden inside one. */
export function mergeAnchor(model: SheetModel, address: CellAddress): CellAddress | null {
  for (const m of model.merges) {
    const inside =
      address.row >= m.from.row && address.row <= m.to.row && address.col >= m.from.col && address.col <= m.to.col;
    if (inside && (address.row !== m.from.row || address.col !== m.from.col)) return m.from;
  }
  return null;
}

/**
 * Whether the customer already put something in this cell. Blank strings and a template's prompt
 * count as empty (templates often pre-fill answer cells with "" or "Please select"); formulas always
 * count as filled.
 */
export function cellState(
  xml: string,
  cell: CellSpan | undefined,
  sharedStrings: (index: number) => string,
): CellState {
  if (!cell || cell.openEnd === cell.end) return "empty";
  const type = attr(xml.slice(cell.start, cell.openEnd), "t");
  let text = "";
  for (let tag = nextTag(xml, cell.openEnd); tag && tag.start < cell.end; tag = nextTag(xml, tag.end)) {
    if (tag.local === "f") return "formula";
    if ((tag.local === "v" || tag.local === "t") && tag.kind === "open") {
      const close = xml.indexOf("<", tag.end);
      const raw = decodeXml(textOf(xml.slice(tag.end, close < 0 ? tag.end : close)));
      text += tag.local === "v" && type === "s" ? sharedStrings(Number(raw)) : raw;
    }
  }
  // A template's prompt ("Please select", "Enter comments here") is no customer answer, as ingest reads it.
  return text.trim() === "" || isPlaceholderAnswer(text) ? "empty" : "value";
}

/** The style a new cell should get: what Excel would apply when typing into it (row, then column format). */
function inheritedStyle(xml: string, model: SheetModel, address: CellAddress): string | null {
  const row = model.rowsByNumber.get(address.row);
  if (row) {
    const open = xml.slice(row.start, row.openEnd);
    const custom = textAttr(open, "customFormat");
    const s = textAttr(open, "s");
    if (s !== null && (custom === "1" || custom === "true")) return s;
  }
  return model.colStyles.find((c) => address.col >= c.min && address.col <= c.max)?.style ?? null;
}

/**
 * Text as Excel stores it: no characters XML cannot carry, LF line breaks, and a literal `_x0041_`
 * protected as `_x005F_x0041_` because Excel decodes that escape syntax in cell text.
 */
export function cellText(text: string): string {
  const clean = stripInvalidXmlChars(text).replace(/\r\n?/g, "\n");
  return escapeXml(clean.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"));
}

/** The cell as bytes: `prefix` and `body` are byte strings already (the body escaped), `style` is text. */
function inlineStringCell(prefix: string, ref: string, style: string | null, body: string): string {
  const s = style !== null && style !== "0" ? ` s="${utf8Bytes(escapeXml(style))}"` : "";
  const p = prefix;
  // Clearing a cell (a replaced mark) keeps its style and holds no value, not an empty string that
  // a buyer's COUNTA over the mark columns would still count.
  if (body === "") return `<${p}c r="${ref}"${s}/>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${body}</${p}t></${p}is></${p}c>`;
}

type Splice = ByteSplice;

/** Binary search: the first row whose number is greater than `r` (rows are in ascending order in valid sheets). */
function firstRowAfter(rows: readonly RowSpan[], r: number): RowSpan | undefined {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]?.r ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return rows[lo];
}

/**
 * The sheet part with each write applied as an inline-string cell: existing cells are replaced
 * (keeping their style), missing cells and rows are inserted in order. Every other byte of the
 * part is copied unchanged, except `<dimension ref>` when a write falls outside it.
 */
export function applyWrites(xml: string, model: SheetModel, writes: readonly CellWrite[]): Uint8Array {
  const p = model.prefix;
  // A workbook repeats its answers (the same entry for many rows): each distinct text is made once.
  const bodies = new Map<string, string>();
  const cellXml = (ref: string, style: string | null, text: string) => {
    let body = bodies.get(text);
    if (body === undefined) {
      body = utf8Bytes(cellText(text));
      bodies.set(text, body);
    }
    return inlineStringCell(p, ref, style, body);
  };
  const splices: Splice[] = [];
  const newRows = new Map<number, CellWrite[]>();
  const intoRow = new Map<RowSpan, CellWrite[]>();

  for (const w of writes) {
    const ref = formatCellRef(w.address);
    const existing = findCell(xml, model, w.address);
    if (existing) {
      const style = textAttr(xml.slice(existing.start, existing.openEnd), "s");
      splices.push({ start: existing.start, end: existing.end, bytes: cellXml(ref, style, w.text) });
      continue;
    }
    const row = model.rowsByNumber.get(w.address.row);
    if (row) intoRow.set(row, [...(intoRow.get(row) ?? []), w]);
    else newRows.set(w.address.row, [...(newRows.get(w.address.row) ?? []), w]);
  }

  const cellsXml = (list: readonly CellWrite[]) =>
    [...list]
      .sort((a, b) => a.address.col - b.address.col)
      .map((w) => cellXml(formatCellRef(w.address), inheritedStyle(xml, model, w.address), w.text));

  for (const [row, list] of intoRow) {
    if (row.selfClosing) {
      // `<row r="4" ht="20"/>` becomes `<row r="4" ht="20">…</row>`, attributes untouched.
      const open = xml.slice(row.start, row.end).replace(/\s*\/>$/, ">");
      splices.push({ start: row.start, end: row.end, bytes: `${open}${cellsXml(list).join("")}</${p}row>` });
      continue;
    }
    for (const w of [...list].sort((a, b) => a.address.col - b.address.col)) {
      const before = cellsOf(xml, row).find((c) => c.col > w.address.col);
      const at = before ? before.start : row.closeStart;
      const [cell = ""] = cellsXml([w]);
      splices.push({ start: at, end: at, bytes: cell });
    }
  }

  if (newRows.size > 0) {
    const data = model.sheetData;
    if (!data) throw new Error("worksheet has no <sheetData>");
    for (const r of [...newRows.keys()].sort((a, b) => a - b)) {
      const rowXml = `<${p}row r="${r}">${cellsXml(newRows.get(r) ?? []).join("")}</${p}row>`;
      if (data.selfClosing) {
        splices.push({ start: data.start, end: data.end, bytes: `<${p}sheetData>${rowXml}</${p}sheetData>` });
        continue;
      }
      const at = firstRowAfter(model.rows, r)?.start ?? data.closeStart;
      splices.push({ start: at, end: at, bytes: rowXml });
    }
  }

  const dim = dimensionSplice(xml, model, writes);
  if (dim) splices.push(dim);
  return spliceBytes(xml, ordered(mergeSheetDataSplices(splices, model)));
}

/** Several new rows into a self-closing `<sheetData/>` must become one replacement, not several. */
function mergeSheetDataSplices(splices: Splice[], model: SheetModel): Splice[] {
  const data = model.sheetData;
  if (!data?.selfClosing) return splices;
  const replacing = splices.filter((s) => s.start === data.start && s.end === data.end);
  if (replacing.length <= 1) return splices;
  const open = `<${model.prefix}sheetData>`;
  const close = `</${model.prefix}sheetData>`;
  const inner = replacing.map((s) => s.bytes.slice(open.length, s.bytes.length - close.length)).join("");
  return [
    ...splices.filter((s) => !replacing.includes(s)),
    { start: data.start, end: data.end, bytes: open + inner + close },
  ];
}

function dimensionSplice(xml: string, model: SheetModel, writes: readonly CellWrite[]): Splice | null {
  if (!model.dimension || writes.length === 0) return null;
  const tag = xml.slice(model.dimension.start, model.dimension.end);
  const ref = attr(tag, "ref");
  const range = ref === null ? null : parseRange(ref);
  if (!range) return null;
  let { from, to } = range;
  // A sheet with no cells reports A1; the first real cell then defines the range.
  const empty = model.rows.every((r) => cellsOf(xml, r).length === 0) && from.row === to.row && from.col === to.col;
  if (empty) {
    from = writes[0]?.address ?? from;
    to = from;
  }
  let { row: r1, col: c1 } = from;
  let { row: r2, col: c2 } = to;
  for (const { address: a } of writes) {
    r1 = Math.min(r1, a.row);
    c1 = Math.min(c1, a.col);
    r2 = Math.max(r2, a.row);
    c2 = Math.max(c2, a.col);
  }
  const a = formatCellRef({ row: r1, col: c1 });
  const b = formatCellRef({ row: r2, col: c2 });
  const next = a === b ? a : `${a}:${b}`;
  if (next === ref) return null;
  // The tag's own bytes with the new range (ASCII) in place of the old one.
  return { start: model.dimension.start, end: model.dimension.end, bytes: replaceAttr(tag, "ref", next) };
}

/** In file order; insertions (empty spans) go before a replacement that starts at the same offset. */
function ordered(splices: Splice[]): Splice[] {
  // Array.prototype.sort is stable: splices that start and end alike keep the order they were made in.
  return splices.sort((x, y) => x.start - y.start || x.end - y.end);
}
