import { tenants } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import type { Library } from "../../domain/library/types.js";
import type { BlobStore, Clock } from "../context.js";
import { createApiKey } from "../keys/create.js";
import { randomToken } from "../keys/crypto.js";
import { SCOPES } from "../keys/scopes.js";
import { replaceLibrary } from "../library/replace.js";
import { createUser } from "../users/create.js";

/** The demo tenant's first person, so the web pages can be tried signed in by name. */
export const DEMO_ADMIN_EMAIL = "admin@halcyon.example";

/**
 * On an empty database: a demo tenant with the shipped library and an admin key, so a fresh
 * clone can call the API at once, and an admin person for the web pages. Returns the key and the
 * person's password (shown once) or null when tenants already exist.
 */
export async function seedDemoTenant(
  deps: { db: Db; blobs: BlobStore; clock: Clock },
  library: Library,
): Promise<{ tenantId: string; key: string; admin: { email: string; password: string } } | null> {
  const existing = await deps.db.select({ id: tenants.id }).from(tenants).limit(1);
  if (existing.length > 0) return null;
  const at = deps.clock.now().toISOString();
  const tenantId = "tn_demo";
  await deps.db.insert(tenants).values({ id: tenantId, name: "Demo vendor (Halcyon Metrics)", createdAt: at });
  await replaceLibrary({ ...deps, tenantId, actor: "system:seed" }, library);
  const key = await createApiKey(deps.db, { tenantId, name: "demo admin key", scopes: [...SCOPES], at });
  const password = randomToken(12);
  await createUser(
    { ...deps, tenantId, actor: "system:seed" },
    { email: DEMO_ADMIN_EMAIL, name: "Demo admin", role: "admin", password },
  );
  return { tenantId, key: key.key, admin: { email: DEMO_ADMIN_EMAIL, password } };
}
