import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenID Provider for tests (never the internet): discovery, JWKS, an authorization
 * endpoint that "signs in" whoever the test says at once, and a token endpoint that checks the
 * client secret and the PKCE verifier and returns an RS256 ID token. `next` makes the next ID
 * token misbehave (signed by another key, for another audience, expired, another nonce or issuer).
 */
export interface FakeIdentity {
  email: string;
  name?: string;
  emailVerified?: boolean;
}

export type Misbehaviour =
  | "bad_signature"
  | "wrong_audience"
  | "expired"
  | "wrong_nonce"
  | "wrong_issuer"
  | "unknown_kid";

export interface FakeOidc {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Who the next authorization signs in. */
  as(identity: FakeIdentity): void;
  /** Break the next ID token this way. */
  next(mis: Misbehaviour): void;
  /** Follows an authorization URL as a browser would: the redirect back with code and state. */
  authorize(authorizationUrl: string): Promise<URL>;
  /** Requests received per path (discovery, jwks, token…). */
  readonly hits: Map<string, number>;
  /** Token requests received (for asserting PKCE and client authentication). */
  readonly tokenRequests: { verifierOk: boolean; clientOk: boolean }[];
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function jwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const body = b64url(JSON.stringify(payload));
  const signature = sign("sha256", Buffer.from(`${head}.${body}`), key);
  return `${head}.${body}.${b64url(signature)}`;
}

export async function startFakeOidc(): Promise<FakeOidc> {
  const real = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const rogue = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const clientId = "quire-test-client";
  const clientSecret = randomBytes(16).toString("hex");
  const codes = new Map<string, { identity: FakeIdentity; nonce: string; challenge: string; redirectUri: string }>();
  let identity: FakeIdentity = { email: "someone@example.com" };
  let misbehaviour: Misbehaviour | null = null;
  const tokenRequests: { verifierOk: boolean; clientOk: boolean }[] = [];
  let issuer = "";

  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/jwks") {
      return send(200, {
        keys: [{ ...real.publicKey.export({ format: "jwk" }), kid: "k1", use: "sig", alg: "RS256" }],
      });
    }
    if (url.pathname === "/authorize") {
      const p = url.searchParams;
      const code = randomBytes(16).toString("hex");
      codes.set(code, {
        identity,
        nonce: p.get("nonce") ?? "",
        challenge: p.get("code_challenge") ?? "",
        redirectUri: p.get("redirect_uri") ?? "",
      });
      const back = new URL(p.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", p.get("state") ?? "");
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      let raw = "";
      req.on("data", (chunk) => {
        raw += chunk;
      });
      req.on("end", () => {
        const form = new URLSearchParams(raw);
        const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
        const [id, secret] = basic.split(":").map((s) => decodeURIComponent(s));
        const grant = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        const verifierOk =
          grant !== undefined && b64url(createHash("sha256").update(verifier).digest()) === grant.challenge;
        const clientOk = id === clientId && secret === clientSecret;
        tokenRequests.push({ verifierOk, clientOk });
        if (!grant || !verifierOk || grant.redirectUri !== form.get("redirect_uri")) {
          return send(400, { error: "invalid_grant" });
        }
        if (!clientOk) return send(401, { error: "invalid_client" });
        const now = Math.floor(Date.now() / 1000);
        const mis = misbehaviour;
        misbehaviour = null;
        const claims = {
          iss: mis === "wrong_issuer" ? "https://evil.example" : issuer,
          sub: `sub-${grant.identity.email}`,
          aud: mis === "wrong_audience" ? "someone-else" : clientId,
          iat: mis === "expired" ? now - 7200 : now,
          exp: mis === "expired" ? now - 3600 : now + 300,
          nonce: mis === "wrong_nonce" ? "not-the-nonce" : grant.nonce,
          email: grant.identity.email,
          email_verified: grant.identity.emailVerified ?? true,
          name: grant.identity.name ?? grant.identity.email.split("@")[0],
        };
        const key = mis === "bad_signature" || mis === "unknown_kid" ? rogue.privateKey : real.privateKey;
        send(200, {
          access_token: randomBytes(16).toString("hex"),
          token_type: "Bearer",
          expires_in: 300,
          id_token: jwt(claims, key, mis === "unknown_kid" ? "k-unknown" : "k1"),
        });
      });
      return;
    }
    send(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    tokenRequests,
    hits,
    as: (who) => {
      identity = who;
    },
    next: (mis) => {
      misbehaviour = mis;
    },
    async authorize(authorizationUrl) {
      const res = await fetch(authorizationUrl, { redirect: "manual" });
      return new URL(res.headers.get("location") ?? "");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
