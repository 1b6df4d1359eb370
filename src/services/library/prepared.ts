import { count, eq, max } from "drizzle-orm";
import { libraryArtifacts, libraryControls, libraryEntries } from "../../db/schema/index.js";
import type { PreparedLibrary } from "../../domain/answering/answer-questions.js";
import { prepareLibrary } from "../../domain/answering/prepare.js";
import type { ServiceContext } from "../context.js";
import { loadLibrary } from "./load.js";

/**
 * Building the match index costs far more than one question; keep it per tenant and rebuild only
 * when the library changed (row count or newest update differs). Bounded so many tenants cannot grow it forever.
 */
const cache = new Map<string, { revision: string; prepared: PreparedLibrary }>();
const MAX_TENANTS = 100;

async function revisionOf(ctx: ServiceContext): Promise<string> {
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

export async function preparedLibraryFor(ctx: ServiceContext): Promise<PreparedLibrary> {
  const revision = await revisionOf(ctx);
  const hit = cache.get(ctx.tenantId);
  if (hit && hit.revision === revision) return hit.prepared;
  const prepared = prepareLibrary(await loadLibrary(ctx));
  if (cache.size >= MAX_TENANTS) cache.delete(cache.keys().next().value as string);
  cache.set(ctx.tenantId, { revision, prepared });
  return prepared;
}
