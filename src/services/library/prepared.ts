import { count, eq, max } from "drizzle-orm";
import { libraryArtifacts, libraryControls, libraryEntries } from "../../db/schema/index.js";
import type { PreparedLibrary } from "../../domain/answering/answer-questions.js";
import { buildLibraryIndex, prepareLibrary } from "../../domain/answering/prepare.js";
import type { Library } from "../../domain/library/types.js";
import type { ServiceContext } from "../context.js";
import { loadLibrary } from "./load.js";

/**
 * Building the match index costs far more than one question; keep it per tenant and rebuild only
 * when the library changed (row count or newest update differs). Bounded so many tenants cannot grow it forever.
 *
 * Even the revision check (three aggregate queries) costs as much as answering a question, so
 * a checked revision is trusted for REVISION_TTL_MS. Writes through this process call
 * libraryChanged() and are seen at once; another process's writes within the TTL.
 */
const cache = new Map<string, { revision: string; prepared: PreparedLibrary; checkedAt: number }>();
const MAX_TENANTS = 100;
const REVISION_TTL_MS = 1_000;

/** The stored library's revision: row count and newest update per table (any write through the API changes it). */
export async function revisionOf(ctx: ServiceContext): Promise<string> {
  const parts = await Promise.all(
    [libraryControls, libraryArtifacts, libraryEntries].map((table) =>
      ctx.db
        .select({ n: count(), newest: max(table.updatedAt) })
        .from(table)
        .where(eq(table.tenantId, ctx.tenantId)),
    ),
  );
  return parts.map((rows) => `${rows[0]?.n ?? 0}@${rows[0]?.newest ?? ""}`).join("|");
}

/** Forget the tenant's prepared library: the next call rebuilds it (library writes call this). */
export function libraryChanged(tenantId: string): void {
  cache.delete(tenantId);
}

export async function preparedLibraryFor(ctx: ServiceContext): Promise<PreparedLibrary> {
  const now = Date.now();
  const hit = cache.get(ctx.tenantId);
  if (hit && now - hit.checkedAt < REVISION_TTL_MS) return hit.prepared;
  const revision = await revisionOf(ctx);
  if (hit && hit.revision === revision) {
    hit.checkedAt = now;
    return hit.prepared;
  }
  const prepared = await prepare(ctx, await loadLibrary(ctx));
  if (cache.size >= MAX_TENANTS) cache.delete(cache.keys().next().value as string);
  cache.set(ctx.tenantId, { revision, prepared, checkedAt: now });
  return prepared;
}

/** Prepares the library, with the index from the context's store when it holds this library's (and keeps a new one there). */
async function prepare(ctx: ServiceContext, library: Library): Promise<PreparedLibrary> {
  const store = ctx.matchIndexes;
  const kept = store ? await store.load(library) : null;
  if (kept) return prepareLibrary(library, kept);
  const index = buildLibraryIndex(library);
  if (store) await store.save(library, index);
  return prepareLibrary(library, index);
}
