import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { WriteBackAnswer } from "../../src/export/types.js";

/*
 * Test-side helpers, written independently of the code under test (regexes here are fine: inputs
 * are small and trusted), so the checks do not share the writer's own parsing bugs.
 */

export const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

export interface ExpectedQuestion {
  readonly sheet: string | null;
  readonly row: number | null;
  readonly sourceId: string | null;
  readonly kind: "yes_no" | "choice" | "free_text";
  readonly allowedValues: string[] | null;
  readonly answerCell: string | null;
  readonly commentCell: string | null;
  readonly existingAnswer: string | null;
}

export interface Fixture {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly questions: ExpectedQuestion[];
}

/** Every fixture of this extension that has its golden `.expected.json` next to it. */
export function fixtures(ext: "xlsx" | "csv"): Fixture[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(`.${ext}`) && existsSync(join(FIXTURES, `${f}.expected.json`)))
    .sort()
    .map((file) => ({
      file,
      bytes: new Uint8Array(readFileSync(join(FIXTURES, file))),
      questions: (
        JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), "utf8")) as { questions: ExpectedQuestion[] }
      ).questions,
    }));
}

/** A plausible answer for every question: first allowed value (or "Yes"), and text with XML-hostile characters. */
export function answersFor(questions: readonly ExpectedQuestion[]): WriteBackAnswer[] {
  return questions.map((q) => ({
    sheet: q.sheet,
    row: q.row,
    answerCell: q.answerCell,
    commentCell: q.commentCell,
    kind: q.kind,
    value: q.kind === "free_text" ? null : (q.allowedValues?.[0] ?? "Yes"),
    text: `Answer to ${q.sourceId ?? q.row} — "quoted" & <tagged>\nsecond line`,
    allowedValues: q.allowedValues,
  }));
}

export function unzipParts(bytes: Uint8Array): { names: string[]; parts: Map<string, Uint8Array> } {
  const names: string[] = [];
  const files = unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return true;
    },
  });
  return { names, parts: new Map(names.map((n) => [n, files[n] ?? new Uint8Array()])) };
}

export function partText(bytes: Uint8Array, name: string): string {
  const part = unzipParts(bytes).parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return strFromU8(part);
}

/** cell ref → the cell's raw XML, as written in the sheet part. */
export function cellMap(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<(?:\w+:)?c\s[^>]*?(?:\/>|>.*?<\/(?:\w+:)?c>)/gs)) {
    const ref = /\sr="([A-Z]+[0-9]+)"/.exec(m[0])?.[1];
    if (ref) out.set(ref, m[0]);
  }
  return out;
}

/** The sheet XML with every cell and the dimension removed: what must not change at all. */
export function sheetSkeleton(sheetXml: string): string {
  return sheetXml
    .replace(/<(?:\w+:)?c\s[^>]*?(?:\/>|>.*?<\/(?:\w+:)?c>)/gs, "")
    .replace(/<(?:\w+:)?dimension [^>]*\/>/, "");
}

/** Sheet name → part path, read straight from workbook.xml and its rels. */
export function sheetPaths(bytes: Uint8Array): Map<string, string> {
  const wb = partText(bytes, "xl/workbook.xml");
  const rels = partText(bytes, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship ([^>]*)\/>/g)) {
    const id = /Id="([^"]*)"/.exec(m[1] ?? "")?.[1];
    const target = /Target="([^"]*)"/.exec(m[1] ?? "")?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet ([^>]*)\/>/g)) {
    const name = /name="([^"]*)"/.exec(m[1] ?? "")?.[1];
    const rid = /r:id="([^"]*)"/.exec(m[1] ?? "")?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name && path) out.set(unescapeXml(name), path);
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] ?? "",
  );
}

// --- hand-made workbooks ---------------------------------------------------------------------

export interface SheetSpec {
  readonly name: string;
  /** Everything between `<worksheet …>` and `</worksheet>`. */
  readonly body: string;
  readonly state?: "hidden" | "veryHidden";
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly sharedStrings?: readonly string[];
  /** Write relationship targets as absolute "/xl/worksheets/…" paths. */
  readonly absoluteTargets?: boolean;
  /** Namespace prefix for the worksheet elements (e.g. "x"). */
  readonly prefix?: string;
  readonly extraParts?: Record<string, string>;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf/><xf fontId="1" applyFont="1"/><xf fillId="2" applyFill="1"><alignment wrapText="1"/></xf><xf fillId="2" applyFill="1"/></cellXfs></styleSheet>`;

/** A minimal but valid .xlsx, built by hand so each test controls the exact sheet XML. */
export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  const p = spec.prefix ? `${spec.prefix}:` : "";
  const xmlns = spec.prefix ? `xmlns:${spec.prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const sheetTags = spec.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name.replace(/&/g, "&amp;")}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const dir = spec.absoluteTargets ? "/xl/" : "";
  const rels = spec.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${dir}worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const n = spec.sheets.length;
  const sst = spec.sharedStrings ?? [];
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${spec.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          "",
        )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `${XML_DECL}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `${XML_DECL}<${p}workbook ${xmlns} xmlns:r="${REL_NS}"><${p}sheets>${sheetTags.replaceAll("<sheet ", `<${p}sheet `)}</${p}sheets><${p}definedNames><${p}definedName name="YesNo">Lists!$A$1:$A$3</${p}definedName></${p}definedNames></${p}workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${XML_DECL}<Relationships xmlns="${PKG_RELS}">${rels}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="${dir}styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="${dir}sharedStrings.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(STYLES),
    "xl/sharedStrings.xml": strToU8(
      `${XML_DECL}<sst xmlns="${MAIN_NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("")}</sst>`,
    ),
  };
  spec.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `${XML_DECL}<${p}worksheet ${xmlns} xmlns:r="${REL_NS}">${s.body}</${p}worksheet>`,
    );
  });
  for (const [name, text] of Object.entries(spec.extraParts ?? {})) files[name] = strToU8(text);
  return zipSync(files);
}

export function answer(partial: Partial<WriteBackAnswer> & Pick<WriteBackAnswer, "answerCell">): WriteBackAnswer {
  return {
    sheet: "Questions",
    row: null,
    commentCell: null,
    kind: "yes_no",
    value: null,
    text: "",
    allowedValues: null,
    ...partial,
  };
}

/** RFC 4180 reader for the checks (independent of src/export/csv). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
