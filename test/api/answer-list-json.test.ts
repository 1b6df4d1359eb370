import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateQuestionnaire } from "../../bench/match.js";
import { answers } from "../../src/db/schema/index.js";
import { openSqlite } from "../../src/db/sqlite.js";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { type ListAnswersInput, listAnswers, listAnswersJson } from "../../src/services/answers/list.js";
import { type ServiceContext, systemClock } from "../../src/services/context.js";
import { preparedLibraryFor } from "../../src/services/library/prepared.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { saveAnswered } from "../../src/services/questionnaires/answer-file.js";

/**
 * GET /v1/questionnaires/:id/answers sends the page as JSON text built from the query's raw values
 * (issue 13). It must be byte for byte what encoding the decoded page gives, for every filter,
 * page and odd value, and it must stay inside the tenant.
 */

const CUSTOMER = { region: "us" as const, ndaOnFile: true, asOf: "2026-11-24" };
let dir: string;
let handle: ReturnType<typeof openSqlite>;
let ctx: ServiceContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "quire-list-"));
  handle = openSqlite(join(dir, "quire.db"));
  ctx = { db: handle.db, blobs: undefined as never, clock: systemClock, tenantId: "t1", actor: "cli:test" };
  const library = await loadLibraryDir("answer-library");
  await replaceLibrary(ctx, library);
  const generated = generateQuestionnaire(library, 80);
  const questionnaire = {
    ...generated,
    questions: generated.questions.map((q, i) => ({
      ...q,
      section: i % 4 === 0 ? null : `Section ${i % 4} – “quoted” \\ <tag>`,
      sourceId: i % 5 === 0 ? null : `Q-${i}`,
    })),
  };
  const report = answerQuestionnaire(await preparedLibraryFor(ctx), questionnaire, CUSTOMER);
  await saveAnswered(ctx, {
    questionnaireId: "qn_1",
    blobKey: "t1/qn_1/original",
    fileName: "f.xlsx",
    customerId: null,
    hints: undefined,
    customer: CUSTOMER,
    questionnaire,
    report,
    status: "drafted",
  });
  // Values a reviewer's edits leave: an assignee, a due date, unicode and control characters, a
  // combined answer, no citations offered on request (null), an emoji.
  const ids = handle.sqlite.prepare("select id from answers order by id").pluck().all() as string[];
  await handle.db
    .update(answers)
    .set({
      assignee: "ana@example.com",
      dueOn: "2026-12-24",
      text: 'Line one\nLine "two" \u2028 \u0000 😀',
      entryIds: ["a", "b"],
      onRequest: null,
    })
    .where(eq(answers.id, ids[0] as string));
  await handle.db
    .update(answers)
    .set({ assignee: "ana@example.com", value: null, text: null, notes: [] })
    .where(eq(answers.id, ids[1] as string));
});

afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const inputs: ListAnswersInput[] = [
  { limit: 100 },
  { limit: 7 },
  { limit: 1 },
  { limit: 100, status: "needs_review" },
  { limit: 100, status: "approved" },
  { limit: 100, confidenceBelow: 0.8 },
  { limit: 100, section: "Section 2 – “quoted” \\ <tag>" },
  { limit: 100, assignee: "ana@example.com" },
  { limit: 100, q: "encrypt" },
  { limit: 100, q: "100%_\\" },
];

describe("the answers list as JSON text", () => {
  it("is byte for byte the encoded page, for every filter", async () => {
    for (const input of inputs) {
      const json = await listAnswersJson(ctx, "qn_1", input);
      expect(json).toBe(JSON.stringify(await listAnswers(ctx, "qn_1", input)));
    }
  });

  it("is byte for byte the encoded page on every page of a paged read", async () => {
    let cursor: string | undefined;
    let pages = 0;
    do {
      const input = { limit: 9, cursor };
      const json = await listAnswersJson(ctx, "qn_1", input);
      expect(json).toBe(JSON.stringify(await listAnswers(ctx, "qn_1", input)));
      cursor = (JSON.parse(json) as { nextCursor: string | null }).nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(9);
  });

  it("finds nothing of another tenant's questionnaire: a 404, as before", async () => {
    const other = { ...ctx, tenantId: "t2" };
    await expect(listAnswersJson(other, "qn_1", { limit: 100 })).rejects.toMatchObject({ status: 404 });
    await expect(listAnswersJson(ctx, "qn_nope", { limit: 100 })).rejects.toMatchObject({ status: 404 });
  });
});
