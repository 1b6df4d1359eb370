import { eq } from "drizzle-orm";
import { libraryArtifacts, libraryControls, libraryEntries } from "../../db/schema/index.js";
import { ArtifactSchema, ControlSchema, type Library, LibraryEntrySchema } from "../../domain/library/types.js";
import type { ServiceContext } from "../context.js";

/** The tenant's library as domain objects; rows are validated again so a bad write cannot poison drafting. */
export async function loadLibrary(ctx: ServiceContext): Promise<Library> {
  const { db, tenantId } = ctx;
  const [controls, artifacts, entries] = await Promise.all([
    db.select().from(libraryControls).where(eq(libraryControls.tenantId, tenantId)).orderBy(libraryControls.id),
    db.select().from(libraryArtifacts).where(eq(libraryArtifacts.tenantId, tenantId)).orderBy(libraryArtifacts.id),
    db.select().from(libraryEntries).where(eq(libraryEntries.tenantId, tenantId)).orderBy(libraryEntries.id),
  ]);
  return {
    controls: controls.map((r) => ControlSchema.parse(r.data)),
    artifacts: artifacts.map((r) => ArtifactSchema.parse(r.data)),
    entries: entries.map((r) => LibraryEntrySchema.parse(r.data)),
  };
}
