import { sha256Hex, sha256HexBytes } from "../../services/keys/crypto.js";

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What makes two requests "the same" for Idempotency-Key: the body's meaning, not its bytes.
 * A client that retries an upload builds a new multipart body with a new random boundary, so a
 * multipart body is fingerprinted as its parts — each part's name, file name and the SHA-256 of
 * its content, in order of name (stable for repeated names) — and a JSON body as canonical JSON.
 * Anything else is hashed as bytes. The query string is part of the request.
 */
export async function requestFingerprint(input: {
  query: string;
  contentType: string;
  body: ArrayBuffer;
}): Promise<string> {
  const type = input.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const query = [...new URLSearchParams(input.query)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let body: string;
  if (type === "multipart/form-data" && input.body.byteLength > 0) {
    body = await multipartFingerprint(input.body, input.contentType);
  } else if (type === "application/json" || type.endsWith("+json")) {
    try {
      body = `json:${canonicalJson(JSON.parse(new TextDecoder().decode(input.body)))}`;
    } catch {
      body = `bytes:${await sha256HexBytes(new Uint8Array(input.body))}`;
    }
  } else {
    body = `bytes:${await sha256HexBytes(new Uint8Array(input.body))}`;
  }
  return sha256Hex(`${JSON.stringify(query)}\n${body}`);
}

async function multipartFingerprint(body: ArrayBuffer, contentType: string): Promise<string> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return `bytes:${await sha256HexBytes(new Uint8Array(body))}`;
  }
  const parts: { name: string; describe: string }[] = [];
  for (const [name, value] of form.entries()) {
    const describe =
      typeof value === "string"
        ? `text:${await sha256Hex(value)}`
        : `file:${JSON.stringify(value.name)}:${await sha256HexBytes(new Uint8Array(await value.arrayBuffer()))}`;
    parts.push({ name, describe });
  }
  // Stable sort: fields may come in any order; repeated fields keep theirs.
  parts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `multipart:${JSON.stringify(parts.map((p) => [p.name, p.describe]))}`;
}
