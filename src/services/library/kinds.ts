import { libraryArtifacts, libraryControls, libraryEntries } from "../../db/schema/index.js";
import { ArtifactSchema, ControlSchema, LibraryEntrySchema } from "../../domain/library/types.js";

/** The three kinds of library item the API exposes, each with its table and domain schema. */
export const LIBRARY_KINDS = {
  controls: { table: libraryControls, schema: ControlSchema, noun: "control" },
  artifacts: { table: libraryArtifacts, schema: ArtifactSchema, noun: "artifact" },
  entries: { table: libraryEntries, schema: LibraryEntrySchema, noun: "library entry" },
} as const;
export type LibraryKind = keyof typeof LIBRARY_KINDS;
