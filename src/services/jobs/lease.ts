import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { jobs } from "../../db/schema/index.js";
import type { ServiceDeps } from "../context.js";
import type { JobRow } from "./types.js";

export interface LeaseOptions {
  /** Who takes the lease: one runner (a process, an isolate) — see runtime owner ids. */
  readonly owner: string;
  readonly leaseMs: number;
}

/** Jobs of the same tenant already running in the job's lane (a correlated subquery over `jobs`). */
const runningForTenant = sql`(select count(*) from jobs as r where r.lane = ${jobs.lane} and r.state = 'running' and r.tenant_id = ${jobs.tenantId})`;

/**
 * Leases the next due job of a lane, fairly: a tenant already at `perTenant` running jobs is
 * skipped, and among the rest the tenant with the fewest running jobs goes first (then priority,
 * then the oldest run time). So a tenant with a thousand queued deliveries to a hanging receiver
 * takes `perTenant` slots and every other tenant's next job still starts.
 * The claim is a compare-and-set on state = 'queued': two runners never hold the same job.
 */
export async function leaseNext(
  deps: ServiceDeps,
  options: LeaseOptions & { lane: string; perTenant: number },
): Promise<JobRow | null> {
  const now = deps.clock.now().toISOString();
  for (let tries = 0; tries < 5; tries++) {
    const candidate = (
      await deps.db
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            eq(jobs.lane, options.lane),
            eq(jobs.state, "queued"),
            lte(jobs.runAt, now),
            or(isNull(jobs.tenantId), sql`${runningForTenant} < ${options.perTenant}`),
          ),
        )
        .orderBy(asc(runningForTenant), desc(jobs.priority), asc(jobs.runAt), asc(jobs.id))
        .limit(1)
    )[0];
    if (!candidate) return null;
    const leased = await leaseJob(deps, candidate.id, options);
    if (leased) return leased;
  }
  return null;
}

/**
 * Leases one job by id if it is queued and due (a Queues message names it; the synchronous
 * /v1/answer runs its own). Null if another runner has it, it is finished, or it is not due yet.
 */
export async function leaseJob(deps: ServiceDeps, id: string, options: LeaseOptions): Promise<JobRow | null> {
  const now = deps.clock.now();
  const rows = await deps.db
    .update(jobs)
    .set({
      state: "running",
      attempts: sql`${jobs.attempts} + 1`,
      leaseOwner: options.owner,
      leaseExpiresAt: new Date(now.getTime() + options.leaseMs).toISOString(),
      updatedAt: now.toISOString(),
    })
    .where(and(eq(jobs.id, id), eq(jobs.state, "queued"), lte(jobs.runAt, now.toISOString())))
    .returning();
  return rows[0] ?? null;
}

/** The heartbeat: extends the leases this owner still holds, so a sweep never takes a live job. */
export async function renewLeases(deps: ServiceDeps, ids: readonly string[], options: LeaseOptions): Promise<void> {
  if (ids.length === 0) return;
  const now = deps.clock.now();
  await deps.db
    .update(jobs)
    .set({ leaseExpiresAt: new Date(now.getTime() + options.leaseMs).toISOString() })
    .where(and(inArray(jobs.id, [...ids]), eq(jobs.state, "running"), eq(jobs.leaseOwner, options.owner)));
}

/** When the next queued job of a lane is due (to sleep until then), or null if none is queued. */
export async function nextDue(deps: ServiceDeps, lane: string): Promise<string | null> {
  const row = (
    await deps.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.lane, lane), eq(jobs.state, "queued")))
      .orderBy(asc(jobs.runAt))
      .limit(1)
  )[0];
  return row?.runAt ?? null;
}

/** The job row by id (any state). */
export async function jobById(deps: ServiceDeps, id: string): Promise<JobRow | null> {
  return (await deps.db.select().from(jobs).where(eq(jobs.id, id)).limit(1))[0] ?? null;
}
