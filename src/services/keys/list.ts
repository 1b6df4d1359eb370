import { asc, eq } from "drizzle-orm";
import { apiKeys } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";

export interface KeyView {
  id: string;
  prefix: string;
  name: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The tenant's keys, without hashes: the prefix is what people recognise a key by. */
export async function listKeys(ctx: ServiceContext): Promise<KeyView[]> {
  return ctx.db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, ctx.tenantId))
    .orderBy(asc(apiKeys.createdAt));
}
