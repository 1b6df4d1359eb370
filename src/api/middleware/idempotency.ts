import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from "../../services/idempotency/store.js";
import type { AppEnv } from "../env.js";
import { problem } from "../errors.js";
import { serviceContext } from "./auth.js";
import { requestFingerprint } from "./request-fingerprint.js";

/**
 * Idempotency-Key on POST: the same key with the same request answers the first response again
 * (header `idempotent-replayed: true`); the same key with another request is 422. "The same
 * request" is its canonical fingerprint (request-fingerprint.ts): a retried multipart upload with
 * a new boundary is the same request. Hono caches the body, so validators still read it.
 * Runs after authentication: keys are per tenant. The key is also handed to the route
 * (`idempotencyKey`), so an upload can find the questionnaire a crashed first attempt created.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    return problem(c, 400, "invalid_idempotency_key", "Idempotency-Key must be 1-255 printable ASCII characters");
  }
  const ctx = serviceContext(c);
  const fingerprint = await requestFingerprint({
    query: new URL(c.req.url).search,
    contentType: c.req.header("content-type") ?? "",
    body: await c.req.arrayBuffer(),
  });
  const claim = await claimIdempotencyKey(ctx, {
    key,
    method: c.req.method,
    path: c.req.path,
    bodyHash: fingerprint,
    owner: c.var.deps.instanceId ?? "unknown",
  });
  if (claim.kind === "mismatch") {
    return problem(c, 422, "idempotency_key_reused", "this Idempotency-Key was used with another request");
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
  c.set("idempotencyKey", key);
  try {
    await next();
  } catch (error) {
    await releaseIdempotencyKey(ctx, key);
    throw error;
  }
  // Server errors and "come back later" are not remembered: the client may retry with the same key.
  if (c.res.status >= 500 || c.res.status === 429) {
    await releaseIdempotencyKey(ctx, key);
    return;
  }
  await completeIdempotencyKey(ctx, key, {
    status: c.res.status,
    body: await c.res.clone().text(),
    contentType: c.res.headers.get("content-type") ?? "application/json",
  });
};
