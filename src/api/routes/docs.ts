import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";
import { ERROR_CODES } from "../error-codes.js";

type Json = Record<string, unknown>;

const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Resolves "#/components/schemas/X" references for display, one level at a time. */
function schemaText(schema: unknown, components: Json): string {
  const seen = new Set<string>();
  const expand = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => expand(n, depth));
    if (!node || typeof node !== "object") return node;
    const ref = (node as Json).$ref;
    if (typeof ref === "string") {
      const name = ref.split("/").at(-1) ?? ref;
      if (seen.has(name) || depth > 4) return `→ ${name}`;
      seen.add(name);
      const target = ((components.schemas ?? {}) as Json)[name];
      const out = expand(target, depth + 1);
      seen.delete(name);
      return out;
    }
    return Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, expand(v, depth)]));
  };
  return JSON.stringify(expand(schema, 0), null, 2);
}

/** The reference page: every operation from the OpenAPI document, as plain HTML (no scripts, no CDN). */
export function renderDocs(doc: Json): string {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const components = (doc.components ?? {}) as Json;
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const anchor = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
      const scopes = ((op.security as Json[] | undefined) ?? []).flatMap((s) => (s.bearer as string[]) ?? []);
      toc.push(
        `<li><a href="#${anchor}"><code>${method.toUpperCase()} ${esc(path)}</code></a> ${esc(op.summary)}</li>`,
      );
      const params = ((op.parameters as Json[] | undefined) ?? [])
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : ""}</td><td>${esc(
              (p.description as string) ?? ((p.schema as Json | undefined)?.description as string) ?? "",
            )}</td></tr>`,
        )
        .join("");
      const body = op.requestBody as Json | undefined;
      const bodyHtml = body
        ? Object.entries((body.content ?? {}) as Record<string, Json>)
            .map(
              ([type, c]) => `<p>Body <code>${esc(type)}</code></p><pre>${esc(schemaText(c.schema, components))}</pre>`,
            )
            .join("")
        : "";
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
        .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${esc(r.description)}</td></tr>`)
        .join("");
      ops.push(`<section id="${anchor}"><h3><code>${method.toUpperCase()} ${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ""}
${scopes.length ? `<p>Scope: <code>${esc(scopes.join(", "))}</code></p>` : "<p>No authentication.</p>"}
${params ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr>${params}</table>` : ""}
${bodyHtml}<table><tr><th>Status</th><th>Response</th></tr>${responses}</table></section>`);
    }
  }
  const codes = ERROR_CODES.map(
    (e) => `<tr><td><code>${esc(e.code)}</code></td><td>${e.status}</td><td>${esc(e.meaning)}</td></tr>`,
  ).join("");
  const info = (doc.info ?? {}) as Json;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
pre{background:#f5f5f5;padding:.6rem;overflow:auto;font-size:12px}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}section{border-top:1px solid #eee;margin-top:1.5rem}</style>
</head><body><h1>${esc(info.title)} ${esc(info.version)}</h1><p>${esc(info.description)}</p>
<p>Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>. Send <code>Idempotency-Key</code> on any POST to retry it safely.
Errors are <code>application/problem+json</code> with a stable <code>code</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
<h2>Operations</h2><ul>${toc.join("")}</ul>${ops.join("")}
<h2 id="errors">Error codes</h2><table><tr><th>code</th><th>status</th><th>meaning</th></tr>${codes}</table></body></html>`;
}

export function registerDocs(app: OpenAPIHono<AppEnv>, document: () => Json): void {
  let html: string | null = null;
  app.get("/docs", (c) => {
    html ??= renderDocs(document());
    return c.html(html, 200, { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" });
  });
}
