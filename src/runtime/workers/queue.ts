import type { Job, JobQueue } from "../../ports/job-queue.js";

/** The part of a Cloudflare Queues producer binding Quire uses. */
export interface QueueProducerLike {
  send(body: Job, options?: { delaySeconds?: number }): Promise<void>;
}

/**
 * Jobs on Workers go to Cloudflare Queues: durable, retried, and delayed natively (webhook backoff),
 * consumed by the same Worker's queue() handler. Queues cap a delay at 12 hours.
 */
export function cloudflareQueue(producer: QueueProducerLike): JobQueue {
  return {
    async enqueue(job, options) {
      const delaySeconds = Math.min(43_200, Math.ceil((options?.delayMs ?? 0) / 1000));
      await producer.send(job, delaySeconds > 0 ? { delaySeconds } : undefined);
    },
  };
}
