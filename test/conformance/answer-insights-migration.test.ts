import "@hono/zod-openapi"; // the services below build schemas the app's zod must have extended first
import { readFileSync } from "node:fs";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../../src/services/context.js";
import { recordedQuestionInsights } from "../../src/services/insights/record.js";
import { drizzleD1 } from "./drivers.js";

/**
 * Migration 0009 on D1 (workerd's SQLite through Miniflare), over rows written before it: each
 * answer's insight JSON moves to answer_insights once per distinct insight of its questionnaire and
 * reads back the same. test/db/answer-insights-migration.test.ts does the same on better-sqlite3
 * with real uploads and compares every API response.
 */

const journal = JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as {
  entries: { idx: number; tag: string }[];
};
const statementsOf = (tag: string) =>
  readFileSync(`drizzle/${tag}.sql`, "utf8")
    .split("--> statement-breakpoint")
    .filter((s) => s.trim());

const insight = (control: string) => ({
  frameworks: [],
  controls: [control],
  outcome: "answered",
  cited: [],
  offered: [],
  withheld: [],
});
/** Answer id → questionnaire, tenant and the insight stored on it before 0009. */
const ROWS = [
  { id: "q1", qn: "qn_a", tenant: "t1", insight: insight("ac-1") },
  { id: "q2", qn: "qn_a", tenant: "t1", insight: insight("ac-1") }, // a repeated question
  { id: "q3", qn: "qn_a", tenant: "t1", insight: insight("ir-2") },
  { id: "q4", qn: "qn_a", tenant: "t1", insight: null }, // drafted before insight was recorded
  { id: "q5", qn: "qn_b", tenant: "t1", insight: insight("ac-1") },
  { id: "q6", qn: "qn_a", tenant: "t2", insight: insight("ac-1") }, // another tenant, same questionnaire id
];

let mf: Miniflare;
let binding: Awaited<ReturnType<Miniflare["getD1Database"]>>;

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response(null, { status: 404 }) } }",
    d1Databases: ["DB"],
  });
  binding = await mf.getD1Database("DB");
  for (const { tag } of journal.entries.filter((e) => e.idx <= 8)) {
    for (const statement of statementsOf(tag)) await binding.prepare(statement).run();
  }
  for (const r of ROWS) {
    await binding
      .prepare(
        `insert into answers (id, tenant_id, questionnaire_id, status, confidence, controls, citations, withheld,
         alternatives, notes, matched_terms, insight, updated_at)
         values (?, ?, ?, 'drafted', 0.9, '[]', '[]', '[]', '[]', '[]', '[]', ?, '2026-12-01T00:00:00.000Z')`,
      )
      .bind(r.id, r.tenant, r.qn, r.insight && JSON.stringify(r.insight))
      .run();
  }
  const migration = journal.entries.find((e) => e.idx === 9);
  if (!migration) throw new Error("migration 0009 is missing from the journal");
  for (const statement of statementsOf(migration.tag)) await binding.prepare(statement).run();
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
});

describe("migration 0009 on D1", () => {
  it("keeps each answer's insight readable, stored once per distinct insight of a questionnaire", async () => {
    const db = drizzleD1(binding);
    for (const [tenantId, qn] of [
      ["t1", "qn_a"],
      ["t1", "qn_b"],
      ["t2", "qn_a"],
    ] as const) {
      const read = await recordedQuestionInsights({ db, tenantId } as ServiceContext, qn);
      const expected = ROWS.filter((r) => r.tenant === tenantId && r.qn === qn).map((r) => ({
        id: r.id,
        insight: r.insight,
      }));
      expect(read).toEqual(expected);
    }
    const stored = await binding
      .prepare("select tenant_id, questionnaire_id, count(*) n from answer_insights group by 1, 2 order by 1, 2")
      .all();
    expect(stored.results).toEqual([
      { tenant_id: "t1", questionnaire_id: "qn_a", n: 2 },
      { tenant_id: "t1", questionnaire_id: "qn_b", n: 1 },
      { tenant_id: "t2", questionnaire_id: "qn_a", n: 1 },
    ]);
    const columns = await binding.prepare("select name from pragma_table_info('answers')").all<{ name: string }>();
    expect(columns.results.map((c) => c.name)).not.toContain("insight");
  });
});
