import type { MiddlewareHandler } from "hono";
import type { ServiceContext } from "../../services/context.js";
import { hasScope, type Scope } from "../../services/keys/scopes.js";
import { verifyApiKey } from "../../services/keys/verify.js";
import { verifySession } from "../../services/sessions/verify.js";
import type { AppEnv } from "../env.js";
import { problem } from "../errors.js";

/** The cookie POST /v1/sessions sets for the web pages (HttpOnly; the bearer header works too). */
export const SESSION_COOKIE = "quire_session";

function sessionCookie(header: string | undefined): string | null {
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=") || null;
  }
  return null;
}

/**
 * A cookie is sent by the browser on its own, so a state-changing request it authenticates must
 * come from this origin (SameSite=Strict already keeps other sites' requests from carrying it).
 */
function crossSiteWrite(c: Parameters<MiddlewareHandler<AppEnv>>[0]): boolean {
  if (c.req.method === "GET" || c.req.method === "HEAD") return false;
  const origin = c.req.header("origin");
  return origin !== undefined && origin !== new URL(c.req.url).origin;
}

/**
 * Bearer API key or session token (or the session cookie) → tenant. The tenant always comes from
 * the key or the session, never from the request. A client address that has presented too many
 * unknown or revoked credentials waits (429, Retry-After).
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const bearerToken = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const cookie = bearerToken ? null : sessionCookie(c.req.header("cookie"));
  const presented = bearerToken ?? cookie;
  if (!presented) {
    return problem(c, 401, "unauthenticated", "send an API key or session token as 'Authorization: Bearer <token>'");
  }
  if (cookie && crossSiteWrite(c)) {
    return problem(c, 403, "cross_site_request", "a cookie-authenticated change must come from this site");
  }
  const client = c.var.deps.clientAddress?.(c) ?? "unknown";
  const nowMs = c.var.deps.clock.now().getTime();
  const wait = c.var.failures.retryAfter(client, nowMs);
  if (wait > 0) {
    return problem(c, 429, "too_many_failed_keys", `too many invalid API keys from this address; retry in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  }
  const at = c.var.deps.clock.now().toISOString();
  if (presented.startsWith("qs_")) {
    const session = await verifySession(c.var.deps.db, presented, at);
    if (!session) {
      c.var.failures.fail(client, nowMs);
      return problem(c, 401, "invalid_session", "the session is unknown, expired or signed out; sign in again");
    }
    c.set("auth", {
      keyId: null,
      tenantId: session.tenantId,
      scopes: session.scopes,
      user: session.user,
      sessionId: session.sessionId,
    });
    return next();
  }
  const key = await verifyApiKey(c.var.deps.db, presented, at);
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
      const who = c.var.auth.user ? `your role (${c.var.auth.user.role})` : "this API key";
      return problem(c, 403, "insufficient_scope", `${who} lacks the "${scope}" scope`);
    }
    await next();
  };
}

export function serviceContext(c: { var: AppEnv["Variables"] }): ServiceContext {
  return {
    ...c.var.deps,
    tenantId: c.var.auth.tenantId,
    // The audit log and history name the person when one is signed in.
    actor: c.var.auth.user ? `user:${c.var.auth.user.email}` : `key:${c.var.auth.keyId}`,
    keyId: c.var.auth.keyId,
    ...(c.var.auth.user && { user: c.var.auth.user }),
  };
}
