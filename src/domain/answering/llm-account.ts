import { z } from "zod";
import type { DrafterUsage } from "./drafter.js";

/** USD per million tokens, by kind of token (the provider's price list, copied into settings). */
export interface ModelPrices {
  readonly input: number;
  readonly output: number;
  readonly cacheWrite: number;
  readonly cacheRead: number;
}

/**
 * What drafting one questionnaire with the LLM cost: the calls, the tokens by kind (cache reads are
 * the prompt cache doing its job), the estimated price, and whether the ceiling stopped it.
 * Part of the report (CLI and API) and stored with the questionnaire.
 */
export const LlmAccountSchema = z.object({
  model: z.string(),
  /** "messages": interactive calls; "batches": the asynchronous Message Batches API (half price). */
  mode: z.enum(["messages", "batches"]),
  calls: z.number().int(),
  questionsSent: z.number().int(),
  accepted: z.number().int(),
  fallbacks: z.number().int(),
  /** Questions kept offline because a budget (calls, tokens, cost) was reached. */
  overBudget: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cacheReadTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  /** Share of input tokens served from the prompt cache (0..1). */
  cacheHitShare: z.number(),
  estimatedCostUsd: z.number(),
  ceilingUsd: z.number().nullable(),
  ceilingReached: z.boolean(),
});
export type LlmAccount = z.infer<typeof LlmAccountSchema>;

export const ZERO_USAGE: DrafterUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export const addUsage = (a: DrafterUsage, b: DrafterUsage | undefined): DrafterUsage =>
  b
    ? {
        inputTokens: a.inputTokens + b.inputTokens,
        outputTokens: a.outputTokens + b.outputTokens,
        cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
        cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
      }
    : a;

/** The Message Batches API bills half of every token kind. */
export const BULK_DISCOUNT = 0.5;

export function costOf(usage: DrafterUsage, prices: ModelPrices, discount = 1): number {
  const usd =
    (usage.inputTokens * prices.input +
      usage.outputTokens * prices.output +
      usage.cacheWriteTokens * prices.cacheWrite +
      usage.cacheReadTokens * prices.cacheRead) /
    1_000_000;
  return usd * discount;
}

export function cacheHitShare(usage: DrafterUsage): number {
  const all = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  return all === 0 ? 0 : Math.round((usage.cacheReadTokens / all) * 1000) / 1000;
}

/** A cent's ten-thousandth is precision enough for an estimate, and keeps reports stable. */
export const roundUsd = (usd: number) => Math.round(usd * 1_000_000) / 1_000_000;
