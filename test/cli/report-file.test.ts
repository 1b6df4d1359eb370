import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeReportFile } from "../../src/cli/report-file.js";
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
});
