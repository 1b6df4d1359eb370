import { randomBytes } from "../keys/crypto.js";

const toBase64 = (bytes: Uint8Array): string => {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A Standard Webhooks secret: "whsec_" + base64 of 24 random bytes. */
export const newWebhookSecret = (): string => `whsec_${toBase64(randomBytes(24))}`;

/**
 * The Standard Webhooks signature: base64 HMAC-SHA256 over "<id>.<timestamp>.<body>", keyed with
 * the secret's decoded bytes, sent as "v1,<signature>". Web Crypto, so it runs on Workers too.
 */
export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    fromBase64(secret.replace(/^whsec_/, "")),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}
