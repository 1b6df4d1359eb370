import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createApp } from "../api/app.js";
import type { AppDeps } from "../api/env.js";
import { fsBlobStore } from "../blobs/fs.js";
import { openSqlite, reclaimSpace } from "../db/sqlite.js";
import { loadLibraryDir } from "../library-files/load.js";
import { llmSettingsFromEnv } from "../llm/settings.js";
import { systemClock } from "../services/context.js";
import { sweepAllTenants } from "../services/freshness/sweep.js";
import { releaseAbandonedClaims } from "../services/idempotency/store.js";
import { createJobRunner, inlineExecutor } from "../services/jobs/runner.js";
import { keepRunsSetting, pruneAllTenants } from "../services/questionnaires/retention.js";
import { seedDemoTenant } from "../services/tenants/seed-demo.js";
import { isDeadLocalOwner, newInstanceId } from "./node/instance.js";
import { nodeJobSettings, tenantLimitsFromEnv, webhookSettingsFromEnv } from "./node/job-settings.js";
import { pinnedPoster } from "./node/pinned-post.js";
import { nodeResolveHost } from "./node/resolve-host.js";
import { threadPoolExecutor } from "./node/thread-pool.js";
import { scheduleDailySweep } from "./sweep-timer.js";

export { nodeResolveHost } from "./node/resolve-host.js";

export interface NodeServerOptions {
  /** Overrides for tests and the bench (webhook retry delays, loopback receivers). */
  readonly deps?: Partial<AppDeps>;
  /** Print the startup lines (default true). */
  readonly log?: boolean;
}

/**
 * The Node runtime: better-sqlite3 file database, blobs on disk, the durable job table run by a
 * job runner — questionnaires parsed and matched on a pool of worker threads, webhooks delivered
 * from this thread (pinned to the checked address) — and @hono/node-server. On start it resumes
 * or fails the jobs and releases the Idempotency-Key claims a crash left behind.
 * Env: PORT (8787), QUIRE_DB (./data/quire.db), QUIRE_BLOBS (next to the db), QUIRE_LIBRARY
 * (./answer-library), HOST (127.0.0.1), QUIRE_MAX_UPLOAD_BYTES (20 MiB), QUIRE_SYNC_MAX_BYTES
 * (1 MiB), QUIRE_UPLOADS_PER_MINUTE (60) and QUIRE_UPLOADS_IN_FLIGHT (20) per tenant, and the job
 * settings in runtime/node/job-settings.ts.
 * The daily freshness sweep runs on a timer: QUIRE_SWEEP (off disables it), QUIRE_SWEEP_HOUR_UTC (6),
 * QUIRE_SWEEP_START_DELAY_MS (10000: the first sweep after start). QUIRE_SSO_ALLOW_INSECURE_ISSUER=true
 * admits http:// single sign-on issuers on loopback (local development and the page tests only).
 * QUIRE_PUBLIC_URL (https://quire.vendor.example) is where people reach the server behind a proxy:
 * invitation links and the SSO redirect URI are built on it (default: the request's origin).
 * Run retention: QUIRE_KEEP_RUNS=N keeps each tenant's newest N questionnaires and removes the
 * older ones (services/questionnaires/retention.ts), then frees the space; on the same timer.
 */
