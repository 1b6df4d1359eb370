import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "../../src/services/keys/scopes.js";
import { type FakeOidc, startFakeOidc } from "../support/fake-oidc.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";
import { type Fixture, type Input, ROUTES, type RouteCase } from "./routes.js";

let h: Harness;
let a: Tenant;
let b: Tenant;
let f: Fixture;
let revokedKey: string;
let idp: FakeOidc;

const CSV = readFileSync("fixtures/simple.csv");

/** Sends a route case's input as tenant X would. */
function send(route: RouteCase, key: string | null, input: Input | undefined, id?: string) {
  let path = route.path
    .replace("{id}", encodeURIComponent(id ?? "none"))
    .replace("{system}", "salesforce")
    .replace("{crmId}", "crm-security-1");
  if (input?.kind === "query") path += `?${input.query}`;
  if (input?.kind === "json") return h.call(route.method, path, { key, json: input.body });
  if (input?.kind === "form") {
    const form = input.file ? fileForm(CSV, "simple.csv", input.fields) : new FormData();
    if (!input.file) for (const [k, v] of Object.entries(input.fields)) form.append(k, v);
    return h.call(route.method, path, { key, form });
  }
  // Bodyless POSTs still send JSON so that content-type is never the reason for a refusal.
  return h.call(route.method, path, route.method === "POST" ? { key, json: {} } : { key });
}

const idOf = (route: RouteCase) => (route.resource ? f[route.resource] : undefined);

beforeAll(async () => {
  idp = await startFakeOidc();
  h = await harness({ deps: { sso: { allowInsecureIssuer: true } } });
  a = await h.tenant("Tenant A");
  b = await h.tenant("Tenant B");
  const call = (method: string, path: string, body?: unknown) =>
    h.call(method, path, { key: a.adminKey, ...(body !== undefined && { json: body }) });

  const customer = await call("POST", "/v1/customers", { name: "Buyer of A", region: "eu" });
  const upload = await h.call("POST", "/v1/questionnaires", {
    key: a.adminKey,
    form: fileForm(CSV, "simple.csv", { customerId: customer.body.id }),
  });
  await h.jobs.drain();
  const answers = await call("GET", `/v1/questionnaires/${upload.body.id}/answers`);
  const webhook = await call("POST", "/v1/webhooks", {
    url: "http://127.0.0.1:9/hook",
    events: ["questionnaire.drafted"],
  });
  const spare = await a.key(["library:read"]);
  const ctl = await call("POST", "/v1/library/controls", {
    id: "CTL-AONLY-01",
    title: "Only in A",
    description: "A control only tenant A has.",
    status: "implemented",
    refs: [],
  });
  const art = await call("POST", "/v1/library/artifacts", {
    id: "a-only-artifact",
    title: "A policy",
    access: "public",
    type: "policy",
  });
  const ent = await call("POST", "/v1/library/entries", {
    id: "a-only-entry",
    topic: "test",
    question: "Is this entry only in tenant A?",
    short: "Yes",
    answer: "Yes, this library entry exists only in tenant A.",
    owner: "security",
    lastReviewed: "2026-01-01",
    reviewBy: "2027-01-01",
  });
  // A library conflict: a reviewer approves the opposite of what the entry answers.
  const yes = (answers.body.data as { id: string; value: string | null; entryId: string | null }[]).find(
    (x) => x.value === "Yes" && x.entryId,
  );
  if (!yes) throw new Error("expected a drafted Yes answer");
  await call("PATCH", `/v1/answers/${yes.id}`, { value: "No" });
  await call("POST", `/v1/answers/${yes.id}/approve`);
  const conflicts = await call("GET", "/v1/library/conflicts");
  const user = await call("POST", "/v1/users", {
    email: "reviewer@a.example",
    name: "Reviewer of A",
    role: "reviewer",
    password: "correct horse battery",
  });
  const invitation = await call("POST", "/v1/invitations", { email: "invited@a.example", role: "viewer" });
  for (const r of [customer, upload, answers, webhook, ctl, art, ent, conflicts, user, invitation]) {
    expect(r.status).toBeLessThan(300);
  }
  f = {
    customer: customer.body.id,
    questionnaire: upload.body.id,
    answer: answers.body.data[0].id,
    webhook: webhook.body.id,
    key: spare.id,
    control: ctl.body.id,
    artifact: art.body.id,
    entry: ent.body.id,
    conflict: conflicts.body.data[0].id,
    user: user.body.id,
    invitation: invitation.body.id,
    ssoIssuer: idp.issuer,
  };

  const doomed = await a.key([...SCOPES]);
  const revoke = await call("DELETE", `/v1/keys/${doomed.id}`);
  expect(revoke.status).toBe(204);
  revokedKey = doomed.key;
});
afterAll(async () => {
  await h.close();
  await idp.close();
});

describe("the route table", () => {
  it("covers every operation in the OpenAPI document, with the scope it declares", async () => {
    const doc = (await h.call("GET", "/openapi.json")).body as {
      paths: Record<string, Record<string, { security?: { bearer: string[] }[] }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        op: `${method.toUpperCase()} ${path}`,
        scope: op.security?.[0]?.bearer[0] ?? null,
      })),
    );
    const table = ROUTES.map((r) => ({ op: `${r.method} ${r.path}`, scope: r.scope }));
    expect(table.map((r) => r.op).sort()).toEqual(documented.map((r) => r.op).sort());
    expect(new Set(table.map((r) => r.op)).size).toBe(table.length);
    for (const r of documented) expect(table.find((t) => t.op === r.op)?.scope, r.op).toBe(r.scope);
  });

  it("leaves only /health, sign-in, accepting an invitation and the SSO sign-in public", () => {
    expect(ROUTES.filter((r) => r.scope === null).map((r) => r.path)).toEqual([
      "/health",
      "/v1/sessions",
      "/v1/invitations/accept",
      "/v1/sso/start",
      "/v1/sso/callback",
    ]);
  });
});

describe.each(ROUTES.filter((r) => r.scope !== null))("$method $path", (route) => {
  it("answers 401 without a key", async () => {
    const res = await send(route, null, route.valid?.(f), idOf(route));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("unauthenticated");
  });

  it("answers 401 with a revoked key", async () => {
    const res = await send(route, revokedKey, route.valid?.(f), idOf(route));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("invalid_api_key");
  });

  it("answers 403 when the key lacks the scope", async () => {
    const others = SCOPES.filter((s) => s !== route.scope && s !== "admin");
    const { key } = await a.key(others);
    const res = await send(route, key, route.valid?.(f), idOf(route));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "insufficient_scope", status: 403 });
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it.runIf(route.resource)("answers 404 for another tenant's resource, even with the right scope", async () => {
    const { key } = await b.key([route.scope as (typeof SCOPES)[number]]);
    const res = await send(route, key, route.valid?.(f), idOf(route));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });

  it.runIf(!route.resource)("passes the guard with exactly its scope", async () => {
    const { key } = await b.key([route.scope as (typeof SCOPES)[number]]);
    const res = await send(route, key, route.valid?.(f));
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });

  it.runIf(route.malformed)("answers 400 naming the field for a malformed request", async () => {
    const malformed = route.malformed as NonNullable<RouteCase["malformed"]>;
    const res = await send(route, a.adminKey, malformed.input(f), idOf(route));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(malformed.field);
    expect(res.body.detail).toContain(malformed.field);
  });
});

describe("malformed JSON", () => {
  it("is a 400 problem, not a 500", async () => {
    const res = await h.call("POST", "/v1/customers", { key: a.adminKey, body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("malformed_body");
  });
});
