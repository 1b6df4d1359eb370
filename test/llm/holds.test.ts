import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import { refineReport } from "../../src/domain/answering/refine.js";
import type { ReportQuestion } from "../../src/domain/answering/report.js";
import type { Question } from "../../src/domain/questionnaire/types.js";
import { AnthropicDrafter } from "../../src/llm/anthropic-drafter.js";
import {
  batchItems,
  type FakeMessagesApi,
  type FakeReply,
  type FakeRequest,
  replyJson,
  startFakeMessagesApi,
  taggedJson,
} from "../../src/llm/fake-messages-api.js";
import { shippedLibrary, US_NO_NDA } from "../matching/helpers.js";

/**
 * The LLM path keeps the offline engine's reasons to hold a draft, and its reading of an open
 * question in a Yes/No column. The model here is sure of everything: it answers every question from
 * the first shortlisted entry, "Yes", at confidence 0.99, as a model that does not know the buyer's
 * tenant, or the row before, would.
 */
function overconfident(request: FakeRequest): FakeReply {
  const library = new Map(
    (taggedJson<{ entryId: string; answer: string }[]>(request.system, "library") ?? []).map((e) => [e.entryId, e]),
  );
  const answers = batchItems(request.user).map((item) => {
    const entryId = item.details.shortlist[0]?.entryId ?? "";
    return {
      questionId: item.id,
      entryIds: [entryId],
      value: item.kind === "free_text" ? null : "Yes",
      text: library.get(entryId)?.answer ?? "",
      confidence: 0.99,
    };
  });
  return { text: replyJson(answers) };
}

let api: FakeMessagesApi;
beforeAll(async () => {
  api = await startFakeMessagesApi(overconfident);
});
afterAll(async () => api.close());

const row = (text: string, i: number): Question => ({
  id: `q${i}`,
  sourceId: null,
  section: null,
  text,
  kind: "yes_no",
  allowedValues: ["Yes", "No", "N/A"],
  existingAnswer: null,
  location: { sheet: "Security", row: i + 2, answerCell: null, commentCell: null },
});

async function throughTheModel(
  texts: readonly string[],
): Promise<{ offline: ReportQuestion[]; llm: ReportQuestion[] }> {
  const prepared = await shippedLibrary();
  const questionnaire = {
    source: { file: "q.xlsx", format: "xlsx" as const },
    questions: texts.map(row),
    warnings: [],
  };
  const offline = answerQuestionnaire(prepared, questionnaire, US_NO_NDA);
  const drafter = new AnthropicDrafter({
    apiKey: "k",
    baseURL: api.baseURL,
    model: "claude-sonnet-4-6",
    maxRetries: 0,
  });
  const { report } = await refineReport(offline, prepared, US_NO_NDA, drafter);
  return { offline: offline.questions, llm: report.questions };
}

describe("the model's confidence does not lift the offline engine's holds", () => {
  it("a question about the buyer's own tenant stays in review, with the offline reason", async () => {
    const { offline, llm } = await throughTheModel([
      "Please confirm the retention setting currently configured for event data in our workspace.",
    ]);
    expect(offline[0]?.status).toBe("needs_review");
    expect(llm[0]?.draftedBy).toBe("llm");
    expect(llm[0]?.status).toBe("needs_review");
    expect(llm[0]?.notes.join(" ")).toMatch(/buyer/);
  });

  it("a follow-up asking for a fact the entry does not state stays in review", async () => {
    const { offline, llm } = await throughTheModel([
      "Are there any devices in scope that are running software no longer supported by the vendor?",
      "Please list them with the operating system and version:",
    ]);
    expect(offline[1]?.status).toBe("needs_review");
    expect(llm[1]?.draftedBy).toBe("llm");
    expect(llm[1]?.status).toBe("needs_review");
    expect(llm[1]?.notes.join(" ")).toMatch(/asks for a version/);
  });
});

describe("an open question in a Yes/No column, through the model", () => {
  it("is answered in words: the model's Yes is not written into the cell", async () => {
    const { offline, llm } = await throughTheModel(["Where will our data be stored?"]);
    expect(offline[0]?.answer?.value).toBeNull();
    expect(llm[0]?.draftedBy).toBe("llm");
    expect(llm[0]?.answer?.value).toBeNull();
  });

  it("tells the model so in the item's details", async () => {
    const before = api.requests.length;
    await throughTheModel(["Where will our data be stored?", "Is customer data encrypted at rest?"]);
    const items = api.requests.slice(before).flatMap((r) => batchItems(r.user));
    expect(items.map((i) => i.details.asksForWords)).toEqual([true, false]);
  });
});
