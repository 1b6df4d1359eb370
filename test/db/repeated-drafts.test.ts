import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryBlobStore } from "../../src/blobs/fs.js";
import { atomic } from "../../src/db/atomic.js";
import { chunkRows } from "../../src/db/chunk.js";
import { answerInsights, answers, questions } from "../../src/db/schema/index.js";
import { openSqlite } from "../../src/db/sqlite.js";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import type { AnswerReport, ReportQuestion } from "../../src/domain/answering/report.js";
import { questionInsight } from "../../src/domain/insight/record.js";
import type { Questionnaire } from "../../src/domain/questionnaire/types.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { getAnswer } from "../../src/services/answers/get.js";
import { listAnswers } from "../../src/services/answers/list.js";
import type { ServiceContext } from "../../src/services/context.js";
import { recordedQuestionInsights } from "../../src/services/insights/record.js";
import { preparedLibraryFor } from "../../src/services/library/prepared.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { saveAnswered } from "../../src/services/questionnaires/answer-file.js";
import { exportQuestionnaire } from "../../src/services/questionnaires/export.js";
import { repeatedDrafts, sameJson } from "../../src/services/questionnaires/repeated-drafts.js";
import { plainAnswerRows, plainQuestionRows } from "./plain-rows.js";

/**
 * Issue 13: the save encodes a repeated question's draft once and reuses its insight. What it
 * stores, and what every reader returns, must be what storing each row on its own gives.
 */

describe("sameJson", () => {
  it("says same only when JSON.stringify writes the same text", () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(json, (a) => sameJson(a, JSON.parse(JSON.stringify(a) ?? "null")) === true || Number.isNaN(a)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(json, json, (a, b) => !sameJson(a, b) || JSON.stringify(a) === JSON.stringify(b)),
      { numRuns: 500 },
    );
    // Near misses: values differing only in the details JSON text keeps.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.oneof(fc.string(), fc.double(), fc.constant(null)))), (pairs) => {
        const a = Object.fromEntries(pairs);
        const b = Object.fromEntries([...pairs].reverse());
        return sameJson(a, b) === (JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps key order, and trusts only plain data", () => {
    expect(sameJson({ a: 1, b: 2 }, { a: 1, b: 2 })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson([1, [2, { c: "x" }]], [1, [2, { c: "x" }]])).toBe(true);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson({ a: undefined }, { a: undefined })).toBe(true);
    expect(sameJson(Number.NaN, Number.NaN)).toBe(false);
    const when = "2026-12-04T00:00:00.000Z";
    expect(sameJson(new Date(when), new Date(when))).toBe(false);
    const date = new Date(when);
    expect(sameJson(date, date)).toBe(true);
    expect(sameJson(Object.assign(Object.create(null), { a: [1] }), { a: [1] })).toBe(true);
  });
});

const CUSTOMER = { region: "eu" as const, ndaOnFile: false, asOf: "2026-11-24" };
const AT = new Date("2026-12-04T09:00:00.000Z");

let dir: string;
let handle: ReturnType<typeof openSqlite>;
let ctx: ServiceContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "quire-repeats-"));
  handle = openSqlite(join(dir, "quire.db"));
  ctx = { db: handle.db, blobs: memoryBlobStore(), clock: { now: () => AT }, tenantId: "t1", actor: "cli:test" };
  await replaceLibrary(ctx, await loadLibraryDir("answer-library"));
});

afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A real fixture, its questions asked again on a second tab (as large workbooks repeat them). */
async function fixtureTwice(file: string): Promise<Questionnaire> {
  const read = await ingestQuestionnaire(new Uint8Array(readFileSync(join("fixtures", file))), file, undefined);
  const again = read.questions.map((q, i) => ({
    ...q,
    id: `again-${q.id}`,
    section: i % 2 === 0 ? q.section : "Repeated section",
    location: { ...q.location, sheet: "Second tab", row: i + 2 },
  }));
  return { ...read, questions: [...read.questions, ...again] };
}

/**
 * What an LLM pass or a later step can leave: a copy whose text was rewritten, one with its own
 * citations, one whose alternatives list the same entries in other objects with the keys in
 * another order (same data, other JSON text).
 */
function withDivergentCopies(report: AnswerReport): AnswerReport {
  const seen = new Set<string>();
  let changed = 0;
  const rows = report.questions.map((q): ReportQuestion => {
    if (!seen.has(q.question)) {
      seen.add(q.question);
      return q;
    }
    changed++;
    if (changed === 1 && q.answer) return { ...q, answer: { ...q.answer, text: `${q.answer.text} (rewritten)` } };
    if (changed === 2) return { ...q, citations: [], notes: [...q.notes, "citations removed"] };
    if (changed === 3) {
      return {
        ...q,
        alternatives: q.alternatives.map((a) => ({ score: a.score, entryId: a.entryId, confidence: a.confidence })),
      };
    }
    return q;
  });
  return { ...report, questions: rows };
}

