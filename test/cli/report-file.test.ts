import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportJsonChunks, writeReportFile } from "../../src/cli/report-file.js";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import type { AnswerReport } from "../../src/domain/answering/report.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

const prepared = prepareLibrary(await loadLibraryDir("answer-library"));

async function reportFor(fixture: string): Promise<AnswerReport> {
  const questionnaire = await ingestQuestionnaire(new Uint8Array(readFileSync(`fixtures/${fixture}`)), fixture);
  return answerQuestionnaire(prepared, questionnaire, { region: "eu", ndaOnFile: false, asOf: "2026-11-24" });
}

async function written(report: AnswerReport): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "quire-report-")), "report.json");
  await writeReportFile(path, report);
  return readFileSync(path, "utf8");
}

describe("the report file, written a question at a time", () => {
  it.each(["caiq-like.xlsx", "vsa-like.xlsx", "semicolon-eu.csv"])(
    "is byte for byte JSON.stringify(report, null, 2) for %s",
    async (fixture) => {
      const report = await reportFor(fixture);
      expect(report.questions.length).toBeGreaterThan(3);
      expect(await written(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
    },
  );

  it("is the same for no questions, odd text and fields left undefined", async () => {
    const report = await reportFor("simple.csv");
    const odd = {
      ...report,
      questions: report.questions
        .slice(0, 2)
        .map((q) => ({ ...q, text: 'line\nbreak "quoted" ünï 😀', section: undefined })),
      warnings: [],
      extra: undefined,
    } as unknown as AnswerReport;
    expect(await written(odd)).toBe(`${JSON.stringify(odd, null, 2)}\n`);
    // Chunks larger than the write buffer, and multi-byte characters across its boundaries.
    const long = {
      ...report,
      questions: Array.from({ length: 40 }, (_, i) => ({
        ...report.questions[0],
        question: `${"é😀—".repeat(i === 7 ? 200_000 : 3_000 + i)} ${i}`,
      })),
    } as unknown as AnswerReport;
    expect(await written(long)).toBe(`${JSON.stringify(long, null, 2)}\n`);
    const empty = { ...report, questions: [] };
    expect(await written(empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });

  it("writes repeated questions, which share their first row's frozen answer, as JSON.stringify does", async () => {
    // The same questions three times over (new ids and rows, a section on the third copy):
    // answerQuestionnaire answers each text once and the copies share its frozen answer and arrays.
    const questionnaire = await ingestQuestionnaire(
      new Uint8Array(readFileSync("fixtures/caiq-like.xlsx")),
      "caiq-like.xlsx",
    );
    const n = questionnaire.questions.length;
    const repeated = {
      ...questionnaire,
      questions: [0, 1, 2].flatMap((copy) =>
        questionnaire.questions.map((q, i) => ({
          ...q,
          id: `${q.id}-${copy}`,
          sourceId: copy === 1 ? null : q.sourceId,
          location: { ...q.location, row: (q.location.row ?? 0) + copy * n + i },
          section: copy === 2 ? "Again" : q.section,
          allowedValues: q.allowedValues && [...q.allowedValues],
        })),
      ),
    };
    const report = answerQuestionnaire(prepared, repeated, { region: "eu", ndaOnFile: false, asOf: "2026-11-24" });
    const [a, b] = [report.questions[0], report.questions[n]];
    expect(a?.citations).toBe(b?.citations); // shared, so the writer's reuse is what is tested
    expect(Object.isFrozen(a?.notes)).toBe(true);
    expect(await written(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it("is JSON.stringify for any rows, repeats of a row with frozen values or not", () => {
    const primitive = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    const leaf = fc.oneof(
      primitive,
      fc.constant(undefined),
      fc.constant(() => 1),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 3 }),
      object: fc.dictionary(fc.string({ maxLength: 4 }), tie("value"), { maxKeys: 3 }),
    }));
    const key = fc.constantFrom("id", "row", "answer", "notes", "z", "1", "", 'q"k');
    const deepFreeze = (v: unknown): unknown => {
      if (v !== null && typeof v === "object") {
        for (const x of Object.values(v)) deepFreeze(x);
        Object.freeze(v);
      }
      return v;
    };
    // A first row, then rows that repeat it with some keys given other values, or left out, or
    // arrays of equal primitives in a copy, or the keys in another order.
    const change = fc.oneof(
      fc.tuple(key, json.value),
      fc.tuple(
        key,
        fc.array(primitive, { maxLength: 3 }).map((a) => ["copy", a] as const),
      ),
      fc.constant(["reorder", null] as const),
      fc.constant(["toJSON", null] as const),
    );
    fc.assert(
      fc.property(
        fc.dictionary(key, json.value, { minKeys: 0, maxKeys: 6 }),
        fc.array(fc.tuple(key, json.value), { maxLength: 3 }),
        fc.array(fc.array(change, { maxLength: 3 }), { maxLength: 5 }),
        (own, frozenValues, repeats) => {
          const first: Record<string, unknown> = { ...own };
          for (const [k, v] of frozenValues) first[k] = deepFreeze(v !== null && typeof v === "object" ? v : [v]);
          const rows: unknown[] = [first];
          for (const changes of repeats) {
            let row: Record<string, unknown> = { ...first };
            for (const [k, v] of changes) {
              if (k === "reorder") row = Object.fromEntries(Object.entries(row).reverse());
              else if (k === "toJSON") row = { ...row, answer: { toJSON: (at: string) => `answer at ${at}` } };
              else if (Array.isArray(v) && v[0] === "copy")
                row[k] = Array.isArray(first[k]) ? [...(first[k] as unknown[])] : v[1];
              else row[k] = v;
            }
            rows.push(row);
          }
          const report = {
            source: { file: "x", format: "csv" },
            questions: rows,
            warnings: [],
          } as unknown as AnswerReport;
          expect([...reportJsonChunks(report)].join("")).toBe(`${JSON.stringify(report, null, 2)}\n`);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
