import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { constantTimeEqual, sha256Hex } from "./crypto.js";

export interface VerifiedKey {
  readonly keyId: string;
  readonly tenantId: string;
  readonly scopes: readonly string[];
}

const KEY_SHAPE = /^(qk_[a-z0-9]{8})_[a-z0-9]{32}$/;

/** Finds the key by its public prefix and compares hashes in constant time; revoked keys fail. */
export async function verifyApiKey(db: Db, presented: string, at: string): Promise<VerifiedKey | null> {
  const prefix = KEY_SHAPE.exec(presented)?.[1];
  if (!prefix) return null;
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (!constantTimeEqual(row.hash, await sha256Hex(presented))) return null;
  // Record use at most once a minute: a write per request would cost more than the request.
  if (!row.lastUsedAt || Date.parse(at) - Date.parse(row.lastUsedAt) > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, row.id));
  }
  return { keyId: row.id, tenantId: row.tenantId, scopes: row.scopes };
}
