import type { DispatchedJob, JobQueue } from "../../ports/job-queue.js";

/** A Queues message: the id of a row in the jobs table (the table holds the work, the message only wakes it). */
export interface JobMessage {
  readonly jobId: string;
}

/** The part of a Cloudflare Queues producer binding Quire uses. */
export interface QueueProducerLike {
  send(body: JobMessage, options?: { delaySeconds?: number }): Promise<unknown>;
}

/** Queues cap a message's delay at 12 hours; a job due later is re-sent when that message arrives. */
export const MAX_DELAY_SECONDS = 43_200;

export const delaySecondsUntil = (runAt: string, nowMs: number): number =>
  Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((Date.parse(runAt) - nowMs) / 1000)));

/**
 * Jobs on Workers: the row is committed to D1 first, then its id is sent to Cloudflare Queues
 * (delayed until its run time) and the same Worker's queue() handler leases and runs it
 * (runtime/worker-jobs.ts). A lost send is repaired by the scheduled sweep.
 */
export function cloudflareQueue(
  producer: QueueProducerLike,
  runInline: (jobId: string, timeoutMs: number) => Promise<"finished" | "pending">,
): JobQueue {
  return {
    async dispatch(jobs: readonly DispatchedJob[]) {
      const now = Date.now();
      for (const job of jobs) {
        const delaySeconds = delaySecondsUntil(job.runAt, now);
        await producer.send({ jobId: job.id }, delaySeconds > 0 ? { delaySeconds } : undefined);
      }
    },
    waitFor: runInline,
  };
}
