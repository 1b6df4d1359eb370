import { and, eq, isNull, lt } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { ssoDomains, ssoStates, users } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { beginSignIn, completeSignIn } from "../../sso/oidc.js";
import { auditStatement } from "../audit/record.js";
import { newId, type ServiceContext, type ServiceDeps } from "../context.js";
import { redeemInvitation, usableInvitation, usableInvitationById } from "../invitations/accept.js";
import { constantTimeEqual, sha256Hex } from "../keys/crypto.js";
import { type SignedIn, startSession } from "../sessions/start.js";
import { NO_PASSWORD } from "../users/password.js";
import { normaliseEmail, type UserRow } from "../users/shape.js";
import { connectionOf, domainOf, oidcClient, providerOptions } from "./provider.js";

/** The person has this long at their provider before the started sign-in lapses. */
export const SSO_STATE_MINUTES = 10;

export interface SsoStarted {
  authorizationUrl: string;
  /** Also set as the quire_sso cookie: the callback must come back to the same browser. */
  state: string;
  expiresAt: string;
}

/**
 * Starts an OIDC sign-in: the tenant comes from the email's domain (each domain belongs to one
 * tenant's SSO) or from an invitation being accepted. The state (kept only hashed), nonce and
 * PKCE verifier are stored for the callback, which may use them once.
 */
export async function startSso(
  deps: ServiceDeps,
  input: { email?: string | undefined; invitation?: string | undefined },
  redirectUri: string,
): Promise<SsoStarted> {
  let tenantId: string;
  let invitationId: string | null = null;
  let loginHint: string | null = null;
  if (input.invitation !== undefined) {
    const invitation = await usableInvitation(deps, input.invitation);
    tenantId = invitation.tenantId;
    invitationId = invitation.id;
    loginHint = invitation.email;
  } else if (input.email !== undefined) {
    const email = normaliseEmail(input.email);
    const domain = domainOf(email);
    const [owner] = await deps.db.select().from(ssoDomains).where(eq(ssoDomains.domain, domain)).limit(1);
    // Someone outside the tenant's domains who joined through SSO by invitation signs in the same way again.
    const [member] = owner
      ? []
      : await deps.db.select({ tenantId: users.tenantId }).from(users).where(eq(users.email, email)).limit(1);
    tenantId = owner?.tenantId ?? member?.tenantId ?? "";
    if (!tenantId) {
      throw new QuireError(
        "sso_not_configured",
        `no single sign-on is set up for ${domain}; sign in with your password`,
        404,
      );
    }
    loginHint = email;
  } else {
    throw new QuireError("validation_failed", "email: give your work email (or an invitation token)", 400);
  }
  const connection = await connectionOf(deps, tenantId);
  const pending = await beginSignIn(oidcClient(connection), redirectUri, loginHint, providerOptions(deps));
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SSO_STATE_MINUTES * 60_000).toISOString();
  // Sign-ins that lapsed over an hour ago are no use to anyone (until then a late callback hears "expired").
  await deps.db.delete(ssoStates).where(lt(ssoStates.expiresAt, new Date(now.getTime() - 3_600_000).toISOString()));
  await deps.db.insert(ssoStates).values({
    id: newId("sso"),
    tenantId,
    stateHash: await sha256Hex(pending.state),
    nonce: pending.nonce,
    codeVerifier: pending.codeVerifier,
    redirectUri,
    invitationId,
    createdAt: now.toISOString(),
    expiresAt,
    usedAt: null,
  });
  return { authorizationUrl: pending.authorizationUrl, state: pending.state, expiresAt };
}

/**
 * Takes a started sign-in's state once: unknown, used, expired, or not the one this browser
 * started (the cookie) are each refused with their own code. The compare-and-set on used_at
 * means two callbacks racing with one state cannot both pass.
 */
