import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from "../../services/idempotency/store.js";
import { sha256HexBytes } from "../../services/keys/crypto.js";
import type { AppEnv } from "../env.js";
import { problem } from "../errors.js";
import { serviceContext } from "./auth.js";

/**
 * Idempotency-Key on POST: the same key with the same body answers the first response again
 * (header `idempotent-replayed: true`); the same key with another body is 422. The body is hashed
 * as raw bytes (multipart uploads included); Hono caches them, so validators still read the body.
 * Runs after authentication: keys are per tenant.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    return problem(c, 400, "invalid_idempotency_key", "Idempotency-Key must be 1-255 printable ASCII characters");
  }
  const ctx = serviceContext(c);
  const bodyHash = await sha256HexBytes(new Uint8Array(await c.req.arrayBuffer()));
  const claim = await claimIdempotencyKey(ctx, { key, method: c.req.method, path: c.req.path, bodyHash });
  if (claim.kind === "mismatch") {
    return problem(c, 422, "idempotency_key_reused", "this Idempotency-Key was used with another request body");
  }
  if (claim.kind === "in_progress") {
    return problem(c, 409, "idempotency_in_progress", "a request with this Idempotency-Key is still running");
  }
  if (claim.kind === "replay") {
    return c.body(claim.body, claim.status as ContentfulStatusCode, {
      "content-type": claim.contentType,
      "idempotent-replayed": "true",
    });
  }
  try {
    await next();
  } catch (error) {
    await releaseIdempotencyKey(ctx, key);
    throw error;
  }
  if (c.res.status >= 500) {
    await releaseIdempotencyKey(ctx, key);
    return;
  }
  await completeIdempotencyKey(ctx, key, {
    status: c.res.status,
    body: await c.res.clone().text(),
    contentType: c.res.headers.get("content-type") ?? "application/json",
  });
};
