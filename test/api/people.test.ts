import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema/index.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/** People: users with roles, sessions (bearer or cookie), the audit log naming them, queues, comments. */
let h: Harness;
let a: Tenant;
let b: Tenant;
let questionnaireId: string;
const PASSWORD = "correct horse battery";

const admin = (method: string, path: string, body?: unknown) =>
  h.call(method, path, { key: a.adminKey, ...(body !== undefined && { json: body }) });

async function signIn(email: string, password = PASSWORD) {
  return h.call("POST", "/v1/sessions", { json: { email, password } });
}

async function person(tenant: Tenant, email: string, role: string) {
  const made = await h.call("POST", "/v1/users", {
    key: tenant.adminKey,
    json: { email, name: email.split("@")[0], role, password: PASSWORD },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const session = await signIn(email);
  expect(session.status).toBe(201);
  return { id: made.body.id as string, token: session.body.token as string };
}

beforeAll(async () => {
  h = await harness();
  a = await h.tenant("People A");
  b = await h.tenant("People B");
  const customer = await admin("POST", "/v1/customers", { name: "Buyer", region: "us" });
  const upload = await h.call("POST", "/v1/questionnaires", {
    key: a.adminKey,
    form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { customerId: customer.body.id }),
  });
  questionnaireId = upload.body.id;
  await h.jobs.drain();
});
afterAll(() => h.close());

describe("sign-in", () => {
  it("answers a wrong password and an unknown email alike, and keeps only a PBKDF2 hash", async () => {
    await person(a, "rita@a.example", "reviewer");
    const wrong = await signIn("rita@a.example", "not the password");
    const unknown = await signIn("nobody@a.example");
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: "invalid_credentials", detail: "the email or password is wrong" });
    }
    const [row] = await h.db.select().from(users).where(eq(users.email, "rita@a.example"));
    expect(row?.passwordHash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses unknown fields and a short password", async () => {
    const extra = await h.call("POST", "/v1/sessions", { json: { email: "x@a.example", password: "p", tenant: "t" } });
    expect(extra.body.errors[0].field).toBe("tenant");
    const short = await admin("POST", "/v1/users", {
      email: "s@a.example",
      name: "S",
      role: "viewer",
      password: "short",
    });
    expect(short.status).toBe(400);
    expect(short.body.detail).toBe("password: at least 12 characters");
  });

  it("gives a session usable as a bearer token or as the HttpOnly cookie", async () => {
    await person(a, "cora@a.example", "viewer");
    const res = await signIn("CORA@a.example");
    expect(res.headers.get("set-cookie")).toMatch(/^quire_session=qs_\w+; Path=\/; HttpOnly; SameSite=Strict/);
    const bearer = await h.call("GET", "/v1/me", { key: res.body.token });
    expect(bearer.body).toMatchObject({ user: { email: "cora@a.example", role: "viewer" }, keyId: null });
    const cookie = await h.call("GET", "/v1/me", { headers: { cookie: `quire_session=${res.body.token}` } });
    expect(cookie.status).toBe(200);
    expect(cookie.body.user.email).toBe("cora@a.example");
  });

  it("refuses a cookie-authenticated change from another origin", async () => {
    const { token } = await person(a, "olga@a.example", "reviewer");
    const answers = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers`, { key: token });
    const res = await h.call("POST", `/v1/answers/${answers.body.data[0].id}/comments`, {
      json: { body: "from elsewhere" },
      headers: { cookie: `quire_session=${token}`, origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("cross_site_request");
  });

  it("ends with sign-out, and with disabling the account", async () => {
    const first = await person(a, "sam@a.example", "viewer");
    expect((await h.call("DELETE", "/v1/sessions/current", { key: first.token })).status).toBe(204);
    const after = await h.call("GET", "/v1/me", { key: first.token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("invalid_session");
    const second = (await signIn("sam@a.example")).body.token;
    expect((await admin("PATCH", `/v1/users/${first.id}`, { disabled: true })).status).toBe(200);
    expect((await h.call("GET", "/v1/me", { key: second })).status).toBe(401);
    expect((await signIn("sam@a.example")).status).toBe(401);
  });
});

describe("roles", () => {
  it("map onto scopes: a viewer reads but may not approve", async () => {
    const { token } = await person(a, "vera@a.example", "viewer");
    const list = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers`, { key: token });
    expect(list.status).toBe(200);
    const res = await h.call("POST", `/v1/answers/${list.body.data[0].id}/approve`, { key: token, json: {} });
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('your role (viewer) lacks the "answers:review" scope');
  });

  it("keep tenants apart: another tenant's person gets 404 for this tenant's answers", async () => {
    const { token } = await person(b, "bob@b.example", "admin");
    const res = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers`, { key: token });
    expect(res.status).toBe(404);
  });
});

describe("review as a person", () => {
  it("names the person in the audit log and the history", async () => {
    const { token } = await person(a, "ria@a.example", "reviewer");
    const list = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?status=drafted`, { key: token });
    const answer = list.body.data[0];
    const approved = await h.call("POST", `/v1/answers/${answer.id}/approve`, { key: token, json: {} });
    expect(approved.body.reviewer).toBe("user:ria@a.example");
    const audit = await admin("GET", "/v1/audit?limit=500");
    const row = audit.body.data.find((x: { action: string; subject: string }) => x.action === "answer.approve");
    expect(row).toMatchObject({ actor: "user:ria@a.example", keyId: null, subject: answer.id });
    const history = await h.call("GET", `/v1/answers/${answer.id}/history`, { key: token });
    expect(history.body.data.at(-1).actor).toBe("user:ria@a.example");
  });

  it("finds my queue with assignee=me, with due dates", async () => {
    const me = await person(a, "mia@a.example", "subject_expert");
    const list = await admin("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=3`);
    for (const x of list.body.data.slice(0, 2)) {
      const res = await admin("POST", `/v1/answers/${x.id}/reassign`, {
        assignee: "mia@a.example",
        dueOn: "2027-02-01",
      });
      expect(res.status).toBe(200);
    }
    const mine = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?assignee=me`, { key: me.token });
    expect(mine.body.data.map((x: { id: string }) => x.id)).toEqual(
      list.body.data.slice(0, 2).map((x: { id: string }) => x.id),
    );
    expect(mine.body.data.every((x: { dueOn: string }) => x.dueOn === "2027-02-01")).toBe(true);
    const byKey = await admin("GET", `/v1/questionnaires/${questionnaireId}/answers?assignee=me`);
    expect(byKey.status).toBe(400);
    expect(byKey.body.errors[0].field).toBe("assignee");
  });

  it("records comments with the people they mention", async () => {
    const writer = await person(a, "wes@a.example", "reviewer");
    await person(a, "dana@a.example", "subject_expert");
    const list = await admin("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=1`);
    const id = list.body.data[0].id;
    const res = await h.call("POST", `/v1/answers/${id}/comments`, {
      key: writer.token,
      json: { body: "@dana can you confirm? cc @mia@a.example and @nobody" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ author: "user:wes@a.example", mentions: ["dana@a.example", "mia@a.example"] });
    const comments = await h.call("GET", `/v1/answers/${id}/comments`, { key: writer.token });
    expect(comments.body.data.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });
});
