import type {
  D1Database,
  ExecutionContext,
  MessageBatch,
  Queue,
  R2Bucket,
  ScheduledController,
} from "@cloudflare/workers-types/latest/index.js";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { drizzle } from "drizzle-orm/d1";
import { createApp } from "../api/app.js";
import type { AppDeps, AppEnv } from "../api/env.js";
import { r2BlobStore } from "../blobs/r2.js";
import * as schema from "../db/schema/index.js";
import type { Db } from "../db/types.js";
import { llmSettingsFromEnv } from "../llm/settings.js";
import { systemClock } from "../services/context.js";
import { sweepAllTenants } from "../services/freshness/sweep.js";
import { jobById } from "../services/jobs/lease.js";
import { consumeJobMessages, runJobById, sweepOnSchedule } from "./worker-jobs.js";
import { dohResolver } from "./workers/doh-resolver.js";
import { cloudflareQueue, type JobMessage } from "./workers/queue.js";

/**
 * The Cloudflare Workers runtime: D1 for the database (migrations from drizzle/ via
 * `wrangler d1 migrations apply`), R2 for uploaded files, the durable jobs table in D1 woken by
 * Queues messages that carry a job id (processing uploads, webhook deliveries), and a cron sweep
 * that resumes jobs a dead consumer left. Same app, same services, same domain as on Node.
 * Tenants, keys and the library are created through the API (no filesystem to seed from).
 * The app and its deps are built once per isolate, not per request (building the app costs ~2 ms
 * of CPU, and the failed-key limiter must outlive a request to limit anything).
 */
export interface WorkerBindings {
  DB: D1Database;
  BLOBS: R2Bucket;
  JOBS: Queue<JobMessage>;
  MAX_UPLOAD_BYTES?: string;
  /** Questions per file (default 15,000): what one invocation answers within the CPU limit, measured in bench/worker.ts. */
  MAX_QUESTIONS?: string;
  /** Secret; with it, drafts are refined by Claude (QUIRE_LLM_* vars set the model and limits). */
  ANTHROPIC_API_KEY?: string;
  QUIRE_LLM_MODEL?: string;
}

/**
 * Questions one file may have on Workers. One queue invocation drafts a whole file; 15,000 questions
 * took 11.4 s of CPU in workerd (bench/worker.ts, D1 simulator included), under 40 % of the paid
 * plan's default 30 s limit.
 */
const DEFAULT_MAX_QUESTIONS = 15_000;

/** The daily freshness sweep's Cron Trigger (wrangler.toml `[triggers] crons`); not exported: a Worker module exports handlers only. */
const FRESHNESS_CRON = "0 6 * * *";

/** This isolate's lease owner id (made on first use: random values are not allowed at global scope). */
let isolate: string | undefined;
const isolateId = (): string => {
  isolate ??= `worker:${crypto.randomUUID()}`;
  return isolate;
};

/** Deps per bindings object: workerd hands an isolate the same env on every call, so this builds once. */
const depsByEnv = new WeakMap<object, AppDeps>();
const depsFor = (env: WorkerBindings): AppDeps => {
  let deps = depsByEnv.get(env);
  if (!deps) {
    deps = buildDeps(env);
    depsByEnv.set(env, deps);
  }
  return deps;
};

/** The one app of this isolate, made on the first request (module scope may not do I/O or use randomness). */
let app: OpenAPIHono<AppEnv> | undefined;
const appOfIsolate = (): OpenAPIHono<AppEnv> => {
  app ??= createApp({ fromEnv: (env) => depsFor(env as WorkerBindings) });
  return app;
};

function buildDeps(env: WorkerBindings): AppDeps {
  const base: AppDeps = {
    db: drizzle(env.DB, { schema }) as unknown as Db,
    blobs: r2BlobStore(env.BLOBS),
    clock: systemClock,
    resolveHost: dohResolver(fetch),
    instanceId: isolateId(),
    clientAddress: (c) => c.req.header("cf-connecting-ip"),
    ...(env.ANTHROPIC_API_KEY && { llm: llmSettingsFromEnv(env as unknown as Record<string, string | undefined>) }),
    ...(env.MAX_UPLOAD_BYTES && { maxUploadBytes: Number(env.MAX_UPLOAD_BYTES) }),
    maxQuestions: Number(env.MAX_QUESTIONS ?? DEFAULT_MAX_QUESTIONS),
  };
  // The synchronous /v1/answer runs its job in the request (a Worker has no event loop to protect);
  // if the queue consumer took it first, the request waits for the consumer's result.
  const runInline = async (jobId: string, timeoutMs: number): Promise<"finished" | "pending"> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ran = await runJobById(deps, env.JOBS, jobId, isolateId());
      if (ran === "ran" || ran === "gone") return "finished";
      const job = await jobById(deps, jobId);
      if (!job || job.state === "succeeded" || job.state === "failed") return "finished";
      if (Date.now() > deadline) return "pending";
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const deps: AppDeps = { ...base, jobs: cloudflareQueue(env.JOBS, runInline) };
  return deps;
}

export default {
  fetch(request: Request, env: WorkerBindings, executionCtx: ExecutionContext): Response | Promise<Response> {
    return appOfIsolate().fetch(request, env, executionCtx);
  },

  /** The consumer of JOBS: each message names a job in D1, leased and run here. */
  async queue(batch: MessageBatch<JobMessage>, env: WorkerBindings): Promise<void> {
    await consumeJobMessages(depsFor(env), env.JOBS, batch.messages, isolateId());
  },

  /**
   * Cron (wrangler.toml [triggers]). Every minute: resume jobs of consumers that died, re-send lost
   * messages. Daily (FRESHNESS_CRON): the freshness sweep, the same service the Node timer runs, as of
   * the day the trigger was scheduled for.
   */
  async scheduled(controller: ScheduledController, env: WorkerBindings, executionCtx: ExecutionContext) {
    const deps = depsFor(env);
    if (controller.cron === FRESHNESS_CRON) {
      const asOf = new Date(controller.scheduledTime).toISOString().slice(0, 10);
      executionCtx.waitUntil(sweepAllTenants(deps, asOf));
    }
    await sweepOnSchedule(deps, env.JOBS);
  },
};
