import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeModel } from "../../eval/fake-model.js";
import { bigQuestionnaireCsv } from "../../scripts/fixtures/big-csv.js";
import { AnthropicDrafter } from "../../src/llm/anthropic-drafter.js";
import { type FakeMessagesApi, startFakeMessagesApi } from "../../src/llm/fake-messages-api.js";
import { pricesFor } from "../../src/llm/prices.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/**
 * The API with Claude switched on (a fake Messages API on 127.0.0.1): small uploads draft through
 * interactive calls, big ones through the Message Batches API polled by the job queue; either way
 * the questionnaire says what it cost.
 */
describe("background drafting with the LLM over HTTP", () => {
  let fake: FakeMessagesApi;
  let h: Harness;
  let a: Tenant;
  let customerId: string;

  beforeAll(async () => {
    fake = await startFakeMessagesApi(fakeModel, { batchPollsBeforeEnd: 2 });
    const drafter = new AnthropicDrafter({
      apiKey: "k",
      baseURL: fake.baseURL,
      model: "claude-sonnet-4-6",
      maxRetries: 0,
    });
    h = await harness({
      deps: {
        llm: {
          drafter,
          options: { prices: pricesFor("claude-sonnet-4-6"), maxCostUsd: 5 },
          bulk: { minQuestions: 100, pollMs: 50 },
        },
      },
    });
    a = await h.tenant("Vendor A");
    const customer = await h.call("POST", "/v1/customers", {
      key: a.adminKey,
      json: { name: "Globex GmbH", region: "eu", nda: { onFile: false } },
    });
    customerId = customer.body.id;
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  async function upload(bytes: Uint8Array, name: string) {
    const res = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(bytes, name, { customerId, asOf: "2026-11-24" }),
    });
    expect(res.status).toBe(202);
    const id: string = res.body.id;
    for (let i = 0; i < 200; i++) {
      await h.jobs.drain();
      const got = await h.call("GET", `/v1/questionnaires/${id}`, { key: a.adminKey });
      if (got.body.status !== "queued" && got.body.status !== "processing") return got.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the questionnaire was never drafted");
  }

  it("a small upload drafts through interactive calls, and GET shows calls, tokens and cost", async () => {
    const before = fake.requests.length;
    const q = await upload(new Uint8Array(readFileSync("fixtures/caiq-like.xlsx")), "caiq-like.xlsx");
    expect(q.status).toBe("drafted");
    const calls = fake.requests.length - before;
    expect(calls).toBe(2); // 36 questions, 25 a call
    expect(q.llm).toMatchObject({ model: "claude-sonnet-4-6", mode: "messages", calls, ceilingUsd: 5 });
    expect(q.llm.cacheReadTokens).toBeGreaterThan(0);
    expect(q.llm.estimatedCostUsd).toBeGreaterThan(0);
    expect(q.llm.accepted).toBeGreaterThan(20);
  });

  it("a big upload drafts through one Message Batch, polled through the job queue, at half price", async () => {
    const batchesBefore = fake.batches.length;
    const q = await upload(bigQuestionnaireCsv(300, { seed: 7 }), "big-300.csv");
    expect(q.status).toBe("drafted");
    const made = fake.batches.slice(batchesBefore);
    expect(made).toHaveLength(1);
    expect(made[0]?.requests).toBeLessThanOrEqual(15);
    expect(q.llm).toMatchObject({ mode: "batches", calls: made[0]?.requests, ceilingReached: false });
    expect(q.llm.accepted).toBeGreaterThan(200);
    expect(q.llm.cacheReadTokens).toBeGreaterThan(0);
    // The JSON export (the report) carries the same account.
    const report = await h.call("GET", `/v1/questionnaires/${q.id}/export?format=json`, { key: a.adminKey });
    expect(report.body.llm).toMatchObject({ mode: "batches", calls: made[0]?.requests });
  });
});
