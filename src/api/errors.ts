import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { QuireError } from "../domain/errors.js";

/** RFC 9457 problem details; `code` is the stable, machine-readable part clients switch on. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId: string;
  errors?: { field: string; message: string }[];
  /** Seconds to wait before retrying (also sent as Retry-After). */
  retryAfter?: number;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

/**
 * A problem+json response. `retryAfterSeconds` (429, and 503-like refusals) becomes both the
 * Retry-After header and a field of the body.
 */
export function problem(
  c: Context,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: Problem["errors"]; retryAfterSeconds?: number } = {},
): Response {
  const { errors, retryAfterSeconds } = extra;
  const body: Problem = {
    type: `https://quire.example/problems/${code}`,
    title: TITLES[status] ?? "Error",
    status,
    code,
    detail,
    requestId: (c.get("requestId") as string | undefined) ?? "",
    ...(errors && { errors }),
    ...(retryAfterSeconds !== undefined && { retryAfter: retryAfterSeconds }),
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    ...(retryAfterSeconds !== undefined && { "retry-after": String(retryAfterSeconds) }),
  });
}

/** A zod issue as a field and a message that says what is expected (not just "Invalid option"). */
function describeIssue(issue: ZodError["issues"][number], where: string): { field: string; message: string }[] {
  const path = issue.path.map(String);
  const field = path.join(".") || where;
  switch (issue.code) {
    case "unrecognized_keys":
      // One error per unknown field, named by its own path, so a client sees exactly which to drop.
      return issue.keys.map((key) => ({
        field: [...path, key].join("."),
        message: issue.message.startsWith("unknown field") ? issue.message : "unknown field",
      }));
    case "invalid_value":
      return [{ field, message: `expected one of ${issue.values.map(String).join(", ")}` }];
    case "invalid_type": {
      const missing = /received undefined/.test(issue.message);
      const expected = issue.expected === "File" ? "a file (multipart form field)" : issue.expected;
      return [{ field, message: missing ? `required: expected ${expected}` : `expected ${expected}` }];
    }
    default:
      return [{ field, message: issue.message }];
  }
}

export function validationProblem(c: Context, error: ZodError, where: string): Response {
  const errors = error.issues.flatMap((i) => describeIssue(i, where));
  const first = errors[0];
  return problem(c, 400, "validation_failed", first ? `${first.field}: ${first.message}` : `invalid ${where}`, {
    errors,
  });
}

/** The app's onError: refusals keep their code; anything else is a 500 that leaks no internals. */
export function toProblem(error: unknown, c: Context): Response {
  if (error instanceof QuireError) {
    const retry = error.details?.retryAfterSeconds;
    return problem(c, error.status, error.code, error.message, {
      ...(typeof retry === "number" && { retryAfterSeconds: retry }),
    });
  }
  // Hono's own refusals: a body that is not the JSON or form it claims to be.
  if (error instanceof HTTPException && error.status < 500) {
    const code =
      error.status === 400 ? "malformed_body" : error.status === 415 ? "unsupported_media_type" : "bad_request";
    return problem(c, error.status, code, error.message);
  }
  console.error(`[${c.get("requestId") ?? "-"}]`, error);
  return problem(
    c,
    500,
    "internal_error",
    "an unexpected error occurred; the request id identifies it in the server log",
  );
}
