import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { Question } from "../../src/domain/questionnaire/types.js";
import { writeBackCsv, writeBackXlsx } from "../../src/export/index.js";
import type { WriteBackAnswer } from "../../src/export/types.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { FIXTURES } from "./helpers.js";

/*
 * Layouts in the styles of public questionnaires (scripts/fixtures/layouts: caiq-v4-like,
 * multi-tab-assessment, checkbox-columns, crm-export, hecvat-full-like, sig-core-like,
 * control-framework-like, sheet-offsets' merged-header-above, sparse-answer-column and
 * ids-in-text, buyer-workbooks' converted-from-pdf, placeholders and long-preamble), end to end: ingest finds exactly the golden
 * questions, answers written at the cells ingest found land in the golden cells when the filled
 * file is read back with SheetJS, and every other cell of every sheet reads as before.
 */

interface Golden {
  sheet: string | null;
  row: number | null;
  sourceId: string | null;
  text: string;
  kind: string;
  allowedValues: string[] | null;
  answerCell: string | null;
  commentCell: string | null;
  existingAnswer: string | null;
}

const FILES = [
  "caiq-v4-like.xlsx",
  "multi-tab-assessment.xlsx",
  "checkbox-columns.xlsx",
  "crm-export.csv",
  "hecvat-full-like.xlsx",
  "sig-core-like.xlsx",
  "control-framework-like.xlsx",
  "merged-header-above.xlsx",
  "sparse-answer-column.xlsx",
  "ids-in-text.xlsx",
  "converted-from-pdf.xlsx",
  "placeholders.xlsx",
  "long-preamble.xlsx",
];

function load(file: string): { bytes: Uint8Array; golden: Golden[] } {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
  const golden = (JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), "utf8")) as { questions: Golden[] })
    .questions;
  return { bytes, golden };
}

/** The value we draft for a question: the last allowed value (so not a default first item), else Yes. */
function valueFor(kind: string, allowed: readonly string[] | null): string | null {
  if (kind === "free_text") return null;
  return allowed?.[allowed.length - 1] ?? "Yes";
}

function answersFrom(questions: readonly Question[]): WriteBackAnswer[] {
  return questions.map((q) => ({
    sheet: q.location.sheet,
    row: q.location.row,
    answerCell: q.location.answerCell,
    commentCell: q.location.commentCell,
    kind: q.kind,
    value: valueFor(q.kind, q.allowedValues),
    text: `Answer to ${q.sourceId ?? q.text.slice(0, 20)}\nsecond line`,
    allowedValues: q.allowedValues,
  }));
}

/** Every sheet's cells as SheetJS reads them: "Sheet!C5" → value. CSV is read by SheetJS too. */
function readCells(bytes: Uint8Array, csv: boolean): Map<string, unknown> {
  const wb = csv
    ? XLSX.read(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""), { type: "string", raw: true })
    : XLSX.read(bytes, { type: "array" });
  const out = new Map<string, unknown>();
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith("!")) continue;
      const raw = (cell as XLSX.CellObject).v;
      // The CSV writer ends lines inside a field as the file does (CRLF here); compare the text.
      const v = typeof raw === "string" ? raw.replace(/\r\n/g, "\n") : raw;
      if (v !== undefined && v !== "") out.set(`${csv ? "" : `${name}!`}${ref}`, v);
    }
  }
  return out;
}

/** "C7:E7" → C7, D7, E7; "C7" → C7. */
function cellsOf(ref: string): string[] {
  const [a, b] = ref.split(":");
  if (!a || !b) return [ref];
  const row = a.replace(/^[A-Z]+/, "");
  const from = XLSX.utils.decode_col(a.replace(/\d+$/, ""));
  const to = XLSX.utils.decode_col(b.replace(/\d+$/, ""));
  return Array.from({ length: to - from + 1 }, (_, i) => `${XLSX.utils.encode_col(from + i)}${row}`);
}

/** What the golden file says each cell must hold after the write-back (the customer's answers kept). */
function expectedWrites(golden: readonly Golden[], csv: boolean): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const at = (q: Golden, ref: string) => (csv ? ref : `${q.sheet}!${ref}`);
  for (const q of golden) {
    if (q.existingAnswer !== null || !q.answerCell) continue;
    const text = `Answer to ${q.sourceId ?? q.text.slice(0, 20)}\nsecond line`;
    const value = valueFor(q.kind, q.allowedValues);
    const marks = cellsOf(q.answerCell);
    if (marks.length > 1) {
      marks.forEach((ref, i) => {
        out.set(at(q, ref), q.allowedValues?.[i] === value ? "X" : undefined);
      });
      if (q.commentCell) out.set(at(q, q.commentCell), text);
    } else if (value !== null) {
      out.set(at(q, q.answerCell), value);
      if (q.commentCell) out.set(at(q, q.commentCell), text);
    } else {
      out.set(at(q, q.answerCell), text);
    }
  }
  return out;
}

