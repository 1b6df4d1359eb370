import type { AnswerStatus } from "../drafting/draft.js";
import type { QuestionKind } from "../questionnaire/types.js";
import type { Region } from "./customer.js";

/**
 * The Drafter port: something smarter than the offline engine (Claude, through src/llm/) that may
 * rerank the offline candidates and adapt their text to the question's exact ask. One call drafts a
 * batch of questions of the same sheet and section. Type-only: the domain never calls a network;
 * refine.ts validates whatever comes back, question by question.
 */

/** One library entry as the drafter sees it (placeholders already filled with the day's facts). */
export interface DrafterEntry {
  readonly entryId: string;
  readonly question: string;
  readonly short: string | null;
  readonly answer: string;
}

/**
 * The part of every call that is the same for a whole questionnaire (the customer and every entry
 * any of its questions may be answered from, in a fixed order): adapters send it as a stable,
 * cacheable prefix, so every call after the first reads it from the prompt cache.
 */
export interface DrafterContext {
  readonly customer: { readonly region: Region; readonly ndaOnFile: boolean; readonly asOf: string };
  /** Sorted by entryId: the same bytes for every batch of this questionnaire. */
  readonly entries: readonly DrafterEntry[];
}

export interface DrafterQuestion {
  readonly id: string;
  /** Untrusted buyer text: adapters must pass it as delimited data, never as instructions. */
  readonly text: string;
  readonly kind: QuestionKind;
  readonly allowedValues: readonly string[] | null;
  /**
   * True when the question asks for words although its cell offers Yes/No ("Where will our data be
   * stored?" in a Yes/No column or a Yes/No choice): the value stays empty, as the offline engine leaves it.
   */
  readonly asksForWords: boolean;
  /** The section heading it sits under, for context. */
  readonly section: string | null;
  /** The only entries this question may be answered from (ids in the context), best offline match first. */
  readonly shortlist: readonly { readonly entryId: string; readonly confidence: number }[];
  /** What the offline engine would answer, as a baseline to keep or improve. */
  readonly offline: {
    readonly status: AnswerStatus;
    readonly entryIds: readonly string[];
    readonly value: string | null;
    /** Null when it is the first entry's answer as given in the context (not sent twice). */
    readonly text: string | null;
    readonly confidence: number;
  };
  /** Artifacts the citation policy allows for this customer with any of the shortlisted entries. */
  readonly citableArtifactIds: readonly string[];
}

/** One call's worth: consecutive questions of one sheet (sections kept in order), with the shared context. */
export interface DrafterBatch {
  /** Stable within a questionnaire ("b0", "b1"…): a Message Batches request's custom_id. */
  readonly id: string;
  readonly sheet: string | null;
  readonly context: DrafterContext;
  readonly questions: readonly DrafterQuestion[];
}

/** The drafter's answer to one question of a batch. */
export type DrafterAnswer =
  | {
      readonly kind: "answer";
      /** One entry, or two when the question has two asks the library answers separately. */
      readonly entryIds: readonly string[];
      /** Yes/No/N/A or one allowed value for yes_no and choice questions; null for free text and words asked for. */
      readonly value: string | null;
      readonly text: string;
      readonly confidence: number;
      /** Artifacts the drafter says it relies on: must be a subset of the question's citableArtifactIds. */
      readonly artifacts: readonly string[];
    }
  | {
      /** The drafter could not or would not answer this question (no candidate fits, unsafe output). */
      readonly kind: "declined";
      readonly reason: string;
    };

/** What one call cost, as the API counts it. */
export interface DrafterUsage {
  /** Input tokens neither read from nor written to the prompt cache. */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
}

export interface DrafterBatchOutput {
  /** Keyed by question id; a question missing here was not answered. */
  readonly answers: ReadonlyMap<string, DrafterAnswer>;
  /** Set when the whole reply is unusable (refusal, cut off, malformed): every question falls back. */
  readonly failure?: string;
  readonly usage?: DrafterUsage;
}

/**
 * Asynchronous bulk drafting (the Message Batches API): submit every batch at once, then poll.
 * Half the price, results within hours: for background jobs, never the interactive CLI.
 */
export interface BulkDrafter {
  /** Submits the batches as one bulk job; returns its handle (the Message Batch id). */
  submit(batches: readonly DrafterBatch[]): Promise<string>;
  /** "pending" while it runs; when it has ended, each batch's output by batch id (missing: errored or expired). */
  collect(
    handle: string,
    batches: readonly DrafterBatch[],
  ): Promise<
    | { readonly state: "pending" }
    | { readonly state: "ended"; readonly outputs: ReadonlyMap<string, DrafterBatchOutput> }
  >;
}

export interface Drafter {
  /** The model behind it, to price its usage. */
  readonly model: string;
  draftBatch(batch: DrafterBatch): Promise<DrafterBatchOutput>;
  /** Present when the drafter can also work through an asynchronous bulk API. */
  readonly bulk?: BulkDrafter;
}

/** Output tokens a batch may use (the adapter's max_tokens, and the budget's worst case). */
export const batchOutputTokens = (questions: number): number => 200 + 350 * questions;
