import { and, desc, eq, lt, or } from "drizzle-orm";
import { auditLog } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { decodeCursor, encodeCursor, type Page } from "../pagination.js";

export type AuditRow = typeof auditLog.$inferSelect;

/** Newest first; the cursor is the last row's (at, id). */
export async function listAudit(
  ctx: ServiceContext,
  input: { limit: number; cursor?: string },
): Promise<Page<AuditRow>> {
  const after = input.cursor ? decodeCursor(input.cursor, 2) : null;
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenantId),
        after
          ? or(
              lt(auditLog.at, after[0] as string),
              and(eq(auditLog.at, after[0] as string), lt(auditLog.id, after[1] as string)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(input.limit + 1);
  const more = rows.length > input.limit;
  const data = rows.slice(0, input.limit);
  const last = data.at(-1);
  return { data, nextCursor: more && last ? encodeCursor([last.at, last.id]) : null };
}
