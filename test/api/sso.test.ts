import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema/index.js";
import { type FakeOidc, startFakeOidc } from "../support/fake-oidc.js";
import { type Harness, harness, type Tenant } from "./harness.js";

/**
 * OpenID Connect single sign-on end to end against a local fake provider (discovery, JWKS, token
 * endpoint on 127.0.0.1): PKCE, state and nonce, ID token verification, just-in-time accounts.
 */
let h: Harness;
let idp: FakeOidc;
let a: Tenant;
let b: Tenant;

const connection = (over: Record<string, unknown> = {}) => ({
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  allowedDomains: ["a.example"],
  defaultRole: "reviewer",
  ...over,
});

/** The browser's part: start, go to the provider, come back with the cookie start set. */
async function begin(body: Record<string, unknown>) {
  const start = await h.call("POST", "/v1/sso/start", { json: body });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const cookie = /quire_sso=([^;]+)/.exec(start.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const back = await idp.authorize(start.body.authorizationUrl);
  const finish = (withCookie = cookie) =>
    h.call("GET", back.pathname + back.search, { headers: withCookie ? { cookie: `quire_sso=${withCookie}` } : {} });
  return { start, cookie, back, finish };
}

async function signInAs(email: string, name?: string) {
  idp.as({ email, ...(name && { name }) });
  return (await begin({ email })).finish();
}

const tokenOf = (res: { status: number; headers: Headers }) => {
  expect(res.status).toBe(303);
  return /#sso=(qs_\w+)$/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
};

beforeAll(async () => {
  idp = await startFakeOidc();
  h = await harness({ deps: { sso: { allowInsecureIssuer: true } } });
  a = await h.tenant("SSO A");
  b = await h.tenant("SSO B");
  const saved = await h.call("PUT", "/v1/sso", { key: a.adminKey, json: connection() });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
});
afterAll(async () => {
  await h.close();
  await idp.close();
});

describe("configuration", () => {
  it("is an admin's: saved after reading the issuer's discovery, never showing the secret", async () => {
    const got = await h.call("GET", "/v1/sso", { key: a.adminKey });
    expect(got.body).toEqual({
      issuer: idp.issuer,
      clientId: idp.clientId,
      allowedDomains: ["a.example"],
      defaultRole: "reviewer",
      redirectUri: "http://localhost/v1/sso/callback",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(got.body)).not.toContain(idp.clientSecret);
    const { key } = await a.key(["questionnaires:read", "questionnaires:write", "answers:review"]);
    const denied = await h.call("PUT", "/v1/sso", { key, json: connection() });
    expect(denied.status).toBe(403);
    expect((await h.call("GET", "/v1/sso", { key: b.adminKey })).body.code).toBe("sso_not_configured");
  });

  it("refuses a domain another tenant signs in with, and an issuer without a discovery document", async () => {
    const taken = await h.call("PUT", "/v1/sso", { key: b.adminKey, json: connection() });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("sso_domain_taken");
    const nowhere = await h.call("PUT", "/v1/sso", {
      key: b.adminKey,
      json: connection({ issuer: `${idp.issuer}/nowhere`, allowedDomains: ["b.example"] }),
    });
    expect(nowhere.status).toBe(502);
    expect(nowhere.body.code).toBe("sso_provider_unavailable");
  });
});

describe("signing in", () => {
  it("runs the code flow with PKCE, state and nonce, creates the person with the default role, and signs them in", async () => {
    idp.as({ email: "nora@a.example", name: "Nora North" });
    const { start, cookie, finish } = await begin({ email: "Nora@A.example" });
    const url = new URL(start.body.authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: "code",
      redirect_uri: "http://localhost/v1/sso/callback",
      scope: "openid email profile",
      code_challenge_method: "S256",
      state: cookie,
      login_hint: "nora@a.example",
    });
    expect(url.searchParams.get("nonce")).toMatch(/^[\w-]{32,}$/);
    expect(start.headers.get("set-cookie")).toMatch(/^quire_sso=[\w-]+; Path=\/v1\/sso; HttpOnly; SameSite=Lax/);
    const done = await finish();
    const token = tokenOf(done);
    expect(done.headers.get("location")).toBe(`/app/#sso=${token}`);
    expect(done.headers.get("set-cookie")).toContain(`quire_session=${token}; Path=/; HttpOnly; SameSite=Strict`);
    expect(idp.tokenRequests.at(-1)).toEqual({ verifierOk: true, clientOk: true });
    const me = await h.call("GET", "/v1/me", { key: token });
    expect(me.body).toMatchObject({ tenantId: a.id, user: { email: "nora@a.example", role: "reviewer" } });
    const audit = await h.call("GET", "/v1/audit?limit=500", { key: a.adminKey });
    const session = audit.body.data.find((x: { action: string; actor: string }) => x.action === "session.create");
    expect(session).toMatchObject({ actor: "user:nora@a.example", details: { method: "sso" } });
  });

  it("reads the discovery document and the JWKS once per five minutes, not on every sign-in", async () => {
    const discovery = () => idp.hits.get("/.well-known/openid-configuration") ?? 0;
    const jwks = () => idp.hits.get("/jwks") ?? 0;
    tokenOf(await signInAs("cache@a.example"));
    const [d0, j0] = [discovery(), jwks()];
    tokenOf(await signInAs("cache@a.example"));
    tokenOf(await signInAs("cache@a.example"));
    expect([discovery(), jwks()]).toEqual([d0, j0]);
  });

  it("signs the same person in again without a second account", async () => {
    const token = tokenOf(await signInAs("pat@a.example", "Pat"));
    const again = tokenOf(await signInAs("PAT@a.example"));
    const [first, second] = await Promise.all(
      [token, again].map(async (t) => (await h.call("GET", "/v1/me", { key: t })).body.user.id),
    );
    expect(second).toBe(first);
    expect(await h.db.select().from(users).where(eq(users.email, "pat@a.example"))).toHaveLength(1);
  });

  it("gives an SSO account no password: password sign-in answers as for a wrong password", async () => {
    const res = await h.call("POST", "/v1/sessions", { json: { email: "pat@a.example", password: "none:sso" } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("invalid_credentials");
  });
});

describe("refusals (problem+json with stable codes)", () => {
  const refused = async (
    res: { status: number; headers: Headers; body: { code: string } },
    status: number,
    code: string,
  ) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe(code);
  };

  it.each([
    ["bad_signature", "sso_bad_signature"],
    ["unknown_kid", "sso_bad_signature"],
    ["wrong_audience", "sso_wrong_audience"],
    ["expired", "sso_token_expired"],
    ["wrong_nonce", "sso_nonce_mismatch"],
    ["wrong_issuer", "sso_wrong_issuer"],
  ] as const)("an ID token with %s is refused as %s, and no account is made", async (mis, code) => {
    const email = `mis-${mis.replace("_", "-")}@a.example`;
    idp.as({ email });
    const flow = await begin({ email });
    idp.next(mis);
    await refused(await flow.finish(), 401, code);
    expect(await h.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("a replayed state is refused (sso_state_used), even with its cookie", async () => {
    idp.as({ email: "replay@a.example" });
    const flow = await begin({ email: "replay@a.example" });
    tokenOf(await flow.finish());
    await refused(await flow.finish(), 400, "sso_state_used");
  });

  it("a callback without the browser's cookie, or with another sign-in's, is refused (sso_state_mismatch)", async () => {
    idp.as({ email: "csrf@a.example" });
    const flow = await begin({ email: "csrf@a.example" });
    await refused(await flow.finish(""), 400, "sso_state_mismatch");
    const other = await begin({ email: "csrf@a.example" });
    await refused(await flow.finish(other.cookie), 400, "sso_state_mismatch");
    // The state was not spent by the refusals: the real browser still finishes.
    tokenOf(await flow.finish());
  });

  it("sends a browser (Accept: text/html) back to the sign-in page with only the code", async () => {
    idp.as({ email: "browser@a.example" });
    const flow = await begin({ email: "browser@a.example" });
    const res = await h.call("GET", flow.back.pathname + flow.back.search, { headers: { accept: "text/html" } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/app/#sso_error=sso_state_mismatch");
  });

  it("the provider's own refusal (error=access_denied) is sso_denied, and spends the state", async () => {
    idp.as({ email: "denied@a.example" });
    const flow = await begin({ email: "denied@a.example" });
    const state = flow.back.searchParams.get("state") ?? "";
    const res = await h.call("GET", `/v1/sso/callback?error=access_denied&state=${state}`, {
      headers: { cookie: `quire_sso=${flow.cookie}` },
    });
    await refused(res, 401, "sso_denied");
    await refused(await flow.finish(), 400, "sso_state_used");
  });

  it("an unknown state is refused (sso_state_unknown)", async () => {
    const state = "x".repeat(43);
    const res = await h.call("GET", `/v1/sso/callback?code=abc&state=${state}`, {
      headers: { cookie: `quire_sso=${state}` },
    });
    await refused(res, 400, "sso_state_unknown");
  });

  it("a person of a domain the connection does not allow is refused (sso_domain_not_allowed)", async () => {
    idp.as({ email: "mallory@elsewhere.example" });
    const flow = await begin({ email: "mallory@a.example" });
    await refused(await flow.finish(), 403, "sso_domain_not_allowed");
    expect(await h.db.select().from(users).where(eq(users.email, "mallory@elsewhere.example"))).toHaveLength(0);
  });

  it("start needs an email or an invitation, not both", async () => {
    for (const body of [{}, { email: "x@a.example", invitation: "qi_x" }]) {
      const res = await h.call("POST", "/v1/sso/start", { json: body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: "validation_failed", errors: [{ field: "email" }] });
    }
  });

  it("an email no tenant's SSO covers cannot start (sso_not_configured)", async () => {
    await refused(
      await h.call("POST", "/v1/sso/start", { json: { email: "x@nowhere.example" } }),
      404,
      "sso_not_configured",
    );
  });

  it("an email the provider has not verified is refused (sso_email_unverified)", async () => {
    idp.as({ email: "unverified@a.example", emailVerified: false });
    const flow = await begin({ email: "unverified@a.example" });
    idp.as({ email: "unverified@a.example", emailVerified: false });
    await refused(await flow.finish(), 403, "sso_email_unverified");
  });

  it("an email with an account in another tenant is refused (sso_other_tenant)", async () => {
    await h.call("POST", "/v1/users", {
      key: b.adminKey,
      json: { email: "dual@a.example", name: "Dual", role: "viewer", password: "correct horse battery" },
    });
    idp.as({ email: "dual@a.example" });
    await refused(await (await begin({ email: "dual@a.example" })).finish(), 403, "sso_other_tenant");
  });

  it("a disabled person is refused (sso_user_disabled)", async () => {
    const token = tokenOf(await signInAs("gone@a.example"));
    const id = (await h.call("GET", "/v1/me", { key: token })).body.user.id;
    await h.call("PATCH", `/v1/users/${id}`, { key: a.adminKey, json: { disabled: true } });
    idp.as({ email: "gone@a.example" });
    await refused(await (await begin({ email: "gone@a.example" })).finish(), 403, "sso_user_disabled");
  });
});

describe("invitations through SSO", () => {
  it("accepts an invitation with the invited role (not the default), for the invited email only", async () => {
    const invite = await h.call("POST", "/v1/invitations", {
      key: a.adminKey,
      json: { email: "ivy@partner.example", role: "subject_expert" },
    });
    idp.as({ email: "someone-else@partner.example" });
    const wrong = await begin({ invitation: invite.body.token });
    expect(new URL(wrong.start.body.authorizationUrl).searchParams.get("login_hint")).toBe("ivy@partner.example");
    const mismatch = await wrong.finish();
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.code).toBe("sso_email_mismatch");
    idp.as({ email: "ivy@partner.example", name: "Ivy" });
    const token = tokenOf(await (await begin({ invitation: invite.body.token })).finish());
    const me = await h.call("GET", "/v1/me", { key: token });
    expect(me.body).toMatchObject({ tenantId: a.id, user: { email: "ivy@partner.example", role: "subject_expert" } });
    const list = await h.call("GET", "/v1/invitations", { key: a.adminKey });
    expect(list.body.data.find((i: { id: string }) => i.id === invite.body.id).state).toBe("accepted");
    const reuse = await h.call("POST", "/v1/sso/start", { json: { invitation: invite.body.token } });
    expect(reuse.status).toBe(410);
    expect(reuse.body.code).toBe("invitation_used");
    // partner.example is not an allowed domain, but Ivy has an account now: she signs in with SSO again.
    idp.as({ email: "ivy@partner.example" });
    const again = tokenOf(await (await begin({ email: "ivy@partner.example" })).finish());
    expect((await h.call("GET", "/v1/me", { key: again })).body.user.id).toBe(me.body.user.id);
    // Others of her domain still may not make accounts.
    idp.as({ email: "other@partner.example" });
    const other = await (await begin({ email: "ivy@partner.example" })).finish();
    expect(other.body.code).toBe("sso_domain_not_allowed");
  });
});

describe("without the test allowance", () => {
  it("refuses an http or loopback issuer (sso_issuer_forbidden)", async () => {
    const strict = await harness();
    try {
      const t = await strict.tenant("Strict");
      const res = await strict.call("PUT", "/v1/sso", {
        key: t.adminKey,
        json: connection({ allowedDomains: ["strict.example"] }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe("sso_issuer_forbidden");
      const loopback = await strict.call("PUT", "/v1/sso", {
        key: t.adminKey,
        json: connection({ issuer: "https://127.0.0.1:1", allowedDomains: ["strict.example"] }),
      });
      expect(loopback.body.code).toBe("sso_issuer_forbidden");
    } finally {
      await strict.close();
    }
  });
});
