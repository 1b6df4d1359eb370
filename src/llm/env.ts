import { DEFAULT_REFINE_OPTIONS, type RefineOptions } from "../domain/answering/refine.js";
import type { Drafter } from "../ports/drafter.js";
import { AnthropicDrafter, DEFAULT_MODEL } from "./anthropic-drafter.js";
import { pricesFor } from "./prices.js";

type Env = Readonly<Record<string, string | undefined>>;

const int = (value: string | undefined, fallback: number) => {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

const num = (value: string | undefined, fallback: number) => {
  const n = Number.parseFloat(value ?? "");
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** Default hard ceiling on one questionnaire's estimated LLM cost (USD). */
export const DEFAULT_MAX_COST_USD = 5;
/** Background jobs with at least this many questions go through the Message Batches API. */
export const DEFAULT_BULK_MIN_QUESTIONS = 200;
/** How often a background job asks whether its Message Batch has ended. */
export const DEFAULT_BULK_POLL_MS = 60_000;

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

/**
 * Per-questionnaire limits: QUIRE_LLM_MAX_CALLS, QUIRE_LLM_MAX_INPUT_TOKENS, QUIRE_LLM_CONCURRENCY,
 * QUIRE_LLM_BATCH_SIZE (questions per call), QUIRE_LLM_MAX_COST_USD (hard ceiling, 0 = no call),
 * and the price table for the model (QUIRE_LLM_PRICES overrides it).
 */
export function refineOptionsFromEnv(env: Env): RefineOptions {
  const model = env.QUIRE_LLM_MODEL?.trim() || DEFAULT_MODEL;
  return {
    maxCalls: int(env.QUIRE_LLM_MAX_CALLS, DEFAULT_REFINE_OPTIONS.maxCalls),
    maxInputTokens: int(env.QUIRE_LLM_MAX_INPUT_TOKENS, DEFAULT_REFINE_OPTIONS.maxInputTokens),
    concurrency: Math.max(1, int(env.QUIRE_LLM_CONCURRENCY, DEFAULT_REFINE_OPTIONS.concurrency)),
    batchSize: Math.max(1, int(env.QUIRE_LLM_BATCH_SIZE, DEFAULT_REFINE_OPTIONS.batchSize)),
    maxCostUsd: num(env.QUIRE_LLM_MAX_COST_USD, DEFAULT_MAX_COST_USD),
    prices: pricesFor(model, env.QUIRE_LLM_PRICES),
  };
}

/** When background jobs use the Message Batches API, and how often they poll it. */
export function bulkSettingsFromEnv(env: Env): { minQuestions: number; pollMs: number } {
  return {
    minQuestions: int(env.QUIRE_LLM_BULK_MIN_QUESTIONS, DEFAULT_BULK_MIN_QUESTIONS),
    pollMs: Math.max(1000, int(env.QUIRE_LLM_BULK_POLL_MS, DEFAULT_BULK_POLL_MS)),
  };
}
