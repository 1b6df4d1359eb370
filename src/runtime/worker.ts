import { drizzle } from "drizzle-orm/d1";
import { createApp } from "../api/app.js";
import type { AppDeps } from "../api/env.js";
import { type R2BucketLike, r2BlobStore } from "../blobs/r2.js";
import * as schema from "../db/schema/index.js";
import type { Db } from "../db/types.js";
import { llmSettingsFromEnv } from "../llm/settings.js";
import { type Job, systemClock } from "../services/context.js";
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
