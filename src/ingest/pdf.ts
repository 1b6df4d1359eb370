/**
 * PDF questionnaires via pdf.js (pdf-text.ts, the same on Node and Workers). A question table (a
 * sheet printed to PDF) is rebuilt by column from the runs' positions and read like a sheet
 * (readTable); anything else goes to a line scanner over the text per page, page headers/footers/
 * page numbers removed, that recognises numbered (1.1, A.5.1, AC-01, Q12, (a)), bulleted and
 * Question:/Answer: form questions, joins questions that wrap across lines or pages, and keeps
 * section headings as sections.
 */
import { QuireError } from "../domain/errors.js";
import type { LayoutHints } from "../domain/questionnaire/layout-hints.js";
import type { Question } from "../domain/questionnaire/types.js";
import { withoutAnswerBoxes } from "./answer-boxes.js";
import { detectLayout } from "./detect-header.js";
import { classifyKind, extractQuestions } from "./detect-questions.js";
import { collapse } from "./grid.js";
import { type IngestLimits, tooMuchText } from "./limits.js";
import { columnOrderedText } from "./pdf-columns.js";
import { checkPdfStreams } from "./pdf-streams.js";
import { linesOf, lineText, rebuildTable } from "./pdf-table.js";
import { openPdf, type PdfRun, type PdfText } from "./pdf-text.js";
import { CLOSED_START, INSTRUCTION_START, isQuestionLike, isTitleLike, OPEN_START } from "./vocabulary.js";

export interface PdfResult {
  questions: Question[];
  warnings: string[];
}

interface PdfPage {
  text: string;
  runs: PdfRun[];
}

async function extractPages(bytes: Uint8Array, limits: IngestLimits): Promise<PdfPage[]> {
  let pdf: PdfText | undefined;
  try {
    pdf = await openPdf(bytes);
    if (pdf.pages > limits.maxPdfPages) {
      throw new QuireError(
        "too_many_pages",
        `The PDF has ${pdf.pages} pages; the limit is ${limits.maxPdfPages}. Split it or send the questionnaire as .xlsx.`,
        413,
        { pages: pdf.pages, limit: limits.maxPdfPages },
      );
    }
    let chars = 0;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.pages; n++) {
      const page = await pdf.pageContent(n);
      chars += page.text.length;
      if (chars > limits.maxTextChars) throw tooMuchText(limits);
      pages.push(page);
    }
    return pages;
  } catch (error) {
    if (error instanceof QuireError) throw error;
    const name = (error as Error)?.name ?? "";
    if (name === "PasswordException") {
      throw new QuireError(
        "encrypted_file",
        "The PDF is password-protected. Remove the password and upload it again.",
        422,
      );
    }
    throw new QuireError(
      "corrupt_file",
      `The PDF could not be read (${String((error as Error)?.message ?? error).slice(0, 120)}).`,
      422,
    );
  } finally {
    await pdf?.close().catch(() => undefined);
  }
}

const PAGE_NUMBER =
  /^(page|seite|pagina|página|p\.)?\s*\d{1,4}(\s*(of|von|de|\/|sur)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
/** Lines at the top/bottom of a page that repeat on most pages are running headers/footers. */
const EDGE_LINES = 3;

const shape = (line: string) => collapse(line).replace(/\d+/g, "#").toLowerCase();

export function stripPageFurniture(pages: readonly string[]): string[][] {
  const split = pages.map((p) =>
    p
      .split(/\r?\n/)
      .map((l) => collapse(withoutAnswerBoxes(l)))
      .filter((l) => l !== ""),
  );
  const mask = furnitureMask(split);
  return split.map((lines, p) => lines.filter((_, i) => !mask[p]?.[i]));
}

/** Per page and line: true for a page number or a running header/footer (repeated at the page edges). */
export function furnitureMask(split: readonly (readonly string[])[]): boolean[][] {
  const counts = new Map<string, number>();
  for (const lines of split) {
    const edge = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)].map(shape));
    for (const s of edge) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(split.length / 2));
  const repeated = (l: string) => split.length > 1 && (counts.get(shape(l)) ?? 0) >= minRepeats;
  return split.map((lines) =>
    lines.map((l, i) => {
      if (PAGE_NUMBER.test(l)) return true;
      const atEdge = i < EDGE_LINES || i >= lines.length - EDGE_LINES;
      return atEdge && repeated(l);
    }),
  );
}

