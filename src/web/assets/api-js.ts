/**
 * Client module /app/assets/api.js: every call to the REST API goes through request(), which adds
 * the bearer key and turns problem+json answers into ApiError (code + detail, as the API sends them).
 * Written without backticks or template substitutions so it can live in this string.
 */
export const API_JS = String.raw`
// sessionStorage: the key survives reloads of this tab but not the browser session.
const KEY_SLOT = "quire.apiKey";

export function getKey() {
  return sessionStorage.getItem(KEY_SLOT);
}
export function setKey(key) {
  sessionStorage.setItem(KEY_SLOT, key);
}
export function clearKey() {
  sessionStorage.removeItem(KEY_SLOT);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || "HTTP " + status);
    this.status = status;
    this.code = problem.code || "http_" + status;
    this.detail = problem.detail || "";
    this.requestId = problem.requestId || "";
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

// One listener for 401/403 so any view's failed call can send the user back to sign in.
let authFailure = null;
export function onAuthFailure(fn) {
  authFailure = fn;
}

async function problemOf(res) {
  try {
    const body = await res.json();
    if (body && typeof body === "object") return body;
  } catch {
    // Not JSON (a proxy's HTML error page): fall through to a generic problem.
  }
  return { code: "http_" + res.status, detail: res.statusText || "request failed" };
}

export async function request(method, path, options) {
  const opts = options || {};
  const headers = new Headers();
  const key = opts.key !== undefined ? opts.key : getKey();
  if (key) headers.set("authorization", "Bearer " + key);
  let body;
  if (opts.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form; // the browser sets the multipart boundary itself
  }
  // A retried upload or create must not happen twice: the API replays the first answer for a key.
  if (opts.idempotencyKey) headers.set("idempotency-key", opts.idempotencyKey);
  let res;
  try {
    res = await fetch(path, { method, headers, body, credentials: "omit" });
  } catch (e) {
    throw new ApiError(0, { code: "network_error", detail: "the server could not be reached (" + e.message + ")" });
  }
  if (!res.ok) {
    const err = new ApiError(res.status, await problemOf(res));
    if ((err.status === 401 || err.status === 403) && authFailure && opts.key === undefined) authFailure(err);
    throw err;
  }
  return res;
}

export async function getJson(path, options) {
  return (await request("GET", path, options)).json();
}

export async function sendJson(method, path, json, options) {
  const res = await request(method, path, Object.assign({ json }, options || {}));
  return res.status === 204 ? null : res.json();
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

export const enc = encodeURIComponent;

// Every page of a cursor-paginated list, capped so a huge tenant cannot hang the page.
export async function getAll(path, params, maxPages) {
  const out = [];
  let cursor;
  for (let i = 0; i < (maxPages || 20); i++) {
    const page = await getJson(path + query(Object.assign({}, params, { cursor })));
    out.push(...page.data);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}
`;
