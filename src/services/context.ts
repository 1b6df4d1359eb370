import type { Db } from "../db/types.js";
import type { Drafter } from "../domain/answering/drafter.js";
import type { RefineOptions } from "../domain/answering/refine.js";

/** Where uploaded files live: the filesystem on Node, R2 on Workers. */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Work that runs after the response: processing an upload, delivering a webhook. */
export type Job =
  | { readonly type: "questionnaire.process"; readonly tenantId: string; readonly questionnaireId: string }
  | { readonly type: "webhook.deliver"; readonly tenantId: string; readonly deliveryId: string };

/**
 * The background-job port. Node: an in-process queue (services/jobs/in-process-queue.ts);
 * Workers could back it with Queues or ctx.waitUntil. Delays serve webhook retries.
 */
export interface JobQueue {
  enqueue(job: Job, options?: { delayMs?: number }): Promise<void>;
}

/** Resolves a host name to IP addresses (node:dns on Node); the webhook SSRF guard checks every one. */
export type HostResolver = (hostname: string) => Promise<string[]>;

export interface WebhookSettings {
  /** Delay before retry n (index n-1); the number of entries is the number of retries. */
  readonly retryDelaysMs: readonly number[];
  readonly timeoutMs: number;
  /** Test-only: accept 127.0.0.1 / ::1 receivers. Never set in a deployment. */
  readonly allowLoopback: boolean;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  retryDelaysMs: [5_000, 30_000, 120_000, 600_000, 1_800_000],
  timeoutMs: 10_000,
  allowLoopback: false,
};

/** The optional LLM drafter and its per-run cost and concurrency limits. */
export interface LlmSettings {
  readonly drafter: Drafter;
  readonly options: RefineOptions;
}

/** What a runtime provides once; every request and job derives its ServiceContext from it. */
export interface ServiceDeps {
  readonly db: Db;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly jobs?: JobQueue;
  readonly resolveHost?: HostResolver;
  readonly fetch?: typeof fetch;
  readonly webhooks?: Partial<WebhookSettings>;
  /** Set when ANTHROPIC_API_KEY is configured: drafts are refined by the model, offline otherwise. */
  readonly llm?: LlmSettings;
}

/** Everything a service verb needs, and nothing about how the request arrived. */
export interface ServiceContext extends ServiceDeps {
  readonly tenantId: string;
  /** Who acts: "key:<id>" for API keys, "cli:<user>" for the CLI, "system:<job>" for jobs. */
  readonly actor: string;
  /** The API key behind the action, for the audit log. */
  readonly keyId?: string | null;
}

export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
export const nowIso = (ctx: { clock: Clock }): string => ctx.clock.now().toISOString();

/** A job context: the tenant comes from the job, which the API enqueued from an authenticated request. */
export const jobContext = (deps: ServiceDeps, tenantId: string, job: string): ServiceContext => ({
  ...deps,
  tenantId,
  actor: `system:${job}`,
  keyId: null,
});
