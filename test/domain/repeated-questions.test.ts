import { describe, expect, it } from "vitest";
import { generateQuestionnaire } from "../../bench/match.js";
import { answerQuestion, answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import { artifactStanding } from "../../src/domain/freshness/standing.js";
import { type QuestionInsight, questionInsight, questionnaireInsight } from "../../src/domain/insight/record.js";
import type { Question, Questionnaire } from "../../src/domain/questionnaire/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

const customer: CustomerContext = { region: "eu", ndaOnFile: false, asOf: "2026-11-24" };
const library = await loadLibraryDir("answer-library");
const prepared = prepareLibrary(library);

/**
 * A questionnaire that repeats its questions across sheets and rows, with follow-ups ("If so, how
 * often?") after different rows, so a follow-up's answer depends on the row before it.
 */
function repeating(): Questionnaire {
  const pool = generateQuestionnaire(library, 40).questions;
  const followUps = ["If so, how often?", "If yes, please describe the process.", "Please specify."];
  const questions: Question[] = [];
  for (let i = 0; i < 240; i++) {
    const from = pool[(i * 7) % pool.length] as Question;
    const text = i % 5 === 4 ? (followUps[i % followUps.length] as string) : from.text;
    const sheet = i < 120 ? "Security" : "Privacy";
    questions.push({
      ...from,
      id: `q${i + 1}`,
      sourceId: `S-${i + 1}`,
      section: `Section ${i % 9}`,
      text,
      location: { sheet, row: (i % 120) + 2, answerCell: `C${(i % 120) + 2}`, commentCell: `D${(i % 120) + 2}` },
    });
  }
  return { source: { file: "repeats.xlsx", format: "xlsx" }, questions, warnings: [] };
}

describe("answering a questionnaire that repeats its questions", () => {
  it("gives every row exactly the answer it gets on its own, with its own place", () => {
    const questionnaire = repeating();
    const report = answerQuestionnaire(prepared, questionnaire, customer);
    const alone = questionnaire.questions.map((q, i) => {
      const before = questionnaire.questions[i - 1];
      const previous = before && before.location.sheet === q.location.sheet ? before.text : null;
      return answerQuestion(prepared, q, customer, {}, previous);
    });
    expect(JSON.stringify(report.questions, null, 2)).toBe(JSON.stringify(alone, null, 2));
    // Follow-ups after different rows were not answered alike just because their text is the same.
    const followUps = report.questions.filter((q) => q.question === "If so, how often?");
    expect(new Set(followUps.map((q) => JSON.stringify([q.entryId, q.answer]))).size).toBeGreaterThan(1);
  });

  it("gives every row its own object; what repeated rows share is frozen, so no row can change another", () => {
    const report = answerQuestionnaire(prepared, repeating(), customer);
    const [a, b] = report.questions.filter((q) => q.question === report.questions[0]?.question);
    if (!a || !b) throw new Error("the workbook repeats its first question");
    expect(a).not.toBe(b);
    expect(a.id).not.toBe(b.id);
    // The arrays are shared (copying them was a tenth of a 5,000-row run) and frozen: a change
    // throws instead of reaching the other row.
    for (const q of [a, b]) {
      expect(Object.isFrozen(q.notes)).toBe(true);
      expect(Object.isFrozen(q.citations)).toBe(true);
      expect(Object.isFrozen(q.answer)).toBe(true);
      for (const c of q.citations) expect(Object.isFrozen(c)).toBe(true);
    }
    const before = JSON.stringify(b);
    expect(() => (a.notes as string[]).push("changed")).toThrow(TypeError);
    expect(() => {
      if (a.answer) (a.answer as { text: string }).text = "changed";
    }).toThrow(TypeError);
    // A row is replaced whole, never changed in place: the other copies are untouched.
    a.status = "needs_review";
    expect(JSON.stringify(b)).toBe(before);
  });
});

describe("the questionnaire's demand rollup over shared insights", () => {
  it("counts a shared insight as often as it occurs, keys in the row-by-row order", () => {
    const report = answerQuestionnaire(prepared, repeating(), customer);
    // Rows with the same text and section share one insight object, as the save builds them.
    const byPlace = new Map<string, QuestionInsight>();
    const shared = report.questions.map((q) => {
      const place = { text: q.question, section: q.section, sheet: q.sheet };
      const key = JSON.stringify([place, q.entryId, q.status]);
      let insight = byPlace.get(key);
      if (!insight) {
        insight = questionInsight(q, place, library);
        byPlace.set(key, insight);
      }
      return insight;
    });
    expect(byPlace.size).toBeLessThan(shared.length);
    const meta = { askedOn: "2026-11-24", customer };
    // Each row its own copy (one structuredClone of the list would keep the sharing).
    const rowByRow = questionnaireInsight(
      shared.map((insight) => structuredClone(insight)),
      meta,
    );
    expect(JSON.stringify(questionnaireInsight(shared, meta))).toBe(JSON.stringify(rowByRow));
  });
});

describe("artifact standing, decided once per library and day", () => {
  it("is the same decision on every call, and a grown list or another day is decided afresh", () => {
    const artifacts = [...library.artifacts];
    const soc2 = artifacts.find((a) => a.type === "soc2-type2");
    if (!soc2) throw new Error("the shipped library has a SOC 2 Type II report");
    const first = artifactStanding(soc2, artifacts, "2026-11-24");
    expect(artifactStanding(soc2, artifacts, "2026-11-24")).toEqual(first);
    expect(artifactStanding(soc2, artifacts, "2031-01-01").state).toBe("expired");
    const renewal = {
      ...soc2,
      id: "soc2-renewed",
      periodStart: "2026-01-01",
      periodEnd: "2026-10-31",
      issued: "2026-11-01",
    };
    artifacts.push(renewal as typeof soc2);
    expect(artifactStanding(soc2, artifacts, "2026-11-24").state).toBe("superseded");
  });
});
