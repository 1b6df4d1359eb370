import { availableParallelism } from "node:os";
import type { TenantLimits, WebhookSettings } from "../../services/context.js";

/** How the Node runtime runs jobs; every number can be set from the environment. */
export interface NodeJobSettings {
  /** QUIRE_JOB_THREADS: worker threads that parse and match (default: cores - 1, at least 2, at most 4). */
  readonly threads: number;
  /** QUIRE_JOB_THREADS_PER_TENANT: threads one tenant may hold at once (default: half, at least 1). */
  readonly threadsPerTenant: number;
  /** QUIRE_JOB_HEAP_MB: heap one processing job may use (default 512). */
  readonly heapMb: number;
  /** QUIRE_JOB_TIMEOUT_MS: longest one processing job may run (default 10 min). */
  readonly timeoutMs: number;
  /** QUIRE_WEBHOOK_CONCURRENCY: deliveries in flight at once (default 16). */
  readonly webhookConcurrency: number;
  /** QUIRE_WEBHOOK_PER_TENANT: deliveries of one tenant in flight at once (default 4). */
  readonly webhooksPerTenant: number;
  /** QUIRE_JOB_LEASE_MS: a lease lasts this long without a heartbeat (default 30 s). */
  readonly leaseMs: number;
  /** QUIRE_JOB_SWEEP_MS: expired leases are looked for this often (default 10 s). */
  readonly sweepMs: number;
}

const int = (value: string | undefined, fallback: number, min = 1): number => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n >= min ? n : fallback;
};

export function nodeJobSettings(env: NodeJS.ProcessEnv): NodeJobSettings {
  const threads = int(env.QUIRE_JOB_THREADS, Math.min(4, Math.max(2, availableParallelism() - 1)));
  return {
    threads,
    threadsPerTenant: Math.min(threads, int(env.QUIRE_JOB_THREADS_PER_TENANT, Math.max(1, Math.floor(threads / 2)))),
    heapMb: int(env.QUIRE_JOB_HEAP_MB, 512, 32),
    timeoutMs: int(env.QUIRE_JOB_TIMEOUT_MS, 600_000, 100),
    webhookConcurrency: int(env.QUIRE_WEBHOOK_CONCURRENCY, 16),
    webhooksPerTenant: int(env.QUIRE_WEBHOOK_PER_TENANT, 4),
    leaseMs: int(env.QUIRE_JOB_LEASE_MS, 30_000, 100),
    sweepMs: int(env.QUIRE_JOB_SWEEP_MS, 10_000, 50),
  };
}

/**
 * Webhook settings from the environment: QUIRE_WEBHOOK_TIMEOUT_MS, QUIRE_WEBHOOK_RETRY_DELAYS_MS
 * (comma-separated), and QUIRE_WEBHOOKS_ALLOW_LOOPBACK=true — for the crash test and the load
 * bench, whose receivers listen on 127.0.0.1; never set it in a deployment.
 */
export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv): Partial<WebhookSettings> {
  const delays = env.QUIRE_WEBHOOK_RETRY_DELAYS_MS?.split(",").map(Number);
  return {
    ...(env.QUIRE_WEBHOOK_TIMEOUT_MS && { timeoutMs: int(env.QUIRE_WEBHOOK_TIMEOUT_MS, 10_000, 10) }),
    ...(delays?.every((d) => Number.isInteger(d) && d >= 0) && { retryDelaysMs: delays }),
    ...(env.QUIRE_WEBHOOKS_ALLOW_LOOPBACK === "true" && { allowLoopback: true }),
  };
}

/** Per-tenant upload limits: QUIRE_UPLOADS_PER_MINUTE, QUIRE_UPLOADS_IN_FLIGHT (defaults in services/context.ts). */
export function tenantLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<TenantLimits> {
  return {
    ...(env.QUIRE_UPLOADS_PER_MINUTE && { uploadsPerMinute: int(env.QUIRE_UPLOADS_PER_MINUTE, 60) }),
    ...(env.QUIRE_UPLOADS_IN_FLIGHT && { uploadsInFlight: int(env.QUIRE_UPLOADS_IN_FLIGHT, 20) }),
  };
}
