import type { Scope } from "../../src/services/keys/scopes.js";

/** Ids of tenant A's resources, created once by the security suite. */
export interface Fixture {
  customer: string;
  questionnaire: string;
  answer: string;
  webhook: string;
  key: string;
  control: string;
  artifact: string;
  entry: string;
  conflict: string;
  user: string;
  invitation: string;
  /** A local fake OpenID provider's issuer (tenant B's SSO points at it). */
  ssoIssuer: string;
}

export type Input =
  | { kind: "json"; body: unknown }
  | { kind: "form"; fields: Record<string, string>; file: boolean }
  | { kind: "query"; query: string };

export interface RouteCase {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The OpenAPI path ({id} placeholders). */
  path: string;
  /** null: public route. */
  scope: Scope | null;
  /** Which of tenant A's resources `{id}` (or the body) points at; tenant B must get 404 for it. */
  resource?: keyof Fixture;
  /** A valid request (apart from the tenant) — what the 404 and scope checks send. */
  valid?: (f: Fixture) => Input;
  /** A malformed request and the field the 400 must name. */
  malformed?: { input: (f: Fixture) => Input; field: string };
}

const json = (body: unknown): Input => ({ kind: "json", body });
const query = (q: string): Input => ({ kind: "query", query: q });
const badLimit = { input: () => query("limit=0"), field: "limit" };

const control = (id: string) => ({
  id,
  title: "Only in tenant A",
  description: "A control that exists only in tenant A.",
  status: "implemented",
  refs: [],
});
const artifact = (id: string) => ({ id, title: "A-only policy", access: "public", type: "policy", controls: [] });
const entry = (id: string) => ({
  id,
  topic: "test",
  question: "Is this entry only in tenant A?",
  short: "Yes",
  answer: "Yes, this library entry exists only in tenant A for the tests.",
  owner: "security",
  lastReviewed: "2026-01-01",
  reviewBy: "2027-01-01",
});

const library = (kind: "controls" | "artifacts" | "entries", resource: keyof Fixture, make: (id: string) => object) => {
  const fresh = kind === "controls" ? "CTL-NEWX-01" : `new-${kind}-item`;
  return [
    { method: "GET", path: `/v1/library/${kind}`, scope: "library:read", malformed: badLimit },
    { method: "GET", path: `/v1/library/${kind}/{id}`, scope: "library:read", resource },
    {
      method: "POST",
      path: `/v1/library/${kind}`,
      scope: "library:write",
      valid: () => json(make(fresh)),
      malformed: { input: () => json({ ...make(fresh), id: "Not A Valid Id!" }), field: "id" },
    },
    {
      method: "PUT",
      path: `/v1/library/${kind}/{id}`,
      scope: "library:write",
      resource,
      valid: (f) => json(make(f[resource])),
      malformed: {
        input: (f) => json({ ...make(f[resource]), title: 5, question: 5 }),
        field: kind === "entries" ? "question" : "title",
      },
    },
    { method: "DELETE", path: `/v1/library/${kind}/{id}`, scope: "library:write", resource },
  ] satisfies RouteCase[];
};

