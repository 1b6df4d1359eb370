/**
 * The Claude client this project needs: the Messages API alone (with its Message Batches). The
 * SDK's `Anthropic` class attaches every resource (beta, files, models, skills …); building on
 * `BaseAnthropic` with only `messages` keeps the SDK's retries, timeouts and errors and leaves the
 * rest out of the Worker bundle (about 60 KiB gzipped less). Imported on demand by
 * AnthropicDrafter, so a runtime without an API key never loads the SDK at all; the reply format
 * (the SDK's zod helper) lives here for the same reason.
 */
import { BaseAnthropic } from "@anthropic-ai/sdk/client";
import { zodOutputFormat } from "@anthropic-ai/sdk/helpers/zod";
import { Messages } from "@anthropic-ai/sdk/resources/messages/messages";
import { ModelReplySchema } from "./schema.js";

export class MessagesClient extends BaseAnthropic {
  readonly messages: Messages = new Messages(this);
}

/** The reply format: its JSON schema is enforced by the API (structured outputs), its parse() reads the reply. */
export const REPLY_FORMAT = zodOutputFormat(ModelReplySchema);
export type ReplyFormat = typeof REPLY_FORMAT;
