import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryBlobStore } from "../../src/blobs/fs.js";
import { atomic } from "../../src/db/atomic.js";
import { jobs } from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/types.js";
import type { ServiceDeps } from "../../src/services/context.js";
import { jobStatement } from "../../src/services/jobs/enqueue.js";
import { jobById, leaseJob, leaseNext, renewLeases } from "../../src/services/jobs/lease.js";
import { settleJob, sweepJobs } from "../../src/services/jobs/settle.js";
import { DRIVERS } from "./drivers.js";

/**
 * The durable jobs table on both drivers: leases are exclusive, fair across tenants, renewed by
 * the heartbeat; outcomes are recorded only by the lease holder; the sweep resumes what a dead
 * runner held and gives up a job that used its attempts. Workers (D1) and Node (better-sqlite3)
 * share this code, so both run it.
 */
let now = new Date("2026-11-24T12:00:00Z");
const clock = { now: () => now };
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

describe.each(DRIVERS)("jobs on $name", (driver) => {
  let db: Db;
  let close: () => Promise<void>;
  let deps: ServiceDeps;
  beforeAll(async () => {
    ({ db, close } = await driver.open());
    deps = { db, blobs: memoryBlobStore(), clock };
  }, 60_000);
  afterAll(async () => close());

  const enqueue = async (tenantId: string, deliveryId: string) => {
    const s = jobStatement(deps, { type: "webhook.deliver", tenantId, deliveryId });
    await atomic(db, [s.statement]);
    return s.job.id;
  };

  it("leases a job to one runner only", async () => {
    const id = await enqueue("tn_a", "msg_1");
    const [first, second] = await Promise.all([
      leaseJob(deps, id, { owner: "r1", leaseMs: 1000 }),
      leaseJob(deps, id, { owner: "r2", leaseMs: 1000 }),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const held = (first ?? second) as NonNullable<typeof first>;
    expect(held.attempts).toBe(1);
    await settleJob(deps, held, held.leaseOwner as string, { kind: "outcome", outcome: { kind: "done" } });
    expect((await jobById(deps, id))?.state).toBe("succeeded");
  });

  it("serves tenants fairly: a tenant at its cap is skipped, the least busy tenant goes first", async () => {
    for (let i = 0; i < 5; i++) await enqueue("tn_busy", `busy_${i}`);
    advance(1);
    await enqueue("tn_quiet", "quiet_1");
    const lease = () => leaseNext(deps, { owner: "r1", leaseMs: 60_000, lane: "webhooks", perTenant: 2 });
    const order = [await lease(), await lease(), await lease(), await lease()].map((j) => j?.tenantId ?? null);
    // busy (oldest), then quiet (no running job), then busy again; then busy is at its cap of 2.
    expect(order).toEqual(["tn_busy", "tn_quiet", "tn_busy", null]);
  });

  it("resumes a job whose runner died, and gives up one that used its attempts", async () => {
    await db.delete(jobs);
    const id = await enqueue("tn_a", "msg_crash");
    const leased = await leaseJob(deps, id, { owner: "dead-runner", leaseMs: 1000 });
    expect(leased).not.toBeNull();
    await renewLeases(deps, [id], { owner: "someone-else", leaseMs: 60_000 }); // not the holder: no effect
    advance(2000);
    expect(await sweepJobs(deps)).toEqual([expect.objectContaining({ id })]);
    const resumed = await jobById(deps, id);
    expect(resumed).toMatchObject({ state: "queued", leaseOwner: null });
    // The stale runner comes back and reports: it no longer holds the lease, nothing changes.
    await settleJob(deps, leased as NonNullable<typeof leased>, "dead-runner", {
      kind: "outcome",
      outcome: { kind: "done" },
    });
    expect((await jobById(deps, id))?.state).toBe("queued");

    await db.update(jobs).set({ maxAttempts: 2 }).where(eq(jobs.id, id));
    await leaseJob(deps, id, { owner: "dead-again", leaseMs: 1000 });
    advance(2000);
    expect(await sweepJobs(deps)).toEqual([]);
    expect(await jobById(deps, id)).toMatchObject({ state: "failed", attempts: 2 });
    expect((await jobById(deps, id))?.lastError).toMatch(/^processing_interrupted/);
  });

  it("puts a retry back with its delay and runs it only when due", async () => {
    const id = await enqueue("tn_a", "msg_retry");
    const leased = await leaseJob(deps, id, { owner: "r1", leaseMs: 1000 });
    const back = await settleJob(deps, leased as NonNullable<typeof leased>, "r1", {
      kind: "outcome",
      outcome: { kind: "retry", delayMs: 5000, error: "receiver answered 503" },
    });
    expect(back?.id).toBe(id);
    expect(await leaseJob(deps, id, { owner: "r1", leaseMs: 1000 })).toBeNull();
    advance(5000);
    expect(await leaseJob(deps, id, { owner: "r1", leaseMs: 1000 })).toMatchObject({ attempts: 2 });
  });
});
