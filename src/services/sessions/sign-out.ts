import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { sessions } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";

/** Ends one session (sign out). */
export async function endSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await atomic(ctx.db, [
    ctx.db
      .update(sessions)
      .set({ revokedAt: nowIso(ctx) })
      .where(and(eq(sessions.tenantId, ctx.tenantId), eq(sessions.id, sessionId))),
    auditStatement(ctx, "session.end", sessionId),
  ]);
}
