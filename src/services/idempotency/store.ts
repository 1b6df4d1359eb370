import { and, eq, lt } from "drizzle-orm";
import { idempotencyKeys } from "../../db/schema/index.js";
import { nowIso, type ServiceContext } from "../context.js";

/** Keys are remembered for a day, as Stripe does: long enough for any client retry loop. */
const TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyClaim =
  | { kind: "new" }
  | { kind: "replay"; status: number; body: string; contentType: string }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

/**
 * Claims the key for this request, or says what to answer instead: the stored first response
 * (same method, path and body hash), 422 (same key, another request) or 409 (first still running).
 */
export async function claimIdempotencyKey(
  ctx: ServiceContext,
  input: { key: string; method: string; path: string; bodyHash: string },
): Promise<IdempotencyClaim> {
  const { db, tenantId } = ctx;
  const where = and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, input.key));
  const expired = new Date(ctx.clock.now().getTime() - TTL_MS).toISOString();
  await db.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.createdAt, expired)));
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ tenantId, ...input, status: null, responseBody: null, contentType: null, createdAt: nowIso(ctx) })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  // The insert is the claim: exactly one of two concurrent requests with the key gets the row.
  if (inserted.length === 1) return { kind: "new" };
  const row = (await db.select().from(idempotencyKeys).where(where).limit(1))[0];
  if (!row) return { kind: "new" };
  if (row.method !== input.method || row.path !== input.path || row.bodyHash !== input.bodyHash) {
    return { kind: "mismatch" };
  }
  if (row.status === null) return { kind: "in_progress" };
  return { kind: "replay", status: row.status, body: row.responseBody ?? "", contentType: row.contentType ?? "" };
}

export async function completeIdempotencyKey(
  ctx: ServiceContext,
  key: string,
  response: { status: number; body: string; contentType: string },
): Promise<void> {
  await ctx.db
    .update(idempotencyKeys)
    .set({ status: response.status, responseBody: response.body, contentType: response.contentType })
    .where(and(eq(idempotencyKeys.tenantId, ctx.tenantId), eq(idempotencyKeys.key, key)));
}

/** Server errors are not remembered: the client may retry with the same key. */
export async function releaseIdempotencyKey(ctx: ServiceContext, key: string): Promise<void> {
  await ctx.db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, ctx.tenantId), eq(idempotencyKeys.key, key)));
}
