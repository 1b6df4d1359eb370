import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";
import { ERROR_CODES } from "../error-codes.js";

/** The OpenAPI 3.1 document as @hono/zod-openapi builds it (its openapi3-ts type, without depending on that package). */
export type OpenAPIObject = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;
type Operation = NonNullable<NonNullable<OpenAPIObject["paths"]>[string]["get"]>;
type Components = NonNullable<OpenAPIObject["components"]>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const isMethod = (key: string): key is (typeof METHODS)[number] => (METHODS as readonly string[]).includes(key);

const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const isRef = (node: object): node is { $ref: string } => "$ref" in node && typeof node.$ref === "string";

/** Resolves "#/components/schemas/X" references for display, one level at a time. */
function schemaText(schema: unknown, components: Components): string {
  const seen = new Set<string>();
  const expand = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => expand(n, depth));
    if (!node || typeof node !== "object") return node;
    if (isRef(node)) {
      const name = node.$ref.split("/").at(-1) ?? node.$ref;
      if (seen.has(name) || depth > 4) return `→ ${name}`;
      seen.add(name);
      const out = expand(components.schemas?.[name], depth + 1);
      seen.delete(name);
      return out;
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, expand(v, depth)]));
  };
  return JSON.stringify(expand(schema, 0), null, 2);
}

function operationHtml(anchor: string, method: string, path: string, op: Operation, components: Components): string {
  const scopes = (op.security ?? []).flatMap((s) => s.bearer ?? []);
  const params = (op.parameters ?? [])
    .map((p) => {
      if (isRef(p)) return "";
      const schema = p.schema && !isRef(p.schema) ? p.schema : undefined;
      return `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : ""}</td><td>${esc(
        p.description ?? schema?.description ?? "",
      )}</td></tr>`;
    })
    .join("");
  const body = op.requestBody && !isRef(op.requestBody) ? op.requestBody : undefined;
  const bodyHtml = Object.entries(body?.content ?? {})
    .map(([type, c]) => `<p>Body <code>${esc(type)}</code></p><pre>${esc(schemaText(c.schema, components))}</pre>`)
    .join("");
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${esc(isRef(r) ? r.$ref : r.description)}</td></tr>`)
    .join("");
  return `<section id="${anchor}"><h3><code>${method.toUpperCase()} ${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ""}
${scopes.length ? `<p>Scope: <code>${esc(scopes.join(", "))}</code></p>` : "<p>No authentication.</p>"}
${params ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr>${params}</table>` : ""}
${bodyHtml}<table><tr><th>Status</th><th>Response</th></tr>${responses}</table></section>`;
}

/** The reference page: every operation from the OpenAPI document, as plain HTML (no scripts, no CDN). */
export function renderDocs(doc: OpenAPIObject): string {
  const components = doc.components ?? {};
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    // In the document's order, which is the order the routes were registered in.
    for (const method of Object.keys(item).filter(isMethod)) {
      const op = item[method];
      if (!op) continue;
      const anchor = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
      toc.push(
        `<li><a href="#${anchor}"><code>${method.toUpperCase()} ${esc(path)}</code></a> ${esc(op.summary)}</li>`,
      );
      ops.push(operationHtml(anchor, method, path, op, components));
    }
  }
  const codes = ERROR_CODES.map(
    (e) => `<tr><td><code>${esc(e.code)}</code></td><td>${e.status}</td><td>${esc(e.meaning)}</td></tr>`,
  ).join("");
  const { info } = doc;
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

export function registerDocs(app: OpenAPIHono<AppEnv>, document: () => OpenAPIObject): void {
  let html: string | null = null;
  app.get("/docs", (c) => {
    html ??= renderDocs(document());
    return c.html(html, 200, { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" });
  });
}
