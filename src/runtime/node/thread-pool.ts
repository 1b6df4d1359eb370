import { Worker } from "node:worker_threads";
import type { DispatchedJob } from "../../services/context.js";
import type { JobExecutor } from "../../services/jobs/runner.js";
import type { JobResult, JobRow } from "../../services/jobs/types.js";
import { workerEntry } from "./worker-entry-path.js";

/** What the main thread tells a job thread once, at start. */
export interface JobThreadConfig {
  readonly dbPath: string;
  readonly blobsDir: string;
  /** The environment the thread reads its settings from (LLM keys and limits). */
  readonly env: Record<string, string | undefined>;
}

export type ToThread = { type: "run"; seq: number; jobId: string } | { type: "resume"; turn: number };
export type FromThread =
  | { type: "ready" }
  | { type: "yield"; turn: number }
  | { type: "result"; seq: number; result: JobResult }
  | { type: "dispatch"; jobs: DispatchedJob[] };

export interface ThreadPoolOptions {
  readonly size: number;
  readonly config: JobThreadConfig;
  /** Heap (old generation) one thread may use; a job over it fails with job_memory_exceeded. */
  readonly heapMb: number;
  /** A job still running after this is stopped (its thread terminated) and fails with processing_timeout. */
  readonly timeoutMs: number;
  /** A job thread committed new jobs (webhook deliveries): wake their lanes. */
  readonly onDispatch: (jobs: DispatchedJob[]) => void;
  readonly log?: (message: string) => void;
}

interface Slot {
  worker: Worker;
  alive: boolean;
  /** Handed to a run that has not posted its job yet. */
  reserved: boolean;
  ready: Promise<void>;
  busy: { seq: number; resolve: (r: JobResult) => void; timer: ReturnType<typeof setTimeout>; started: number } | null;
}

/**
 * The CPU lane's executor on Node: a fixed pool of worker threads (node:worker_threads), each with
 * its own SQLite connection, that parse, match and save questionnaires, so the event loop that
 * answers HTTP never does. Each thread's heap is capped (resourceLimits): a file that needs more
 * fails alone instead of taking the server down. A job over its time is stopped by terminating
 * its thread; a thread that dies is replaced.
 */
export function threadPoolExecutor(options: ThreadPoolOptions): JobExecutor & { threads(): number } {
  const log = options.log ?? ((m: string) => console.error(m));
  const entry = workerEntry();
  const slots: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  let seq = 0;
  let closed = false;
  let failedStarts = 0;

  const settle = (slot: Slot, result: JobResult) => {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = null;
    const durationMs = Date.now() - busy.started;
    busy.resolve({ ...result, metrics: { ...result.metrics, durationMs } } as JobResult);
    handOver(slot);
  };

  /** A free, live thread goes to the next run waiting for one. */
  const handOver = (slot: Slot) => {
    if (!slot.alive || slot.busy || slot.reserved) return;
    const next = waiting.shift();
    if (next) {
      slot.reserved = true;
      next(slot);
    }
  };

  const spawn = (): Slot => {
    const worker = new Worker(entry.kind === "file" ? entry.url : entry.code, {
      eval: entry.kind === "eval",
      workerData: options.config,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
      stdout: false,
      stderr: false,
    });
    let markReady: () => void = () => {};
    let failStart: (e: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    ready.catch(() => undefined);
    let started = false;
    ready.then(
      () => {
        started = true;
      },
      () => undefined,
    );
    const slot: Slot = { worker, alive: true, reserved: false, ready, busy: null };
    worker.on("message", (message: FromThread) => {
      if (message.type === "ready") markReady();
      else if (message.type === "dispatch") options.onDispatch(message.jobs);
      // Between two transactions of a long save: answering after whatever this thread already has
      // queued lets its own writes (other tenants' requests) take the write lock first.
      else if (message.type === "yield") worker.postMessage({ type: "resume", turn: message.turn } satisfies ToThread);
      else if (message.type === "result" && slot.busy?.seq === message.seq) settle(slot, message.result);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      slot.alive = false;
      const memory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      if (!memory) log(`job thread error: ${error.message}`);
      settle(
        slot,
        memory
          ? {
              kind: "fatal",
              failure: {
                code: "job_memory_exceeded",
                message: `processing needed more than the ${options.heapMb} MB one job may use; split the questionnaire into smaller files`,
              },
            }
          : { kind: "error", message: `job thread failed: ${error.message}` },
      );
    });
    worker.on("exit", (code) => {
      slot.alive = false;
      failStart(new Error(`job thread exited (${code}) before it was ready`));
      settle(slot, { kind: "error", message: `job thread exited (${code})` });
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (closed) return;
      // A thread that could not even start would fail again at once: back off before the next.
      const delay = started ? 0 : Math.min(30_000, 500 * 2 ** failedStarts++);
      if (started) failedStarts = 0;
      setTimeout(() => {
        if (closed) return;
        const fresh = spawn();
        slots.push(fresh);
        handOver(fresh);
      }, delay).unref();
    });
    return slot;
  };

  for (let i = 0; i < options.size; i++) slots.push(spawn());

  const acquire = (): Promise<Slot> => {
    const free = slots.find((s) => s.alive && s.busy === null && !s.reserved);
    if (free) {
      free.reserved = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  return {
    async run(job: JobRow): Promise<JobResult> {
      const slot = await acquire();
      try {
        await slot.ready;
      } catch (error) {
        slot.reserved = false;
        return { kind: "error", message: (error as Error).message };
      }
      slot.reserved = false;
      if (!slot.alive) return { kind: "error", message: "job thread stopped before the job started" };
      return new Promise<JobResult>((resolve) => {
        const mySeq = ++seq;
        const timer = setTimeout(() => {
          // The thread may be stuck in a loop: the only way to stop it is to end it.
          slot.alive = false;
          settle(slot, {
            kind: "fatal",
            failure: {
              code: "processing_timeout",
              message: `processing took longer than ${Math.round(options.timeoutMs / 1000)} s; split the questionnaire into smaller files`,
            },
          });
          void slot.worker.terminate();
        }, options.timeoutMs);
        slot.busy = { seq: mySeq, resolve, timer, started: Date.now() };
        slot.worker.postMessage({ type: "run", seq: mySeq, jobId: job.id } satisfies ToThread);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
    threads: () => slots.length,
  };
}
