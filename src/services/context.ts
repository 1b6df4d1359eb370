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

/**
 * Work that runs after the response: processing an upload, delivering a webhook. A job is a row in
 * the durable jobs table (services/jobs/) whose payload is this object; its handler
 * (services/jobs/handlers.ts) says which lane runs it, how often it may be tried and what a
 * person sees when it is given up.
 */
export type Job =
  | { readonly type: "questionnaire.process"; readonly tenantId: string; readonly questionnaireId: string }
  | { readonly type: "webhook.deliver"; readonly tenantId: string; readonly deliveryId: string };

/** A committed job row, as a runtime needs it to start the work. */
export interface DispatchedJob {
  readonly id: string;
  readonly lane: string;
  /** ISO time the job may start (later for a webhook retry). */
  readonly runAt: string;
}

/**
 * The background-job port. Jobs are rows in the jobs table (written by services in the same
 * atomic step as the change that asks for them); the port only starts them. Node: the job runner
 * (services/jobs/runner.ts) with a worker-thread pool; Workers: Cloudflare Queues carrying the job id.
 */
export interface JobQueue {
  /** Job rows were committed: wake the runner (Node) or send their ids to the queue (Workers). */
  dispatch(jobs: readonly DispatchedJob[]): Promise<void>;
  /**
   * Waits until the job has finished, at most timeoutMs (the synchronous /v1/answer). Resolves
   * "finished" (succeeded or failed: read the subject for which) or "pending".
   */
  waitFor(jobId: string, timeoutMs: number): Promise<"finished" | "pending">;
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

/** Per-tenant limits on uploads (both runtimes: counted in the database, so they hold across restarts and isolates). */
export interface TenantLimits {
  /** Uploads (async and synchronous) a tenant may start per minute. */
  readonly uploadsPerMinute: number;
  /** Questionnaires of a tenant that may wait or run at once (queued + processing). */
  readonly uploadsInFlight: number;
}

export const DEFAULT_TENANT_LIMITS: TenantLimits = { uploadsPerMinute: 60, uploadsInFlight: 20 };

/**
 * Sends one webhook POST to the address the SSRF check approved, never resolving the name again
 * (a DNS answer that changes between check and connect — rebinding — cannot redirect it).
 * Node pins the connection to that address; see runtime/node/pinned-post.ts.
 */
export type WebhookPoster = (request: {
  readonly url: URL;
  /** The checked IP address to connect to. */
  readonly address: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
}) => Promise<{ status: number }>;

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
  /** How webhooks are sent (Node: pinned to the checked address); default: fetch by URL. */
  readonly webhookPost?: WebhookPoster;
  readonly webhooks?: Partial<WebhookSettings>;
  readonly limits?: Partial<TenantLimits>;
  /**
   * Called between the short transactions of a long save (a big questionnaire's answers): the
   * runtime lets its other writers take SQLite's write lock (Node job threads ask the main thread).
   */
  readonly yieldWrites?: () => Promise<void>;
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
