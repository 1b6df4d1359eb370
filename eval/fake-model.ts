import { batchItems, type FakeReply, type FakeRequest, replyJson, taggedJson } from "../src/llm/fake-messages-api.js";

interface Entry {
  entryId: string;
  short: string | null;
  answer: string;
}

/**
 * The eval's fake model: deterministic, no judgement of its own. For each question of the batch it
 * picks what the offline engine chose (both entries when the offline draft combined two), echoes the
 * offline value, text and confidence, and declines when the offline engine had nothing. Its numbers
 * therefore show that the LLM path (prompt, SDK, structured output, caching, validation, citation
 * recomputation) preserves the offline quality; they say nothing about how a real model would rerank.
 */
export function fakeModel(request: FakeRequest): FakeReply {
  const library = new Map((taggedJson<Entry[]>(request.system, "library") ?? []).map((e) => [e.entryId, e]));
  const answers = batchItems(request.user).map((item) => {
    const offline = item.details.offlineDraft;
    const allowed = item.details.allowedValues;
    if (offline.entryIds.length === 0 || item.details.shortlist.length === 0) {
      return { questionId: item.id, decline: "the offline engine found no entry" };
    }
    const first = library.get(offline.entryIds[0] ?? "");
    let value = offline.value;
    // An open question in a Yes/No column is answered in words, as the prompt asks.
    const words = item.kind === "free_text" || item.details.asksForWords === true;
    if (!words && value === null) {
      const short = first?.short ?? null;
      value = short !== null && (allowed ?? []).includes(short) ? short : null;
      if (value === null) return { questionId: item.id, decline: "no allowed value is stated by the entry" };
    }
    return {
      questionId: item.id,
      entryIds: offline.entryIds,
      value: words ? null : value,
      text: offline.text ?? first?.answer ?? "",
      confidence: offline.confidence,
    };
  });
  return { text: replyJson(answers) };
}
