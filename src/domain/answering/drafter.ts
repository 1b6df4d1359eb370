import type { AnswerStatus } from "../drafting/draft.js";
import type { QuestionKind } from "../questionnaire/types.js";

/**
 * The Drafter port: something smarter than the offline engine (Claude, through src/llm/) that may
 * rerank the offline candidates and adapt their text to the question's exact ask. Type-only: the
 * domain never calls a network; refine.ts validates whatever comes back.
 */
export interface DrafterCandidate {
  readonly entryId: string;
  readonly question: string;
  readonly short: string | null;
  readonly answer: string;
  /** Offline confidence (0..1) of this candidate. */
  readonly confidence: number;
}

export interface DrafterInput {
  readonly question: {
    readonly id: string;
    /** Untrusted buyer text: adapters must pass it as delimited data, never as instructions. */
    readonly text: string;
    readonly kind: QuestionKind;
    readonly allowedValues: readonly string[] | null;
  };
  /** The only entries the drafter may answer from, best offline match first. */
  readonly candidates: readonly DrafterCandidate[];
  /** What the offline engine would answer, as a baseline to keep or improve. */
  readonly offline: {
    readonly status: AnswerStatus;
    readonly entryIds: readonly string[];
    readonly value: string | null;
    readonly text: string | null;
    readonly confidence: number;
  };
  /** Artifacts the citation policy allows for this customer with any of the candidates (post-policy). */
  readonly citableArtifactIds: readonly string[];
}

export type DrafterOutput =
  | {
      readonly kind: "answer";
      /** One entry, or two when the question has two asks the library answers separately. */
      readonly entryIds: readonly string[];
      /** Yes/No/N/A or one allowed value for yes_no and choice questions; null for free text. */
      readonly value: string | null;
      readonly text: string;
      readonly confidence: number;
      /** Artifacts the drafter says it relies on: must be a subset of citableArtifactIds. */
      readonly artifacts: readonly string[];
      readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
    }
  | {
      /** The drafter could not produce a usable answer (refusal, malformed output, truncation). */
      readonly kind: "declined";
      readonly reason: string;
      readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
    };

export interface Drafter {
  refine(input: DrafterInput): Promise<DrafterOutput>;
}
