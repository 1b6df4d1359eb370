import { attr, nextTag } from "./xml.js";

/*
 * The OOXML package structure, for ingest and write-back alike: which part is the workbook, which
 * parts hold its worksheets (relationship targets resolved against the owning part's folder), and
 * where the shared strings are.
 */

/** A worksheet of the workbook and the zip part that holds it. */
export interface SheetPart {
  readonly name: string;
  readonly path: string;
  /** As workbook.xml says: visible, hidden or veryHidden. */
  readonly state: string;
  /** Position among all the workbook's sheets (chartsheets included), as defined names' localSheetId count. */
  readonly index: number;
}

export interface WorkbookParts {
  /** Worksheets in workbook order (chartsheets and dialog sheets left out: nothing to fill). */
  readonly sheets: SheetPart[];
  readonly sharedStrings: string | null;
}

const WORKSHEET_TYPE = "/worksheet";
const SHARED_STRINGS_TYPE = "/sharedStrings";

/** Resolve a relationship target against the folder of the part that owns the rels file. */
export function resolveTarget(baseDir: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : `${baseDir}${target}`;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function relationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local !== "Relationship" || (tag.kind !== "open" && tag.kind !== "self")) continue;
    const text = xml.slice(tag.start, tag.end);
    const id = attr(text, "Id");
    const target = attr(text, "Target");
    if (id === null || target === null) continue;
    out.push({ id, target, type: attr(text, "Type") ?? "", external: attr(text, "TargetMode") === "External" });
  }
  return out;
}

/** The main workbook part, from the package root rels (usually xl/workbook.xml). */
export function workbookPath(rootRels: string | null): string {
  if (rootRels !== null) {
    const main = relationships(rootRels).find((r) => r.type.endsWith("/officeDocument") && !r.external);
    if (main) return resolveTarget("", main.target);
  }
  return "xl/workbook.xml";
}

export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

export function locateParts(workbookPartPath: string, workbookXml: string, workbookRels: string): WorkbookParts {
  const baseDir = workbookPartPath.slice(0, workbookPartPath.lastIndexOf("/") + 1);
  const rels = relationships(workbookRels);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let index = -1;
  for (let tag = nextTag(workbookXml, 0); tag; tag = nextTag(workbookXml, tag.end)) {
    if (tag.local !== "sheet" || (tag.kind !== "open" && tag.kind !== "self")) continue;
    index++;
    const text = workbookXml.slice(tag.start, tag.end);
    const name = attr(text, "name");
    // r:id is namespaced; the prefix is almost always `r` but is not required to be.
    const rid = attr(text, "r:id") ?? ridWithAnyPrefix(text);
    const rel = rid === null ? undefined : byId.get(rid);
    if (name === null || !rel || rel.external || !rel.type.endsWith(WORKSHEET_TYPE)) continue;
    sheets.push({ name, path: resolveTarget(baseDir, rel.target), state: attr(text, "state") ?? "visible", index });
  }
  const sst = rels.find((r) => r.type.endsWith(SHARED_STRINGS_TYPE) && !r.external);
  return { sheets, sharedStrings: sst ? resolveTarget(baseDir, sst.target) : null };
}

function ridWithAnyPrefix(tagText: string): string | null {
  const m = /\s[A-Za-z_][\w.-]*:id\s*=\s*"([^"]*)"/.exec(tagText);
  return m?.[1] ?? null;
}
