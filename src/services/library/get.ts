import { and, eq } from "drizzle-orm";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";
import { LIBRARY_KINDS, type LibraryKind } from "./kinds.js";

export async function findLibraryItem(
  ctx: ServiceContext,
  kind: LibraryKind,
  id: string,
): Promise<Record<string, unknown> | null> {
  const { table } = LIBRARY_KINDS[kind];
  const rows = await ctx.db
    .select({ data: table.data })
    .from(table)
    .where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, id)))
    .limit(1);
  return rows[0]?.data ?? null;
}

export async function getLibraryItem(ctx: ServiceContext, kind: LibraryKind, id: string) {
  const item = await findLibraryItem(ctx, kind, id);
  if (!item) throw new QuireError("not_found", `${LIBRARY_KINDS[kind].noun} ${id} not found`, 404);
  return item;
}
