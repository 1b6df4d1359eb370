/**
 * Text per page from a PDF with pdf.js (the legacy build, which carries its own polyfills), the same
 * code on Node and on Workers. pdf.js normally parses in a Web Worker it loads by URL; neither
 * runtime gives it one here, so its worker module is imported next to it and registered as
 * `globalThis.pdfjsWorker`, where pdf.js looks first and then runs the parser in this thread.
 * Both modules are loaded on the first PDF only: together they are most of a Worker bundle's
 * parse time, and most uploads are spreadsheets. On Workers, wrangler.toml aliases these imports
 * to pdf.js's modern build (workerd's V8 has what the legacy polyfills add; ~40 KiB gzipped
 * less); pdf.js then logs once that it would prefer the legacy build, because nodejs_compat makes
 * workerd look like Node to it.
 */
import type { PDFDocumentProxy, TextItem } from "pdfjs-dist/types/src/display/api.js";
import { installPdfGlobals } from "./pdf-globals.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    installPdfGlobals();
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    return pdfjs;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** An opened PDF: its page count, and its text page by page (read on demand, so a page cap stops early). */
export interface PdfText {
  readonly pages: number;
  pageText(pageNumber: number): Promise<string>;
  /** The page's text and the same text as positioned runs, for rebuilding tables by column (pdf-table.ts). */
  pageContent(pageNumber: number): Promise<{ text: string; runs: PdfRun[] }>;
  close(): Promise<void>;
}

/** One text run in page space, y growing downwards from the top of the page (baseline). */
export interface PdfRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** pdf.js's name for the run's font: runs in another font than the body's are emphasised (bold). */
  readonly font?: string;
}

/** Runs of a page's text content, empty runs dropped, in viewport coordinates. */
export function pageRunsOf(viewport: Viewport, content: { items: readonly unknown[] }): PdfRun[] {
  const out: PdfRun[] = [];
  for (const raw of content.items) {
    if (!raw || typeof raw !== "object" || !("str" in raw)) continue;
    const item = raw as TextItem;
    if (item.str.trim() === "") continue;
    const [x = 0, y = 0] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
    out.push({ text: item.str, x, y, width: item.width, height: item.height, font: item.fontName });
  }
  return out;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
    data: bytes.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Workers forbid eval; fonts are only read for their text, never drawn.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error;
  }
  return {
    pages: doc.numPages,
    pageText: async (n) => {
      const page = await doc.getPage(n);
      try {
        return layoutText(page.getViewport({ scale: 1 }), await page.getTextContent());
      } finally {
        page.cleanup();
      }
    },
    pageContent: async (n) => {
      const page = await doc.getPage(n);
      try {
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        return { text: layoutText(viewport, content), runs: pageRunsOf(viewport, content) };
      } finally {
        page.cleanup();
      }
    },
    close: () => task.destroy(),
  };
}

/** Vertical distance (PDF units) beyond which two runs sit on different lines. */
const LINE_THRESHOLD = 4.6;
/** Horizontal gap beyond which two runs on one line are different cells (joined by a tab). */
const CELL_THRESHOLD = 7;

interface Viewport {
  convertToViewportPoint(x: number, y: number): number[];
}

/**
 * Text runs joined into lines the way a reader sees them: a break where pdf.js marks an end of line
 * or where the baseline moves by more than a line's height, a tab between runs far apart on one
 * line. (The layout pdf-parse produced, which the line scanner in pdf.ts was written against.)
 */
export function layoutText(viewport: Viewport, content: { items: readonly unknown[] }): string {
  const out: string[] = [];
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const raw of content.items) {
    if (!raw || typeof raw !== "object" || !("str" in raw)) continue;
    const item = raw as TextItem;
    const [x = 0, y = 0] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
    let str = item.str;
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const previous = out.at(-1);
      const startsLine = str.startsWith("\n") || (str.trim() === "" && item.hasEOL);
      if (previous !== undefined && !previous.endsWith("\n") && !startsLine && Math.abs(lastY - y) - 1 > lineHeight) {
        out.push("\n");
        lineHeight = 0;
      }
    }
    if (lastY !== undefined && lastX !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD) {
      if (Math.abs(lastX - x) > CELL_THRESHOLD) str = `\t${str}`;
    }
    out.push(str);
    lastX = x + item.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) out.push("\n");
    if (item.hasEOL || str.endsWith("\n")) lineHeight = 0;
  }
  return out.join("");
}
