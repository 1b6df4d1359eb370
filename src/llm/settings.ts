import type { LlmSettings } from "../ports/drafter.js";
import { bulkSettingsFromEnv, createDrafterFromEnv, refineOptionsFromEnv } from "./env.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The runtime's LLM settings from its environment: undefined (offline) without ANTHROPIC_API_KEY. */
export function llmSettingsFromEnv(env: Env): LlmSettings | undefined {
  const drafter = createDrafterFromEnv(env);
  return drafter ? { drafter, options: refineOptionsFromEnv(env), bulk: bulkSettingsFromEnv(env) } : undefined;
}
