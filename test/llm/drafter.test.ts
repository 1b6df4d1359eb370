import { afterEach, describe, expect, it } from "vitest";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import type { Drafter } from "../../src/domain/answering/drafter.js";
import { type RefineOptions, refineReport } from "../../src/domain/answering/refine.js";
import type { Question } from "../../src/domain/questionnaire/types.js";
import { AnthropicDrafter } from "../../src/llm/anthropic-drafter.js";
import { createDrafterFromEnv, refineOptionsFromEnv } from "../../src/llm/env.js";
import {
  batchItems,
  type FakeItem,
  type FakeMessagesApi,
  type FakeReply,
  type FakeRequest,
  replyJson,
  startFakeMessagesApi,
  taggedJson,
} from "../../src/llm/fake-messages-api.js";
import { pricesFor } from "../../src/llm/prices.js";
import { question, shippedLibrary, US_NDA, US_NO_NDA } from "../matching/helpers.js";

let api: FakeMessagesApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function serve(respond: (r: FakeRequest) => FakeReply) {
  api = await startFakeMessagesApi(respond);
  return new AnthropicDrafter({ apiKey: "test-key", baseURL: api.baseURL, model: "test-model", maxRetries: 1 });
}

type Library = Map<string, { entryId: string; short: string | null; answer: string }>;
const libraryOf = (r: FakeRequest): Library =>
  new Map(
    (taggedJson<{ entryId: string; short: string | null; answer: string }[]>(r.system, "library") ?? []).map((e) => [
      e.entryId,
      e,
    ]),
  );

/** A fake model answering each question of the batch with `answer(item)`: the offline choice unless told otherwise. */
function perItem(answer: (item: FakeItem, library: Library) => Record<string, unknown> | null) {
  return (r: FakeRequest): FakeReply => {
    const library = libraryOf(r);
    return {
      text: replyJson(
        batchItems(r.user).flatMap((item) => {
          const a = answer(item, library);
          return a ? [{ questionId: item.id, ...a }] : [];
        }),
      ),
    };
  };
}

/** The offline engine's choice, its entry's text and value. */
const offlineAnswer = (item: FakeItem, library: Library) => {
  const id = item.details.offlineDraft.entryIds[0] ?? item.details.shortlist[0]?.entryId ?? "";
  const entry = library.get(id);
  return {
    entryIds: [id],
    value: item.kind === "free_text" ? null : (item.details.offlineDraft.value ?? entry?.short ?? "Yes"),
    text: item.details.offlineDraft.text ?? entry?.answer ?? "",
    confidence: 0.9,
  };
};

async function run(
  questions: Question[],
  respond: (r: FakeRequest) => FakeReply,
  customer = US_NO_NDA,
  options: RefineOptions = {},
) {
  const prepared = await shippedLibrary();
  const offline = answerQuestionnaire(
    prepared,
    { source: { file: "t.csv", format: "csv" }, questions, warnings: [] },
    customer,
  );
  const drafter = await serve(respond);
  return { offline, ...(await refineReport(offline, prepared, customer, drafter, options)) };
}

const mfa = (id = "q1") => ({
  ...question("Is MFA enforced for all workforce accounts?", "yes_no", ["Yes", "No", "N/A"]),
  id,
});

