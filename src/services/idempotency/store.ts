import { and, eq, isNull, lt, or } from "drizzle-orm";
import { idempotencyKeys } from "../../db/schema/index.js";
import { nowIso, type ServiceContext, type ServiceDeps } from "../context.js";

/** Keys are remembered for a day, as Stripe does: long enough for any client retry loop. */
const TTL_MS = 24 * 60 * 60 * 1000;
/**
 * An unfinished claim is held this long. No request runs longer (the synchronous /v1/answer
 * waits at most 30 s), so an older unfinished claim belongs to a process that died mid-request.
 */
export const CLAIM_HOLD_MS = 2 * 60 * 1000;

export type IdempotencyClaim =
  | { kind: "new" }
  | { kind: "replay"; status: number; body: string; contentType: string }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

/**
 * Claims the key for this request, or says what to answer instead: the stored first response
 * (same method, path and request fingerprint), 422 (same key, another request) or 409 (first
 * still running). A claim left unfinished by a process that died is taken over.
 */
export async function claimIdempotencyKey(
  ctx: ServiceContext,
  input: { key: string; method: string; path: string; bodyHash: string; owner: string },
): Promise<IdempotencyClaim> {
  const { db, tenantId } = ctx;
  const now = ctx.clock.now();
  const where = and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, input.key));
  const expired = new Date(now.getTime() - TTL_MS).toISOString();
  // Expired keys, and unfinished claims whose hold ran out (their request died with its process).
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        where,
        or(
          lt(idempotencyKeys.createdAt, expired),
          and(isNull(idempotencyKeys.status), lt(idempotencyKeys.lockedUntil, now.toISOString())),
        ),
      ),
    );
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      tenantId,
      key: input.key,
      method: input.method,
      path: input.path,
      bodyHash: input.bodyHash,
      status: null,
      responseBody: null,
      contentType: null,
      owner: input.owner,
      lockedUntil: new Date(now.getTime() + CLAIM_HOLD_MS).toISOString(),
      createdAt: nowIso(ctx),
    })
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
    .set({ status: response.status, responseBody: response.body, contentType: response.contentType, lockedUntil: null })
    .where(and(eq(idempotencyKeys.tenantId, ctx.tenantId), eq(idempotencyKeys.key, key)));
}

/** Server errors are not remembered: the client may retry with the same key. */
export async function releaseIdempotencyKey(ctx: ServiceContext, key: string): Promise<void> {
  await ctx.db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, ctx.tenantId), eq(idempotencyKeys.key, key)));
}

/**
 * After a crash: unfinished claims of processes known to be dead are released at once, so the
 * client's retry runs instead of answering 409 until the key expires. (Claims of processes that
 * cannot be judged are released when their hold runs out.) Returns how many were released.
 */
export async function releaseAbandonedClaims(
  deps: ServiceDeps,
  isDeadOwner: (owner: string) => boolean,
): Promise<number> {
  const open = await deps.db
    .select({ tenantId: idempotencyKeys.tenantId, key: idempotencyKeys.key, owner: idempotencyKeys.owner })
    .from(idempotencyKeys)
    .where(isNull(idempotencyKeys.status));
  let released = 0;
  for (const claim of open) {
    if (claim.owner !== null && !isDeadOwner(claim.owner)) continue;
    await deps.db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.tenantId, claim.tenantId),
          eq(idempotencyKeys.key, claim.key),
          isNull(idempotencyKeys.status),
        ),
      );
    released++;
  }
  return released;
}
