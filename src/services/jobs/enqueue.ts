import type { BatchItem } from "drizzle-orm/batch";
import { jobs } from "../../db/schema/index.js";
import type { DispatchedJob, Job, ServiceDeps } from "../context.js";
import { newId } from "../context.js";
import { handlerFor } from "./handlers.js";

export interface JobStatement {
  /** The insert, to run in the same atomic step as the change that asks for the job. */
  readonly statement: BatchItem<"sqlite">;
  readonly job: DispatchedJob;
}

/**
 * The insert for one job row. Callers put it in the same atomic() batch as the change it belongs
 * to (the upload, the drafted answers and their webhook deliveries), so a crash can never leave a
 * change without its job or a job without its change; then they call dispatchJobs.
 */
export function jobStatement(
  deps: ServiceDeps,
  job: Job,
  options: { runAt?: Date; dedupeKey?: string; priority?: number } = {},
): JobStatement {
  const handler = handlerFor(job);
  const now = deps.clock.now();
  const at = now.toISOString();
  const row = {
    id: newId("job"),
    tenantId: job.tenantId,
    type: job.type,
    lane: handler.lane,
    payload: { ...job } as Record<string, unknown>,
    dedupeKey: options.dedupeKey ?? null,
    state: "queued",
    priority: options.priority ?? handler.priority ?? 0,
    attempts: 0,
    maxAttempts: handler.maxAttempts,
    runAt: (options.runAt ?? now).toISOString(),
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    metrics: null,
    createdAt: at,
    updatedAt: at,
    finishedAt: null,
  };
  const statement = options.dedupeKey
    ? deps.db.insert(jobs).values(row).onConflictDoNothing()
    : deps.db.insert(jobs).values(row);
  return { statement, job: { id: row.id, lane: row.lane, runAt: row.runAt } };
}

/** Starts committed jobs (wakes the Node runner, or sends their ids to Cloudflare Queues). */
export async function dispatchJobs(deps: ServiceDeps, dispatched: readonly DispatchedJob[]): Promise<void> {
  if (dispatched.length > 0) await deps.jobs?.dispatch(dispatched);
}