/** The plain save: drizzle's own chunked inserts and one insight per answer, nothing shared. */
async function plainSave(questionnaireId: string, questionnaire: Questionnaire, report: AnswerReport) {
  const at = AT.toISOString();
  const prepared = await preparedLibraryFor(ctx);
  // The head row is not what this test is about: take saveAnswered's with no questions, then add them.
  await saveAnswered(ctx, {
    questionnaireId,
    blobKey: `t1/${questionnaireId}/original`,
    fileName: questionnaire.source.file,
    customerId: null,
    hints: undefined,
    customer: CUSTOMER,
    questionnaire: { ...questionnaire, questions: [] },
    report: { ...report, questions: [] },
    status: "drafted",
  });
  const ids = questionnaire.questions.map((_, i) => `q_${questionnaireId}_${String(i).padStart(5, "0")}`);
  await atomic(handle.db, [
    ...chunkRows(plainQuestionRows(questionnaire, ids, "t1", questionnaireId)).map((chunk) =>
      handle.db.insert(questions).values(chunk),
    ),
    ...chunkRows(plainAnswerRows(report, ids, "t1", questionnaireId, at)).map((chunk) =>
      handle.db.insert(answers).values(chunk),
    ),
    ...chunkRows(
      report.questions.map((q, ref) => ({
        tenantId: "t1",
        questionnaireId,
        ref,
        insight: questionInsight(
          q,
          { text: q.question, section: q.section, sheet: questionnaire.questions[ref]?.location.sheet ?? q.sheet },
          prepared.library,
        ),
      })),
    ).map((chunk) => handle.db.insert(answerInsights).values(chunk)),
  ]);
}

/** Every stored column of the questionnaire's questions and answers, ids as question positions. */
function storedRows(questionnaireId: string) {
  const rows = handle.sqlite
    .prepare(
      `select q.*, a.*, i.insight as insight from questions q join answers a on a.id = q.id
       left join answer_insights i on i.tenant_id = a.tenant_id and i.questionnaire_id = a.questionnaire_id and i.ref = a.insight_ref
       where q.questionnaire_id = ? order by q.ordinal`,
    )
    .all(questionnaireId) as Record<string, unknown>[];
  return rows.map(({ id: _id, questionnaire_id: _qn, insight_ref: _ref, ...rest }) => rest);
}

/** A reader's output with the questionnaire's ids written as positions, so two saves compare. */
async function readBack(questionnaireId: string) {
  const ids = (
    handle.sqlite
      .prepare("select id from questions where questionnaire_id = ? order by ordinal")
      .all(questionnaireId) as {
      id: string;
    }[]
  ).map((r) => r.id);
  const position = new Map(ids.map((id, i) => [id, `#${i}`]));
  // Ids also appear inside exported text (a CSV's id column), so every occurrence is replaced.
  const neutral = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (_key, v) =>
        typeof v === "string"
          ? v.replace(/q(?:n)?_[A-Za-z0-9_]+/g, (id) => position.get(id) ?? (id === questionnaireId ? "QN" : id))
          : v,
      ),
    );
  const bySort = await Promise.all(
    (["position", "confidence"] as const).map((sort) => listAnswers(ctx, questionnaireId, { limit: 1000, sort })),
  );
  const details = await Promise.all(ids.map((id) => getAnswer(ctx, id)));
  const insights = await recordedQuestionInsights(ctx, questionnaireId);
  const exported = await Promise.all(
    (["json", "csv", "original"] as const).map(async (format) => {
      const out = await exportQuestionnaire(ctx, questionnaireId, { format, includeDrafts: true });
      return typeof out.body === "string" ? out.body : Buffer.from(out.body).toString("base64");
    }),
  );
  return neutral({
    lists: bySort.map((page) => page.data),
    details,
    insights: insights.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)).map((r) => r.insight),
    exported,
  });
}

describe("saving a questionnaire with repeated questions", () => {
  for (const file of ["review-300.csv", "caiq-like.xlsx"]) {
    it(`${file}: stores and reads back what the plain save does`, async () => {
      const questionnaire = await fixtureTwice(file);
      const prepared = await preparedLibraryFor(ctx);
      const report = withDivergentCopies(answerQuestionnaire(prepared, questionnaire, CUSTOMER));
      // The case this is about: most rows repeat an earlier draft, a few only in part.
      const repeats = repeatedDrafts(report.questions);
      const whole = repeats.sameAs.filter((f, i) => f !== i).length;
      expect(whole).toBeGreaterThan(questionnaire.questions.length / 3);
      expect(repeats.partly.size).toBeGreaterThanOrEqual(2);

      const fast = `qn_fast_${file.replace(/\W/g, "")}`;
      const plain = `qn_plain_${file.replace(/\W/g, "")}`;
      for (const id of [fast, plain]) await ctx.blobs.put(`t1/${id}/original`, readFileSync(join("fixtures", file)));
      await saveAnswered(ctx, {
        questionnaireId: fast,
        blobKey: `t1/${fast}/original`,
        fileName: questionnaire.source.file,
        customerId: null,
        hints: undefined,
        customer: CUSTOMER,
        questionnaire,
        report,
        status: "drafted",
      });
      await plainSave(plain, questionnaire, report);

      expect(storedRows(fast)).toEqual(storedRows(plain));
      const fastRead = await readBack(fast);
      const read = fastRead as { lists: unknown[][]; exported: string[] };
      expect(read.lists.map((list) => list.length)).toEqual([
        questionnaire.questions.length,
        questionnaire.questions.length,
      ]);
      expect(read.exported.every((body) => body.length > 100)).toBe(true);
      expect(fastRead).toEqual(await readBack(plain));
      // And what was read is the report that was saved.
      const details = (fastRead as { details: { text: string | null; citations: unknown; alternatives: unknown }[] })
        .details;
      expect(details.map((d) => d.text)).toEqual(report.questions.map((q) => q.answer?.text ?? null));
      expect(details.map((d) => JSON.stringify(d.alternatives))).toEqual(
        report.questions.map((q) => JSON.stringify(q.alternatives)),
      );
    });
  }
});