describe("layouts of public questionnaires: ingest, write-back, read back", () => {
  for (const file of FILES) {
    const csv = file.endsWith(".csv");
    describe(file, () => {
      const { bytes, golden } = load(file);

      it("ingest finds the golden questions, ids, answer and comment cells", async () => {
        const q = await ingestQuestionnaire(bytes, file);
        expect(
          q.questions.map((x) => [x.location.sheet, x.location.row, x.sourceId, x.text, x.location.answerCell]),
        ).toEqual(golden.map((g) => [g.sheet, g.row, g.sourceId, g.text, g.answerCell]));
        expect(q.questions.map((x) => [x.kind, x.allowedValues, x.location.commentCell, x.existingAnswer])).toEqual(
          golden.map((g) => [g.kind, g.allowedValues, g.commentCell, g.existingAnswer]),
        );
      });

      it("the filled file holds each answer in its golden cells and nothing else changed", async () => {
        const q = await ingestQuestionnaire(bytes, file);
        const answers = answersFrom(q.questions);
        const result = csv ? writeBackCsv(bytes, answers) : writeBackXlsx(bytes, answers);
        expect(result.warnings ?? []).toEqual([]);
        const before = readCells(bytes, csv);
        const after = readCells(result.bytes, csv);
        const wanted = expectedWrites(golden, csv);
        expect(wanted.size).toBeGreaterThan(0);
        for (const [ref, v] of wanted) expect(after.get(ref), ref).toBe(v);
        for (const ref of new Set([...before.keys(), ...after.keys()])) {
          if (!wanted.has(ref)) expect(after.get(ref), `${ref} must be untouched`).toBe(before.get(ref));
        }
        // The filled file ingests to the same questions, now answered where we wrote.
        const again = await ingestQuestionnaire(result.bytes, file);
        expect(again.questions.map((x) => [x.location.sheet, x.location.row])).toEqual(
          golden.map((g) => [g.sheet, g.row]),
        );
        for (const [i, x] of again.questions.entries()) {
          const g = golden[i];
          if (!g) continue;
          const expected = g.existingAnswer ?? (x.kind === "free_text" ? answers[i]?.text : answers[i]?.value);
          expect(x.existingAnswer?.replace(/\r\n/g, "\n"), `${x.id}`).toBe(expected);
        }
      });
    });
  }

  it("a mark form: an answer that replaces the customer's mark (overwrite) leaves one box marked", async () => {
    const { bytes } = load("checkbox-columns.xlsx");
    const q = await ingestQuestionnaire(bytes, "checkbox-columns.xlsx");
    const marked = q.questions.find((x) => x.existingAnswer === "No");
    if (!marked?.location.answerCell) throw new Error("no marked question in the fixture");
    const answer: WriteBackAnswer = {
      sheet: marked.location.sheet,
      row: marked.location.row,
      answerCell: marked.location.answerCell,
      commentCell: marked.location.commentCell,
      kind: "yes_no",
      value: "yes",
      text: "Trained in March.",
      allowedValues: marked.allowedValues,
    };
    const kept = writeBackXlsx(bytes, [answer]);
    expect(kept.cellsWritten).toEqual([]);
    expect(kept.cellsKept).toEqual([`${marked.location.sheet}!D${marked.location.row}`]);

    const replaced = writeBackXlsx(bytes, [answer], { overwrite: true });
    const ws = XLSX.read(replaced.bytes, { type: "array" }).Sheets[marked.location.sheet ?? ""];
    const row = marked.location.row;
    expect([ws?.[`C${row}`]?.v, ws?.[`D${row}`]?.v, ws?.[`E${row}`]?.v]).toEqual(["X", undefined, undefined]);
    const again = await ingestQuestionnaire(replaced.bytes, "checkbox-columns.xlsx");
    expect(again.questions.find((x) => x.id === marked.id)?.existingAnswer).toBe("Yes");
  });

  it("a CSV whose answer fields hold the template's prompt: not an answer, and replaced by ours", async () => {
    const csv =
      "ID,Question,Response,Comments\r\nQ1,Is data encrypted at rest?,Please select,Enter comments here\r\nQ2,Do you run a bug bounty?,No,\r\n";
    const bytes = new TextEncoder().encode(csv);
    const q = await ingestQuestionnaire(bytes, "prompts.csv");
    expect(q.questions.map((x) => [x.sourceId, x.existingAnswer])).toEqual([
      ["Q1", null],
      ["Q2", "No"],
    ]);
    const answers = answersFrom(q.questions).map((a) => ({ ...a, value: "Yes", text: "AES-256." }));
    const result = writeBackCsv(bytes, answers);
    expect(result.cellsKept).toEqual(["C3"]);
    expect(new TextDecoder().decode(result.bytes)).toBe(
      "ID,Question,Response,Comments\r\nQ1,Is data encrypted at rest?,Yes,AES-256.\r\nQ2,Do you run a bug bounty?,No,\r\n",
    );
  });

  it("a mark form in a CSV: the X lands in the value's field, the text in Comments, other bytes kept", async () => {
    const csv =
      "ID,Question,Yes,No,N/A,Comments\r\nQ1,Is data encrypted at rest?,,,,\r\nQ2,Do you run a bug bounty?,,,,\r\n";
    const bytes = new TextEncoder().encode(csv);
    const q = await ingestQuestionnaire(bytes, "marks.csv");
    expect(q.questions.map((x) => [x.location.answerCell, x.location.commentCell, x.allowedValues])).toEqual([
      ["C2:E2", "F2", ["Yes", "No", "N/A"]],
      ["C3:E3", "F3", ["Yes", "No", "N/A"]],
    ]);
    const [first] = answersFrom(q.questions);
    if (!first) throw new Error("no question");
    const result = writeBackCsv(bytes, [{ ...first, value: "No", text: "Not yet: planned for Q3." }]);
    expect(new TextDecoder().decode(result.bytes)).toBe(
      "ID,Question,Yes,No,N/A,Comments\r\nQ1,Is data encrypted at rest?,,X,,Not yet: planned for Q3.\r\nQ2,Do you run a bug bounty?,,,,\r\n",
    );
  });
});
