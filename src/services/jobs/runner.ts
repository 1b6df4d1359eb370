import { and, eq, inArray, or } from "drizzle-orm";
import { jobs } from "../../db/schema/index.js";
import { isQuireError } from "../../domain/errors.js";
import type { DispatchedJob, Job, JobQueue, ServiceDeps } from "../context.js";
import { runJob } from "./handlers.js";
import { jobById, leaseNext, nextDue, renewLeases } from "./lease.js";
import { settleJob, sweepJobs } from "./settle.js";
import type { JobResult, JobRow } from "./types.js";

/** Runs one leased job somewhere: this thread (inline) or a worker thread (Node's pool). */
export interface JobExecutor {
  run(job: JobRow): Promise<JobResult>;
  close?(): Promise<void>;
}

export interface LaneConfig {
  /** Jobs of this lane running at once. */
  readonly concurrency: number;
  /** Jobs of one tenant running at once in this lane (fairness). */
  readonly perTenant: number;
  readonly executor: JobExecutor;
}

export interface RunnerOptions {
  /** This runner's lease owner id (runtime/instance). */
  readonly owner: string;
  readonly lanes: Readonly<Record<string, LaneConfig>>;
  /** A lease lasts this long unless renewed (default 30 s). */
  readonly leaseMs?: number;
  /** Leases are renewed this often (default a third of leaseMs). */
  readonly heartbeatMs?: number;
  /** Longest sleep between looks at the table (default 1 s); dispatch wakes it sooner. */
  readonly pollMs?: number;
  /** How often expired leases are swept (default 10 s). */
  readonly sweepMs?: number;
  readonly isDeadOwner?: (owner: string) => boolean;
  readonly log?: (message: string) => void;
}

export interface JobRunner extends JobQueue {
  /** Sweeps leases left by a crash (resuming or failing them), then starts leasing. */
  start(): Promise<void>;
  /** Look at the table now (a job was committed elsewhere, e.g. by a worker thread). */
  wake(lane?: string): void;
  /** Resolves when no job of this runner's lanes is queued (due or not) or running. For tests. */
  drain(): Promise<void>;
  /** Stops leasing; waits up to graceMs for running jobs, then closes the executors. */
  stop(graceMs?: number): Promise<void>;
  /** Jobs this runner is running now. */
  active(): number;
}

/** Runs jobs in this thread; a handler still running after timeoutMs is reported fatal (it keeps its own timeouts). */
export function inlineExecutor(deps: ServiceDeps, options: { timeoutMs?: number } = {}): JobExecutor {
  return {
    async run(job) {
      const started = Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const work = runJob(deps, job.payload as unknown as Job).then(
          (outcome): JobResult => ({ kind: "outcome", outcome }),
        );
        const limit = options.timeoutMs;
        const result = limit
          ? await Promise.race([
              work,
              new Promise<JobResult>((done) => {
                timer = setTimeout(
                  () =>
                    done({
                      kind: "fatal",
                      failure: { code: "processing_timeout", message: `the work took longer than ${limit} ms` },
                    }),
                  limit,
                );
              }),
            ])
          : await work;
        return { ...result, metrics: { durationMs: Date.now() - started } };
      } catch (error) {
        return { kind: "error", message: describeError(error), metrics: { durationMs: Date.now() - started } };
      } finally {
        if (timer) clearTimeout(timer);
      }
    },
  };
}

export const describeError = (error: unknown): string =>
  isQuireError(error) ? `${error.code}: ${error.message}` : String((error as Error)?.message ?? error).slice(0, 500);

const unref = (t: ReturnType<typeof setTimeout>) => {
  (t as { unref?: () => void }).unref?.();
  return t;
};

/**
 * The job runner: leases due jobs lane by lane (fairly across tenants, up to each lane's
 * concurrency), hands them to the lane's executor, records how each ended, renews its leases
 * while they run and sweeps leases a crash left behind. Used by Node (process lane on worker
 * threads, webhooks inline) and by tests (everything inline).
 */
