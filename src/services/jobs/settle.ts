import { and, eq, lt, or } from "drizzle-orm";
import { jobs } from "../../db/schema/index.js";
import type { DispatchedJob, Job, ServiceDeps } from "../context.js";
import { abandonJob } from "./handlers.js";
import type { JobFailure, JobMetrics, JobResult, JobRow } from "./types.js";

/** Backoff after an unexpected error: 2 s, 4 s, 8 s … capped at 5 minutes. */
export const errorBackoffMs = (attempts: number): number => Math.min(300_000, 1000 * 2 ** Math.max(1, attempts));

const held = (job: JobRow, owner: string) =>
  and(eq(jobs.id, job.id), eq(jobs.state, "running"), eq(jobs.leaseOwner, owner));

/**
 * Records how a run ended. Every write is conditional on still holding the lease: a runner whose
 * lease was swept (it stalled; another runner resumed the job) changes nothing.
 * Returns the job again when it was put back in the queue (to dispatch its retry).
 */
export async function settleJob(
  deps: ServiceDeps,
  job: JobRow,
  owner: string,
  result: JobResult,
): Promise<DispatchedJob | null> {
  const metrics: JobMetrics | null = result.metrics ?? null;
  if (result.kind === "outcome" && result.outcome.kind === "done") {
    const at = deps.clock.now().toISOString();
    await deps.db
      .update(jobs)
      .set({
        state: "succeeded",
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: null,
        metrics,
        finishedAt: at,
        updatedAt: at,
      })
      .where(held(job, owner));
    return null;
  }
  if (result.kind === "fatal") {
    await giveUp(deps, job, owner, result.failure, metrics);
    return null;
  }
  const { error, delayMs } =
    result.kind === "error"
      ? { error: result.message, delayMs: errorBackoffMs(job.attempts) }
      : result.outcome.kind === "retry"
        ? { error: result.outcome.error, delayMs: result.outcome.delayMs }
        : { error: "", delayMs: 0 };
  if (job.attempts >= job.maxAttempts) {
    const failure = { code: "retries_exhausted", message: `gave up after ${job.attempts} attempts: ${error}` };
    await giveUp(deps, job, owner, failure, metrics);
    return null;
  }
  const now = deps.clock.now();
  const runAt = new Date(now.getTime() + delayMs).toISOString();
  const requeued = await deps.db
    .update(jobs)
    .set({
      state: "queued",
      runAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: error.slice(0, 1000),
      metrics,
      updatedAt: now.toISOString(),
    })
    .where(held(job, owner))
    .returning({ id: jobs.id });
  return requeued.length > 0 ? { id: job.id, lane: job.lane, runAt } : null;
}

/**
 * The job will not run again: its subject is told first (the questionnaire fails with a reason,
 * the delivery is marked failed), then the job row. A crash between the two leaves the job
 * running; the sweep resumes it and the handler, seeing its subject settled, does nothing.
 */
async function giveUp(
  deps: ServiceDeps,
  job: JobRow,
  owner: string | null,
  failure: JobFailure,
  metrics: JobMetrics | null,
): Promise<void> {
  const current = (await deps.db.select().from(jobs).where(eq(jobs.id, job.id)).limit(1))[0];
  if (current?.state !== "running" || (owner !== null && current.leaseOwner !== owner)) return;
  await abandonJob(deps, job.payload as unknown as Job, failure);
  const at = deps.clock.now().toISOString();
  await deps.db
    .update(jobs)
    .set({
      state: "failed",
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: `${failure.code}: ${failure.message}`.slice(0, 1000),
      ...(metrics && { metrics }),
      finishedAt: at,
      updatedAt: at,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, "running"), eq(jobs.leaseOwner, current.leaseOwner ?? "")));
}

export interface SweepOptions {
  /** True for a lease owner known to be dead although its lease has not expired (a local process that is gone). */
  readonly isDeadOwner?: (owner: string) => boolean;
  /** Finished jobs older than this are deleted (default 7 days). */
  readonly keepFinishedMs?: number;
}

/**
 * Start-up and periodic recovery. A running job whose lease expired (or whose owner is known dead)
 * was interrupted by a crash: it is put back in the queue to resume, or — when it has used its
 * attempts (a file that kills the process every time) — given up with a reason. Returns the jobs
 * put back, to dispatch.
 */
export async function sweepJobs(deps: ServiceDeps, options: SweepOptions = {}): Promise<DispatchedJob[]> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const running = await deps.db.select().from(jobs).where(eq(jobs.state, "running"));
  const resumed: DispatchedJob[] = [];
  for (const job of running) {
    const owner = job.leaseOwner ?? "";
    const expired = (job.leaseExpiresAt ?? "") < at || (options.isDeadOwner?.(owner) ?? false);
    if (!expired) continue;
    if (job.attempts >= job.maxAttempts) {
      await giveUp(
        deps,
        job,
        owner,
        {
          code: "processing_interrupted",
          message: `the work was interrupted ${job.attempts} times (the server stopped or ran out of memory while running it)`,
        },
        null,
      );
      continue;
    }
    const requeued = await deps.db
      .update(jobs)
      .set({
        state: "queued",
        runAt: at,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: "interrupted: the process running it stopped; resumed",
        updatedAt: at,
      })
      .where(and(eq(jobs.id, job.id), eq(jobs.state, "running"), eq(jobs.leaseOwner, owner)))
      .returning({ id: jobs.id });
    if (requeued.length > 0) resumed.push({ id: job.id, lane: job.lane, runAt: at });
  }
  const keep = new Date(now.getTime() - (options.keepFinishedMs ?? 7 * 86_400_000)).toISOString();
  await deps.db
    .delete(jobs)
    .where(and(or(eq(jobs.state, "succeeded"), eq(jobs.state, "failed")), lt(jobs.finishedAt, keep)));
  return resumed;
}

/** Queued jobs that are overdue by more than `staleMs` (their wake-up was lost: a Queues send failed). */
export async function overdueJobs(deps: ServiceDeps, staleMs: number): Promise<DispatchedJob[]> {
  const before = new Date(deps.clock.now().getTime() - staleMs).toISOString();
  return deps.db
    .select({ id: jobs.id, lane: jobs.lane, runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.state, "queued"), lt(jobs.runAt, before)))
    .limit(500);
}
