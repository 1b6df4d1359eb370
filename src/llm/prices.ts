import type { ModelPrices } from "../ports/drafter.js";

/**
 * Anthropic's list prices in USD per million tokens (standard tier; cache writes at the 5-minute
 * TTL, 1.25× input; cache reads 0.1× input). The Message Batches API bills half of each. Copied here
 * so estimates work offline; QUIRE_LLM_PRICES overrides them ("input,output,cacheWrite,cacheRead").
 */
export const MODEL_PRICES: Readonly<Record<string, ModelPrices>> = {
  "claude-opus-4-6": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  "claude-opus-4-5": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  "claude-sonnet-4-6": { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  "claude-sonnet-4-5": { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  "claude-haiku-4-5": { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
};

/** A model missing from the table is priced as the dearest one: the ceiling errs on the safe side. */
const FALLBACK: ModelPrices = { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 };

export function pricesFor(model: string, override?: string): ModelPrices {
  const parts = override?.split(",").map((p) => Number.parseFloat(p.trim()));
  if (parts && parts.length === 4 && parts.every((p) => Number.isFinite(p) && p >= 0)) {
    const [input, output, cacheWrite, cacheRead] = parts as [number, number, number, number];
    return { input, output, cacheWrite, cacheRead };
  }
  const known = Object.entries(MODEL_PRICES).find(([name]) => model === name || model.startsWith(`${name}-`));
  return known?.[1] ?? FALLBACK;
}
