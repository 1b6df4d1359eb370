import { apiKeys } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { recordAudit } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { randomToken, sha256Hex } from "./crypto.js";
import type { Scope } from "./scopes.js";

export interface CreatedKey {
  readonly id: string;
  readonly prefix: string;
  /** The whole key: shown once, never stored. */
  readonly key: string;
  readonly scopes: readonly Scope[];
}

/** Creates an API key; only its SHA-256 is kept, with a public prefix to find it by. */
export async function createApiKey(
  db: Db,
  input: { tenantId: string; name: string; scopes: readonly Scope[]; at: string },
): Promise<CreatedKey> {
  const prefix = `qk_${randomToken(4)}`;
  const key = `${prefix}_${randomToken(16)}`;
  const id = newId("key");
  await db.insert(apiKeys).values({
    id,
    tenantId: input.tenantId,
    prefix,
    hash: await sha256Hex(key),
    name: input.name,
    scopes: [...input.scopes],
    createdAt: input.at,
  });
  return { id, prefix, key, scopes: input.scopes };
}

/** An API key created through the API by an admin of the same tenant; audited. */
export async function createKeyForTenant(
  ctx: ServiceContext,
  input: { name: string; scopes: readonly Scope[] },
): Promise<CreatedKey> {
  const created = await createApiKey(ctx.db, { tenantId: ctx.tenantId, ...input, at: nowIso(ctx) });
  await recordAudit(ctx, "key.create", created.id, { name: input.name, scopes: input.scopes, prefix: created.prefix });
  return created;
}
