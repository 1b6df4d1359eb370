/**
 * Work that runs after the response: processing an upload, delivering a webhook. A job is a row in
 * the durable jobs table (services/jobs/) whose payload is this object; its handler
 * (services/jobs/handlers.ts) says which lane runs it, how often it may be tried and what a
 * person sees when it is given up.
 */
export type Job =
  | { readonly type: "questionnaire.process"; readonly tenantId: string; readonly questionnaireId: string }
  /** Polls the Message Batch drafting a big questionnaire in the background, then saves its drafts. */
  | { readonly type: "questionnaire.llm_poll"; readonly tenantId: string; readonly questionnaireId: string }
  | { readonly type: "webhook.deliver"; readonly tenantId: string; readonly deliveryId: string };

/** A committed job row, as a runtime needs it to start the work. */
export interface DispatchedJob {
  readonly id: string;
  readonly lane: string;
  /** ISO time the job may start (later for a webhook retry). */
  readonly runAt: string;
}

/**
 * The background-job port. Jobs are rows in the jobs table (written by services in the same
 * atomic step as the change that asks for them); the port only starts them. Node: the job runner
 * (services/jobs/runner.ts) with a worker-thread pool; Workers: Cloudflare Queues carrying the job id
 * (runtime/workers/queue.ts).
 */
export interface JobQueue {
  /** Job rows were committed: wake the runner (Node) or send their ids to the queue (Workers). */
  dispatch(jobs: readonly DispatchedJob[]): Promise<void>;
  /**
   * Waits until the job has finished, at most timeoutMs (the synchronous /v1/answer). Resolves
   * "finished" (succeeded or failed: read the subject for which) or "pending".
   */
  waitFor(jobId: string, timeoutMs: number): Promise<"finished" | "pending">;
}
