import { QuireError } from "../domain/errors.js";
import { locateParts, relsPathFor, type SheetPart, workbookPath } from "../ingest/ooxml.js";
import { decideWrites, type Surface } from "./decide.js";
import type { WriteBackAnswer, WriteBackOptions, WriteBackResult } from "./types.js";
import { byteString } from "./xlsx/bytes.js";
import { readSharedStrings } from "./xlsx/shared-strings.js";
import { applyWrites, cellState, findCell, mergeAnchor, parseSheet, type SheetModel } from "./xlsx/sheet.js";
import { partData, readPackage, writePackage } from "./zip.js";

/*
 * Surgical write-back into the customer's own .xlsx. SheetJS (community) drops styles, data
 * validation and more when it writes, so the package is edited part by part instead: only the
 * worksheets that receive answers are rewritten, and in them only the answer cells (plus the
 * <dimension> when a cell falls outside it). Every other part is copied as stored in the original
 * (the same compressed bytes), and the zip was opened once for ingest and write-back alike.
 * Worksheets and the shared strings are read as byte strings (xlsx/bytes.ts): an edited sheet is
 * its original bytes with the new cells spliced in, never decoded and re-encoded whole.
 */

const decoder = new TextDecoder("utf-8", { fatal: false });

interface LoadedSheet {
  readonly part: SheetPart;
  /** The part as a byte string (xlsx/bytes.ts: offsets are byte offsets). */
  readonly xml: string;
  readonly model: SheetModel;
}

export function writeBackXlsx(
  original: Uint8Array,
  answers: readonly WriteBackAnswer[],
  options?: WriteBackOptions,
): WriteBackResult {
  const archive = readPackage(original);
  const data = (name: string | null) => {
    const bytes = name === null ? null : partData(archive, name);
    if (name === null || bytes === null) return null;
    refuseUtf16(name, bytes);
    return bytes;
  };
  const text = (name: string | null) => {
    const bytes = data(name);
    return bytes === null ? null : decoder.decode(bytes);
  };

  const wbPath = workbookPath(text("_rels/.rels"));
  const wbXml = text(wbPath);
  const wbRels = text(relsPathFor(wbPath));
  if (wbXml === null || wbRels === null) {
    throw new QuireError("export_invalid_xlsx", "the original file has no workbook part; is it really an .xlsx?", 422);
  }
  const parts = locateParts(wbPath, wbXml, wbRels);

  let sst: ((index: number) => string) | null = null;
  const sharedStrings = (index: number) => {
    if (sst === null) {
      const bytes = data(parts.sharedStrings);
      sst = readSharedStrings(bytes === null ? "" : byteString(bytes));
    }
    return sst(index);
  };
  const loaded = new Map<string, LoadedSheet>();
  const load = (part: SheetPart): LoadedSheet | null => {
    const cached = loaded.get(part.path);
    if (cached) return cached;
    const bytes = data(part.path);
    if (bytes === null) return null;
    const xml = byteString(bytes);
    const sheet = { part, xml, model: parseSheet(xml) };
    loaded.set(part.path, sheet);
    return sheet;
  };

  // Answers name a handful of sheets thousands of times: each name is looked up once.
  type Target = ReturnType<Surface<LoadedSheet>["target"]>;
  const targets = new Map<string | null, Target>();
  const target = (name: string | null): Target => {
    let found = targets.get(name);
    if (found === undefined) {
      found = findTarget(name);
      targets.set(name, found);
    }
    return found;
  };
  const findTarget = (name: string | null): Target => {
    const part = findSheet(parts.sheets, name);
    if (!part) return { warning: `no worksheet named "${name}" in the workbook` };
    const sheet = load(part);
    if (!sheet) return { warning: `worksheet "${part.name}" is missing from the package (${part.path})` };
    if (!sheet.model.sheetData) return { warning: `worksheet "${part.name}" has no cell data section` };
    return { key: sheet, name: part.name };
  };

  const surface: Surface<LoadedSheet> = {
    target: (answer) => target(answer.sheet),
    redirect: (sheet, address) => mergeAnchor(sheet.model, address) ?? address,
    state: (sheet, address) => cellState(sheet.xml, findCell(sheet.xml, sheet.model, address), sharedStrings),
  };

  const decision = decideWrites(answers, options, surface);
  const result = { cellsWritten: decision.cellsWritten, cellsKept: decision.cellsKept, warnings: decision.warnings };
  // Nothing to write: hand back the very same bytes rather than a re-zipped copy.
  if (decision.writes.size === 0) return { bytes: original, ...result };

  const replaced = new Map<string, Uint8Array>();
  for (const [sheet, writes] of decision.writes) {
    replaced.set(sheet.part.path, applyWrites(sheet.xml, sheet.model, writes));
  }
  return { bytes: writePackage(archive, replaced), ...result };
}

function refuseUtf16(name: string, d: Uint8Array): void {
  // OOXML allows UTF-16 parts; no mainstream producer writes them, so refuse rather than corrupt.
  if (d.length >= 2 && ((d[0] === 0xff && d[1] === 0xfe) || (d[0] === 0xfe && d[1] === 0xff))) {
    throw new QuireError("export_unsupported_xlsx", `part ${name} is UTF-16 encoded; cannot write back`, 422);
  }
}

/** Sheet names are case-insensitive in Excel; a missing name means the first worksheet. */
function findSheet(sheets: readonly SheetPart[], name: string | null): SheetPart | undefined {
  if (name === null) return sheets[0];
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
