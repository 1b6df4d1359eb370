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

/**
 * Verified keys are remembered for a moment so that a burst of requests costs one lookup and one
 * hash. Web Crypto's SHA-256 is asynchronous (a thread-pool round trip) and was half the cost of
 * a request under load, so a hit compares the presented key with the one verified before, in
 * constant time, instead of hashing it again. Only this process's memory holds it, for CACHE_MS.
 * Revocation through the API forgets the key at once here; another process sees it within CACHE_MS.
 */
const CACHE_MS = 2_000;
const cache = new Map<string, { presented: string; key: VerifiedKey; until: number }>();

export function forgetVerifiedKey(keyId: string): void {
  for (const [prefix, hit] of cache) if (hit.key.keyId === keyId) cache.delete(prefix);
}

/** Finds the key by its public prefix and compares hashes in constant time; revoked keys fail. */
export async function verifyApiKey(db: Db, presented: string, at: string): Promise<VerifiedKey | null> {
  const prefix = KEY_SHAPE.exec(presented)?.[1];
  if (!prefix) return null;
  const now = Date.parse(at);
  const hit = cache.get(prefix);
  if (hit && hit.until > now && constantTimeEqual(hit.presented, presented)) return hit.key;
  const hash = await sha256Hex(presented);

  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (!constantTimeEqual(row.hash, hash)) return null;
  // Record use at most once a minute: a write per request would cost more than the request.
  if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, row.id));
  }
  const key = { keyId: row.id, tenantId: row.tenantId, scopes: row.scopes };
  if (cache.size > 10_000) cache.clear();
  cache.set(prefix, { presented, key, until: now + CACHE_MS });
  return key;
}
