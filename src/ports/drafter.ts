import type { Drafter } from "../domain/answering/drafter.js";
import type { RefineOptions } from "../domain/answering/refine.js";

/*
 * The Drafter port's types are declared in the domain, because the pure refine step consumes them
 * and the domain imports nothing outside itself; adapters (src/llm/) take them from here.
 */
export type { Drafter, DrafterCandidate, DrafterInput, DrafterOutput } from "../domain/answering/drafter.js";

/** The optional LLM drafter and its per-run cost and concurrency limits. */
export interface LlmSettings {
  readonly drafter: Drafter;
  readonly options: RefineOptions;
}
