import { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Scope } from "../services/keys/scopes.js";
import type { AppEnv } from "./env.js";
import { problem } from "./errors.js";
import { authenticate, requireScope } from "./middleware/auth.js";
import { idempotency } from "./middleware/idempotency.js";
import { ProblemSchema } from "./schemas.js";

/** JSON bodies are small; uploads have their own (configurable) limit. */
const JSON_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const tooLarge: MiddlewareHandler<AppEnv> = async (c, next) =>
  bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: (c) => problem(c, 413, "body_too_large", `the request body exceeds ${JSON_BODY_LIMIT} bytes`),
  })(c, next);

export const uploadLimit: MiddlewareHandler<AppEnv> = async (c, next) =>
  bodyLimit({
    maxSize: c.var.deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    onError: (c) => problem(c, 413, "file_too_large", "the upload exceeds the size limit"),
  })(c, next);

/**
 * The middleware every /v1 route runs, in order: API key → scope → body size → Idempotency-Key
 * (POST only). Routes declare it through createRoute's `middleware`, so no route can be
 * registered without authentication by forgetting an app.use line.
 */
export function guard(
  scope: Scope,
  options: { upload?: boolean; method?: "get" | "post" | "patch" | "put" | "delete" } = {},
): MiddlewareHandler<AppEnv>[] {
  const list: MiddlewareHandler<AppEnv>[] = [authenticate, requireScope(scope)];
  if (options.upload) list.push(uploadLimit);
  else if (options.method && options.method !== "get" && options.method !== "delete") list.push(tooLarge);
  if (options.method === "post") list.push(idempotency);
  return list;
}

/** The security requirement for the OpenAPI document: bearer with the scope the route needs. */
export const bearer = (scope: Scope) => [{ bearer: [scope] }];

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

/** The problem responses every authenticated route can give. */
export function problems(...extra: (400 | 404 | 409 | 410 | 413 | 422 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: "Invalid input (`validation_failed` names the field)",
    401: "No, unknown or revoked API key",
    403: "The API key lacks the scope",
    404: "No such resource in this tenant",
    409: "Conflicts with the resource's state",
    410: "Gone",
    413: "Body too large",
    422: "Well-formed but refused (see `code`)",
    429: "Too many requests: wait the Retry-After seconds",
  };
  const out: Record<number, { description: string; content: typeof problemContent }> = {};
  // 429: every authenticated route can refuse a client that presented too many invalid keys.
  for (const status of [401, 403, 429, ...extra]) {
    out[status] = { description: descriptions[status] ?? "Error", content: problemContent };
  }
  return out;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const IdParam = (name: string, example: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: "id", in: "path" }, example, description: name }),
  });

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: "Page size (1-500)" }),
  cursor: z.string().max(500).optional().openapi({ description: "`nextCursor` of the previous page" }),
};

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

/** The origin links and redirect URIs are built on: the configured public URL, else the request's. */
export function publicOrigin(c: { req: { url: string }; var: { deps: { publicUrl?: string } } }): string {
  return new URL(c.var.deps.publicUrl ?? c.req.url).origin;
}
