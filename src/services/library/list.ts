import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "../context.js";
import { keyset, type Page } from "../pagination.js";
import { LIBRARY_KINDS, type LibraryKind } from "./kinds.js";

/** Library items of one kind in id order. */
export async function listLibraryItems(
  ctx: ServiceContext,
  kind: LibraryKind,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<Record<string, unknown>>> {
  const { table } = LIBRARY_KINDS[kind];
  const byId = keyset([table.id], "asc", (r: { id: string; data: Record<string, unknown> }) => [r.id]);
  const rows = await ctx.db
    .select({ id: table.id, data: table.data })
    .from(table)
    .where(and(eq(table.tenantId, ctx.tenantId), byId.after(input.cursor)))
    .orderBy(...byId.order)
    .limit(input.limit + 1);
  return byId.page(rows, input.limit, (r) => r.data);
}
