import { QuireError } from "../domain/errors.js";

export interface Page<T> {
  readonly data: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Opaque cursors: base64url of the sort key of the last row, so clients cannot depend on their shape. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const parts: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (
      Array.isArray(parts) &&
      parts.length === length &&
      parts.every((p) => typeof p === "string" || typeof p === "number")
    ) {
      return parts as (string | number)[];
    }
  } catch {
    // fall through to the refusal below
  }
  throw new QuireError("invalid_cursor", "cursor is not one this API returned", 400);
}