const NUMBERED =
  /^((?:[A-Z]{1,5}[-.]?)?\d{1,3}(?:\.\d{1,3})+|[A-Z]{1,5}-\d{1,3}(?:\.\d{1,3})*|Q\s?\d{1,4}|\d{1,3})[.):]?\s+(\S.*)$/;
const BULLET = /^[•▪◦●○■□►▶✓*·\-–—]\s*(\S.*)$/;
/** A lettered or roman sub-item under a numbered stem: "(a)", "b)", "(iv)". */
const SUB_ITEM = /^\(?([a-z]|[ivx]{1,4})\)\s+(\S.*)$/;
/** A form's question label: "Question:", "Question 4:", "Question 4", "Q:" ("Q12." is a number, NUMBERED's). */
const QUESTION_LABEL = /^(?:question\s+(\d{1,4})\s*[:.]?|(?:question|q)\s*[:.])\s*(.*)$/i;
/** A form's answer label: what follows it, up to the next question, is the answer, not a question. */
const ANSWER_LABEL = /^(?:answer|response|reply|vendor response|a)\s*:(.*)$/i;
const FILL_IN = /_{4,}|\.{6,}/;

interface Open {
  sourceId: string | null;
  section: string | null;
  text: string;
}

export function scanLines(
  lines: readonly string[],
): { text: string; sourceId: string | null; section: string | null }[] {
  const out: { text: string; sourceId: string | null; section: string | null }[] = [];
  let section: string | null = null;
  let open: Open | null = null;
  /**
   * Unnumbered prose since the last item or heading. A paragraph that ends by asking (a "?" or an
   * "Describe …." sentence) is a question with its context: "Browsers can be tricked into … If your
   * application changes data, do you protect those requests…?", as a web form prints its questions.
   */
  let prose: string[] = [];

  const close = () => {
    if (open) out.push({ text: collapse(open.text), sourceId: open.sourceId, section: open.section });
    open = null;
    prose = [];
  };
  const finished = (t: string) => /[?.!:]$/.test(t);
  /** The id of the last numbered item, which "(a)" sub-items below it extend: 1.2(a). */
  let stemId: string | null = null;
  /** Inside a form's answer (after "Answer:"): typed text there is not a question. */
  let inAnswer = false;

  for (const line of lines) {
    const label = QUESTION_LABEL.exec(line);
    if (label) {
      close();
      inAnswer = false;
      open = { sourceId: label[1] ?? null, section, text: label[2] ?? "" };
      continue;
    }
    if (ANSWER_LABEL.test(line)) {
      close();
      inAnswer = true;
      continue;
    }
    if (FILL_IN.test(line)) {
      close();
      continue;
    }
    const sub = SUB_ITEM.exec(line);
    if (sub && stemId !== null) {
      close();
      inAnswer = false;
      open = { sourceId: `${stemId}(${sub[1]})`, section, text: sub[2] ?? "" };
      continue;
    }
    const numbered = NUMBERED.exec(line);
    if (inAnswer && !numbered && !BULLET.test(line)) continue;
    inAnswer = false;
    if (numbered) {
      const id = (numbered[1] ?? "").replace(/\s+/g, "");
      const rest = numbered[2] ?? "";
      const topLevel = /^\d{1,3}$/.test(id);
      if (topLevel && isTitleLike(rest) && !isQuestionLike(rest)) {
        close();
        section = line;
        continue;
      }
      // A bare number inside a wrapped sentence ("... within 14\ndays?") is not a new item.
      if (!(topLevel && open && !finished(collapse((open as Open).text)) && /^[a-z]/.test(rest))) {
        close();
        open = { sourceId: id, section, text: rest };
        stemId = id;
        continue;
      }
    }
    const bullet = BULLET.exec(line);
    if (bullet && !(open && !finished(collapse((open as Open).text)) && line.startsWith("-") && /^-\S/.test(line))) {
      close();
      open = { sourceId: null, section, text: bullet[1] ?? "" };
      continue;
    }
    if (open) {
      const current = collapse((open as Open).text);
      if (!finished(current) || /^[a-z(]/.test(line)) {
        (open as Open).text += ` ${line}`;
        continue;
      }
      close();
    }
    if (isTitleLike(line) && /^[\p{Lu}\d]/u.test(line) && line.split(" ").length <= 8) {
      section = line;
      prose = [];
      continue;
    }
    // A paragraph may start as a question ("Do you …") or with its context; it asks when it ends.
    if (prose.length === 0 && !CLOSED_START.test(line) && !/^[\p{Lu}"“(]/u.test(line)) continue;
    prose.push(line);
    const sentences = sentencesOf(collapse(prose.join(" ")));
    const ask = sentences.at(-1) ?? "";
    // "Describe …." asks; "Where you tick No, attach …." is a condition, and a paragraph that tells
    // how to fill the form ("Tick one box for each question.") asks nothing.
    const asks = /\?$/.test(line) || (/\.$/.test(line) && OPEN_START.test(ask) && !WH_START.test(ask));
    // Sentences after the last instruction: the form's directions are no question's context.
    const lastInstruction = sentences.findLastIndex((t) => INSTRUCTION_START.test(t));
    const own = sentences.slice(lastInstruction + 1);
    if (asks) {
      if (own.length > 0) out.push({ text: own.slice(-MAX_PARAGRAPH_SENTENCES).join(" "), sourceId: null, section });
      prose = [];
    } else if (/[.!:]$/.test(line)) {
      // A sentence that does not ask is context for the next one, at most a few sentences of it; a
      // paragraph of directions is context for nothing.
      prose = lastInstruction >= 0 ? [] : own.slice(-(MAX_PARAGRAPH_SENTENCES - 1));
    }
  }
  close();
  return out;
}

const WH_START = /^(what|how|which|who|whom|whose|where|when|why)\b/i;

/** Context sentences and the ask together: an unnumbered question is at most this long. */
const MAX_PARAGRAPH_SENTENCES = 4;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"“(])/u).filter((t) => t !== "");
}

/** Fewer questions than this from a table means the "table" was a stray header-like line: read lines instead. */
const MIN_TABLE_QUESTIONS = 3;

/**
 * A question table printed to PDF, read through the spreadsheet path: the rows rebuilt from the
 * runs' positions (pdf-table.ts), then the same header, id-column and question rules as a sheet.
 * Column hints count the table's columns from the left (A or 1 = first); the header is the grid's first row. A PDF has no cells to
 * write into, so the location is empty: answers go out as a spreadsheet or CSV.
 */
function readTable(pages: readonly PdfPage[], hints: LayoutHints | undefined): PdfResult | null {
  const perPage = pages.map((p, n) => linesOf(p.runs, n + 1));
  const mask = furnitureMask(perPage.map((lines) => lines.map(lineText)));
  const flags = mask.flat();
  const grid = rebuildTable(perPage.flat(), (i) => flags[i] === true);
  if (!grid) return null;
  const layout = detectLayout(grid, { ...hints, headerRow: 1, sheet: undefined });
  if (!layout) return null;
  const found = extractQuestions(grid, layout, {
    defaultSection: null,
    idPrefix: "pdf",
    emphasisKnown: grid.fontsKnown,
  });
  if (found.length < MIN_TABLE_QUESTIONS) return null;
  const questions = found.map((q, i) => ({
    ...q,
    id: `pdf!${i + 1}`,
    location: { sheet: null, row: null, answerCell: null, commentCell: null },
  }));
  return { questions, warnings: layout.warnings.map((w) => w.replace(/^file:/, "PDF table:")) };
}

export async function readPdf(bytes: Uint8Array, limits: IngestLimits, hints?: LayoutHints): Promise<PdfResult> {
  checkPdfStreams(bytes, limits);
  const pages = await extractPages(bytes, limits);
  const table = readTable(pages, hints);
  if (table) return table;
  const warnings: string[] = [];
  const lines = stripPageFurniture(pages.map((p) => columnOrderedText(p.runs) ?? p.text)).flat();
  if (lines.length === 0) {
    throw new QuireError(
      "empty_file",
      "The PDF contains no extractable text (it may be a scan). Send the questionnaire as .xlsx, .csv or a text PDF.",
      422,
    );
  }
  const items = scanLines(lines);
  const questions: Question[] = items.map((item, i) => {
    const { kind, allowedValues } = classifyKind(item.text, null, null, true);
    return {
      id: `pdf!${i + 1}`,
      sourceId: item.sourceId,
      section: item.section,
      text: item.text,
      kind,
      allowedValues,
      location: { sheet: null, row: null, answerCell: null, commentCell: null },
      existingAnswer: null,
    };
  });
  if (questions.length > 0 && questions.every((q) => q.sourceId === null) && items.length < 3) {
    warnings.push("PDF: few questions recognised; number or bullet the questions for reliable detection");
  }
  return { questions, warnings };
}
