import { DEFAULT_REFINE_OPTIONS, type RefineOptions } from "../domain/answering/refine.js";
import type { Drafter } from "../ports/drafter.js";
import { AnthropicDrafter, DEFAULT_MODEL } from "./anthropic-drafter.js";

type Env = Readonly<Record<string, string | undefined>>;

const int = (value: string | undefined, fallback: number) => {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/**
 * The Claude drafter when ANTHROPIC_API_KEY is set, else null (the offline engine alone).
 * ANTHROPIC_BASE_URL points it elsewhere; QUIRE_LLM_MODEL picks the model; QUIRE_LLM_MAX_RETRIES
 * bounds retries on overload.
 */
export function createDrafterFromEnv(env: Env): Drafter | null {
  const apiKey = env.ANTHROPIC_API_KEY?.trim();
  if (!apiKey) return null;
  return new AnthropicDrafter({
    apiKey,
    baseURL: env.ANTHROPIC_BASE_URL?.trim() || undefined,
    model: env.QUIRE_LLM_MODEL?.trim() || DEFAULT_MODEL,
    maxRetries: int(env.QUIRE_LLM_MAX_RETRIES, 2),
  });
}

/** Per-run cost and concurrency limits: QUIRE_LLM_MAX_CALLS, QUIRE_LLM_MAX_INPUT_TOKENS, QUIRE_LLM_CONCURRENCY. */
export function refineOptionsFromEnv(env: Env): RefineOptions {
  return {
    maxCalls: int(env.QUIRE_LLM_MAX_CALLS, DEFAULT_REFINE_OPTIONS.maxCalls),
    maxInputTokens: int(env.QUIRE_LLM_MAX_INPUT_TOKENS, DEFAULT_REFINE_OPTIONS.maxInputTokens),
    concurrency: Math.max(1, int(env.QUIRE_LLM_CONCURRENCY, DEFAULT_REFINE_OPTIONS.concurrency)),
  };
}
