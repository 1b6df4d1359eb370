import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import type { ServiceContext } from "../context.js";
import { getLibraryItem } from "./get.js";
import { LIBRARY_KINDS, type LibraryKind } from "./kinds.js";
import { loadLibrary } from "./load.js";
import { libraryChanged } from "./prepared.js";

/** Refuses to delete a control or artifact an entry still stands on. */
export async function deleteLibraryItem(ctx: ServiceContext, kind: LibraryKind, id: string): Promise<void> {
  await getLibraryItem(ctx, kind, id);
  if (kind !== "entries") {
    const library = await loadLibrary(ctx);
    const users = [...library.entries, ...(kind === "controls" ? library.artifacts : [])]
      .filter((e) => (e.controls as readonly string[]).includes(id) || ("artifacts" in e && e.artifacts.includes(id)))
      .map((e) => e.id);
    if (users.length > 0) {
      throw new QuireError("in_use", `${LIBRARY_KINDS[kind].noun} ${id} is referenced by ${users.join(", ")}`, 409);
    }
  }
  const { table } = LIBRARY_KINDS[kind];
  await atomic(ctx.db, [
    ctx.db.delete(table).where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, id))),
    auditStatement(ctx, `library.${kind}.delete`, id),
  ]);
  libraryChanged(ctx.tenantId);
}
