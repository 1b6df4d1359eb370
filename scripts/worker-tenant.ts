/**
 * `npm run worker:tenant -- "Vendor name"`: a tenant with the shipped answer library and an admin
 * key, created in the local D1 that `npm run dev:worker` serves (.wrangler/state). Workers have no
 * filesystem to seed from, so this is the local stand-in for an operator's first step; docs/DEPLOY.md
 * shows the same for the deployed database. Run `npm run db:migrate:local` first.
 */
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../src/db/schema/index.js";
import type { Db } from "../src/db/types.js";
import { loadLibraryDir } from "../src/library-files/load.js";
import { systemClock } from "../src/services/context.js";
import { replaceLibrary } from "../src/services/library/replace.js";
import { createTenant } from "../src/services/tenants/create.js";
import { OFFLINE_ENV } from "./wrangler-offline.js";

Object.assign(process.env, OFFLINE_ENV);
const { getPlatformProxy } = await import("wrangler");

const name = process.argv[2] ?? "Demo vendor (Halcyon Metrics)";
const proxy = await getPlatformProxy<{ DB: Parameters<typeof drizzle>[0] }>({ remoteBindings: false });
try {
  const db = drizzle(proxy.env.DB, { schema }) as unknown as Db;
  const deps = {
    db,
    clock: systemClock,
    blobs: { put: async () => {}, get: async () => null, delete: async () => {} },
  };
  const { tenantId, adminKey } = await createTenant(deps, { name });
  await replaceLibrary({ ...deps, tenantId, actor: "system:worker-tenant" }, await loadLibraryDir("answer-library"));
  console.log(`tenant ${tenantId} (${name}) with the shipped answer library`);
  console.log(`admin key (shown once): ${adminKey.key}`);
} finally {
  await proxy.dispose();
}
