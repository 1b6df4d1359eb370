/**
 * A job thread (node:worker_threads) of the Node runtime: it runs the CPU-bound jobs the main
 * thread leases to it — parse, match, draft, save a questionnaire — on its own SQLite connection,
 * so the event loop that answers HTTP never does. Its own file and entry point: run from source
 * through tsx, or emitted as its own bundle entry (see runtime/node/worker-entry-path.ts).
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { fsBlobStore } from "../blobs/fs.js";
import { openSqlite } from "../db/sqlite.js";
import { llmSettingsFromEnv } from "../llm/settings.js";
import { type Job, type ServiceDeps, systemClock } from "../services/context.js";
import { runJob } from "../services/jobs/handlers.js";
import { jobById } from "../services/jobs/lease.js";
import { describeError } from "../services/jobs/runner.js";
import type { JobResult } from "../services/jobs/types.js";
import { nodeResolveHost } from "./node/resolve-host.js";
import type { FromThread, JobThreadConfig, ToThread } from "./node/thread-pool.js";

const config = workerData as JobThreadConfig;
const port = parentPort;
if (!port) throw new Error("node-worker-entry runs as a worker thread");

let turn = 0;
const resumes = new Map<number, () => void>();

/** Asks the main thread for a turn (see ThreadPool's "yield"), so its writers get the lock between our transactions. */
const yieldWrites = () =>
  new Promise<void>((resolve) => {
    const mine = ++turn;
    resumes.set(mine, resolve);
    port.postMessage({ type: "yield", turn: mine } satisfies FromThread);
  });

// A collection before each job makes "heap used by this job" a measurement, not a guess.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as (() => void) | undefined;

const handle = openSqlite(config.dbPath, { migrate: false });
const llm = llmSettingsFromEnv(config.env);
const deps: ServiceDeps = {
  db: handle.db,
  blobs: fsBlobStore(config.blobsDir),
  clock: systemClock,
  resolveHost: nodeResolveHost,
  ...(llm && { llm }),
  yieldWrites,
  // Jobs a job commits (its webhook deliveries) are started by the main thread's runner.
  jobs: {
    dispatch: async (jobs) => port.postMessage({ type: "dispatch", jobs: [...jobs] } satisfies FromThread),
    waitFor: async () => "pending",
  },
};

async function run(jobId: string): Promise<JobResult> {
  collect?.();
  const before = getHeapStatistics();
  try {
    const job = await jobById(deps, jobId);
    if (!job) return { kind: "outcome", outcome: { kind: "done" } };
    const outcome = await runJob(deps, job.payload as unknown as Job);
    const after = getHeapStatistics();
    return {
      kind: "outcome",
      outcome,
      metrics: {
        heapUsedBytes: Math.max(0, after.used_heap_size - before.used_heap_size),
        peakHeapBytes: after.total_heap_size,
      },
    };
  } catch (error) {
    return { kind: "error", message: describeError(error) };
  }
}

port.on("message", (message: ToThread) => {
  if (message.type === "resume") {
    resumes.get(message.turn)?.();
    resumes.delete(message.turn);
    return;
  }
  void run(message.jobId).then((result) =>
    port.postMessage({ type: "result", seq: message.seq, result } satisfies FromThread),
  );
});
port.postMessage({ type: "ready" } satisfies FromThread);