export function createJobRunner(deps: ServiceDeps, options: RunnerOptions): JobRunner {
  const leaseMs = options.leaseMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(50, Math.floor(leaseMs / 3));
  const pollMs = options.pollMs ?? 1_000;
  const sweepMs = options.sweepMs ?? 10_000;
  const log = options.log ?? ((m: string) => console.error(m));
  const lease = { owner: options.owner, leaseMs };
  const laneNames = Object.keys(options.lanes);

  const running = new Map<string, { lane: string; promise: Promise<void> }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const pumping = new Set<string>();
  const again = new Set<string>();
  const waiters = new Map<string, (() => void)[]>();
  let intervals: ReturnType<typeof setInterval>[] = [];
  let started = false;
  let stopped = false;

  const activeIn = (lane: string) => [...running.values()].filter((r) => r.lane === lane).length;

  const finished = (jobId: string) => {
    for (const w of waiters.get(jobId) ?? []) w();
    waiters.delete(jobId);
  };

  const execute = (lane: string, job: JobRow) => {
    const config = options.lanes[lane] as LaneConfig;
    const promise = (async () => {
      let result: JobResult;
      try {
        result = await config.executor.run(job);
      } catch (error) {
        result = { kind: "error", message: describeError(error) };
      }
      try {
        const requeued = await settleJob(deps, job, options.owner, result);
        if (!requeued) finished(job.id);
      } catch (error) {
        // The lease stays; the sweep resumes the job once it expires.
        log(`job ${job.id} (${job.type}) could not be settled: ${describeError(error)}`);
      }
    })().finally(() => {
      running.delete(job.id);
      pump(lane);
    });
    running.set(job.id, { lane, promise });
  };

  const schedule = async (lane: string) => {
    const due = await nextDue(deps, lane);
    const existing = timers.get(lane);
    if (existing) clearTimeout(existing);
    // Sleep until the next job falls due. A job already due was not leasable (the lane is full or
    // its tenant is at its cap): a finishing job wakes the lane, so only the slow poll remains.
    const untilDue = due === null ? Number.POSITIVE_INFINITY : Date.parse(due) - deps.clock.now().getTime();
    const wait = untilDue > 0 ? Math.min(pollMs, Math.max(5, untilDue)) : pollMs;
    timers.set(
      lane,
      unref(
        setTimeout(() => {
          timers.delete(lane);
          pump(lane);
        }, wait),
      ),
    );
  };

  async function pump(lane: string): Promise<void> {
    if (!started || stopped) return;
    if (pumping.has(lane)) {
      again.add(lane);
      return;
    }
    pumping.add(lane);
    try {
      do {
        again.delete(lane);
        const config = options.lanes[lane] as LaneConfig;
        while (!stopped && activeIn(lane) < config.concurrency) {
          const job = await leaseNext(deps, { ...lease, lane, perTenant: config.perTenant });
          if (!job) break;
          execute(lane, job);
        }
      } while (again.has(lane) && !stopped);
      if (!stopped) await schedule(lane);
    } catch (error) {
      log(`job runner (${lane}): ${describeError(error)}`);
      if (!stopped) timers.set(lane, unref(setTimeout(() => pump(lane), pollMs)));
    } finally {
      pumping.delete(lane);
    }
  }

  const wakeAll = () => {
    for (const lane of laneNames) void pump(lane);
  };

  const sweep = async () => {
    try {
      const resumed = await sweepJobs(deps, options.isDeadOwner ? { isDeadOwner: options.isDeadOwner } : {});
      if (resumed.length > 0) log(`resumed ${resumed.length} interrupted job(s)`);
      wakeAll();
    } catch (error) {
      log(`job sweep: ${describeError(error)}`);
    }
  };

  return {
    async start() {
      if (started) return;
      started = true;
      await sweep();
      intervals = [
        setInterval(() => {
          renewLeases(deps, [...running.keys()], lease).catch((e) => log(`heartbeat: ${describeError(e)}`));
        }, heartbeatMs),
        setInterval(() => void sweep(), sweepMs),
      ];
      for (const i of intervals) unref(i);
      wakeAll();
    },
    wake(lane) {
      if (lane && options.lanes[lane]) void pump(lane);
      else wakeAll();
    },
    async dispatch(dispatched: readonly DispatchedJob[]) {
      for (const lane of new Set(dispatched.map((d) => d.lane))) if (options.lanes[lane]) void pump(lane);
    },
    async waitFor(jobId, timeoutMs) {
      const isFinished = async () => {
        const job = await jobById(deps, jobId);
        return !job || job.state === "succeeded" || job.state === "failed";
      };
      if (await isFinished()) return "finished";
      return new Promise((resolve) => {
        let done = false;
        const settle = (value: "finished" | "pending") => {
          if (done) return;
          done = true;
          clearTimeout(timeout);
          clearInterval(poll);
          resolve(value);
        };
        const list = waiters.get(jobId) ?? [];
        list.push(() => settle("finished"));
        waiters.set(jobId, list);
        const timeout = unref(setTimeout(() => settle("pending"), timeoutMs));
        // Another process may run it: look at the table now and then as well.
        const poll = setInterval(() => {
          isFinished()
            .then((f) => f && settle("finished"))
            .catch(() => undefined);
        }, 500);
        unref(poll);
      });
    },
    async drain() {
      for (;;) {
        const open = await deps.db
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(inArray(jobs.lane, laneNames), or(eq(jobs.state, "queued"), eq(jobs.state, "running"))))
          .limit(1);
        if (open.length === 0 && running.size === 0) return;
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop(graceMs = 10_000) {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      for (const i of intervals) clearInterval(i);
      intervals = [];
      const all = Promise.all([...running.values()].map((r) => r.promise));
      await Promise.race([all, new Promise((r) => unref(setTimeout(r, graceMs)))]);
      // Jobs still running keep their lease; the next start-up's sweep resumes them.
      await Promise.all(Object.values(options.lanes).map((l) => l.executor.close?.()));
    },
    active: () => running.size,
  };
}
