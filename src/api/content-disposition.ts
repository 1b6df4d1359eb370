import { safeFileName } from "../services/questionnaires/file-name.js";

/** RFC 5987 attr-char: what may stand unencoded in `filename*`. */
const encodeAttr = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition: attachment` for any file name (RFC 6266): `filename*=UTF-8''…` carries the
 * real name in any script ("Fragebogen_日本_✓.filled.csv"); `filename="…"` is a Latin-only
 * fallback for old clients. A header value must be Latin-1, so a name is never put there raw
 * (that was a 500 for every non-Latin-1 name); no path segment ("../../") survives either.
 */
export function contentDisposition(fileName: string): string {
  const name = safeFileName(fileName);
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeAttr(name)}`;
}
