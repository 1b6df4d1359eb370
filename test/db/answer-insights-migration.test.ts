// The app extends zod on import; the services below build schemas it must have extended first.
import "@hono/zod-openapi";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../../src/services/context.js";
import { recordedQuestionInsights } from "../../src/services/insights/record.js";
import { fileForm, type Harness, harness } from "../api/harness.js";

/**
 * Migration 0009 (issue 13) moved each answer's insight JSON into answer_insights, stored once per
 * distinct insight of a questionnaire. A database written before it must read the same afterwards:
 * the same API responses (questionnaire, answers list, every answer, export, demand) and the same
 * insight per answer. The old database is made from a new one's rows as the old schema held them
 * (the insight JSON on every answer), migrated, and served again next to the original.
 */

let h: Harness;
let key: string;
let tenantId: string;
const uploads: string[] = [];

/** Every reader's response for the uploads, as the API returns them. */
async function responses(server: Harness) {
  const out: Record<string, unknown> = {};
  const get = async (path: string) => {
    const res = await server.call("GET", path, { key });
    expect(res.status, path).toBe(200);
    out[path] = res.body instanceof Uint8Array ? Buffer.from(res.body).toString("base64") : res.body;
    return res.body;
  };
  for (const id of uploads) {
    await get(`/v1/questionnaires/${id}`);
    const list = await get(`/v1/questionnaires/${id}/answers?limit=500`);
    for (const answer of list.data as { id: string }[]) await get(`/v1/answers/${answer.id}`);
    await get(`/v1/questionnaires/${id}/export?format=json`);
    await get(`/v1/questionnaires/${id}/export`);
  }
  await get("/v1/insights/demand?from=2026-01-01&to=2026-12-31");
  return out;
}

const insightsOf = async (server: Harness) => {
  const ctx = { db: server.db, tenantId } as ServiceContext;
  return Promise.all(uploads.map((id) => recordedQuestionInsights(ctx, id)));
};

beforeAll(async () => {
  h = await harness();
  const a = await h.tenant("Acme");
  key = a.adminKey;
  tenantId = a.id;
  const customer = await h.call("POST", "/v1/customers", {
    key,
    json: { name: "Initech", region: "eu", nda: { onFile: false } },
  });
  expect(customer.status).toBe(201);
  for (const file of ["caiq-like.xlsx", "review-300.csv"]) {
    const res = await h.call("POST", "/v1/questionnaires", {
      key,
      form: fileForm(readFileSync(`fixtures/${file}`), file, { customerId: customer.body.id, asOf: "2026-11-24" }),
    });
    expect(res.status).toBe(202);
    uploads.push(res.body.id);
  }
  await h.jobs.drain();
  // A reviewed answer too: review writes must survive the migration like drafted ones.
  const list = await h.call("GET", `/v1/questionnaires/${uploads[0]}/answers`, { key });
  const first = list.body.data[0];
  expect((await h.call("PATCH", `/v1/answers/${first.id}`, { key, json: { text: "Reviewed." } })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe("migration 0009: answer insights stored once per questionnaire", () => {
  it("reads back every answer and every API response as before", async () => {
    const before = await responses(h);
    const insights = await insightsOf(h);
    // The new save stores each distinct insight once; the 300-row file repeats some.
    const count = (sql: string) => (h.deps.db as unknown as { $client: Database.Database }).$client.prepare(sql).get();
    const stored = count("select count(*) n, count(distinct insight) d from answer_insights") as {
      n: number;
      d: number;
    };
    expect(stored.n).toBe(stored.d);
    expect(insights.flat().every((r) => r.insight !== null)).toBe(true);

    // The old layout: migrations up to 0008, the same rows, the insight JSON on each answer.
    const old = mkdtempSync(join(tmpdir(), "quire-0008-"));
    try {
      const migrations = join(old, "drizzle");
      mkdirSync(join(migrations, "meta"), { recursive: true });
      const journal = JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as {
        entries: { idx: number; tag: string }[];
      };
      journal.entries = journal.entries.filter((e) => e.idx <= 8);
      writeFileSync(join(migrations, "meta", "_journal.json"), JSON.stringify(journal));
      for (const e of journal.entries) cpSync(`drizzle/${e.tag}.sql`, join(migrations, `${e.tag}.sql`));

      const served = join(old, "served");
      mkdirSync(served);
      cpSync(join(h.dir, "blobs"), join(served, "blobs"), { recursive: true });
      const sqlite = new Database(join(served, "quire.db"));
      migrate(drizzle(sqlite), { migrationsFolder: migrations });
      expect(
        sqlite.prepare("select count(*) n from pragma_table_info('answers') where name = 'insight'").get(),
      ).toEqual({
        n: 1,
      });
      sqlite.prepare("attach database ? as src").run(join(h.dir, "quire.db"));
      sqlite.pragma("foreign_keys = OFF"); // tables are copied in any order; the source kept them
      const tables = (
        sqlite
          .prepare(
            "select name from sqlite_master where type = 'table' and name not like '%drizzle%' and name not like 'sqlite_%'",
          )
          .all() as { name: string }[]
      ).map((t) => t.name);
      sqlite.transaction(() => {
        for (const table of tables) {
          const names = (
            sqlite.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]
          ).map((c) => c.name);
          const columns = names.map((n) => `"${n}"`).join(", ");
          if (table === "answers") {
            const read = names.map((n) => (n === "insight" ? "i.insight" : `a."${n}"`)).join(", ");
            sqlite.exec(`insert into answers (${columns}) select ${read}
              from src.answers a left join src.answer_insights i on i.tenant_id = a.tenant_id
              and i.questionnaire_id = a.questionnaire_id and i.ref = a.insight_ref`);
          } else sqlite.exec(`insert into "${table}" (${columns}) select ${columns} from src."${table}"`);
        }
      })();
      expect(sqlite.prepare("select count(*) n, count(insight) i from answers").get()).toEqual({
        n: insights.flat().length,
        i: insights.flat().length,
      });
      sqlite.prepare("detach database src").run();
      sqlite.close();

      const migrated = await harness({ dir: served });
      try {
        expect(await responses(migrated)).toEqual(before);
        expect(await insightsOf(migrated)).toEqual(insights);
      } finally {
        await migrated.close();
      }
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }, 120_000);
});
