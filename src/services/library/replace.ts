import { eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { insertRows } from "../../db/insert-rows.js";
import { libraryArtifacts, libraryControls, libraryEntries } from "../../db/schema/index.js";
import type { Library } from "../../domain/library/types.js";
import type { ServiceContext } from "../context.js";
import { libraryChanged } from "./prepared.js";

/** Replaces the tenant's whole library (seeding, `quire answer --library`), all or nothing. */
export async function replaceLibrary(ctx: ServiceContext, library: Library): Promise<void> {
  const { db, tenantId } = ctx;
  const at = ctx.clock.now().toISOString();
  const statements = [
    db.delete(libraryControls).where(eq(libraryControls.tenantId, tenantId)),
    db.delete(libraryArtifacts).where(eq(libraryArtifacts.tenantId, tenantId)),
    db.delete(libraryEntries).where(eq(libraryEntries.tenantId, tenantId)),
    ...insertRows(
      db,
      libraryControls,
      library.controls.map((c) => ({ tenantId, id: c.id, data: c, updatedAt: at })),
    ),
    ...insertRows(
      db,
      libraryArtifacts,
      library.artifacts.map((a) => ({ tenantId, id: a.id, type: a.type, data: a, updatedAt: at })),
    ),
    ...insertRows(
      db,
      libraryEntries,
      library.entries.map((e) => ({ tenantId, id: e.id, topic: e.topic, data: e, updatedAt: at })),
    ),
  ];
  await atomic(db, statements);
  libraryChanged(tenantId);
}
