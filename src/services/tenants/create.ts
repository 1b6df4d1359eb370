import { tenants } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { type Clock, newId } from "../context.js";
import { type CreatedKey, createApiKey } from "../keys/create.js";
import { SCOPES } from "../keys/scopes.js";

/** A new tenant with one admin key (operators, seeding and tests; there is no public sign-up route). */
export async function createTenant(
  deps: { db: Db; clock: Clock },
  input: { name: string; id?: string },
): Promise<{ tenantId: string; adminKey: CreatedKey }> {
  const at = deps.clock.now().toISOString();
  const tenantId = input.id ?? newId("tn");
  await deps.db.insert(tenants).values({ id: tenantId, name: input.name, createdAt: at });
  const adminKey = await createApiKey(deps.db, { tenantId, name: "admin key", scopes: [...SCOPES], at });
  return { tenantId, adminKey };
}
