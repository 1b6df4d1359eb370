import { type FakeReply, type FakeRequest, taggedJson } from "../src/llm/fake-messages-api.js";

interface Candidate {
  entryId: string;
  short: string | null;
}
interface Offline {
  entryIds: string[];
  value: string | null;
  text: string | null;
  confidence: number;
}

/**
 * The eval's fake model: deterministic, no judgement of its own. It picks what the offline engine
 * ranked first (both entries when the offline draft combined two), echoes the offline value, text
 * and confidence, and declines when the offline engine had nothing. Its numbers therefore show that
 * the LLM path (prompt, SDK, validation, citation recomputation) preserves the offline quality; they
 * say nothing about how a real model would rerank.
 */
export function fakeModel(request: FakeRequest): FakeReply {
  const candidates = taggedJson<Candidate[]>(request.user, "candidates") ?? [];
  const offline = taggedJson<Offline>(request.user, "offline_draft");
  const allowed = taggedJson<string[] | null>(request.user, "allowed_values");
  const kind = /<question kind="(\w+)"/.exec(request.user)?.[1] ?? "free_text";
  if (!offline || offline.entryIds.length === 0 || candidates.length === 0) {
    return { text: JSON.stringify({ decline: "the offline engine found no entry" }) };
  }
  let value = offline.value;
  if (kind !== "free_text" && value === null) {
    const short = candidates.find((c) => c.entryId === offline.entryIds[0])?.short ?? null;
    value = short !== null && (allowed ?? []).includes(short) ? short : null;
    if (value === null) return { text: JSON.stringify({ decline: "no allowed value is stated by the entry" }) };
  }
  return {
    text: JSON.stringify({
      entryIds: offline.entryIds,
      value: kind === "free_text" ? null : value,
      text: offline.text ?? "",
      confidence: offline.confidence,
      artifacts: [],
    }),
  };
}
