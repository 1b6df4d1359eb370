import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateQuestionnaire } from "../../bench/match.js";
import { atomic } from "../../src/db/atomic.js";
import { chunkRows } from "../../src/db/chunk.js";
import {
  answerInsights,
  answers,
  questionnaireInsights,
  questionnaires,
  questions,
} from "../../src/db/schema/index.js";
import { openSqlite } from "../../src/db/sqlite.js";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import { questionInsight, questionnaireInsight } from "../../src/domain/insight/record.js";
import type { Questionnaire } from "../../src/domain/questionnaire/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import type { ServiceContext } from "../../src/services/context.js";
import { preparedLibraryFor } from "../../src/services/library/prepared.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { saveAnswered } from "../../src/services/questionnaires/answer-file.js";
import { plainAnswerRows, plainQuestionRows } from "./plain-rows.js";

/**
 * Saving an answered questionnaire (issue 13: 5,000 answers in ≤ 150 ms) stores exactly what the
 * plain way stores: drizzle's own inserts, and the insight of every question read afresh, with no
 * per-library lookup or per-place memo. Ids and times differ between two saves; everything else
 * is compared column by column, as SQLite holds it.
 */

const CUSTOMER = { region: "eu" as const, ndaOnFile: false, asOf: "2026-11-24" };
const AT = new Date("2026-12-04T09:00:00.000Z");
const clock = { now: () => AT };

let dir: string;
let handle: ReturnType<typeof openSqlite>;
let ctx: ServiceContext;
let questionnaire: Questionnaire;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "quire-save-"));
  handle = openSqlite(join(dir, "quire.db"));
  ctx = { db: handle.db, blobs: undefined as never, clock, tenantId: "t1", actor: "cli:test" };
  const library = await loadLibraryDir("answer-library");
  await replaceLibrary(ctx, library);
  // Repeated questions under two sheets and sections, as large workbooks have them.
  const generated = generateQuestionnaire(library, 120);
  const rows = [...generated.questions, ...generated.questions.slice(0, 60)];
  questionnaire = {
    ...generated,
    questions: rows.map((q, i) => ({
      ...q,
      id: `q${i + 1}`,
      section: i % 3 === 0 ? "GDPR and privacy" : i % 3 === 1 ? "Access control" : null,
      location: { ...q.location, sheet: i < 90 ? "SIG Lite 2024" : "CAIQ v4.0.3", row: i + 2 },
    })),
  };
});

afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The questionnaire's stored rows, ids and the questionnaire id left out, in question order. */
function stored(questionnaireId: string) {
  const { sqlite } = handle;
  const questionRows = sqlite
    .prepare("select * from questions where questionnaire_id = ? order by ordinal")
    .all(questionnaireId) as Record<string, unknown>[];
  const answerRows = sqlite
    .prepare(
      // Each answer with its recorded insight read through its ref (the ref itself differs by layout).
      `select a.*, i.insight as insight from answers a join questions q on q.id = a.id
       left join answer_insights i on i.tenant_id = a.tenant_id and i.questionnaire_id = a.questionnaire_id and i.ref = a.insight_ref
       where a.questionnaire_id = ? order by q.ordinal`,
    )
    .all(questionnaireId) as Record<string, unknown>[];
  const head = sqlite.prepare("select * from questionnaires where id = ?").all(questionnaireId) as Record<
    string,
    unknown
  >[];
  const insight = sqlite
    .prepare("select * from questionnaire_insights where questionnaire_id = ?")
    .all(questionnaireId) as Record<string, unknown>[];
  const strip = (rows: Record<string, unknown>[]) =>
    rows.map(({ id: _id, questionnaire_id: _qn, buyer: _buyer, insight_ref: _ref, ...rest }) => rest);
  return { questions: strip(questionRows), answers: strip(answerRows), head: strip(head), insight: strip(insight) };
}

