import type { MiddlewareHandler } from "hono";
import type { ServiceContext } from "../../services/context.js";
import { hasScope, type Scope } from "../../services/keys/scopes.js";
import { verifyApiKey } from "../../services/keys/verify.js";
import type { AppEnv } from "../env.js";
import { problem } from "../errors.js";

/**
 * Bearer API key → tenant. The tenant always comes from the key, never from the request.
 * A client address that has presented too many unknown or revoked keys waits (429, Retry-After).
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return problem(c, 401, "unauthenticated", "send an API key as 'Authorization: Bearer <key>'");
  const client = c.var.deps.clientAddress?.(c) ?? "unknown";
  const nowMs = c.var.deps.clock.now().getTime();
  const wait = c.var.failures.retryAfter(client, nowMs);
  if (wait > 0) {
    return problem(c, 429, "too_many_failed_keys", `too many invalid API keys from this address; retry in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  }
  const key = await verifyApiKey(c.var.deps.db, match[1], c.var.deps.clock.now().toISOString());
  if (!key) {
    c.var.failures.fail(client, nowMs);
    return problem(c, 401, "invalid_api_key", "the API key is unknown or revoked");
  }
  c.set("auth", key);
  await next();
};

export function requireScope(scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!hasScope(c.var.auth.scopes, scope)) {
      return problem(c, 403, "insufficient_scope", `this API key lacks the "${scope}" scope`);
    }
    await next();
  };
}

export function serviceContext(c: { var: AppEnv["Variables"] }): ServiceContext {
  return {
    ...c.var.deps,
    tenantId: c.var.auth.tenantId,
    actor: `key:${c.var.auth.keyId}`,
    keyId: c.var.auth.keyId,
  };
}
