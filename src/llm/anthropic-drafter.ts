import type { Drafter, DrafterInput, DrafterOutput } from "../ports/drafter.js";
import type { MessagesClient } from "./messages-client.js";
import { SYSTEM_PROMPT, userPrompt } from "./prompt.js";
import { extractJson, ModelOutputSchema } from "./schema.js";

export const DEFAULT_MODEL = "claude-sonnet-4-6";

export interface AnthropicDrafterOptions {
  readonly apiKey: string;
  /** Another endpoint (a proxy, or the fake Messages API in tests). */
  readonly baseURL?: string;
  readonly model?: string;
  /** SDK retries on 429/5xx/529 with backoff: bounded, so an overloaded API cannot stall a run. */
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
  readonly maxOutputTokens?: number;
}

/**
 * Drafter backed by the Claude Messages API: no tools, question as delimited data, zod-checked JSON out.
 * The SDK is imported on the first call, not with this module: a run without an API key never
 * builds a drafter, and one with a key pays for the SDK only when it refines.
 */
export class AnthropicDrafter implements Drafter {
  readonly #options: AnthropicDrafterOptions;
  readonly #model: string;
  readonly #maxOutputTokens: number;
  #client: Promise<MessagesClient> | undefined;

  constructor(options: AnthropicDrafterOptions) {
    this.#options = options;
    this.#model = options.model ?? DEFAULT_MODEL;
    this.#maxOutputTokens = options.maxOutputTokens ?? 1024;
  }

  #connect(): Promise<MessagesClient> {
    this.#client ??= import("./messages-client.js").then(
      ({ MessagesClient }) =>
        new MessagesClient({
          apiKey: this.#options.apiKey,
          baseURL: this.#options.baseURL,
          maxRetries: this.#options.maxRetries ?? 2,
          timeout: this.#options.timeoutMs ?? 60_000,
        }),
    );
    return this.#client;
  }

  async refine(input: DrafterInput): Promise<DrafterOutput> {
    const client = await this.#connect();
    const message = await client.messages.create({
      model: this.#model,
      max_tokens: this.#maxOutputTokens,
      system: SYSTEM_PROMPT,
      messages: [{ role: "user", content: userPrompt(input) }],
    });
    const usage = { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
    if (message.stop_reason === "refusal") return { kind: "declined", reason: "the model refused", usage };
    if (message.stop_reason === "max_tokens") return { kind: "declined", reason: "the reply was cut off", usage };
    const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
    let parsed: unknown;
    try {
      parsed = extractJson(text);
    } catch (error) {
      return { kind: "declined", reason: `malformed output (${(error as Error).message})`, usage };
    }
    const result = ModelOutputSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      return {
        kind: "declined",
        reason: `output failed validation (${issue?.path.join(".")}: ${issue?.message})`,
        usage,
      };
    }
    if ("decline" in result.data)
      return { kind: "declined", reason: `no candidate fits: ${result.data.decline}`, usage };
    return { kind: "answer", ...result.data, usage };
  }
}
