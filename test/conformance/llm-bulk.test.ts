import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeModel } from "../../eval/fake-model.js";
import { bigQuestionnaireCsv } from "../../scripts/fixtures/big-csv.js";
import { memoryBlobStore } from "../../src/blobs/fs.js";
import { jobs, tenants } from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { AnthropicDrafter } from "../../src/llm/anthropic-drafter.js";
import { type FakeMessagesApi, startFakeMessagesApi } from "../../src/llm/fake-messages-api.js";
import { pricesFor } from "../../src/llm/prices.js";
import type { ServiceContext } from "../../src/services/context.js";
import { createCustomer } from "../../src/services/customers/create.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { createQuestionnaire } from "../../src/services/questionnaires/create.js";
import { getQuestionnaire } from "../../src/services/questionnaires/get.js";
import { pollQuestionnaire, processQuestionnaire } from "../../src/services/questionnaires/process.js";
import { DRIVERS } from "./drivers.js";

const clock = { now: () => new Date("2026-11-24T12:00:00Z") };

/**
 * Background drafting through the Message Batches API, on better-sqlite3 and on D1: the processing
 * job submits one Message Batch and queues a poll job; the poll job waits while the batch runs
 * (a retry after pollMs), then saves the validated drafts with the account.
 */
describe.each(DRIVERS)("LLM bulk drafting on $name", (driver) => {
  let db: Db;
  let close: () => Promise<void>;
  let fake: FakeMessagesApi;
  let ctx: ServiceContext;

  beforeAll(async () => {
    ({ db, close } = await driver.open());
    fake = await startFakeMessagesApi(fakeModel, { batchPollsBeforeEnd: 1 });
    await db.insert(tenants).values({ id: "tn_a", name: "a", createdAt: clock.now().toISOString() });
    ctx = {
      tenantId: "tn_a",
      actor: "test",
      db,
      blobs: memoryBlobStore(),
      clock,
      jobs: { dispatch: async () => {}, waitFor: async () => "pending" },
      llm: {
        drafter: new AnthropicDrafter({
          apiKey: "k",
          baseURL: fake.baseURL,
          model: "claude-sonnet-4-6",
          maxRetries: 0,
        }),
        options: { prices: pricesFor("claude-sonnet-4-6"), maxCostUsd: 5 },
        bulk: { minQuestions: 100, pollMs: 30_000 },
      },
    };
    await replaceLibrary(ctx, await loadLibraryDir("answer-library"));
  }, 60_000);
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it("submits one Message Batch, polls it through a queued job, then saves the drafts and the account", async () => {
    const customer = await createCustomer(ctx, { name: "Globex", region: "eu" });
    const created = await createQuestionnaire(ctx, {
      bytes: bigQuestionnaireCsv(300, { seed: 7 }),
      fileName: "big-300.csv",
      customerId: customer.id,
    });
    await processQuestionnaire(ctx, created.id);
    expect((await getQuestionnaire(ctx, created.id)).status).toBe("processing");
    expect(fake.batches).toHaveLength(1);
    const poll = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, "tn_a"), eq(jobs.type, "questionnaire.llm_poll")));
    expect(poll).toHaveLength(1);
    expect(poll[0]?.runAt).toBe("2026-11-24T12:00:30.000Z");

    // A second run of the processing job (after a crash) submits nothing new.
    await processQuestionnaire(ctx, created.id);
    expect(fake.batches).toHaveLength(1);

    // First poll: still running → retry after pollMs; second: ended → drafted.
    expect(await pollQuestionnaire(ctx, created.id)).toMatchObject({ kind: "retry", delayMs: 30_000 });
    expect(await pollQuestionnaire(ctx, created.id)).toBeUndefined();
    const done = await getQuestionnaire(ctx, created.id);
    expect(done.status).toBe("drafted");
    expect(done.llm).toMatchObject({ mode: "batches", calls: fake.batches[0]?.requests, ceilingReached: false });
    expect(done.llm?.calls).toBeLessThanOrEqual(15);
    expect(done.llm?.accepted).toBeGreaterThan(200);
    expect(done.llm?.cacheReadTokens).toBeGreaterThan(0);
  });
});
