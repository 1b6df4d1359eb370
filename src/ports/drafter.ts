import type { Drafter } from "../domain/answering/drafter.js";
import type { RefineOptions } from "../domain/answering/refine.js";

/*
 * The Drafter port's types are declared in the domain, because the pure refine step consumes them
 * and the domain imports nothing outside itself; adapters (src/llm/) take them from here.
 */
export type {
  BulkDrafter,
  Drafter,
  DrafterAnswer,
  DrafterBatch,
  DrafterBatchOutput,
  DrafterContext,
  DrafterEntry,
  DrafterQuestion,
  DrafterUsage,
} from "../domain/answering/drafter.js";
export { batchOutputTokens } from "../domain/answering/drafter.js";
export type { ModelPrices } from "../domain/answering/llm-account.js";

/** The optional LLM drafter, its per-questionnaire limits, and when background jobs use the bulk API. */
export interface LlmSettings {
  readonly drafter: Drafter;
  readonly options: RefineOptions;
  /** Background jobs of at least minQuestions questions draft through drafter.bulk, polled every pollMs. */
  readonly bulk?: { readonly minQuestions: number; readonly pollMs: number };
}
