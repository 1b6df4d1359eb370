/**
 * The Claude client this project needs: the Messages API alone. The SDK's `Anthropic` class attaches
 * every resource (beta, files, models, skills …); building on `BaseAnthropic` with only `messages`
 * keeps the SDK's retries, timeouts and errors and leaves the rest out of the Worker bundle
 * (about 60 KiB gzipped less). Imported on demand by AnthropicDrafter, so a runtime without an API
 * key never loads the SDK at all.
 */
import { BaseAnthropic } from "@anthropic-ai/sdk/client";
import { Messages } from "@anthropic-ai/sdk/resources/messages/messages";

export class MessagesClient extends BaseAnthropic {
  readonly messages: Messages = new Messages(this);
}
