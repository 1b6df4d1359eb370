/**
 * Password hashes with PBKDF2-SHA256 from Web Crypto, so sign-in works the same on Node and
 * Workers (whose PBKDF2 allows at most 100,000 iterations). Stored as
 * "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>" so the cost can be raised later.
 */
const ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `pbkdf2-sha256$${ITERATIONS}$${toBase64(salt)}$${toBase64(await derive(password, salt, ITERATIONS))}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iterations || !salt || !hash) return false;
  const expected = fromBase64(hash);
  const got = await derive(password, fromBase64(salt), Number(iterations));
  if (got.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= (got[i] as number) ^ (expected[i] as number);
  return diff === 0;
}

/** A hash to compare against when the email is unknown, so a miss takes as long as a wrong password. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(crypto.randomUUID());
  return decoy;
};

/**
 * The password_hash of an account that signs in only through SSO: no password matches it (it is
 * not a PBKDF2 record), and sign-in compares against the decoy instead so it takes as long.
 */
export const NO_PASSWORD = "none:sso";
