import { and, eq, inArray, ne } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { ssoConnections, ssoDomains, type UserRole } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { checkIssuer } from "../../sso/oidc.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { assertProviderUrl, connectionOf, providerOptions, type SsoConnectionRow } from "./provider.js";

export interface SsoConnectionInput {
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  defaultRole: UserRole;
}

/** The connection as the API shows it: never the client secret. */
export interface SsoConnectionView {
  issuer: string;
  clientId: string;
  allowedDomains: string[];
  defaultRole: UserRole;
  createdAt: string;
  updatedAt: string;
}

export const toConnection = (r: SsoConnectionRow): SsoConnectionView => ({
  issuer: r.issuer,
  clientId: r.clientId,
  allowedDomains: r.allowedDomains,
  defaultRole: r.defaultRole,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/**
 * Sets up (or replaces) the tenant's OpenID Connect sign-on. The issuer's discovery document is
 * read first, so a typo fails here rather than at someone's first sign-in. Each email domain
 * belongs to one tenant's SSO (that is how "Sign in with SSO" finds the tenant from an email).
 */
export async function saveSsoConnection(ctx: ServiceContext, input: SsoConnectionInput): Promise<SsoConnectionView> {
  const issuer = input.issuer.replace(/\/+$/, "");
  const domains = [...new Set(input.allowedDomains.map((d) => d.toLowerCase()))];
  const claimed = await ctx.db
    .select()
    .from(ssoDomains)
    .where(and(inArray(ssoDomains.domain, domains), ne(ssoDomains.tenantId, ctx.tenantId)));
  if (claimed.length > 0) {
    throw new QuireError(
      "sso_domain_taken",
      `allowedDomains: ${claimed.map((c) => c.domain).join(", ")} already sign(s) in to another organisation`,
      409,
    );
  }
  await assertProviderUrl(ctx, issuer);
  await checkIssuer({ issuer, clientId: input.clientId, clientSecret: input.clientSecret }, providerOptions(ctx));
  const at = nowIso(ctx);
  const existing = await connectionOf(ctx, ctx.tenantId).catch(() => null);
  const row: SsoConnectionRow = {
    tenantId: ctx.tenantId,
    issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    allowedDomains: domains,
    defaultRole: input.defaultRole,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await atomic(ctx.db, [
    ctx.db.delete(ssoDomains).where(eq(ssoDomains.tenantId, ctx.tenantId)),
    ctx.db.insert(ssoDomains).values(domains.map((domain) => ({ domain, tenantId: ctx.tenantId }))),
    ctx.db.delete(ssoConnections).where(eq(ssoConnections.tenantId, ctx.tenantId)),
    ctx.db.insert(ssoConnections).values(row),
    auditStatement(ctx, existing ? "sso.update" : "sso.create", ctx.tenantId, {
      issuer,
      clientId: input.clientId,
      allowedDomains: domains,
      defaultRole: input.defaultRole,
    }),
  ]);
  return toConnection(row);
}

export async function getSsoConnection(ctx: ServiceContext): Promise<SsoConnectionView> {
  return toConnection(await connectionOf(ctx, ctx.tenantId));
}

/** Turns single sign-on off: people it created keep their accounts but cannot sign in until it is back or they get a password. */
export async function deleteSsoConnection(ctx: ServiceContext): Promise<void> {
  await connectionOf(ctx, ctx.tenantId);
  await atomic(ctx.db, [
    ctx.db.delete(ssoDomains).where(eq(ssoDomains.tenantId, ctx.tenantId)),
    ctx.db.delete(ssoConnections).where(eq(ssoConnections.tenantId, ctx.tenantId)),
    auditStatement(ctx, "sso.delete", ctx.tenantId),
  ]);
}
