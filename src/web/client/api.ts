/**
 * Every call to the REST API goes through request(), which adds the bearer key and turns
 * problem+json answers into ApiError (code + detail, as the API sends them).
 */
import type { Page, Problem } from "./api-types.js";
import { getKey } from "./session.js";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string;
  readonly errors: NonNullable<Problem["errors"]>;

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code || `http_${status}`;
    this.detail = problem.detail || "";
    this.requestId = problem.requestId || "";
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export interface RequestOptions {
  /** A key to try instead of the stored one (sign-in checks a key before keeping it). */
  key?: string;
  json?: unknown;
  /** Multipart body; the browser sets the boundary itself. */
  form?: FormData;
  /** A retried upload or create must not happen twice: the API replays the first answer for a key. */
  idempotencyKey?: string;
  /**
   * Keep the cookie the answer sets. Only starting an SSO sign-in needs it (the quire_sso cookie
   * ties the provider's callback to this browser); every other call sends and keeps no cookie.
   */
  keepCookie?: boolean;
}

// One listener for 401/403 so any view's failed call can send the user back to sign in.
let authFailure: ((err: ApiError) => void) | null = null;
export function onAuthFailure(listener: (err: ApiError) => void): void {
  authFailure = listener;
}

async function problemOf(res: Response): Promise<Partial<Problem>> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === "object") return body as Partial<Problem>;
  } catch {
    // Not JSON (a proxy's HTML error page): fall through to a generic problem.
  }
  return { code: `http_${res.status}`, detail: res.statusText || "request failed" };
}

export async function request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers();
  const key = options.key !== undefined ? options.key : getKey();
  if (key) headers.set("authorization", `Bearer ${key}`);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  if (options.idempotencyKey) headers.set("idempotency-key", options.idempotencyKey);
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: options.keepCookie ? "same-origin" : "omit" });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ApiError(0, { code: "network_error", detail: `the server could not be reached (${reason})` });
  }
  if (!res.ok) {
    const err = new ApiError(res.status, await problemOf(res));
    if ((err.status === 401 || err.status === 403) && authFailure && options.key === undefined) authFailure(err);
    throw err;
  }
  return res;
}

/** The body as the API documents it (the server's schemas type T; the browser does not re-validate). */
async function bodyOf<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export async function getJson<T>(path: string, options?: RequestOptions): Promise<T> {
  return bodyOf<T>(await request("GET", path, options));
}

/** JSON in, JSON out: for the endpoints that answer with a body (not the 204 deletes). */
export async function sendJson<T>(method: string, path: string, json: unknown, options?: RequestOptions): Promise<T> {
  return bodyOf<T>(await request(method, path, { ...options, json }));
}

export type QueryValue = string | number | null | undefined;

export function query(params: Readonly<Record<string, QueryValue>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A path segment from an id. */
export const enc = encodeURIComponent;

/** Every page of a cursor-paginated list, capped so a huge tenant cannot hang the page. */
export async function getAll<T>(
  path: string,
  params: Readonly<Record<string, QueryValue>>,
  maxPages = 20,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await getJson<Page<T>>(path + query({ ...params, cursor }));
    out.push(...page.data);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** One server-sent event: its name and JSON data. */
export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * Follows a text/event-stream route until `signal` aborts or the stream ends (resolves) or fails
 * (rejects). The stream is read through fetch, not EventSource, because the pages authenticate
 * with a bearer token and EventSource cannot send a header (a token in the URL would end up in
 * logs); the wire format and the parsing are EventSource's.
 */
export async function followEvents(
  path: string,
  onEvent: (e: StreamEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const headers = new Headers({ accept: "text/event-stream" });
  const key = getKey();
  if (key) headers.set("authorization", `Bearer ${key}`);
  const res = await fetch(path, { headers, signal, credentials: "omit", cache: "no-store" });
  if (!res.ok || !res.body) throw new ApiError(res.status, await problemOf(res));
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll("\r\n", "\n");
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onEvent({ event, data: data.join("\n") });
    }
  }
}