describe("refineReport with the Claude drafter against a fake Messages API", () => {
  it("accepts a valid rerank: the chosen candidate, the model's text, citations from the policy", async () => {
    let seen: FakeRequest | null = null;
    const { report, stats } = await run([mfa()], (r) => {
      seen = r;
      return perItem((item, lib) => {
        const second = item.details.shortlist[1]?.entryId ?? "";
        return { entryIds: [second], value: lib.get(second)?.short ?? "Yes", text: "Yes.", confidence: 0.9 };
      })(r);
    });
    const q = report.questions[0];
    const request = seen as unknown as FakeRequest;
    const second = batchItems(request.user)[0]?.details.shortlist[1]?.entryId;
    expect(stats).toMatchObject({ calls: 1, accepted: 1, fallbacks: 0 });
    expect(q?.draftedBy).toBe("llm");
    expect(q?.entryId).toBe(second);
    expect(q?.answer?.text).toBe("Yes.");
    // The request: no tools, the question delimited as data, the system prompt says it is untrusted,
    // the structured output schema and the cache breakpoint on the stable context.
    expect(request.body.tools).toBeUndefined();
    expect(request.user).toContain('<question kind="yes_no">Is MFA enforced for all workforce accounts?</question>');
    expect(request.system).toMatch(/untrusted/);
    expect(request.body.output_config?.format?.type).toBe("json_schema");
    const system = request.body.system as { text: string; cache_control?: unknown }[];
    expect(system.at(-1)?.cache_control).toEqual({ type: "ephemeral" });
    expect(system.at(-1)?.text).toContain("<library>");
  });

  it("cannot send a stale answer as current: the model's confident Yes goes to review, and it saw filled facts", async () => {
    const soc2 = question("Do you have a current SOC 2 Type II report?", "yes_no", ["Yes", "No", "N/A"]);
    let seen: FakeRequest | null = null;
    const { report } = await run(
      [soc2],
      (r) => {
        seen = r;
        return perItem((item, lib) => ({ ...offlineAnswer(item, lib), value: "Yes" }))(r);
      },
      { ...US_NDA, asOf: "2031-06-01" },
    );
    const q = report.questions[0];
    expect(q?.draftedBy).toBe("llm");
    expect(q?.status).toBe("needs_review");
    expect(q?.notes.join(" ")).toMatch(/not drafted as current on 2031-06-01/);
    expect(q?.citations).toEqual([]);
    expect(report.summary.stale).toBe(1);
    // The library carried the facts, never a placeholder the model might echo.
    const system = (seen as unknown as FakeRequest).system;
    expect(system).toContain("1 October 2025 to 30 September 2026");
    expect(system).not.toContain("{{");
  });

  it("falls back on a reply cut off at max_tokens: offline draft kept, sent to review, with the reason", async () => {
    const { report, offline, stats } = await run([mfa()], () => ({ text: '{"answers": [', stopReason: "max_tokens" }));
    const q = report.questions[0];
    expect(stats.fallbacks).toBe(1);
    expect(q?.status).toBe("needs_review");
    expect(q?.answer).toEqual(offline.questions[0]?.answer);
    expect(q?.notes.join(" ")).toMatch(/LLM draft not used: the reply was cut off/);
  });

  it("parses with the SDK's zod helper: a reply that is not the schema's JSON falls back as malformed", async () => {
    const { report } = await run([mfa()], () => ({
      raw: JSON.stringify({
        id: "m",
        type: "message",
        role: "assistant",
        model: "x",
        content: [{ type: "text", text: "Sure! {answers: [oops" }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 5 },
      }),
    }));
    expect(report.questions[0]?.notes.join(" ")).toMatch(/malformed output \(Failed to parse structured output/);
  });

  it("the fake enforces the output schema as the API does: a responder breaking it is a test bug, reported", async () => {
    const { report } = await run([mfa()], () => ({ text: JSON.stringify({ answers: [{ questionId: "q1" }] }) }));
    expect(report.questions[0]?.notes.join(" ")).toMatch(/breaks output_config\.format/);
  });

  it("falls back per question: a confidence out of range costs that question only", async () => {
    const { report, stats } = await run(
      [mfa("q1"), mfa("q2")],
      perItem((item, lib) => ({ ...offlineAnswer(item, lib), confidence: item.id === "q1" ? 7 : 0.9 })),
    );
    expect(stats).toMatchObject({ calls: 1, accepted: 1, fallbacks: 1 });
    expect(report.questions[0]?.notes.join(" ")).toMatch(/confidence is not between 0 and 1/);
    expect(report.questions[1]?.draftedBy).toBe("llm");
  });

  it("falls back on a refusal", async () => {
    const { report } = await run([mfa()], () => ({ text: "I can't help with that.", stopReason: "refusal" }));
    expect(report.questions[0]?.status).toBe("needs_review");
    expect(report.questions[0]?.notes.join(" ")).toMatch(/refused/);
  });

  it("survives 529 overloaded: bounded retries, then the offline draft", async () => {
    const { report, stats } = await run([mfa()], () => ({
      status: 529,
      error: { type: "overloaded_error", message: "Overloaded" },
      headers: { "retry-after-ms": "5" },
    }));
    expect(api?.requests).toHaveLength(2); // maxRetries: 1 → one try + one retry, no more
    expect(stats.fallbacks).toBe(1);
    expect(report.questions[0]?.status).toBe("needs_review");
    expect(report.questions[0]?.notes.join(" ")).toMatch(/LLM call failed/);
  });

  it("falls back when the model names an entry outside the question's shortlist", async () => {
    const { report } = await run(
      [mfa()],
      perItem(() => ({ entryIds: ["soc2-report-request"], value: "Yes", text: "Yes.", confidence: 0.9 })),
    );
    expect(report.questions[0]?.entryId).not.toBe("soc2-report-request");
    expect(report.questions[0]?.notes.join(" ")).toMatch(/not given/);
  });

  it("accepts a faithful adaptation: the entry's own words, shortened and reordered, no new claims", async () => {
    const { report, stats } = await run(
      [mfa()],
      perItem((item, lib) => {
        const base = offlineAnswer(item, lib);
        const first = (base.text.split(/(?<=\.)\s+/)[0] ?? "").trim();
        return { ...base, text: `Yes. ${first}` };
      }),
    );
    expect(stats).toMatchObject({ accepted: 1, fallbacks: 0 });
    expect(report.questions[0]?.answer?.text).toMatch(/^Yes\. /);
  });

  it("rejects a sentence its entries do not support, even without links, claims or figures", async () => {
    const { report } = await run(
      [mfa()],
      perItem((item, lib) => {
        const base = offlineAnswer(item, lib);
        return { ...base, text: `${base.text} We guarantee complete compliance with whatever your auditors require.` };
      }),
    );
    expect(report.questions[0]?.draftedBy).toBeUndefined();
    expect(report.questions[0]?.notes.join(" ")).toMatch(/says what its entries do not/);
  });

  it("falls back on a value the question does not allow", async () => {
    const { report } = await run(
      [mfa()],
      perItem((item, lib) => ({ ...offlineAnswer(item, lib), value: "Absolutely" })),
    );
    expect(report.questions[0]?.notes.join(" ")).toMatch(/not an allowed value/);
  });

  it("falls back when a question is missing from the reply, or answered twice", async () => {
    const { report } = await run([mfa("q1"), mfa("q2")], (r) => {
      const lib = libraryOf(r);
      const [first] = batchItems(r.user);
      const a = first ? { questionId: first.id, ...offlineAnswer(first, lib) } : { questionId: "x" };
      return { text: replyJson([a, a]) };
    });
    expect(report.questions[0]?.notes.join(" ")).toMatch(/answered this question twice/);
    expect(report.questions[1]?.notes.join(" ")).toMatch(/returned no answer for this question/);
  });

  it("respects the per-run call budget: batches beyond keep offline drafts, sent to review", async () => {
    const qs = Array.from({ length: 5 }, (_, i) => mfa(`q${i}`));
    const { report, stats } = await run(qs, perItem(offlineAnswer), US_NDA, { maxCalls: 1, batchSize: 2 });
    expect(api?.requests).toHaveLength(1);
    expect(stats).toMatchObject({ calls: 1, skipped: 3 });
    expect(report.questions[2]?.status).toBe("needs_review");
    expect(report.questions[2]?.notes.join(" ")).toMatch(/budget/);
    expect(report.llm?.overBudget).toBe(3);
  });

  it("keeps at most `concurrency` calls in flight, after the first call ran alone", async () => {
    let inFlight = 0;
    let peak = 0;
    const order: number[] = [];
    const prepared = await shippedLibrary();
    const questions = Array.from({ length: 7 }, (_, i) => mfa(`q${i}`));
    const offline = answerQuestionnaire(
      prepared,
      { source: { file: "t.csv", format: "csv" }, questions, warnings: [] },
      US_NO_NDA,
    );
    const slow: Drafter = {
      model: "slow",
      async draftBatch() {
        inFlight++;
        order.push(inFlight);
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        return { answers: new Map(), failure: "test" };
      },
    };
    const { stats } = await refineReport(offline, prepared, US_NO_NDA, slow, { concurrency: 2, batchSize: 1 });
    expect(stats.calls).toBe(7);
    expect(peak).toBe(2);
    expect(order[0]).toBe(1);
  });

  it("never sends out-of-scope questions to the model", async () => {
    const { stats } = await run([question("What is the serial number of your firewall?")], () => ({ text: "{}" }));
    expect(stats.calls).toBe(0);
    expect(api?.requests).toHaveLength(0);
  });
});

describe("createDrafterFromEnv", () => {
  it("is null without a key, a drafter with one", () => {
    expect(createDrafterFromEnv({})).toBeNull();
    expect(createDrafterFromEnv({ ANTHROPIC_API_KEY: "  " })).toBeNull();
    expect(createDrafterFromEnv({ ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: "http://127.0.0.1:1" })).toBeInstanceOf(
      AnthropicDrafter,
    );
  });

  it("reads the per-questionnaire limits and the model's prices", () => {
    expect(
      refineOptionsFromEnv({
        QUIRE_LLM_MAX_CALLS: "10",
        QUIRE_LLM_CONCURRENCY: "0",
        QUIRE_LLM_BATCH_SIZE: "12",
        QUIRE_LLM_MAX_COST_USD: "0.5",
        QUIRE_LLM_MODEL: "claude-haiku-4-5",
      }),
    ).toMatchObject({
      maxCalls: 10,
      concurrency: 1,
      batchSize: 12,
      maxCostUsd: 0.5,
      prices: { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
    });
    expect(pricesFor("unknown-model")).toMatchObject({ output: 25 });
    expect(pricesFor("claude-sonnet-4-6", "1,2,3,0.4")).toEqual({ input: 1, output: 2, cacheWrite: 3, cacheRead: 0.4 });
  });
});
