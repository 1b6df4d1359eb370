/**
 * The API key of this tab. sessionStorage: it survives reloads of the tab but not the browser
 * session, and no other tab or site can read it.
 */
const KEY_SLOT = "quire.apiKey";

export function getKey(): string | null {
  return sessionStorage.getItem(KEY_SLOT);
}

export function setKey(key: string): void {
  sessionStorage.setItem(KEY_SLOT, key);
}

export function clearKey(): void {
  sessionStorage.removeItem(KEY_SLOT);
}

/** Only the public prefix of a key (qk_<prefix>) is ever shown back, never the secret part. */
export function keyPrefix(key: string): string {
  const parts = key.split("_");
  return parts.length >= 3 ? `${parts[0]}_${parts[1]}` : "(unrecognised format)";
}
