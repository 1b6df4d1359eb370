import { apiKeys } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { newId } from "../context.js";
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
