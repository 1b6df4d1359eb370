import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeModel } from "../../eval/fake-model.js";
import { bigQuestionnaireCsv } from "../../scripts/fixtures/big-csv.js";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import { costOf } from "../../src/domain/answering/llm-account.js";
import { planRefinement, refineReport, worstCaseCost } from "../../src/domain/answering/refine.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { AnthropicDrafter } from "../../src/llm/anthropic-drafter.js";
import { batchItems, type FakeMessagesApi, startFakeMessagesApi } from "../../src/llm/fake-messages-api.js";
import { pricesFor } from "../../src/llm/prices.js";
import { question, shippedLibrary, US_NO_NDA } from "../matching/helpers.js";

const SONNET = pricesFor("claude-sonnet-4-6");

let api: FakeMessagesApi;
beforeAll(async () => {
  api = await startFakeMessagesApi(fakeModel);
});
afterAll(async () => api.close());

async function offline300() {
  const prepared = await shippedLibrary();
  const questionnaire = await ingestQuestionnaire(bigQuestionnaireCsv(300, { seed: 7 }), "big-300.csv");
  return { prepared, report: answerQuestionnaire(prepared, questionnaire, US_NO_NDA) };
}

const drafter = () =>
  new AnthropicDrafter({ apiKey: "k", baseURL: api.baseURL, model: "claude-sonnet-4-6", maxRetries: 0 });

describe("batches follow the sheet's sections", () => {
  async function plan(sections: number, perSection: number) {
    const prepared = await shippedLibrary();
    const questions = Array.from({ length: sections * perSection }, (_, i) => ({
      ...question("Is MFA enforced for all workforce accounts?", "yes_no", ["Yes", "No"]),
      id: `q${i}`,
      section: `Section ${Math.floor(i / perSection)}`,
      location: { sheet: "Main", row: i + 2, answerCell: null, commentCell: null },
    }));
    const report = answerQuestionnaire(
      prepared,
      { source: { file: "s.csv", format: "csv" }, questions, warnings: [] },
      US_NO_NDA,
    );
    return planRefinement(report, prepared, US_NO_NDA).batches.map((b) => [
      ...new Set(b.questions.map((q) => q.section)),
    ]);
  }

  it("a section of 22 stays whole: one call each, never split", async () => {
    const batches = await plan(6, 22);
    expect(batches).toEqual(Array.from({ length: 6 }, (_, i) => [`Section ${i}`]));
  });

  it("small sections share a call, filled to 25: 60 questions in sections of 5 take 3 calls", async () => {
    const batches = await plan(12, 5);
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2]);
  });
});

describe("a 300-question file through the Claude path (fake Messages API)", () => {
  it("drafts in at most 15 calls, every call after the first reading the prompt cache; the report accounts for it", async () => {
    const { prepared, report: offline } = await offline300();
    const before = api.requests.length;
    const plan = planRefinement(offline, prepared, US_NO_NDA);
    const perQuestionCalls = plan.batches.reduce((n, b) => n + b.questions.length, 0);
    const { report, stats } = await refineReport(offline, prepared, US_NO_NDA, drafter(), {
      prices: SONNET,
      maxCostUsd: 5,
    });
    const requests = api.requests.slice(before);
    const usages = api.usages.slice(before);

    expect(offline.questions).toHaveLength(300);
    expect(requests.length).toBeLessThanOrEqual(15);
    expect(stats.calls).toBe(requests.length);
    for (const r of requests) expect(batchItems(r.user).length).toBeLessThanOrEqual(25);
    // The first call writes the cache; every later one reads it and writes nothing.
    expect(usages[0]?.cache_creation_input_tokens).toBeGreaterThan(1024);
    for (const u of usages.slice(1)) {
      expect(u.cache_read_input_tokens).toBe(usages[0]?.cache_creation_input_tokens);
      expect(u.cache_creation_input_tokens).toBe(0);
    }
    const sum = (k: keyof (typeof usages)[number]) => usages.reduce((n, u) => n + u[k], 0);
    expect(report.llm).toMatchObject({
      model: "claude-sonnet-4-6",
      mode: "messages",
      calls: requests.length,
      inputTokens: sum("input_tokens"),
      outputTokens: sum("output_tokens"),
      cacheReadTokens: sum("cache_read_input_tokens"),
      cacheWriteTokens: sum("cache_creation_input_tokens"),
      ceilingUsd: 5,
      ceilingReached: false,
    });
    expect(report.llm?.estimatedCostUsd).toBeGreaterThan(0);
    expect(report.llm?.cacheHitShare).toBeGreaterThan(0.5);
    expect(report.llm?.accepted).toBeGreaterThan(200);
    const llm = report.llm;
    console.log(
      `300 questions: ${perQuestionCalls} calls one per question before, ${llm?.calls} now; input ${llm?.inputTokens}, ` +
        `cache read ${llm?.cacheReadTokens}, cache write ${llm?.cacheWriteTokens}, output ${llm?.outputTokens}; ` +
        `cache hit share ${llm?.cacheHitShare}; estimated $${llm?.estimatedCostUsd} (Sonnet prices)`,
    );
  });

  it("stops cleanly at the cost ceiling: no call that could cross it, the rest offline drafts sent to review", async () => {
    const { prepared, report: offline } = await offline300();
    const plan = planRefinement(offline, prepared, US_NO_NDA);
    const [b0] = plan.batches;
    if (!b0) throw new Error("no batch");
    // Room for about three calls at their worst case.
    const ceiling = 3 * worstCaseCost(plan, b0, SONNET);
    const before = api.requests.length;
    const { report } = await refineReport(offline, prepared, US_NO_NDA, drafter(), {
      prices: SONNET,
      maxCostUsd: ceiling,
      concurrency: 1,
    });
    const made = api.requests.length - before;
    const llm = report.llm;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(plan.batches.length);
    expect(llm?.calls).toBe(made);
    expect(llm?.ceilingReached).toBe(true);
    expect(llm?.estimatedCostUsd).toBeLessThanOrEqual(ceiling);
    expect(
      costOf(
        {
          inputTokens: llm?.inputTokens ?? 0,
          outputTokens: llm?.outputTokens ?? 0,
          cacheReadTokens: llm?.cacheReadTokens ?? 0,
          cacheWriteTokens: llm?.cacheWriteTokens ?? 0,
        },
        SONNET,
      ),
    ).toBeLessThanOrEqual(ceiling);
    // Everything after the stop: the offline draft, sent to review, saying why.
    const held = report.questions.filter((q) => q.notes.some((n) => /LLM budget/.test(n)));
    expect(held.length).toBe(llm?.overBudget);
    expect(held.length).toBeGreaterThan(100);
    for (const q of held) {
      expect(q.draftedBy).toBeUndefined();
      expect(["needs_review", "no_match"]).toContain(q.status);
    }
  });

  it("a ceiling of 0 makes no call at all", async () => {
    const { prepared, report: offline } = await offline300();
    const before = api.requests.length;
    const { report } = await refineReport(offline, prepared, US_NO_NDA, drafter(), { prices: SONNET, maxCostUsd: 0 });
    expect(api.requests.length).toBe(before);
    expect(report.llm).toMatchObject({ calls: 0, estimatedCostUsd: 0, ceilingReached: true });
    expect(report.summary.drafted).toBe(0);
  });
});
