/**
 * Ingest: a customer's questionnaire file (xlsx, csv, pdf) → Questionnaire. The format is taken
 * from the bytes, every limit is checked before the expensive step it protects, and every refusal
 * is a QuireError with a stable code.
 */
import { QuireError } from "../domain/errors.js";
import type { LayoutHints } from "../domain/questionnaire/layout-hints.js";
import type { Question, Questionnaire, SourceFormat } from "../domain/questionnaire/types.js";
import { readCsv } from "./csv.js";
import { extractQuestions } from "./detect-questions.js";
import type { SheetGrid } from "./grid.js";
import { checkFileSize, DEFAULT_LIMITS, type IngestLimits } from "./limits.js";
import { readPdf } from "./pdf.js";
import { sniffFormat } from "./sniff.js";
import { detectTables } from "./tables.js";
import { readXlsx } from "./xlsx.js";
import { inspectZip } from "./zip-inspect.js";

export type { IngestLimits } from "./limits.js";
export { DEFAULT_LIMITS } from "./limits.js";

export async function ingestQuestionnaire(
  bytes: Uint8Array,
  fileName: string,
  hints?: LayoutHints,
): Promise<Questionnaire> {
  return ingestWithLimits(bytes, fileName, hints, DEFAULT_LIMITS);
}

/** As ingestQuestionnaire, with explicit limits (tests, or a deployment that wants other limits). */
export async function ingestWithLimits(
  bytes: Uint8Array,
  fileName: string,
  hints: LayoutHints | undefined,
  limits: IngestLimits,
): Promise<Questionnaire> {
  checkFileSize(bytes, limits);
  const sniffed = sniffFormat(bytes, fileName);
  if (sniffed === "pdf") {
    const { questions, warnings } = await readPdf(bytes, limits, hints);
    if (questions.length === 0) throw noQuestions(fileName, "pdf");
    return { source: { file: fileName, format: "pdf" }, questions, warnings };
  }
  if (sniffed === "zip") {
    inspectZip(bytes, fileName, limits);
    const book = readXlsx(bytes, fileName, limits);
    const visible = book.sheets.filter((s) => !s.hidden).map((s) => s.grid);
    let grids = visible;
    if (hints?.sheet !== undefined) {
      const wanted = hints.sheet.trim().toLowerCase();
      const named = book.sheets.find((s) => (s.grid.name ?? "").toLowerCase() === wanted);
      if (!named) {
        const names = visible.map((g) => `'${g.name}'`).join(", ");
        throw new QuireError("sheet_not_found", `No sheet named '${hints.sheet}'; the workbook has ${names}.`, 400);
      }
      grids = [named.grid];
    }
    return fromGrids(grids, fileName, "xlsx", hints, [...book.warnings]);
  }
  const grid = readCsv(bytes, limits);
  return fromGrids([grid], fileName, "csv", hints, []);
}

function isEmptyGrid(g: SheetGrid): boolean {
  return !g.rows.some((row) => row?.some((t) => t !== ""));
}

/** Sheet names like "Sheet1" carry no meaning, so they do not become a section. */
const GENERIC_SHEET =
  /^(sheet|tabelle|feuil|hoja|foglio|blad)\s*\d*$|^(questions?|questionnaire|assessment|survey|responses?)$/i;

function fromGrids(
  grids: readonly SheetGrid[],
  fileName: string,
  format: SourceFormat,
  hints: LayoutHints | undefined,
  warnings: string[],
): Questionnaire {
  if (grids.length === 0 || grids.every(isEmptyGrid)) {
    throw new QuireError("empty_file", `${fileName || "The file"} has no content in any visible sheet.`, 422);
  }
  const questions: Question[] = [];
  const questionSheets = grids.filter((g) => !isEmptyGrid(g));
  for (const grid of questionSheets) {
    const name = grid.name;
    const sheetSection = name !== null && !GENERIC_SHEET.test(name.trim()) ? name : null;
    let found = 0;
    for (const table of detectTables(grid, hints)) {
      const got = extractQuestions(table.grid, table.layout, {
        defaultSection: table.title ?? sheetSection,
        idPrefix: name ?? "q",
      });
      if (got.length === 0) continue;
      found += got.length;
      warnings.push(...table.layout.warnings);
      questions.push(...got);
    }
    // Cover, instructions and list sheets land here; say so, so a missed table is noticed.
    if (found === 0 && name !== null && questionSheets.length > 1)
      warnings.push(`sheet '${name}': no question table found; skipped`);
  }
  if (questions.length === 0) throw noQuestions(fileName, format);
  return { source: { file: fileName, format }, questions, warnings };
}

function noQuestions(fileName: string, format: SourceFormat): QuireError {
  const how =
    format === "pdf"
      ? "Number the questions (1.1, 2.3 ...), give a question table a header row with a Question column, or upload the questionnaire as .xlsx or .csv."
      : "Make sure it has a header row with a column named Question or Requirement, or name the columns explicitly (sheet, header row, question column, answer column).";
  return new QuireError("no_questions_found", `No questions found in ${fileName || "the file"}. ${how}`, 422);
}