describe("saveAnswered", () => {
  it("stores the rows the plain drizzle inserts and a fresh insight per question store", async () => {
    const prepared = await preparedLibraryFor(ctx);
    const report = answerQuestionnaire(prepared, questionnaire, CUSTOMER);

    await saveAnswered(ctx, {
      questionnaireId: "qn_fast",
      blobKey: "t1/qn_fast/original",
      fileName: "big.xlsx",
      customerId: null,
      hints: undefined,
      customer: CUSTOMER,
      questionnaire,
      report,
      status: "drafted",
    });

    // The reference: the save as it was written before issue 13's work, statement by statement.
    const at = AT.toISOString();
    const insights = report.questions.map((q, i) =>
      questionInsight(
        q,
        { text: q.question, section: q.section, sheet: questionnaire.questions[i]?.location.sheet ?? q.sheet },
        { entries: [...prepared.library.entries], artifacts: [...prepared.library.artifacts] },
      ),
    );
    const rollup = questionnaireInsight(insights, { askedOn: at.slice(0, 10), customer: CUSTOMER });
    const ids = questionnaire.questions.map((_, i) => `q_ref${i}`);
    await atomic(handle.db, [
      handle.db.insert(questionnaires).values({
        id: "qn_ref",
        tenantId: "t1",
        customerId: null,
        fileName: "big.xlsx",
        format: questionnaire.source.format,
        status: "drafted",
        failure: null,
        blobKey: "t1/qn_fast/original",
        hints: null,
        region: CUSTOMER.region,
        ndaOnFile: CUSTOMER.ndaOnFile,
        ndaUntil: null,
        asOf: CUSTOMER.asOf,
        summary: report.summary,
        warnings: report.warnings,
        llmUsage: report.llm ?? null,
        createdBy: "cli:test",
        draftedAt: at,
        createdAt: at,
        updatedAt: at,
      }),
      ...chunkRows(plainQuestionRows(questionnaire, ids, "t1", "qn_ref")).map((chunk) =>
        handle.db.insert(questions).values(chunk),
      ),
      ...chunkRows(plainAnswerRows(report, ids, "t1", "qn_ref", at)).map((chunk) =>
        handle.db.insert(answers).values(chunk),
      ),
      // One insight row per answer: the save stores each distinct one once, and must read the same.
      ...chunkRows(insights.map((insight, ref) => ({ tenantId: "t1", questionnaireId: "qn_ref", ref, insight }))).map(
        (chunk) => handle.db.insert(answerInsights).values(chunk),
      ),
      handle.db
        .insert(questionnaireInsights)
        .values({ tenantId: "t1", questionnaireId: "qn_ref", buyer: "qn_ref", ...rollup }),
    ]);

    const fast = stored("qn_fast");
    const reference = stored("qn_ref");
    expect(fast.answers).toHaveLength(180);
    expect(fast.answers.some((a) => a.insight !== null && String(a.insight).includes('"framework"'))).toBe(true);
    expect(fast.questions).toEqual(reference.questions);
    expect(fast.answers).toEqual(reference.answers);
    expect(fast.head).toEqual(reference.head);
    expect(fast.insight).toEqual(reference.insight);
    // The repeated questions' insights are stored once each.
    const count = (sql: string) => (handle.sqlite.prepare(sql).get("qn_fast") as { n: number }).n;
    const distinct = count("select count(distinct insight) n from answer_insights where questionnaire_id = ?");
    expect(count("select count(*) n from answer_insights where questionnaire_id = ?")).toBe(distinct);
    expect(distinct).toBeLessThan(180);
    // A questionnaire's question ids share a stem and sort in question order.
    const saved = (
      handle.sqlite.prepare("select id from questions where questionnaire_id = ? order by ordinal").all("qn_fast") as {
        id: string;
      }[]
    ).map((r) => r.id);
    expect(saved.every((id) => /^q_[0-9a-f]{20}$/.test(id) && id.slice(0, 16) === saved[0]?.slice(0, 16))).toBe(true);
    expect([...saved].sort()).toEqual(saved);
  });
});
