import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { runCli } from "../../src/cli/main.js";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";

const run = promisify(execFile);

/** Runs the CLI in-process with captured output. */
async function quire(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

function workdir() {
  const dir = mkdtempSync(join(tmpdir(), "quire-cli-"));
  return {
    dir,
    db: join(dir, "quire.db"),
    report: join(dir, "report.json"),
    out: (ext: string) => join(dir, `filled.${ext}`),
  };
}

interface Golden {
  questions: {
    sheet: string | null;
    row: number | null;
    text: string;
    answerCell: string | null;
    existingAnswer: string | null;
  }[];
}
const golden = (name: string): Golden => JSON.parse(readFileSync(`fixtures/${name}.expected.json`, "utf8"));

describe.each([
  ["caiq-like.xlsx", "xlsx"],
  ["sig-lite-like.xlsx", "xlsx"],
  ["vsa-like.xlsx", "xlsx"],
  ["simple.csv", "csv"],
])("quire answer %s", (fixture, ext) => {
  it("detects every question, drafts from the library and fills the answer cells", async () => {
    const w = workdir();
    const result = await quire([
      "answer",
      `fixtures/${fixture}`,
      "--out",
      w.out(ext),
      "--report",
      w.report,
      "--db",
      w.db,
      "--region",
      "eu",
      "--as-of",
      "2026-11-24",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/questions found\s+\d+/);

    const report = AnswerReportSchema.parse(JSON.parse(readFileSync(w.report, "utf8")));
    const expected = golden(fixture);
    expect(report.questions.map((q) => q.question)).toEqual(expected.questions.map((q) => q.text));
    expect(report.summary.questions).toBe(expected.questions.length);
    expect(report.summary.drafted + report.summary.needsReview + report.summary.noMatch).toBe(report.summary.questions);
    // A real library answers most of a real questionnaire.
    expect(report.summary.drafted).toBeGreaterThan(report.summary.questions * 0.5);
    for (const q of report.questions) {
      if (q.status === "no_match") expect(q.answer).toBeNull();
      else expect(q.entryId).not.toBeNull();
      if (q.kind === "yes_no" && q.status === "drafted")
        expect(q.allowedValues ?? ["Yes", "No", "N/A"]).toContain(q.answer?.value);
    }
    // EU buyer, no NDA: the ISO certificate may be cited, the SOC 2 report must be withheld.
    const cited = report.questions.flatMap((q) => q.citations.map((c) => c.type));
    expect(cited).toContain("iso27001-certificate");
    expect(cited).not.toContain("soc2-type2");
    expect(report.questions.some((q) => q.withheld.some((x) => /no NDA on file/.test(x.reason)))).toBe(true);

    // The filled file carries each drafted value in the question's answer cell; an answer that needs
    // review (or found no match) is never written: its cell stays as the customer sent it.
    const filled = readFileSync(w.out(ext));
    const book = XLSX.read(filled, { type: "buffer", raw: true });
    let checked = 0;
    let blank = 0;
    report.questions.forEach((q, i) => {
      const cell = expected.questions[i]?.answerCell;
      if (!cell || expected.questions[i]?.existingAnswer) return;
      const sheet = book.Sheets[ext === "csv" ? (book.SheetNames[0] as string) : (q.sheet as string)];
      if (q.status !== "drafted") {
        expect(sheet?.[cell]?.v ?? "", `${q.sheet}!${cell} (${q.status})`).toBe("");
        blank++;
        return;
      }
      if (!q.answer?.value) return;
      expect(sheet?.[cell]?.v, `${q.sheet}!${cell}`).toBe(q.answer.value);
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/drafted answers only/);
    if (report.summary.needsReview > 0) {
      expect(blank).toBeGreaterThan(0);
      expect(result.stdout).toMatch(
        new RegExp(`${report.summary.needsReview} needing review( and \\d+ without a match)? left blank`),
      );
    }
  });
});

describe("quire answer four years later (--as-of 2031-06-01)", () => {
  it("drafts nothing stale, writes nothing, and says why", async () => {
    const w = workdir();
    const args = ["answer", "fixtures/caiq-like.xlsx", "--region", "us", "--nda", "--db", w.db, "--report", w.report];
    const result = await quire([...args, "--out", w.out("xlsx"), "--as-of", "2031-06-01"]);
    expect(result.code).toBe(0);
    const report = AnswerReportSchema.parse(JSON.parse(readFileSync(w.report, "utf8")));
    expect(report.summary).toMatchObject({ drafted: 0, citationsMade: 0 });
    expect(report.summary.stale).toBe(report.summary.needsReview);
    expect(result.stdout).toMatch(/ {2}of which stale \(lapsed entry or artifact\)\s+36\s+100%/);
    expect(result.stdout).toMatch(/filled: .*\(0 cells written, drafted answers only; 36 needing review left blank\)/);
    expect(result.stdout).toMatch(
      /warning: stale artifact soc2-type2-2026|warning: stale entry staff-mfa \(owner IT\)/,
    );
    for (const q of report.questions) expect(q.notes.join(" ")).toMatch(/not drafted as current on 2031-06-01: /);
  });
});

describe("quire answer on bad input", () => {
  it.each([
    ["fixtures/bad/not-a-spreadsheet.xlsx", /unsupported_format|not_a_spreadsheet|invalid_zip/],
    ["fixtures/bad/empty.xlsx", /empty_file|no_questions_found/],
    ["fixtures/bad/no-question-column.csv", /no_questions_found/],
  ])("refuses %s with one line and a non-zero exit", async (file, code) => {
    const w = workdir();
    const result = await quire(["answer", file, "--db", w.db, "--report", w.report]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(code);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a missing file, a bad region and a bad date as usage errors", async () => {
    expect((await quire(["answer", "nope.xlsx"])).stderr).toMatch(/file_not_found/);
    const region = await quire(["answer", "fixtures/simple.csv", "--region", "mars"]);
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/--region must be one of/);
    expect((await quire(["answer", "fixtures/simple.csv", "--as-of", "24/11/2026"])).stderr).toMatch(/--as-of/);
  });

  it("refuses a layout hint ingest could not use, naming the flag", async () => {
    const row = await quire(["answer", "fixtures/simple.csv", "--header-row", "first"]);
    expect(row.code).toBe(2);
    expect(row.stderr).toMatch(/--header-row: the header row must be a whole number from 1 \[usage\]/);
    const column = await quire(["answer", "fixtures/simple.csv", "--answer-column", "C5"]);
    expect(column.code).toBe(2);
    expect(column.stderr).toMatch(/--answer-column: the answer column must be a letter \(C\) or a number \(3\)/);
  });

  it("refuses a text file renamed to .xlsx through the real binary, without a stack trace", async () => {
    const w = workdir();
    const file = join(w.dir, "notes.xlsx");
    writeFileSync(file, "just some text, not a workbook\n");
    const result = await run("node", ["bin/quire.mjs", "answer", file, "--db", w.db]).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
