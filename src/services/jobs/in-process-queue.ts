import type { Job, JobQueue } from "../context.js";

export interface InProcessQueue extends JobQueue {
  /** Resolves once every queued and delayed job (and any job they enqueue) has finished. For tests and shutdown. */
  drain(): Promise<void>;
  /** Drops delayed jobs that have not started (server shutdown). */
  stop(): void;
}

/**
 * The Node JobQueue: jobs run in this process, one at a time, after the current request has
 * answered (a timer, never inline). One at a time because the work is CPU-bound and SQLite
 * has one writer anyway. A crash loses queued jobs; the questionnaire then stays "queued"
 * (a gap a durable queue on Workers would close).
 */
export function inProcessQueue(run: (job: Job) => Promise<void>): InProcessQueue {
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let idle: (() => void)[] = [];

  const settle = () => {
    if (pending > 0) return;
    const waiters = idle;
    idle = [];
    for (const w of waiters) w();
  };

  const start = (job: Job) => {
    chain = chain.then(async () => {
      try {
        await run(job);
      } catch (error) {
        // A job reports its own failures (status "failed", delivery log); this is a bug guard.
        console.error(`job ${job.type} failed`, error);
      } finally {
        pending--;
        settle();
      }
    });
  };

  return {
    async enqueue(job, options) {
      pending++;
      const timer = setTimeout(() => {
        timers.delete(timer);
        start(job);
      }, options?.delayMs ?? 0);
      timers.add(timer);
    },
    drain() {
      if (pending === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    stop() {
      for (const t of timers) clearTimeout(t);
      pending -= timers.size;
      timers.clear();
      settle();
    },
  };
}
