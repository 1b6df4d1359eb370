import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { QuireError } from "../../../domain/errors.js";
import { deleteSsoConnection, getSsoConnection, saveSsoConnection } from "../../../services/sso/connection.js";
import { finishSso, SSO_STATE_MINUTES, startSso } from "../../../services/sso/sign-in.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import {
  SsoConnectionInputSchema,
  SsoConnectionSchema,
  SsoRedirectSchema,
  SsoStartSchema,
} from "../../people-schemas.js";
import { bearer, guard, json, jsonBody, problems, publicOrigin } from "../../route-kit.js";
import { ProblemSchema } from "../../schemas.js";
import { setSessionCookie } from "../people/session-cookie.js";

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

/**
 * The cookie that ties a started sign-in to its browser: the callback must carry the same state
 * (login CSRF). SameSite=Lax, because the callback is a top-level navigation from the provider.
 */
export const SSO_COOKIE = "quire_sso";

const redirectUri = (c: Context<AppEnv>) => `${publicOrigin(c)}/v1/sso/callback`;
const secure = (c: Context<AppEnv>) => (new URL(publicOrigin(c)).protocol === "https:" ? "; Secure" : "");

function cookie(c: Context, name: string): string | null {
  for (const part of (c.req.header("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || null;
  }
  return null;
}

const put = createRoute({
  method: "put",
  path: "/v1/sso",
  operationId: "saveSsoConnection",
  tags: ["people"],
  summary: "Set up (or replace) single sign-on with an OpenID Connect provider",
  description:
    "The issuer's discovery document is read before saving. Register the returned `redirectUri` at the provider. " +
    'People of the allowed email domains sign in with "Sign in with SSO"; a first sign-in creates their ' +
    "account with `defaultRole`.",
  security: bearer("admin"),
  middleware: guard("admin", { method: "put" }),
  request: { body: jsonBody(SsoConnectionInputSchema) },
  responses: {
    200: json(SsoConnectionSchema, "Saved"),
    ...problems(400, 409),
    502: { description: "`sso_provider_unavailable`", content: problemContent },
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/sso",
  operationId: "getSsoConnection",
  tags: ["people"],
  summary: "The tenant's single sign-on settings (without the client secret)",
  security: bearer("admin"),
  middleware: guard("admin"),
  responses: { 200: json(SsoConnectionSchema, "The connection"), ...problems(404) },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/sso",
  operationId: "deleteSsoConnection",
  tags: ["people"],
  summary: "Turn single sign-on off",
  security: bearer("admin"),
  middleware: guard("admin", { method: "delete" }),
  responses: { 204: { description: "Turned off" }, ...problems(404) },
});

const start = createRoute({
  method: "post",
  path: "/v1/sso/start",
  operationId: "startSso",
  tags: ["people"],
  summary: "Start signing in with SSO: the provider's URL to send the browser to",
  description:
    "Public. Give the work email (its domain picks the organisation) or an invitation token to accept. " +
    `Sets the quire_sso cookie the callback checks; finish within ${SSO_STATE_MINUTES} minutes.`,
  middleware: [bodyLimit({ maxSize: 16 * 1024 })],
  request: { body: jsonBody(SsoStartSchema) },
  responses: {
    200: json(SsoRedirectSchema, "Go to authorizationUrl"),
    400: { description: "Invalid input", content: problemContent },
    404: { description: "`sso_not_configured` or `invitation_unknown`", content: problemContent },
    410: { description: "The invitation is used, expired or withdrawn", content: problemContent },
    502: { description: "`sso_provider_unavailable`", content: problemContent },
  },
});

const callback = createRoute({
  method: "get",
  path: "/v1/sso/callback",
  operationId: "ssoCallback",
  tags: ["people"],
  summary: "Where the provider sends the browser back: verifies the sign-in and opens the app signed in",
  description:
    "Public. Redirects (303) to /app with the session (also set as the session cookie). Refusals are problem+json " +
    "(a browser asking for text/html is sent back to /app/#sso_error=<code> instead): " +
    "`sso_state_*` (unknown, used, expired, mismatch), `sso_bad_signature`, `sso_wrong_audience`, `sso_wrong_issuer`, " +
    "`sso_token_expired`, `sso_nonce_mismatch`, `sso_domain_not_allowed`, `sso_email_mismatch`, `sso_other_tenant`…",
  request: {
    query: z.object({
      code: z.string().max(4096).optional(),
      state: z.string().max(512).optional(),
      iss: z.string().max(500).optional(),
      error: z.string().max(200).optional(),
      error_description: z.string().max(2000).optional(),
    }),
  },
  responses: {
    303: { description: "Signed in: to /app" },
    400: { description: "`sso_state_*`", content: problemContent },
    401: { description: "The provider's answer did not verify (see `code`)", content: problemContent },
    403: { description: "The person may not sign in here (see `code`)", content: problemContent },
    404: { description: "`sso_not_configured`", content: problemContent },
    502: { description: "`sso_provider_unavailable`", content: problemContent },
  },
});

export function registerSso(app: OpenAPIHono<AppEnv>): void {
  app.openapi(put, async (c) => {
    const saved = await saveSsoConnection(serviceContext(c), c.req.valid("json"));
    return c.json({ ...saved, redirectUri: redirectUri(c) }, 200);
  });
  app.openapi(get, async (c) =>
    c.json({ ...(await getSsoConnection(serviceContext(c))), redirectUri: redirectUri(c) }, 200),
  );
  app.openapi(remove, async (c) => {
    await deleteSsoConnection(serviceContext(c));
    return c.body(null, 204);
  });
  app.openapi(start, async (c) => {
    const started = await startSso(c.var.deps, c.req.valid("json"), redirectUri(c));
    c.header(
      "set-cookie",
      `${SSO_COOKIE}=${started.state}; Path=/v1/sso; HttpOnly; SameSite=Lax; Max-Age=${SSO_STATE_MINUTES * 60}${secure(c)}`,
    );
    c.header("cache-control", "no-store");
    return c.json({ authorizationUrl: started.authorizationUrl, expiresAt: started.expiresAt }, 200);
  });
  app.openapi(callback, async (c) => {
    const params = new URL(c.req.url).searchParams;
    let session: Awaited<ReturnType<typeof finishSso>>;
    try {
      session = await finishSso(c.var.deps, params, cookie(c, SSO_COOKIE));
    } catch (err) {
      // A browser (it asks for HTML) goes back to the sign-in page, which shows the code and why;
      // a program gets the problem+json.
      if (!(err instanceof QuireError) || !(c.req.header("accept") ?? "").includes("text/html")) throw err;
      // Only the stable code travels: a link with made-up text must not be able to speak for Quire.
      return c.redirect(`/app/#sso_error=${encodeURIComponent(err.code)}`, 303);
    }
    setSessionCookie(c, session);
    c.header("set-cookie", `${SSO_COOKIE}=; Path=/v1/sso; HttpOnly; SameSite=Lax; Max-Age=0${secure(c)}`, {
      append: true,
    });
    // The page keeps the token for its tab (as after a password sign-in); a fragment never reaches a server or a Referer.
    return c.redirect(`/app/#sso=${session.token}`, 303);
  });
}