export async function startNodeServer(env: NodeJS.ProcessEnv = process.env, options: NodeServerOptions = {}) {
  const log = options.log === false ? () => {} : console.log;
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? "127.0.0.1";
  const dbPath = resolve(env.QUIRE_DB ?? "data/quire.db");
  const blobsDir = resolve(env.QUIRE_BLOBS ?? resolve(dbPath, "..", "blobs"));
  const keepRuns = keepRunsSetting(env.QUIRE_KEEP_RUNS);
  const handle = openSqlite(dbPath);
  const llm = llmSettingsFromEnv(env);
  const settings = nodeJobSettings(env);
  const instanceId = newInstanceId();
  const isDeadOwner = (owner: string) => isDeadLocalOwner(owner, instanceId);
  const webhooks = webhookSettingsFromEnv(env);
  if (webhooks.allowLoopback)
    log(
      "QUIRE_WEBHOOKS_ALLOW_LOOPBACK=true: webhooks may call 127.0.0.1 / ::1 (local development only; off by default).",
    );
  // Local development against a provider on this machine (a Dex or Keycloak over http); off by default.
  const ssoInsecure = env.QUIRE_SSO_ALLOW_INSECURE_ISSUER === "true";
  if (ssoInsecure)
    log(
      "QUIRE_SSO_ALLOW_INSECURE_ISSUER=true: SSO issuers may be http:// on 127.0.0.1 / ::1 (local development only; off by default).",
    );
  const base: AppDeps = {
    db: handle.db,
    blobs: fsBlobStore(blobsDir),
    clock: systemClock,
    resolveHost: nodeResolveHost,
    webhookPost: pinnedPoster,
    instanceId,
    webhooks,
    ...(ssoInsecure && { sso: { allowInsecureIssuer: true } }),
    ...(env.QUIRE_PUBLIC_URL && { publicUrl: env.QUIRE_PUBLIC_URL }),
    clientAddress: (c) => getConnInfo(c).remote.address,
    ...(llm && { llm }),
    ...(env.QUIRE_MAX_UPLOAD_BYTES && { maxUploadBytes: Number(env.QUIRE_MAX_UPLOAD_BYTES) }),
    ...(env.QUIRE_SYNC_MAX_BYTES && { syncAnswer: { maxBytes: Number(env.QUIRE_SYNC_MAX_BYTES) } }),
    limits: tenantLimitsFromEnv(env),
    ...options.deps,
  };

  const threads = threadPoolExecutor({
    size: settings.threads,
    heapMb: settings.heapMb,
    timeoutMs: settings.timeoutMs,
    config: { dbPath, blobsDir, env: { ...env } },
    onDispatch: (jobs) => void runner.dispatch(jobs),
  });
  const inline = inlineExecutor(base, { timeoutMs: 5 * 60_000 });
  const runner = createJobRunner(base, {
    owner: instanceId,
    leaseMs: settings.leaseMs,
    sweepMs: settings.sweepMs,
    isDeadOwner,
    lanes: {
      process: { concurrency: settings.threads, perTenant: settings.threadsPerTenant, executor: threads },
      webhooks: { concurrency: settings.webhookConcurrency, perTenant: settings.webhooksPerTenant, executor: inline },
      maintenance: { concurrency: 1, perTenant: 1, executor: inline },
    },
  });
  const deps: AppDeps = { ...base, jobs: runner };

  const released = await releaseAbandonedClaims(deps, isDeadOwner);
  if (released > 0) log(`Released ${released} Idempotency-Key claim(s) left by a stopped process.`);
  const seeded = await seedDemoTenant(deps, await loadLibraryDir(env.QUIRE_LIBRARY ?? "answer-library"));
  if (seeded) {
    log(`Seeded demo tenant ${seeded.tenantId} with the answer library. Its admin API key (shown once):`);
    log(`QUIRE_DEMO_KEY=${seeded.key}`);
    log(`Sign in to /app as ${seeded.admin.email} with QUIRE_DEMO_PASSWORD=${seeded.admin.password} (shown once).`);
  }
  await runner.start();

  // The freshness sweep: daily at QUIRE_SWEEP_HOUR_UTC (6), and once shortly after start; QUIRE_SWEEP=off disables it.
  const sweep =
    env.QUIRE_SWEEP === "off"
      ? null
      : scheduleDailySweep((asOf) => sweepAllTenants(deps, asOf), {
          clock: deps.clock,
          hourUtc: Number(env.QUIRE_SWEEP_HOUR_UTC ?? 6),
          ...(env.QUIRE_SWEEP_START_DELAY_MS && { startDelayMs: Number(env.QUIRE_SWEEP_START_DELAY_MS) }),
        });

  // Run retention on the sweep's schedule (daily, and once shortly after start), independent of QUIRE_SWEEP.
  const retention =
    keepRuns === null
      ? null
      : scheduleDailySweep(
          async () => {
            const results = await pruneAllTenants(deps, keepRuns);
            const removed = results.reduce((n, r) => n + r.removed.length, 0);
            if (removed === 0) return;
            reclaimSpace(handle.sqlite);
            log(`Run retention: removed ${removed} questionnaire(s) older than each tenant's newest ${keepRuns}.`);
          },
          {
            clock: deps.clock,
            hourUtc: Number(env.QUIRE_SWEEP_HOUR_UTC ?? 6),
            ...(env.QUIRE_SWEEP_START_DELAY_MS && { startDelayMs: Number(env.QUIRE_SWEEP_START_DELAY_MS) }),
          },
        );

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port, hostname: host });
  await new Promise<void>((ready) => server.once("listening", () => ready()));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  log(
    `Quire listening on http://${host}:${actualPort} (database ${dbPath}, ${settings.threads} job threads); reference at /docs`,
  );
  const stop = async () => {
    sweep?.stop();
    retention?.stop();
    const closing = new Promise<void>((done) => server.close(() => done()));
    // Keep-alive connections (load generators, CRMs) would hold close() open.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await closing;
    // Running jobs get a moment to finish; the rest keep their lease and resume on the next start.
    await runner.stop(5_000);
    handle.close();
  };
  return { app, server, stop, port: actualPort, jobs: runner, deps, demoKey: seeded?.key ?? null, sweep, retention };
}

/** `npm start` (scripts/start.mjs, through the built dist/server.mjs): the server until SIGINT or SIGTERM. */
export async function runNodeServer(): Promise<void> {
  const { stop } = await startNodeServer();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void stop().finally(() => process.exit(0)));
  }
}

if (import.meta.url === new URL(`file://${resolve(process.argv[1] ?? "")}`).href) await runNodeServer();
