import { lookup } from "node:dns/promises";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../api/app.js";
import type { AppDeps } from "../api/env.js";
import { fsBlobStore } from "../blobs/fs.js";
import { openSqlite } from "../db/sqlite.js";
import { loadLibraryDir } from "../library-files/load.js";
import { llmSettingsFromEnv } from "../llm/settings.js";
import { type HostResolver, systemClock } from "../services/context.js";
import { sweepAllTenants } from "../services/freshness/sweep.js";
import { inProcessQueue } from "../services/jobs/in-process-queue.js";
import { runJob } from "../services/jobs/run.js";
import { seedDemoTenant } from "../services/tenants/seed-demo.js";
import { scheduleDailySweep } from "./sweep-timer.js";

/** node:dns behind the HostResolver port: every address the host has, so the SSRF guard checks all. */
export const nodeResolveHost: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface NodeServerOptions {
  /** Overrides for tests and the bench (webhook retry delays, loopback receivers). */
  readonly deps?: Partial<AppDeps>;
  /** Print the startup lines (default true). */
  readonly log?: boolean;
}

/**
 * The Node runtime: better-sqlite3 file database, blobs on disk, an in-process job queue,
 * @hono/node-server. Env: PORT (8787), QUIRE_DB (./data/quire.db), QUIRE_BLOBS (next to the db),
 * QUIRE_LIBRARY (./answer-library), HOST (127.0.0.1), QUIRE_MAX_UPLOAD_BYTES (20 MiB), QUIRE_SWEEP (off
 * disables the daily freshness sweep), QUIRE_SWEEP_HOUR_UTC (6), QUIRE_SWEEP_START_DELAY_MS (10000: the
 * first sweep after start).
 */
export async function startNodeServer(env: NodeJS.ProcessEnv = process.env, options: NodeServerOptions = {}) {
  const log = options.log === false ? () => {} : console.log;
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? "127.0.0.1";
  const dbPath = env.QUIRE_DB ?? "data/quire.db";
  const handle = openSqlite(dbPath);
  const llm = llmSettingsFromEnv(env);
  const base = {
    db: handle.db,
    blobs: fsBlobStore(env.QUIRE_BLOBS ?? resolve(dbPath, "..", "blobs")),
    clock: systemClock,
    resolveHost: nodeResolveHost,
    ...(llm && { llm }),
    ...(env.QUIRE_MAX_UPLOAD_BYTES && { maxUploadBytes: Number(env.QUIRE_MAX_UPLOAD_BYTES) }),
    ...options.deps,
  };
  const jobs = inProcessQueue((job) => runJob(deps, job));
  const deps: AppDeps = { ...base, jobs };

  const seeded = await seedDemoTenant(deps, await loadLibraryDir(env.QUIRE_LIBRARY ?? "answer-library"));
  if (seeded) {
    log(`Seeded demo tenant ${seeded.tenantId} with the answer library. Its admin API key (shown once):`);
    log(`QUIRE_DEMO_KEY=${seeded.key}`);
  }

  // The freshness sweep: daily at QUIRE_SWEEP_HOUR_UTC (6), and once shortly after start; QUIRE_SWEEP=off disables it.
  const sweep =
    env.QUIRE_SWEEP === "off"
      ? null
      : scheduleDailySweep((asOf) => sweepAllTenants(deps, asOf), {
          clock: deps.clock,
          hourUtc: Number(env.QUIRE_SWEEP_HOUR_UTC ?? 6),
          ...(env.QUIRE_SWEEP_START_DELAY_MS && { startDelayMs: Number(env.QUIRE_SWEEP_START_DELAY_MS) }),
        });

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port, hostname: host });
  await new Promise<void>((ready) => server.once("listening", () => ready()));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  log(`Quire listening on http://${host}:${actualPort} (database ${dbPath}); reference at /docs`);
  const stop = async () => {
    sweep?.stop();
    jobs.stop();
    const closing = new Promise<void>((done) => server.close(() => done()));
    // Keep-alive connections (load generators, CRMs) would hold close() open.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await closing;
    await jobs.drain();
    handle.close();
  };
  return { app, server, stop, port: actualPort, jobs, deps, demoKey: seeded?.key ?? null, sweep };
}

if (import.meta.url === new URL(`file://${resolve(process.argv[1] ?? "")}`).href) {
  const { stop } = await startNodeServer();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void stop().finally(() => process.exit(0)));
  }
}
