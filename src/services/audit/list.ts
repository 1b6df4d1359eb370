import { and, eq } from "drizzle-orm";
import { auditLog } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { keyset, type Page } from "../pagination.js";

export type AuditRow = typeof auditLog.$inferSelect;

const newestFirst = keyset([auditLog.at, auditLog.id], "desc", (r: AuditRow) => [r.at, r.id]);

/** Newest first; the cursor is the last row's (at, id). */
export async function listAudit(
  ctx: ServiceContext,
  input: { limit: number; cursor?: string },
): Promise<Page<AuditRow>> {
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, ctx.tenantId), newestFirst.after(input.cursor)))
    .orderBy(...newestFirst.order)
    .limit(input.limit + 1);
  return newestFirst.page(rows, input.limit, (r) => r);
}
