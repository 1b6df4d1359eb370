/**
 * The OpenID Connect relying party, over oauth4webapi (maintained, no dependencies, fetch and Web
 * Crypto only, so the same code runs on Node and Workers). Nothing here knows tenants or users:
 * it turns an issuer and a client into an authorization URL, and a callback into ID token claims
 * whose signature (the issuer's JWKS), iss, aud, exp and nonce were verified. Each failure is a
 * QuireError with its own stable code.
 */
import * as oauth from "oauth4webapi";
import { QuireError } from "../domain/errors.js";

export interface OidcClient {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface OidcOptions {
  /** Every request to the provider goes through this (the caller checks where it may connect). */
  readonly fetch: typeof fetch;
  /** Test-only: http:// issuers (a local fake provider). */
  readonly allowHttp: boolean;
}

/** What the start of a sign-in must keep for its callback. */
export interface OidcPending {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly authorizationUrl: string;
}

export interface VerifiedClaims {
  readonly sub: string;
  readonly email: string | null;
  readonly emailVerified: boolean | null;
  readonly name: string | null;
}

const requestOptions = (o: OidcOptions) => ({
  [oauth.customFetch]: o.fetch,
  [oauth.allowInsecureRequests]: o.allowHttp,
  signal: AbortSignal.timeout(10_000),
});

/**
 * Discovery documents read in the last five minutes, per issuer (per process or isolate): a
 * sign-in reads it at the start and at the callback, and it rarely changes. Saving a connection
 * always reads it afresh. oauth4webapi keeps the JWKS with the discovered server for up to five
 * minutes too, and reads it again for a key id it does not know once its copy is a minute old
 * (a provider's key rotation).
 */
const DISCOVERY_TTL_MS = 5 * 60_000;
const discovered = new Map<string, { as: oauth.AuthorizationServer; until: number }>();

async function discover(client: OidcClient, o: OidcOptions, fresh = false): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(client.issuer);
  const cached = discovered.get(issuer.href);
  if (!fresh && cached && cached.until > Date.now()) return cached.as;
  try {
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, requestOptions(o)));
    discovered.set(issuer.href, { as, until: Date.now() + DISCOVERY_TTL_MS });
    return as;
  } catch (err) {
    if (err instanceof QuireError) throw err;
    throw new QuireError(
      "sso_provider_unavailable",
      `could not read the provider's discovery document at ${issuer.href}: ${(err as Error).message}`,
      502,
    );
  }
}

/** Reads the issuer's discovery document: a connection is saved only if this works. */
export async function checkIssuer(client: OidcClient, o: OidcOptions): Promise<void> {
  const as = await discover(client, o, true);
  if (!as.authorization_endpoint || !as.token_endpoint || !as.jwks_uri) {
    throw new QuireError(
      "sso_provider_unavailable",
      "the provider's discovery document lacks authorization_endpoint, token_endpoint or jwks_uri",
      502,
    );
  }
}

/** client_secret_basic unless the provider supports only client_secret_post. */
function clientAuth(as: oauth.AuthorizationServer, client: OidcClient): oauth.ClientAuth {
  const methods = as.token_endpoint_auth_methods_supported;
  return methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")
    ? oauth.ClientSecretPost(client.clientSecret)
    : oauth.ClientSecretBasic(client.clientSecret);
}

/** Authorization-code request with PKCE (S256), state and nonce. */
export async function beginSignIn(
  client: OidcClient,
  redirectUri: string,
  loginHint: string | null,
  o: OidcOptions,
): Promise<OidcPending> {
  const as = await discover(client, o);
  if (!as.authorization_endpoint) {
    throw new QuireError(
      "sso_provider_unavailable",
      "the provider's discovery document has no authorization_endpoint",
      502,
    );
  }
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint);
  const params: Record<string, string> = {
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid email profile",
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...(loginHint && { login_hint: loginHint }),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { state, nonce, codeVerifier, authorizationUrl: url.href };
}

/** Which claim a comparison failed on, as oauth4webapi reports it. */
const failedClaim = (err: oauth.OperationProcessingError): string | undefined =>
  (err.cause as { claim?: string } | undefined)?.claim;

function problemOf(err: unknown): QuireError {
  if (err instanceof QuireError) return err;
  if (err instanceof oauth.AuthorizationResponseError) {
    return new QuireError("sso_denied", `the provider refused the sign-in: ${err.error}`, 401);
  }
  if (err instanceof oauth.ResponseBodyError) {
    return new QuireError("sso_token_refused", `the provider's token endpoint refused the code: ${err.error}`, 401);
  }
  if (err instanceof oauth.OperationProcessingError) {
    const claim = failedClaim(err);
    switch (err.code) {
      case oauth.KEY_SELECTION:
        return new QuireError(
          "sso_bad_signature",
          "the ID token is signed with a key the provider does not publish",
          401,
        );
      case oauth.JWT_TIMESTAMP_CHECK:
        return claim === "exp"
          ? new QuireError("sso_token_expired", "the ID token has expired", 401)
          : new QuireError("sso_token_invalid", `the ID token's ${claim ?? "time"} claim is not acceptable`, 401);
      case oauth.JWT_CLAIM_COMPARISON:
        if (claim === "aud" || claim === "azp")
          return new QuireError("sso_wrong_audience", "the ID token was issued for another client", 401);
        if (claim === "iss") return new QuireError("sso_wrong_issuer", "the ID token comes from another issuer", 401);
        if (claim === "nonce")
          return new QuireError("sso_nonce_mismatch", "the ID token does not belong to this sign-in (nonce)", 401);
        return new QuireError("sso_token_invalid", `the ID token's ${claim ?? "claims"} do not match`, 401);
      default:
        if (/signature verification failed/i.test(err.message))
          return new QuireError("sso_bad_signature", "the ID token's signature does not verify", 401);
        return new QuireError("sso_token_invalid", `the provider's answer is not acceptable: ${err.message}`, 401);
    }
  }
  return new QuireError(
    "sso_provider_unavailable",
    `the provider could not be reached: ${(err as Error)?.message ?? String(err)}`,
    502,
  );
}

/**
 * The callback: checks the response belongs to this state, redeems the code with the PKCE
 * verifier, and verifies the ID token: iss, aud, exp, nonce (processAuthorizationCodeResponse)
 * and its signature against the issuer's JWKS (validateApplicationLevelSignature).
 */
export async function completeSignIn(
  client: OidcClient,
  pending: { state: string; nonce: string; codeVerifier: string; redirectUri: string },
  callback: URLSearchParams,
  o: OidcOptions,
): Promise<VerifiedClaims> {
  const as = await discover(client, o);
  const rp: oauth.Client = { client_id: client.clientId };
  try {
    const params = oauth.validateAuthResponse(as, rp, callback, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      rp,
      clientAuth(as, client),
      params,
      pending.redirectUri,
      pending.codeVerifier,
      requestOptions(o),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, rp, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    await oauth.validateApplicationLevelSignature(as, response, requestOptions(o));
    const claims = oauth.getValidatedIdTokenClaims(result);
    if (!claims) throw new QuireError("sso_token_invalid", "the provider returned no ID token", 401);
    return {
      sub: claims.sub,
      email: typeof claims.email === "string" ? claims.email : null,
      emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : null,
      name: typeof claims.name === "string" ? claims.name : null,
    };
  } catch (err) {
    throw problemOf(err);
  }
}
