import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { apiKeys } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { forgetVerifiedKey } from "./verify.js";

/** Revokes a key at once (the row stays, for the audit log). Revoking twice is a no-op. */
export async function revokeKey(ctx: ServiceContext, id: string): Promise<void> {
  const where = and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id));
  const row = (await ctx.db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(where).limit(1))[0];
  if (!row) throw new QuireError("not_found", `API key ${id} not found`, 404);
  if (row.revokedAt) return;
  await atomic(ctx.db, [
    ctx.db
      .update(apiKeys)
      .set({ revokedAt: nowIso(ctx) })
      .where(where),
    auditStatement(ctx, "key.revoke", id),
  ]);
  forgetVerifiedKey(id);
}
