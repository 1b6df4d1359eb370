import { and, eq } from "drizzle-orm";
import { ssoConnections } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import type { OidcClient, OidcOptions } from "../../sso/oidc.js";
import type { ServiceDeps } from "../context.js";
import { checkWebhookTarget } from "../webhooks/ssrf.js";

export type SsoConnectionRow = typeof ssoConnections.$inferSelect;

/**
 * How Quire talks to a tenant's provider. The issuer, and the endpoints its discovery document
 * names, come from an admin: each request is checked like a webhook URL (https, public addresses
 * only) so SSO cannot be used to reach Quire's own network. The test-only allowance admits http
 * on loopback for a local fake provider.
 */
export function providerOptions(deps: ServiceDeps): OidcOptions {
  const insecure = deps.sso?.allowInsecureIssuer === true;
  const checked: typeof fetch = async (input, init) => {
    await assertProviderUrl(deps, input instanceof Request ? input.url : String(input));
    return fetch(input, { ...init, redirect: "manual" });
  };
  return { fetch: checked, allowHttp: insecure };
}

/** An https URL on public addresses (or, with the test allowance, http on loopback too). */
export async function assertProviderUrl(deps: ServiceDeps, url: string): Promise<void> {
  const insecure = deps.sso?.allowInsecureIssuer === true;
  if (!insecure && !url.startsWith("https:")) {
    throw new QuireError("sso_issuer_forbidden", `issuer: ${url} is not https`, 400);
  }
  try {
    await checkWebhookTarget(url, deps.resolveHost, insecure);
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/^url: /, "") : String(err);
    throw new QuireError("sso_issuer_forbidden", `issuer: ${message}`, 400);
  }
}

export const oidcClient = (row: SsoConnectionRow): OidcClient => ({
  issuer: row.issuer,
  clientId: row.clientId,
  clientSecret: row.clientSecret,
});

export async function connectionOf(deps: ServiceDeps, tenantId: string): Promise<SsoConnectionRow> {
  const rows = await deps.db
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.tenantId, tenantId)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new QuireError("sso_not_configured", "single sign-on is not set up for this organisation", 404);
  return row;
}

/** The domain of an email, lower-case. */
export const domainOf = (email: string): string => email.trim().toLowerCase().split("@").at(-1) ?? "";
