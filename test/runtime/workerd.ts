import { dirname } from "node:path";
import { Miniflare } from "miniflare";
import { buildWorkerBundle, type WorkerBundle } from "../../scripts/worker-bundle.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { seedDemoTenant } from "../../src/services/tenants/seed-demo.js";
import { drizzleD1, migrateD1 } from "../conformance/drivers.js";

let bundle: Promise<WorkerBundle> | undefined;
/** The Worker as `wrangler deploy` builds it, built once per test file. */
export const workerBundle = (): Promise<WorkerBundle> => {
  bundle ??= buildWorkerBundle();
  return bundle;
};

/**
 * The deployable Worker running in workerd (Miniflare, the simulator wrangler dev runs) with local
 * D1, R2 and Queues bound as wrangler.toml binds them (plus any plain-text `bindings`, as
 * wrangler.toml [vars]), D1 migrated from drizzle/, and a tenant with the shipped library seeded
 * as `npm run worker:tenant` does. Returns the tenant's key.
 */
export async function startWorker(
  options: { bindings?: Record<string, string>; bundle?: WorkerBundle } = {},
): Promise<{ mf: Miniflare; key: string; bundle: WorkerBundle }> {
  const built = options.bundle ?? (await workerBundle());
  const mf = new Miniflare({
    ...(options.bindings && { bindings: options.bindings }),
    // Listed explicitly so Miniflare takes the one bundled module as wrangler uploads it.
    modules: [{ type: "ESModule", path: built.file }],
    modulesRoot: dirname(built.file),
    compatibilityDate: built.compatibilityDate,
    compatibilityFlags: [...built.compatibilityFlags],
    d1Databases: ["DB"],
    r2Buckets: ["BLOBS"],
    queueProducers: { JOBS: { queueName: "quire-jobs" } },
    queueConsumers: { "quire-jobs": { maxBatchSize: 1, maxBatchTimeout: 1 } },
  });
  const binding = await mf.getD1Database("DB");
  await migrateD1(binding);
  const seeded = await seedDemoTenant(
    {
      db: drizzleD1(binding),
      blobs: { put: async () => {}, get: async () => null, delete: async () => {} },
      clock: { now: () => new Date() },
    },
    await loadLibraryDir("answer-library"),
  );
  return { mf, key: seeded?.key ?? "", bundle: built };
}

/** A multipart body encoded on this side, so workerd receives plain bytes and a boundary. */
export async function multipart(form: FormData): Promise<{ body: Uint8Array; contentType: string }> {
  const encoded = new Request("http://quire.test/", { method: "POST", body: form });
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type") ?? "" };
}
