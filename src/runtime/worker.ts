import { drizzle } from "drizzle-orm/d1";
import { createApp } from "../api/app.js";
import { type R2BucketLike, r2BlobStore } from "../blobs/r2.js";
import * as schema from "../db/schema/index.js";
import type { Db } from "../db/types.js";
import { systemClock } from "../services/context.js";

/**
 * The Cloudflare Workers runtime: D1 for the database (migrations from drizzle/ via
 * `wrangler d1 migrations apply`), R2 for uploaded files. Same app, same services, same domain.
 * Tenants, keys and the library are created through the API (no filesystem to seed from).
 */
export interface WorkerBindings {
  DB: unknown;
  BLOBS: R2BucketLike;
  MAX_UPLOAD_BYTES?: string;
}

export default {
  fetch(request: Request, env: WorkerBindings, executionCtx: unknown): Response | Promise<Response> {
    const db = drizzle(env.DB as Parameters<typeof drizzle>[0], { schema }) as unknown as Db;
    const app = createApp({
      db,
      blobs: r2BlobStore(env.BLOBS),
      clock: systemClock,
      ...(env.MAX_UPLOAD_BYTES && { maxUploadBytes: Number(env.MAX_UPLOAD_BYTES) }),
    });
    return app.fetch(request, env, executionCtx as never);
  },
};
