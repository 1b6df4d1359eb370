import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import * as XLSX from "xlsx";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import { citeEntries } from "../../src/domain/answering/cite.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import type { AnswerReport } from "../../src/domain/answering/report.js";
import { analyzeQuestion } from "../../src/domain/matching/analyze.js";
import { fillOriginal } from "../../src/export/fill.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

/**
 * Answering keeps what it decided (a question's reading, its normalised text, the citation policy's
 * decision for an entry set) across questions and runs. These tests prove that nothing kept changes
 * an answer: a real workbook whose questions repeat, with follow-ups after different rows, answered
 * in one run gives the bytes (report and filled workbook) that fresh modules give answering each
 * row alone, in reverse order.
 */

const customer: CustomerContext = { region: "eu", ndaOnFile: false, asOf: "2026-11-24" };
const library = await loadLibraryDir("answer-library");
const prepared = prepareLibrary(library);

const FOLLOW_UPS = ["If so, how often?", "If yes, please describe the process.", "Please specify.", "Please elaborate"];

/** Questions of two real fixtures, repeated over two sheets, a follow-up after every fifth row. */
async function repeatingWorkbook(): Promise<Uint8Array> {
  const texts: string[] = [];
  for (const file of ["fixtures/sig-lite-like.xlsx", "fixtures/review-300.csv"]) {
    const q = await ingestQuestionnaire(new Uint8Array(readFileSync(file)), file.split("/").pop() as string);
    texts.push(...q.questions.slice(0, 60).map((x) => x.text));
  }
  const book = XLSX.utils.book_new();
  for (const [s, name] of ["Security", "Privacy"].entries()) {
    const rows: string[][] = [["ID", "Question", "Answer", "Comments"]];
    for (let i = 0; i < 150; i++) {
      const text =
        i % 5 === 4
          ? (FOLLOW_UPS[(i + s) % FOLLOW_UPS.length] as string)
          : (texts[(i * 7 + s * 3) % texts.length] as string);
      rows.push([`${name[0]}-${i + 1}`, text, "", ""]);
    }
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  }
  return new Uint8Array(XLSX.write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer);
}

function filled(bytes: Uint8Array, report: AnswerReport, locations: Map<string, unknown>): Uint8Array {
  return fillOriginal("xlsx", bytes, report, {
    statuses: ["drafted"],
    locations: locations as never,
    citeInText: true,
    overwrite: false,
  }).bytes;
}

describe("what answering keeps between questions changes no answer", () => {
  it("a repeating workbook with follow-ups: one run equals each row answered alone by fresh modules", async () => {
    const bytes = await repeatingWorkbook();
    const questionnaire = await ingestQuestionnaire(bytes, "repeats.xlsx");
    const texts = questionnaire.questions.map((q) => q.text);
    expect(new Set(texts).size).toBeLessThan(texts.length / 2);
    expect(questionnaire.questions.filter((q) => analyzeQuestion(q.text).followUp).length).toBeGreaterThan(40);

    // Warm every cache with the questions in another order and another customer first.
    answerQuestionnaire(
      prepared,
      { ...questionnaire, questions: [...questionnaire.questions].reverse() },
      {
        ...customer,
        region: "us",
      },
    );
    const report = answerQuestionnaire(prepared, questionnaire, customer);

    // Fresh module instances: nothing kept from the run above.
    vi.resetModules();
    const fresh = await import("../../src/domain/answering/answer-questions.js");
    const freshPrepare = await import("../../src/domain/answering/prepare.js");
    const freshPrepared = freshPrepare.prepareLibrary(await loadLibraryDir("answer-library"));
    const alone = questionnaire.questions
      .map((q, i) => ({ q, i }))
      .reverse()
      .map(({ q, i }) => {
        const before = questionnaire.questions[i - 1];
        const previous = before && before.location.sheet === q.location.sheet ? before.text : null;
        return { i, row: fresh.answerQuestion(freshPrepared, q, customer, {}, previous) };
      })
      .sort((a, b) => a.i - b.i)
      .map((a) => a.row);

    expect(JSON.stringify(report.questions, null, 2)).toBe(JSON.stringify(alone, null, 2));
    // Follow-ups after different rows are not answered alike because their text is the same.
    const howOften = report.questions.filter((q) => q.question === "If so, how often?");
    expect(new Set(howOften.map((q) => JSON.stringify([q.entryId, q.answer]))).size).toBeGreaterThan(1);

    const locations = new Map(questionnaire.questions.map((q) => [q.id, q.location]));
    const rebuilt: AnswerReport = { ...report, questions: alone };
    expect(Buffer.from(filled(bytes, report, locations)).equals(Buffer.from(filled(bytes, rebuilt, locations)))).toBe(
      true,
    );
  });

  it("a follow-up's reading carries its own row before, whatever was read first", () => {
    const text = "If so, how often?";
    const a = analyzeQuestion(text, "Do you test backups by restoring them?");
    const b = analyzeQuestion(text, "Do you review user access rights?");
    const alone = analyzeQuestion(text);
    expect(a.context).toContain("restoring");
    expect(b.context).toContain("access rights");
    expect(b.context).not.toContain("restoring");
    expect(alone.context).not.toContain("restoring");
    expect(analyzeQuestion(text, "Do you test backups by restoring them?")).toEqual(a);
    // A question that is not a follow-up reads the same whatever the row before.
    const plain = "Do you encrypt customer data at rest?";
    expect(analyzeQuestion(plain, "Do you review user access rights?")).toBe(analyzeQuestion(plain));
  });

  it("the citation policy's kept decisions: own copies per answer, an edited entry decided afresh", () => {
    const entry = library.entries.find((e) => e.artifacts.length > 0);
    if (!entry) throw new Error("the shipped library has an entry that names an artifact");
    const first = citeEntries(prepared, [entry], entry.question, customer);
    const second = citeEntries(prepared, [entry], entry.question, customer);
    expect(second).toEqual(first);
    expect(second.citations).not.toBe(first.citations);
    if (first.citations[0]) expect(second.citations[0]).not.toBe(first.citations[0]);

    // The same id with other artifacts is not the library's entry: its decision is its own.
    const edited = { ...entry, artifacts: [] as string[], controls: [] as string[] };
    const decided = citeEntries(prepared, [edited], entry.question, customer);
    expect(decided.refs).toEqual([]);
    expect(citeEntries(prepared, [entry], entry.question, customer)).toEqual(first);
    // Another customer or day is another decision.
    const nda = citeEntries(prepared, [entry], entry.question, { ...customer, ndaOnFile: true });
    const later = citeEntries(prepared, [entry], entry.question, { ...customer, asOf: "2031-01-01" });
    const fresh = (c: CustomerContext) => {
      const { refs: _r, ...rest } = citeEntries({ ...prepared }, [entry], entry.question, c);
      return rest;
    };
    expect({ citations: nda.citations, onRequest: nda.onRequest, withheld: nda.withheld }).toEqual(
      fresh({ ...customer, ndaOnFile: true }),
    );
    expect({ citations: later.citations, onRequest: later.onRequest, withheld: later.withheld }).toEqual(
      fresh({ ...customer, asOf: "2031-01-01" }),
    );
  });
});
