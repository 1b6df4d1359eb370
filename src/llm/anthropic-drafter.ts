import type { Message, MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages/messages";
import {
  type BulkDrafter,
  batchOutputTokens,
  type Drafter,
  type DrafterAnswer,
  type DrafterBatch,
  type DrafterBatchOutput,
} from "../ports/drafter.js";
import { leaksInstructions } from "./leak.js";
import type { MessagesClient, ReplyFormat } from "./messages-client.js";
import { batchPrompt, contextPrompt, SYSTEM_PROMPT } from "./prompt.js";
import type { ModelReply } from "./schema.js";

export const DEFAULT_MODEL = "claude-sonnet-4-6";

export interface AnthropicDrafterOptions {
  readonly apiKey: string;
  /** Another endpoint (a proxy, or the fake Messages API in tests). */
  readonly baseURL?: string;
  readonly model?: string;
  /** SDK retries on 429/5xx/529 with backoff: bounded, so an overloaded API cannot stall a run. */
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
}

/**
 * Drafter backed by the Claude Messages API: one call per batch of questions, no tools, questions
 * as delimited data, the stable prefix (instructions, customer, library entries) marked for the
 * prompt cache, the reply's JSON schema enforced by the API. Also drafts through the Message
 * Batches API (`bulk`) for background jobs. The SDK is imported on the first call, not with this
 * module: a run without an API key never builds a drafter, and one with a key pays for the SDK only
 * when it drafts.
 */
export class AnthropicDrafter implements Drafter {
  readonly #options: AnthropicDrafterOptions;
  #sdk: Promise<{ client: MessagesClient; format: ReplyFormat }> | undefined;
  readonly model: string;
  readonly bulk: BulkDrafter;

  constructor(options: AnthropicDrafterOptions) {
    this.#options = options;
    this.model = options.model ?? DEFAULT_MODEL;
    this.bulk = {
      submit: (batches) => this.#submit(batches),
      collect: (handle, batches) => this.#collect(handle, batches),
    };
  }

  #connect(): Promise<{ client: MessagesClient; format: ReplyFormat }> {
    this.#sdk ??= import("./messages-client.js").then(({ MessagesClient, REPLY_FORMAT }) => ({
      client: new MessagesClient({
        apiKey: this.#options.apiKey,
        baseURL: this.#options.baseURL,
        maxRetries: this.#options.maxRetries ?? 2,
        timeout: this.#options.timeoutMs ?? 120_000,
      }),
      format: REPLY_FORMAT,
    }));
    return this.#sdk;
  }

  /** The request for one batch: the same system blocks for every batch of a questionnaire, cached. */
  params(batch: DrafterBatch, format: ReplyFormat): MessageCreateParamsNonStreaming {
    return {
      model: this.model,
      max_tokens: batchOutputTokens(batch.questions.length),
      system: [
        { type: "text", text: SYSTEM_PROMPT },
        { type: "text", text: contextPrompt(batch.context), cache_control: { type: "ephemeral" } },
      ],
      messages: [{ role: "user", content: batchPrompt(batch) }],
      output_config: { format: { type: format.type, schema: format.schema } },
    };
  }

  async draftBatch(batch: DrafterBatch): Promise<DrafterBatchOutput> {
    const { client, format } = await this.#connect();
    // create() rather than parse(): a reply that fails to parse must still report its usage.
    const message = await client.messages.create(this.params(batch, format));
    return readMessage(message, batch, format);
  }

  async #submit(batches: readonly DrafterBatch[]): Promise<string> {
    const { client, format } = await this.#connect();
    const created = await client.messages.batches.create({
      requests: batches.map((batch) => ({ custom_id: batch.id, params: this.params(batch, format) })),
    });
    return created.id;
  }

  async #collect(handle: string, batches: readonly DrafterBatch[]) {
    const { client, format } = await this.#connect();
    const status = await client.messages.batches.retrieve(handle);
    if (status.processing_status !== "ended") return { state: "pending" as const };
    const byId = new Map(batches.map((b) => [b.id, b]));
    const outputs = new Map<string, DrafterBatchOutput>();
    for await (const line of await client.messages.batches.results(handle)) {
      const batch = byId.get(line.custom_id);
      if (!batch) continue;
      outputs.set(
        batch.id,
        line.result.type === "succeeded"
          ? readMessage(line.result.message, batch, format)
          : { answers: new Map(), failure: `the batch request ${line.result.type}` },
      );
    }
    for (const batch of batches) {
      if (!outputs.has(batch.id))
        outputs.set(batch.id, { answers: new Map(), failure: "the batch returned no result" });
    }
    return { state: "ended" as const, outputs };
  }
}

const usageOf = (message: Message) => ({
  inputTokens: message.usage.input_tokens,
  outputTokens: message.usage.output_tokens,
  cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
  cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
});

/** One reply, read per question: a bad item costs its question only; a bad reply costs the batch. */
export function readMessage(message: Message, batch: DrafterBatch, format: ReplyFormat): DrafterBatchOutput {
  const usage = usageOf(message);
  if (message.stop_reason === "refusal") return { answers: new Map(), failure: "the model refused", usage };
  if (message.stop_reason === "max_tokens") return { answers: new Map(), failure: "the reply was cut off", usage };
  const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
  let reply: ModelReply;
  try {
    reply = format.parse(text);
  } catch (error) {
    return { answers: new Map(), failure: `malformed output (${(error as Error).message.split("\n")[0]})`, usage };
  }
  const asked = new Set(batch.questions.map((q) => q.id));
  const answers = new Map<string, DrafterAnswer>();
  const twice = new Set<string>();
  for (const item of reply.answers) {
    if (!asked.has(item.questionId)) continue;
    if (answers.has(item.questionId)) twice.add(item.questionId);
    answers.set(item.questionId, toAnswer(item));
  }
  // Two answers for one question: someone (an injected instruction) tried to overwrite it.
  for (const id of twice) answers.set(id, { kind: "declined", reason: "the reply answered this question twice" });
  return { answers, usage };
}

function toAnswer(item: ModelReply["answers"][number]): DrafterAnswer {
  if (item.decline !== null) return { kind: "declined", reason: `no candidate fits: ${item.decline.slice(0, 300)}` };
  if (leaksInstructions(item.text)) return { kind: "declined", reason: "the answer repeats the drafting instructions" };
  return {
    kind: "answer",
    entryIds: item.entryIds,
    value: item.value,
    text: item.text,
    confidence: item.confidence,
    artifacts: item.artifacts,
  };
}
