import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { QuireError } from "../../domain/errors.js";
import type { Library } from "../../domain/library/types.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { findLibraryItem } from "./get.js";
import { LIBRARY_KINDS, type LibraryKind } from "./kinds.js";
import { loadLibrary } from "./load.js";
import { libraryChanged } from "./prepared.js";

/** Entries may only point at controls and artifacts that exist, so drafting never cites a ghost. */
function checkReferences(library: Library, kind: LibraryKind, item: Record<string, unknown>): void {
  const missing = (ids: unknown, known: readonly { id: string }[]) =>
    (Array.isArray(ids) ? (ids as string[]) : []).filter((id) => !known.some((k) => k.id === id));
  const controls = missing(item.controls, library.controls);
  const artifacts = kind === "entries" ? missing(item.artifacts, library.artifacts) : [];
  if (controls.length > 0 || artifacts.length > 0) {
    const names = [...controls.map((c) => `control ${c}`), ...artifacts.map((a) => `artifact ${a}`)];
    throw new QuireError("unknown_reference", `unknown ${names.join(", ")}`, 422);
  }
}

/**
 * Creates (mode "create": 409 if the id exists) or replaces (mode "replace": 404 if it does not)
 * one library item, validated by the domain schema.
 */
export async function putLibraryItem(
  ctx: ServiceContext,
  kind: LibraryKind,
  input: unknown,
  mode: "create" | "replace",
): Promise<Record<string, unknown>> {
  const { table, schema, noun } = LIBRARY_KINDS[kind];
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QuireError("validation_failed", `${issue?.path.join(".") || "body"}: ${issue?.message}`, 400);
  }
  const item = parsed.data as Record<string, unknown> & { id: string };
  if (kind !== "controls") checkReferences(await loadLibrary(ctx), kind, item);
  const exists = (await findLibraryItem(ctx, kind, item.id)) !== null;
  if (mode === "create" && exists) throw new QuireError("already_exists", `${noun} ${item.id} already exists`, 409);
  if (mode === "replace" && !exists) throw new QuireError("not_found", `${noun} ${item.id} not found`, 404);
  const at = nowIso(ctx);
  const extra =
    kind === "artifacts" ? { type: item.type as string } : kind === "entries" ? { topic: item.topic as string } : {};
  const write =
    mode === "create"
      ? ctx.db
          .insert(table)
          .values({ tenantId: ctx.tenantId, id: item.id, data: item, updatedAt: at, ...extra } as never)
      : ctx.db
          .update(table)
          .set({ data: item, updatedAt: at, ...extra } as never)
          .where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, item.id)));
  await atomic(ctx.db, [write, auditStatement(ctx, `library.${kind}.${mode}`, item.id)]);
  libraryChanged(ctx.tenantId);
  return item;
}
