import type { jobs } from "../../db/schema/index.js";

export type JobRow = typeof jobs.$inferSelect;

/**
 * The lanes jobs run in. Each has its own concurrency and per-tenant cap, so a slow webhook
 * receiver never holds up processing and one tenant's big upload never holds up another's.
 */
export type JobLane = "process" | "webhooks" | "maintenance";

/** What a handler says when it returns: finished, or try again later (a webhook receiver answered 503). */
export type JobOutcome =
  | { readonly kind: "done" }
  | { readonly kind: "retry"; readonly delayMs: number; readonly error: string };

/** Why a job was given up, in words the subject's owner can act on (it becomes e.g. the questionnaire's failure). */
export interface JobFailure {
  readonly code: string;
  readonly message: string;
}

/** What one run of a job cost (Node worker threads report heap; every runner reports time). */
export interface JobMetrics {
  durationMs?: number;
  heapUsedBytes?: number;
  peakHeapBytes?: number;
}

/**
 * How a run ended, as an executor reports it: the handler's outcome, an error it threw (retried
 * while attempts remain), or a fatal failure (out of memory, timed out) that is never retried:
 * the same file would do the same again.
 */
export type JobResult =
  | { readonly kind: "outcome"; readonly outcome: JobOutcome; readonly metrics?: JobMetrics }
  | { readonly kind: "error"; readonly message: string; readonly metrics?: JobMetrics }
  | { readonly kind: "fatal"; readonly failure: JobFailure; readonly metrics?: JobMetrics };
