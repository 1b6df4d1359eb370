import { drizzle } from "drizzle-orm/d1";
import { createApp } from "../api/app.js";
import type { AppDeps } from "../api/env.js";
import { type R2BucketLike, r2BlobStore } from "../blobs/r2.js";
import * as schema from "../db/schema/index.js";
import type { Db } from "../db/types.js";
import { llmSettingsFromEnv } from "../llm/settings.js";
import { type Job, systemClock } from "../services/context.js";
import { sweepAllTenants } from "../services/freshness/sweep.js";
import { runJob } from "../services/jobs/run.js";
import { dohResolver } from "./workers/doh-resolver.js";
import { cloudflareQueue, type QueueProducerLike } from "./workers/queue.js";

/**
 * The Cloudflare Workers runtime: D1 for the database (migrations from drizzle/ via
 * `wrangler d1 migrations apply`), R2 for uploaded files, Queues for background jobs (processing
 * uploads, webhook retries). Same app, same services, same domain as on Node.
 * Tenants, keys and the library are created through the API (no filesystem to seed from).
 */
export interface WorkerBindings {
  DB: unknown;
  BLOBS: R2BucketLike;
  JOBS: QueueProducerLike;
  MAX_UPLOAD_BYTES?: string;
  /** Secret; with it, drafts are refined by Claude (QUIRE_LLM_* vars set the model and limits). */
  ANTHROPIC_API_KEY?: string;
  QUIRE_LLM_MODEL?: string;
}

/** The part of ScheduledController the handler reads: when the Cron Trigger fired. */
interface ScheduledControllerLike {
  readonly scheduledTime: number;
  readonly cron?: string;
}

interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

interface MessageBatchLike {
  messages: readonly { body: Job; ack(): void; retry(): void }[];
}

function depsFor(env: WorkerBindings): AppDeps {
  return {
    db: drizzle(env.DB as Parameters<typeof drizzle>[0], { schema }) as unknown as Db,
    blobs: r2BlobStore(env.BLOBS),
    clock: systemClock,
    jobs: cloudflareQueue(env.JOBS),
    resolveHost: dohResolver(fetch),
    ...(env.ANTHROPIC_API_KEY && { llm: llmSettingsFromEnv(env as unknown as Record<string, string | undefined>) }),
    ...(env.MAX_UPLOAD_BYTES && { maxUploadBytes: Number(env.MAX_UPLOAD_BYTES) }),
  };
}

export default {
  fetch(request: Request, env: WorkerBindings, executionCtx: unknown): Response | Promise<Response> {
    return createApp(depsFor(env)).fetch(request, env, executionCtx as never);
  },

  /**
   * The Cron Trigger (`[triggers] crons` in wrangler.toml): the daily freshness sweep, the same
   * service the Node timer runs, as of the day the trigger was scheduled for.
   */
  scheduled(controller: ScheduledControllerLike, env: WorkerBindings, executionCtx: ExecutionContextLike): void {
    const asOf = new Date(controller.scheduledTime).toISOString().slice(0, 10);
    executionCtx.waitUntil(sweepAllTenants(depsFor(env), asOf));
  },

  /** The consumer of JOBS: each message is one job; a job that throws is retried by Queues. */
  async queue(batch: MessageBatchLike, env: WorkerBindings): Promise<void> {
    const deps = depsFor(env);
    for (const message of batch.messages) {
      try {
        await runJob(deps, message.body);
        message.ack();
      } catch (error) {
        console.error(`job ${message.body.type} failed`, error);
        message.retry();
      }
    }
  },
};
