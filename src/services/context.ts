import type { Db } from "../db/types.js";
import type { BlobStore } from "../ports/blob-store.js";
import type { Clock } from "../ports/clock.js";
import type { LlmSettings } from "../ports/drafter.js";
import type { HostResolver } from "../ports/host-resolver.js";
import type { JobQueue } from "../ports/job-queue.js";
import type { MatchIndexStore } from "../ports/match-index-store.js";
import type { WebhookPoster } from "../ports/webhook-poster.js";

// The ports live in src/ports/ (adapters implement them without importing services); they are
// re-exported here because a service verb takes everything it needs from its context.
export type { BlobStore } from "../ports/blob-store.js";
export { type Clock, systemClock } from "../ports/clock.js";
export type { LlmSettings } from "../ports/drafter.js";
export type { HostResolver } from "../ports/host-resolver.js";
export type { DispatchedJob, Job, JobQueue } from "../ports/job-queue.js";
export type { MatchIndexStore } from "../ports/match-index-store.js";
export type { WebhookPoster } from "../ports/webhook-poster.js";

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

export interface SsoSettings {
  /** Test-only: accept http:// issuers on loopback addresses (a local fake provider). Never set in a deployment. */
  readonly allowInsecureIssuer: boolean;
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
  readonly sso?: Partial<SsoSettings>;
  readonly limits?: Partial<TenantLimits>;
  /**
   * Called between the short transactions of a long save (a big questionnaire's answers): the
   * runtime lets its other writers take SQLite's write lock (Node job threads ask the main thread).
   */
  readonly yieldWrites?: () => Promise<void>;
  /** Set when ANTHROPIC_API_KEY is configured: drafts are refined by the model, offline otherwise. */
  readonly llm?: LlmSettings;
  /**
   * Questions one file may have (too_many_questions above it). Workers set it (MAX_QUESTIONS) so
   * one invocation stays within its CPU limit; unset on Node.
   */
  readonly maxQuestions?: number;
  /** Where built match indexes outlive the process (the CLI: beside its database); unset, each process builds its own. */
  readonly matchIndexes?: MatchIndexStore;
}

/** Everything a service verb needs, and nothing about how the request arrived. */
export interface ServiceContext extends ServiceDeps {
  readonly tenantId: string;
  /** Who acts: "user:<email>" for a signed-in person, "key:<id>" for API keys, "cli:<user>" for the CLI, "system:<job>" for jobs. */
  readonly actor: string;
  /** The API key behind the action, for the audit log. */
  readonly keyId?: string | null;
  /** The signed-in person, when the request came with a session ("user:<email>" is the actor). */
  readonly user?: { readonly id: string; readonly email: string; readonly name: string; readonly role: string };
}

export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
/**
 * `count` ids of the same shape as newId's, for rows saved together (a questionnaire's questions):
 * one random stem (13 random hex digits, as in a v4 UUID) and the row's number in 6 hex digits. Their primary-key entries then sit
 * side by side in the index, so a 5,000-row save rewrites a few index pages instead of touching a
 * random page per row, which grew with the database (issue 13).
 */
export const newIds = (prefix: string, count: number): string[] => {
  const stem = crypto.randomUUID().replaceAll("-", "").slice(0, 14);
  return Array.from({ length: count }, (_, i) => `${prefix}_${stem}${i.toString(16).padStart(6, "0")}`);
};
export const nowIso = (ctx: { clock: Clock }): string => ctx.clock.now().toISOString();

/** A job context: the tenant comes from the job, which the API enqueued from an authenticated request. */
export const jobContext = (deps: ServiceDeps, tenantId: string, job: string): ServiceContext => ({
  ...deps,
  tenantId,
  actor: `system:${job}`,
  keyId: null,
});
