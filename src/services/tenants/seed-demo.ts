import { tenants } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import type { Library } from "../../domain/library/types.js";
import type { BlobStore, Clock } from "../context.js";
import { createApiKey } from "../keys/create.js";
import { SCOPES } from "../keys/scopes.js";
import { replaceLibrary } from "../library/replace.js";

/**
 * On an empty database: a demo tenant with the shipped library and an admin key, so a fresh
 * clone can call the API at once. Returns the key (shown once) or null when tenants already exist.
 */
export async function seedDemoTenant(
  deps: { db: Db; blobs: BlobStore; clock: Clock },
  library: Library,
): Promise<{ tenantId: string; key: string } | null> {
  const existing = await deps.db.select({ id: tenants.id }).from(tenants).limit(1);
  if (existing.length > 0) return null;
  const at = deps.clock.now().toISOString();
  const tenantId = "tn_demo";
  await deps.db.insert(tenants).values({ id: tenantId, name: "Demo vendor (Halcyon Metrics)", createdAt: at });
  await replaceLibrary({ ...deps, tenantId, actor: "system:seed" }, library);
  const key = await createApiKey(deps.db, { tenantId, name: "demo admin key", scopes: [...SCOPES], at });
  return { tenantId, key: key.key };
}
