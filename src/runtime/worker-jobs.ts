import type { DispatchedJob, ServiceDeps } from "../services/context.js";
import { jobById, leaseJob } from "../services/jobs/lease.js";
import { inlineExecutor } from "../services/jobs/runner.js";
import { overdueJobs, settleJob, sweepJobs } from "../services/jobs/settle.js";
import { delaySecondsUntil, type JobMessage, type QueueProducerLike } from "./workers/queue.js";

export interface QueueMessageLike {
  readonly body: JobMessage;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** A Worker isolate leases for this long; a consumer that dies mid-job loses it and the sweep resumes the job. */
export const WORKER_LEASE_MS = 5 * 60_000;

/**
 * Runs one job by id in this isolate: lease it (nothing to do if another consumer has it, it is
 * finished, or it is not due), run its handler, record how it ended. A retry (webhook backoff) is
 * sent back to the queue with its delay.
 */
export async function runJobById(
  deps: ServiceDeps,
  producer: QueueProducerLike,
  jobId: string,
  owner: string,
): Promise<"ran" | "busy" | "not_due" | "gone"> {
  const job = await leaseJob(deps, jobId, { owner, leaseMs: WORKER_LEASE_MS });
  if (!job) {
    const current = await jobById(deps, jobId);
    if (!current || current.state === "succeeded" || current.state === "failed") return "gone";
    return current.state === "queued" ? "not_due" : "busy";
  }
  const result = await inlineExecutor(deps, { timeoutMs: WORKER_LEASE_MS - 10_000 }).run(job);
  const retry = await settleJob(deps, job, owner, result);
  if (retry) await send(producer, retry, deps.clock.now().getTime());
  return "ran";
}

const send = async (producer: QueueProducerLike, job: DispatchedJob, nowMs: number) => {
  const delaySeconds = delaySecondsUntil(job.runAt, nowMs);
  await producer.send({ jobId: job.id }, delaySeconds > 0 ? { delaySeconds } : undefined);
};

/**
 * The queue() handler: each message names a job. Messages are acknowledged once the job's
 * outcome is in D1; a message for a job that is not due yet (a delay over Queues' 12 h cap) is
 * sent again with the remaining delay; one for a job another consumer holds is retried later.
 */
export async function consumeJobMessages(
  deps: ServiceDeps,
  producer: QueueProducerLike,
  messages: readonly QueueMessageLike[],
  owner: string,
): Promise<void> {
  for (const message of messages) {
    try {
      const ran = await runJobById(deps, producer, message.body.jobId, owner);
      if (ran === "not_due") {
        const job = await jobById(deps, message.body.jobId);
        if (job) await send(producer, { id: job.id, lane: job.lane, runAt: job.runAt }, deps.clock.now().getTime());
      }
      if (ran === "busy") message.retry({ delaySeconds: 60 });
      else message.ack();
    } catch (error) {
      console.error(`job ${message.body.jobId} failed`, error);
      message.retry();
    }
  }
}

/**
 * The scheduled() handler (cron): jobs whose consumer died are resumed (or failed after their
 * attempts), and queued jobs whose message was lost are sent again.
 */
export async function sweepOnSchedule(deps: ServiceDeps, producer: QueueProducerLike): Promise<number> {
  const resumed = await sweepJobs(deps);
  const overdue = await overdueJobs(deps, 60_000);
  const now = deps.clock.now().getTime();
  for (const job of [...resumed, ...overdue]) await send(producer, job, now);
  return resumed.length + overdue.length;
}