/** Every route of the API. test/api/security.test.ts fails if the OpenAPI document has one that is missing here. */
export const ROUTES: RouteCase[] = [
  { method: "GET", path: "/health", scope: null },
  {
    method: "POST",
    path: "/v1/answer",
    scope: "questionnaires:write",
    valid: () => ({ kind: "form", fields: { region: "eu" }, file: true }),
    malformed: { input: () => ({ kind: "form", fields: { region: "eu" }, file: false }), field: "file" },
  },
  {
    method: "POST",
    path: "/v1/match",
    scope: "questionnaires:read",
    valid: () => json({ question: "Do you encrypt data at rest?" }),
    malformed: { input: () => json({ question: 42 }), field: "question" },
  },
  {
    method: "POST",
    path: "/v1/customers",
    scope: "questionnaires:write",
    valid: () => json({ name: "Acme", region: "us" }),
    malformed: { input: () => json({ name: "Acme", region: "mars" }), field: "region" },
  },
  { method: "GET", path: "/v1/customers", scope: "questionnaires:read", malformed: badLimit },
  { method: "GET", path: "/v1/customers/{id}", scope: "questionnaires:read", resource: "customer" },
  {
    method: "PATCH",
    path: "/v1/customers/{id}",
    scope: "questionnaires:write",
    resource: "customer",
    valid: () => json({ name: "Renamed" }),
    malformed: { input: () => json({ region: "mars" }), field: "region" },
  },
  { method: "DELETE", path: "/v1/customers/{id}", scope: "questionnaires:write", resource: "customer" },
  {
    method: "PUT",
    path: "/v1/customers/by-crm/{system}/{crmId}",
    scope: "questionnaires:write",
    valid: () => json({ name: "Synced from the CRM", region: "us" }),
    malformed: { input: () => json({ name: "Synced", region: "us", ndaOnFile: true }), field: "ndaOnFile" },
  },
  {
    method: "POST",
    path: "/v1/questionnaires",
    scope: "questionnaires:write",
    resource: "customer",
    valid: (f) => ({ kind: "form", fields: { customerId: f.customer }, file: true }),
    malformed: { input: () => ({ kind: "form", fields: {}, file: true }), field: "customerId" },
  },
  { method: "GET", path: "/v1/questionnaires", scope: "questionnaires:read", malformed: badLimit },
  { method: "GET", path: "/v1/questionnaires/{id}", scope: "questionnaires:read", resource: "questionnaire" },
  // A stream once allowed: the suite only sends the requests that are refused before it starts.
  { method: "GET", path: "/v1/questionnaires/{id}/events", scope: "questionnaires:read", resource: "questionnaire" },
  {
    method: "PATCH",
    path: "/v1/questionnaires/{id}",
    scope: "questionnaires:write",
    resource: "questionnaire",
    valid: () => json({ deal: { stage: "negotiation", amount: 48000 } }),
    malformed: { input: () => json({ deal: { stage: "negotiation", amount: -5 } }), field: "deal.amount" },
  },
  { method: "DELETE", path: "/v1/questionnaires/{id}", scope: "questionnaires:write", resource: "questionnaire" },
  {
    method: "GET",
    path: "/v1/questionnaires/{id}/export",
    scope: "questionnaires:read",
    resource: "questionnaire",
    malformed: { input: () => query("format=pdf"), field: "format" },
  },
  { method: "GET", path: "/v1/questionnaires/{id}/citations", scope: "questionnaires:read", resource: "questionnaire" },
  {
    method: "GET",
    path: "/v1/questionnaires/{id}/answers",
    scope: "questionnaires:read",
    resource: "questionnaire",
    malformed: { input: () => query("confidenceBelow=high"), field: "confidenceBelow" },
  },
  {
    method: "POST",
    path: "/v1/questionnaires/{id}/answers/bulk-approve",
    scope: "answers:review",
    resource: "questionnaire",
    valid: () => json({ minConfidence: 0.99 }),
    malformed: { input: () => json({ minConfidence: 2 }), field: "minConfidence" },
  },
  {
    method: "POST",
    path: "/v1/questionnaires/{id}/answers/assign",
    scope: "answers:review",
    resource: "questionnaire",
    valid: () => json({ assignee: "reviewer@a.example", section: "Security" }),
    malformed: { input: () => json({ assignee: "reviewer@a.example" }), field: "section" },
  },
  { method: "GET", path: "/v1/answers/{id}", scope: "questionnaires:read", resource: "answer" },
  {
    method: "PATCH",
    path: "/v1/answers/{id}",
    scope: "answers:review",
    resource: "answer",
    valid: () => json({ text: "Edited by a reviewer." }),
    malformed: { input: () => json({ text: 5 }), field: "text" },
  },
  { method: "POST", path: "/v1/answers/{id}/approve", scope: "answers:review", resource: "answer" },
  {
    method: "POST",
    path: "/v1/answers/{id}/reject",
    scope: "answers:review",
    resource: "answer",
    valid: () => json({ reason: "wrong" }),
    malformed: { input: () => json({}), field: "reason" },
  },
  {
    method: "POST",
    path: "/v1/answers/{id}/reassign",
    scope: "answers:review",
    resource: "answer",
    valid: () => json({ assignee: "dana@example.com" }),
    malformed: { input: () => json({ assignee: 5 }), field: "assignee" },
  },
  {
    method: "POST",
    path: "/v1/answers/{id}/remember",
    scope: "library:write",
    resource: "answer",
    valid: () => json({ as: "phrasing" }),
    malformed: { input: () => json({ as: "entry", entryId: "Not A Slug" }), field: "entryId" },
  },
  { method: "GET", path: "/v1/answers/{id}/history", scope: "questionnaires:read", resource: "answer" },
  ...library("controls", "control", control),
  ...library("artifacts", "artifact", artifact),
  ...library("entries", "entry", entry),
  {
    method: "GET",
    path: "/v1/crosswalk",
    scope: "library:read",
    malformed: { input: () => query("framework=hipaa"), field: "framework" },
  },
  {
    method: "GET",
    path: "/v1/insights/demand",
    scope: "questionnaires:read",
    malformed: { input: () => query("region=mars"), field: "region" },
  },
  {
    method: "GET",
    path: "/v1/insights/demand/charts",
    scope: "questionnaires:read",
    malformed: { input: () => query("from=2026-13-01"), field: "from" },
  },
  {
    method: "GET",
    path: "/v1/attention",
    scope: "library:read",
    malformed: { input: () => query("owner="), field: "owner" },
  },
  { method: "POST", path: "/v1/attention/sweep", scope: "admin" },
  {
    method: "GET",
    path: "/v1/library/conflicts",
    scope: "library:read",
    malformed: { input: () => query("status=maybe"), field: "status" },
  },
  {
    method: "POST",
    path: "/v1/library/conflicts/{id}/resolve",
    scope: "library:write",
    resource: "conflict",
    valid: () => json({ resolution: "The entry was corrected." }),
    malformed: { input: () => json({ resolution: 5 }), field: "resolution" },
  },
  {
    method: "POST",
    path: "/v1/webhooks",
    scope: "admin",
    valid: () => json({ url: "http://127.0.0.1:9/hook", events: ["questionnaire.drafted"] }),
    malformed: { input: () => json({ url: "http://127.0.0.1:9/hook", events: ["nope"] }), field: "events.0" },
  },
  { method: "GET", path: "/v1/webhooks", scope: "admin", malformed: badLimit },
  { method: "GET", path: "/v1/webhooks/{id}", scope: "admin", resource: "webhook" },
  { method: "DELETE", path: "/v1/webhooks/{id}", scope: "admin", resource: "webhook" },
  { method: "GET", path: "/v1/webhooks/{id}/deliveries", scope: "admin", resource: "webhook" },
  { method: "POST", path: "/v1/webhooks/{id}/ping", scope: "admin", resource: "webhook" },
  {
    method: "POST",
    path: "/v1/keys",
    scope: "admin",
    valid: () => json({ name: "ci", scopes: ["library:read"] }),
    malformed: { input: () => json({ name: "ci", scopes: ["root"] }), field: "scopes.0" },
  },
  { method: "GET", path: "/v1/keys", scope: "admin" },
  { method: "DELETE", path: "/v1/keys/{id}", scope: "admin", resource: "key" },
  { method: "GET", path: "/v1/audit", scope: "admin", malformed: badLimit },
  {
    method: "POST",
    path: "/v1/sessions",
    scope: null,
    malformed: { input: () => json({ email: "x@example.com", password: "secret", tenant: "a" }), field: "tenant" },
  },
  { method: "DELETE", path: "/v1/sessions/current", scope: "questionnaires:read" },
  { method: "GET", path: "/v1/me", scope: "questionnaires:read" },
  {
    method: "POST",
    path: "/v1/users",
    scope: "admin",
    valid: () =>
      json({ email: "new-person@b.example", name: "New", role: "viewer", password: "correct horse battery" }),
    malformed: {
      input: () => json({ email: "x@a.example", name: "X", role: "root", password: "correct horse battery" }),
      field: "role",
    },
  },
  { method: "GET", path: "/v1/users", scope: "questionnaires:read", malformed: badLimit },
  {
    method: "PATCH",
    path: "/v1/users/{id}",
    scope: "admin",
    resource: "user",
    valid: () => json({ name: "Renamed" }),
    malformed: { input: () => json({ role: "root" }), field: "role" },
  },
  {
    method: "POST",
    path: "/v1/answers/{id}/comments",
    scope: "answers:review",
    resource: "answer",
    valid: () => json({ body: "Looks right to me." }),
    malformed: { input: () => json({}), field: "body" },
  },
  { method: "GET", path: "/v1/answers/{id}/comments", scope: "questionnaires:read", resource: "answer" },
  {
    method: "POST",
    path: "/v1/invitations/accept",
    scope: null,
    malformed: {
      input: () => json({ token: "qi_x", name: "N", password: "correct horse battery", role: "admin" }),
      field: "role",
    },
  },
  {
    method: "POST",
    path: "/v1/invitations",
    scope: "admin",
    valid: () => json({ email: "invitee@b.example", role: "viewer" }),
    malformed: { input: () => json({ email: "x@a.example", role: "root" }), field: "role" },
  },
  { method: "GET", path: "/v1/invitations", scope: "admin", malformed: badLimit },
  { method: "DELETE", path: "/v1/invitations/{id}", scope: "admin", resource: "invitation" },
  {
    method: "PUT",
    path: "/v1/sso",
    scope: "admin",
    valid: (f) =>
      json({
        issuer: f.ssoIssuer,
        clientId: "quire-test-client",
        clientSecret: "secret",
        allowedDomains: ["security-b.example"],
        defaultRole: "viewer",
      }),
    malformed: {
      input: (f) =>
        json({ issuer: f.ssoIssuer, clientId: "c", clientSecret: "s", allowedDomains: [], defaultRole: "viewer" }),
      field: "allowedDomains",
    },
  },
  // After PUT (the table runs in order): tenant B has a connection to read, then to delete.
  { method: "GET", path: "/v1/sso", scope: "admin" },
  { method: "DELETE", path: "/v1/sso", scope: "admin" },
  {
    method: "POST",
    path: "/v1/sso/start",
    scope: null,
    malformed: { input: () => json({ email: "x@a.example", tenant: "a" }), field: "tenant" },
  },
  { method: "GET", path: "/v1/sso/callback", scope: null },
];
