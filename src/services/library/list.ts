import { and, asc, eq, gt } from "drizzle-orm";
import type { ServiceContext } from "../context.js";
import { decodeCursor, encodeCursor, type Page } from "../pagination.js";
import { LIBRARY_KINDS, type LibraryKind } from "./kinds.js";

/** Library items of one kind in id order. */
export async function listLibraryItems(
  ctx: ServiceContext,
  kind: LibraryKind,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<Record<string, unknown>>> {
  const { table } = LIBRARY_KINDS[kind];
  const after = input.cursor ? decodeCursor(input.cursor, 1) : null;
  const rows = await ctx.db
    .select({ id: table.id, data: table.data })
    .from(table)
    .where(and(eq(table.tenantId, ctx.tenantId), after ? gt(table.id, String(after[0])) : undefined))
    .orderBy(asc(table.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => r.data),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}
