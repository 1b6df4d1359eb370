import { and, asc, type Column, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import { QuireError } from "../domain/errors.js";

export interface Page<T> {
  readonly data: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

type KeyPart = string | number;

/** Opaque cursors: base64url of the sort key of the last row, so clients cannot depend on their shape. */
export function encodeCursor(parts: readonly KeyPart[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string, length: number): KeyPart[] {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const parts: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (
      Array.isArray(parts) &&
      parts.length === length &&
      parts.every((p) => typeof p === "string" || typeof p === "number")
    ) {
      return parts;
    }
  } catch {
    // fall through to the refusal below
  }
  throw new QuireError("invalid_cursor", "cursor is not one this API returned", 400);
}

/** One page out of `limit + 1` rows: the extra row only tells that there is a next page. */
export function pageOf<Row, Out>(
  rows: readonly Row[],
  limit: number,
  key: (row: Row) => readonly KeyPart[],
  view: (row: Row) => Out,
): Page<Out> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/**
 * Keyset pagination over a unique sort key (a timestamp then the id, or the id alone): pages stay
 * stable while rows arrive, and each page is one index range scan, however deep the client reads.
 */
export function keyset<Row>(
  columns: readonly Column[],
  direction: "asc" | "desc",
  key: (row: Row) => readonly KeyPart[],
) {
  const beyond = direction === "desc" ? lt : gt;
  return {
    /** Rows strictly after the cursor's row in this order: (c1 beyond v1) or (c1 = v1 and c2 beyond v2)… */
    after(cursor: string | undefined): SQL | undefined {
      if (!cursor) return undefined;
      const values = decodeCursor(cursor, columns.length);
      return or(
        ...columns.map((column, i) =>
          and(...columns.slice(0, i).map((c, j) => eq(c, values[j])), beyond(column, values[i])),
        ),
      );
    },
    order: columns.map((c) => (direction === "desc" ? desc(c) : asc(c))),
    page: <Out>(rows: readonly Row[], limit: number, view: (row: Row) => Out) => pageOf(rows, limit, key, view),
  };
}
