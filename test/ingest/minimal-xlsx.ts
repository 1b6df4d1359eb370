/**
 * A tiny hand-rolled xlsx writer for ingest tests that need exact control over the XML (crafted
 * hostile names, shared strings, validations, hidden rows), built with fflate. Not a general
 * writer: inline strings unless `shared` is set, no styles beyond one bold font.
 */
import { zipSync } from "fflate";

export interface MiniSheet {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  /** Rows of cell texts from A1; "" = empty cell. */
  rows: string[][];
  hiddenRows?: number[];
  /** Rows (1-based) whose cells are bold. */
  boldRows?: number[];
  merges?: string[];
  /** Raw XML inserted after </sheetData> (mergeCells are added separately), e.g. <dataValidations>. */
  afterData?: string;
}

export interface MiniWorkbook {
  sheets: MiniSheet[];
  definedNames?: { name: string; ref: string }[];
  /** Store strings in sharedStrings.xml instead of inline. */
  shared?: boolean;
  /** Extra zip entries (name → content). */
  extra?: Record<string, string | Uint8Array>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function col(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function buildXlsx(wb: MiniWorkbook): Uint8Array {
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string | Uint8Array) => {
    files[name] = typeof text === "string" ? enc.encode(text) : text;
  };
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const sst = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  wb.sheets.forEach((sheet, i) => {
    const hidden = new Set(sheet.hiddenRows ?? []);
    const bold = new Set(sheet.boldRows ?? []);
    const rows = sheet.rows
      .map((cells, r) => {
        const rn = r + 1;
        const cs = cells
          .map((t, c) => {
            if (t === "") return "";
            const ref = `${col(c)}${rn}`;
            const s = bold.has(rn) ? ' s="1"' : "";
            if (wb.shared) return `<c r="${ref}"${s} t="s"><v>${sst(t)}</v></c>`;
            return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(t)}</t></is></c>`;
          })
          .join("");
        return `<row r="${rn}"${hidden.has(rn) ? ' hidden="1"' : ""}>${cs}</row>`;
      })
      .join("");
    const merges = sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${merges}${sheet.afterData ?? ""}</worksheet>`,
    );
  });
  const sheetsXml = wb.sheets
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const names = wb.definedNames?.length
    ? `<definedNames>${wb.definedNames.map((d) => `<definedName name="${esc(d.name)}">${esc(d.ref)}</definedName>`).join("")}</definedNames>`
    : "";
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetsXml}</sheets>${names}</workbook>`,
  );
  const rels = wb.sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const n = wb.sheets.length;
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${wb.shared ? `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
  );
  put(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
  );
  if (wb.shared) {
    put(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
    );
  }
  const overrides = wb.sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${wb.shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  for (const [name, content] of Object.entries(wb.extra ?? {})) put(name, content);
  return zipSync(files, { level: 6 });
}

/** A classic list validation on `sqref` with formula1 `formula` (already in formula syntax). */
export function listValidation(sqref: string, formula: string): string {
  return `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${sqref}"><formula1>${esc(formula)}</formula1></dataValidation></dataValidations>`;
}
