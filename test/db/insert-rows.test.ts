import { describe, expect, it } from "vitest";
import { atomic } from "../../src/db/atomic.js";
import { insertFilled, insertRows } from "../../src/db/insert-rows.js";
import { answers, questionnaires } from "../../src/db/schema/index.js";
import { openSqlite } from "../../src/db/sqlite.js";

const questionnaire = (id: string, ndaOnFile: boolean) => ({
  id,
  tenantId: "t1",
  customerId: null,
  fileName: "f.xlsx",
  format: "xlsx" as const,
  status: "drafted" as const,
  failure: null,
  blobKey: `t1/${id}`,
  hints: { sheet: "Sheet 1" },
  region: "eu" as const,
  ndaOnFile,
  ndaUntil: null,
  asOf: "2026-11-24",
  summary: { questions: 3 },
  warnings: ['it\'s "quoted"'],
  createdBy: "cli:test",
  createdAt: "2026-11-24T00:00:00.000Z",
  updatedAt: "2026-11-24T00:00:00.000Z",
});

const answer = (i: number) => ({
  id: `q${i}`,
  tenantId: "t1",
  questionnaireId: "qn1",
  status: "drafted" as const,
  value: i % 2 ? "Yes" : null,
  text: `Answer ${i} — ünïcode`,
  confidence: i / 7,
  entryId: i % 3 ? `entry-${i}` : null,
  controls: [{ framework: "iso27001:2022", ref: "A.5.15" }] as never,
  citations: [],
  onRequest: i % 2 ? null : [],
  withheld: [{ artifactId: "soc2", reason: "no NDA" }],
  entryIds: null,
  alternatives: [{ entryId: "x", score: 0.5 }],
  notes: [],
  matchedTerms: ["mfa"],
  updatedAt: "2026-11-24T00:00:00.000Z",
});

/** Every stored row as SQLite holds it (raw driver values, not drizzle's decoding). */
function dump(handle: ReturnType<typeof openSqlite>, table: string) {
  return handle.sqlite.prepare(`select * from "${table}" order by id`).raw().all();
}

describe("insertRows on better-sqlite3 (one prepared statement per table)", () => {
  it("stores exactly the rows drizzle's chunked inserts store", async () => {
    const viaDrizzle = openSqlite(":memory:");
    const viaPrepared = openSqlite(":memory:");
    const rows = Array.from({ length: 23 }, (_, i) => answer(i));
    const heads = [questionnaire("qn1", true), questionnaire("qn2", false)];

    await atomic(viaDrizzle.db, [
      viaDrizzle.db.insert(questionnaires).values(heads),
      ...[rows.slice(0, 5), rows.slice(5)].map((chunk) => viaDrizzle.db.insert(answers).values(chunk)),
    ]);
    const statements = [
      ...insertRows(viaPrepared.db, questionnaires, heads),
      ...insertRows(viaPrepared.db, answers, rows),
    ];
    expect(statements.length).toBeGreaterThan(2); // chunked as on D1, so process.ts keeps its transaction sizes
    await atomic(viaPrepared.db, statements);

    expect(dump(viaPrepared, "questionnaires")).toEqual(dump(viaDrizzle, "questionnaires"));
    expect(dump(viaPrepared, "answers")).toEqual(dump(viaDrizzle, "answers"));
    expect(dump(viaPrepared, "answers")).toHaveLength(23);
  });

  it("stores a JSON value shared by many rows as each row's own (it is encoded once)", async () => {
    const viaDrizzle = openSqlite(":memory:");
    const viaPrepared = openSqlite(":memory:");
    const shared = { withheld: [{ artifactId: "soc2", reason: 'no NDA, "quoted"' }], notes: ["séance"] };
    // Every third row shares the same objects, the others have equal copies or their own values.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      ...answer(i),
      withheld: i % 3 === 0 ? shared.withheld : i % 3 === 1 ? structuredClone(shared.withheld) : [],
      notes: i % 3 === 0 ? shared.notes : [`note ${i}`],
      onRequest: i % 2 ? null : shared.withheld.map((w) => ({ ...w, type: "soc2-type2", title: "SOC 2" })),
    }));
    await atomic(viaDrizzle.db, [viaDrizzle.db.insert(answers).values(rows)]);
    await atomic(viaPrepared.db, insertRows(viaPrepared.db, answers, rows));
    expect(dump(viaPrepared, "answers")).toEqual(dump(viaDrizzle, "answers"));
  });

  it("rolls the whole save back when a row fails", async () => {
    const handle = openSqlite(":memory:");
    const rows = [answer(1), answer(2), answer(1)]; // duplicate primary key in the last row
    await expect(atomic(handle.db, insertRows(handle.db, answers, rows))).rejects.toThrow(/UNIQUE/);
    expect(dump(handle, "answers")).toEqual([]);
  });

  it("insertFilled stores what drizzle stores for the same rows, chunked the same", async () => {
    const viaDrizzle = openSqlite(":memory:");
    const viaFilled = openSqlite(":memory:");
    const shared = { withheld: [{ artifactId: "soc2", reason: 'no NDA, "quoted"' }], notes: ["séance"] };
    const rows = Array.from({ length: 31 }, (_, i) => ({
      ...answer(i),
      entryId: i % 4 === 0 ? undefined : `entry-${i}`,
      withheld: i % 3 === 0 ? shared.withheld : i % 3 === 1 ? structuredClone(shared.withheld) : [],
      notes: i % 3 === 0 ? shared.notes : [`note ${i}`],
      insightRef: i % 5 === 0 ? null : i,
    }));
    const keys = Object.keys(rows[0] as object) as (keyof (typeof rows)[number])[];
    await atomic(viaDrizzle.db, [viaDrizzle.db.insert(answers).values(rows)]);
    const statements = insertFilled(viaFilled.db, answers, keys, rows.length, {
      fill(i, values) {
        const row = rows[i] as Record<string, unknown>;
        keys.forEach((key, k) => {
          values[k] = row[key];
        });
      },
    });
    expect(statements).toHaveLength(insertRows(viaFilled.db, answers, rows).length);
    await atomic(viaFilled.db, statements);
    expect(dump(viaFilled, "answers")).toEqual(dump(viaDrizzle, "answers"));
    expect(dump(viaFilled, "answers")).toHaveLength(31);
  });
});