async function takeState(deps: ServiceDeps, state: string, browserState: string | null) {
  if (!browserState || !constantTimeEqual(browserState, state)) {
    throw new QuireError("sso_state_mismatch", "this sign-in was not started in this browser; start again", 400);
  }
  const [row] = await deps.db
    .select()
    .from(ssoStates)
    .where(eq(ssoStates.stateHash, await sha256Hex(state)))
    .limit(1);
  if (!row) throw new QuireError("sso_state_unknown", "this sign-in is unknown; start again", 400);
  const at = deps.clock.now().toISOString();
  if (row.usedAt) throw new QuireError("sso_state_used", "this sign-in was already completed; start again", 400);
  if (row.expiresAt <= at) throw new QuireError("sso_state_expired", "this sign-in took too long; start again", 400);
  const taken = await deps.db
    .update(ssoStates)
    .set({ usedAt: at })
    .where(and(eq(ssoStates.id, row.id), isNull(ssoStates.usedAt)))
    .returning({ id: ssoStates.id });
  if (taken.length === 0)
    throw new QuireError("sso_state_used", "this sign-in was already completed; start again", 400);
  return row;
}

/** The account an SSO sign-in lands on: the tenant's existing one, or a new one with the default role. */
async function justInTimeUser(
  deps: ServiceDeps,
  tenantId: string,
  email: string,
  name: string,
  role: UserRow["role"],
): Promise<UserRow> {
  const find = async () => (await deps.db.select().from(users).where(eq(users.email, email)).limit(1))[0];
  const existing = await find();
  if (existing) {
    if (existing.tenantId !== tenantId) {
      throw new QuireError("sso_other_tenant", `${email} has an account in another organisation`, 403);
    }
    return existing;
  }
  const user: UserRow = {
    id: newId("usr"),
    tenantId,
    email,
    name,
    role,
    passwordHash: NO_PASSWORD,
    createdAt: deps.clock.now().toISOString(),
    disabledAt: null,
  };
  const ctx: ServiceContext = { ...deps, tenantId, actor: `user:${email}`, keyId: null };
  try {
    await atomic(deps.db, [
      deps.db.insert(users).values(user),
      auditStatement(ctx, "user.create", user.id, { email, role, via: "sso" }),
    ]);
    return user;
  } catch (err) {
    // Two first sign-ins racing: the unique email let one in; use it.
    const raced = await find();
    if (raced?.tenantId === tenantId) return raced;
    throw err;
  }
}

/**
 * The provider's callback: the state taken once, the code redeemed with its PKCE verifier, the ID
 * token verified (signature against the issuer's JWKS, iss, aud, exp, nonce), then the person: an
 * invitation's email must match it; otherwise the email's domain must be allowed, and a first
 * sign-in creates the account with the connection's default role. Ends in a session.
 */
export async function finishSso(
  deps: ServiceDeps,
  callback: URLSearchParams,
  browserState: string | null,
): Promise<SignedIn> {
  const state = callback.get("state");
  if (!state) throw new QuireError("sso_state_unknown", "the provider's answer carries no state; start again", 400);
  const pending = await takeState(deps, state, browserState);
  const connection = await connectionOf(deps, pending.tenantId);
  const claims = await completeSignIn(
    oidcClient(connection),
    { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri },
    callback,
    providerOptions(deps),
  );
  if (!claims.email) throw new QuireError("sso_no_email", "the provider did not say who you are (no email claim)", 401);
  if (claims.emailVerified === false) {
    throw new QuireError("sso_email_unverified", `the provider has not verified ${claims.email}`, 403);
  }
  const email = normaliseEmail(claims.email);
  const name = claims.name?.trim() || email.split("@")[0] || email;
  let user: UserRow;
  if (pending.invitationId) {
    // Read again: it may have been used, withdrawn or expired while the person was at the provider.
    const invited = await usableInvitationById(deps, pending.invitationId);
    if (invited.email !== email) {
      throw new QuireError("sso_email_mismatch", `the invitation is for ${invited.email}, not ${email}`, 403);
    }
    user = await redeemInvitation(deps, invited, { name, passwordHash: NO_PASSWORD }, "sso");
  } else {
    // allowedDomains decide who gets an account on a first sign-in; an account of this tenant
    // (invited, or added by an admin) is already admitted.
    const [member] = await deps.db
      .select({ tenantId: users.tenantId })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (member?.tenantId !== pending.tenantId && !connection.allowedDomains.includes(domainOf(email))) {
      throw new QuireError(
        "sso_domain_not_allowed",
        `${domainOf(email)} may not sign in to this organisation; ask an admin for an invitation`,
        403,
      );
    }
    user = await justInTimeUser(deps, pending.tenantId, email, name, connection.defaultRole);
  }
  if (user.disabledAt) throw new QuireError("sso_user_disabled", `the account of ${email} is disabled`, 403);
  return startSession(deps.db, user, deps.clock.now(), "sso");
}
