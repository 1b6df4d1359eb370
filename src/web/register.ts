import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../api/env.js";
import { ASSETS } from "./assets/index.js";
import { renderPage } from "./page.js";

/**
 * The page loads only same-origin scripts and styles; the API is on the same origin, so nothing
 * else is needed. `frame-ancestors 'none'` stops click-jacking of the review buttons.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": WEB_CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  // The page holds an API key in sessionStorage; never let a shared cache keep a copy of anything.
  "cache-control": "no-store",
};

// Asset names carry a hash of their contents, so a cached copy is never stale and can be kept.
const ASSET_CACHE = "public, max-age=31536000, immutable";

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/**
 * The web client: GET /app and every /app/* client-side route answer the same HTML shell; the
 * script and the stylesheet (built from src/web/client/ by scripts/build-web.ts) are strings
 * embedded in the bundle (no filesystem on Workers).
 * Plain app.get, not app.openapi: these are not API operations, carry no auth (the page asks for
 * a key and sends it to /v1 itself) and stay out of the OpenAPI document.
 */
export function registerWeb(app: OpenAPIHono<AppEnv>): void {
  const html = renderPage();
  const page = (c: Context<AppEnv>) => c.html(html, 200, SECURITY_HEADERS);

  // Registered before /app/* so an asset path never falls through to the HTML shell.
  app.get("/app/assets/:name", (c) => {
    const name = c.req.param("name");
    // Own properties only: "constructor", "__proto__" or "toString" must not reach Object.prototype.
    const body = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    const ext = name.split(".").at(-1) ?? "";
    const type = Object.hasOwn(CONTENT_TYPES, ext) ? CONTENT_TYPES[ext] : undefined;
    if (body === undefined || type === undefined) {
      return c.text("not found", 404, { "x-content-type-options": "nosniff" });
    }
    return c.body(body, 200, { ...SECURITY_HEADERS, "cache-control": ASSET_CACHE, "content-type": type });
  });
  app.get("/app", page);
  app.get("/app/*", page);
}
