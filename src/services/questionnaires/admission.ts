import { and, count, eq, gt, inArray } from "drizzle-orm";
import { questionnaires } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { DEFAULT_TENANT_LIMITS, type ServiceContext } from "../context.js";

/**
 * Whether this tenant may start another upload now. Two limits, both counted in the database
 * (they hold on Workers and across restarts): uploads started in the last minute, and
 * questionnaires still waiting or running. Over either, a 429 with the seconds to wait
 * (Retry-After), so one tenant cannot fill the queue every other tenant waits behind.
 */
export async function admitUpload(ctx: ServiceContext): Promise<void> {
  const limits = { ...DEFAULT_TENANT_LIMITS, ...ctx.limits };
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - 60_000).toISOString();
  const recent = await ctx.db
    .select({ createdAt: questionnaires.createdAt })
    .from(questionnaires)
    .where(and(eq(questionnaires.tenantId, ctx.tenantId), gt(questionnaires.createdAt, windowStart)))
    .orderBy(questionnaires.createdAt)
    .limit(limits.uploadsPerMinute);
  if (recent.length >= limits.uploadsPerMinute) {
    const oldest = Date.parse(recent[0]?.createdAt ?? now.toISOString());
    const retryAfter = Math.max(1, Math.ceil((oldest + 60_000 - now.getTime()) / 1000));
    throw new QuireError(
      "too_many_uploads",
      `this tenant started ${limits.uploadsPerMinute} uploads in the last minute; retry in ${retryAfter} s`,
      429,
      { retryAfterSeconds: retryAfter, limit: limits.uploadsPerMinute },
    );
  }
  const [waiting] = await ctx.db
    .select({ n: count() })
    .from(questionnaires)
    .where(and(eq(questionnaires.tenantId, ctx.tenantId), inArray(questionnaires.status, ["queued", "processing"])));
  if ((waiting?.n ?? 0) >= limits.uploadsInFlight) {
    throw new QuireError(
      "too_many_in_flight",
      `this tenant has ${waiting?.n} questionnaires waiting or processing (limit ${limits.uploadsInFlight}); retry when one has finished`,
      429,
      { retryAfterSeconds: 10, limit: limits.uploadsInFlight },
    );
  }
}
