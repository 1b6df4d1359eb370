import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../api/app.js";
import { fsBlobStore } from "../blobs/fs.js";
import { openSqlite } from "../db/sqlite.js";
import { loadLibraryDir } from "../library-files/load.js";
import { systemClock } from "../services/context.js";
import { seedDemoTenant } from "../services/tenants/seed-demo.js";

/**
 * The Node runtime: better-sqlite3 file database, blobs on disk, @hono/node-server.
 * Env: PORT (8787), QUIRE_DB (./data/quire.db), QUIRE_BLOBS (next to the db), QUIRE_LIBRARY (./answer-library).
 */
export async function startNodeServer(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 8787);
  const dbPath = env.QUIRE_DB ?? "data/quire.db";
  const handle = openSqlite(dbPath);
  const blobs = fsBlobStore(env.QUIRE_BLOBS ?? resolve(dbPath, "..", "blobs"));
  const deps = { db: handle.db, blobs, clock: systemClock };

  const seeded = await seedDemoTenant(deps, await loadLibraryDir(env.QUIRE_LIBRARY ?? "answer-library"));
  if (seeded) {
    console.log(`Seeded demo tenant ${seeded.tenantId} with the answer library. Its admin API key (shown once):`);
    console.log(`QUIRE_DEMO_KEY=${seeded.key}`);
  }

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port, hostname: env.HOST ?? "127.0.0.1" });
  console.log(`Quire listening on http://${env.HOST ?? "127.0.0.1"}:${port} (database ${dbPath})`);
  const stop = () => {
    server.close();
    handle.close();
  };
  return { app, server, stop, port };
}

if (import.meta.url === new URL(`file://${resolve(process.argv[1] ?? "")}`).href) {
  const { stop } = await startNodeServer();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stop(), process.exit(0)));
}
