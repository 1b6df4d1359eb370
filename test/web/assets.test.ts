import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { fsBlobStore } from "../../src/blobs/fs.js";
import { openSqlite } from "../../src/db/sqlite.js";
import { systemClock } from "../../src/services/context.js";
import { ASSETS, ENTRY_ASSETS } from "../../src/web/assets/index.js";
import { WEB_CSP } from "../../src/web/register.js";

// No browser here: these catch a broken bundle or a header regression with a precise message
// before the slower browser suite runs.
describe("the embedded client assets", () => {
  it.each(Object.keys(ASSETS))("%s parses", (name) => {
    const source = ASSETS[name] ?? "";
    expect(() => transformSync(source, { loader: name.endsWith(".css") ? "css" : "js", format: "esm" })).not.toThrow();
  });

  it.each(Object.keys(ASSETS).filter((n) => n.endsWith(".js")))("%s never parses data as HTML", (name) => {
    // The client builds DOM with createElement/textContent only (see dom.js).
    expect(ASSETS[name]).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it("are one self-contained script and one stylesheet, named by their contents", () => {
    expect(Object.keys(ASSETS).sort()).toEqual([ENTRY_ASSETS.style, ENTRY_ASSETS.script].sort());
    expect(ENTRY_ASSETS.script).toMatch(/^main-[A-Z0-9]{8}\.js$/);
    expect(ENTRY_ASSETS.style).toMatch(/^app-[A-Z0-9]{8}\.css$/);
    // Bundled: nothing left for the browser to fetch besides the script itself.
    expect(ASSETS[ENTRY_ASSETS.script]).not.toMatch(/^\s*import\b|\bimport\s*\(/m);
  });
});

describe("GET /app", () => {
  let dir: string;
  let close: () => void;
  let app: ReturnType<typeof createApp>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "quire-web-"));
    const handle = openSqlite(join(dir, "quire.db"));
    close = () => handle.close();
    app = createApp({ db: handle.db, blobs: fsBlobStore(join(dir, "blobs")), clock: systemClock });
  });
  afterAll(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(["/app", "/app/", "/app/questionnaires/qn_anything"])(
    "%s answers the page with a strict CSP",
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("content-security-policy")).toBe(WEB_CSP);
      expect(WEB_CSP).toContain("script-src 'self'");
      expect(WEB_CSP).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const html = await res.text();
      expect(html).toContain(`<script type="module" src="/app/assets/${ENTRY_ASSETS.script}"></script>`);
      expect(html).toContain(`<link rel="stylesheet" href="/app/assets/${ENTRY_ASSETS.style}">`);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(html).not.toMatch(/<script>|<style>|\sstyle=|\son[a-z]+=/); // nothing inline for the CSP to allow
    },
  );

  it("serves the script as JavaScript and the stylesheet as CSS, cacheable for good", async () => {
    const js = await app.request(`/app/assets/${ENTRY_ASSETS.script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await js.text()).toBe(ASSETS[ENTRY_ASSETS.script]);
    // A new build has new names, so a cached copy is never stale.
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const css = await app.request(`/app/assets/${ENTRY_ASSETS.style}`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("answers 404 for an unknown asset instead of the HTML shell", async () => {
    expect((await app.request("/app/assets/nope.js")).status).toBe(404);
    expect((await app.request("/app/assets/main.js")).status).toBe(404); // only the hashed name is served
    expect((await app.request("/app/assets/..%2Fpage.ts")).status).toBe(404);
  });

  it("needs no key, and stays out of the OpenAPI document", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith("/app"))).toEqual([]);
    // The API itself still refuses without a key.
    expect((await app.request("/v1/questionnaires")).status).toBe(401);
  });
});
