import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries } from "../../src/db/schema/index.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/** Invitations: single-use, expiring links that create the person in the inviting tenant only. */
let h: Harness;
let a: Tenant;
let b: Tenant;
let now = new Date("2026-12-01T09:00:00Z");
const clock = { now: () => now };
const PASSWORD = "correct horse battery";

const invite = (tenant: Tenant, body: unknown, key = tenant.adminKey) =>
  h.call("POST", "/v1/invitations", { key, json: body });
const accept = (token: string, name = "Sam", password = PASSWORD) =>
  h.call("POST", "/v1/invitations/accept", { json: { token, name, password } });

beforeAll(async () => {
  h = await harness({ deps: { clock } });
  a = await h.tenant("Invite A");
  b = await h.tenant("Invite B");
});
afterAll(() => h.close());

describe("an invitation", () => {
  it("returns a link once, keeps only a hash, and announces invitation.created without the token", async () => {
    const hook = await h.call("POST", "/v1/webhooks", {
      key: a.adminKey,
      json: { url: "http://127.0.0.1:9/hook", events: ["invitation.created"] },
    });
    expect(hook.status).toBe(201);
    const res = await invite(a, { email: "Sam@A.example", role: "reviewer" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      email: "sam@a.example",
      role: "reviewer",
      state: "pending",
      expiresAt: "2026-12-04T09:00:00.000Z",
      createdBy: expect.stringMatching(/^key:/),
    });
    expect(res.body.token).toMatch(/^qi_[a-z0-9]{48}$/);
    expect(res.body.link).toBe(`http://localhost/app/invite#token=${res.body.token}`);
    const list = await h.call("GET", "/v1/invitations", { key: a.adminKey });
    expect(list.body.data[0]).toMatchObject({ id: res.body.id, state: "pending" });
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
    const events = await h.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventType, "invitation.created"));
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? "{}").data).toMatchObject({
      invitationId: res.body.id,
      email: "sam@a.example",
      role: "reviewer",
    });
    expect(events[0]?.payload).not.toContain(res.body.token);
  });

  it("creates the person in the inviting tenant only, with the invited role, and signs them in", async () => {
    const made = await invite(a, { email: "vic@a.example", role: "viewer" });
    const res = await accept(made.body.token, "Vic Viewer");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.user).toMatchObject({ email: "vic@a.example", name: "Vic Viewer", role: "viewer" });
    expect(res.headers.get("set-cookie")).toMatch(/^quire_session=qs_/);
    const me = await h.call("GET", "/v1/me", { key: res.body.token });
    expect(me.body).toMatchObject({ tenantId: a.id, user: { email: "vic@a.example", role: "viewer" } });
    const inA = await h.call("GET", "/v1/users", { key: a.adminKey });
    const inB = await h.call("GET", "/v1/users", { key: b.adminKey });
    expect(inA.body.data.map((u: { email: string }) => u.email)).toContain("vic@a.example");
    expect(inB.body.data.map((u: { email: string }) => u.email)).not.toContain("vic@a.example");
    const state = await h.call("GET", "/v1/invitations", { key: a.adminKey });
    expect(state.body.data.find((i: { id: string }) => i.id === made.body.id)).toMatchObject({
      state: "accepted",
      userId: res.body.user.id,
    });
    // The password set on acceptance works for the next sign-in.
    const again = await h.call("POST", "/v1/sessions", { json: { email: "vic@a.example", password: PASSWORD } });
    expect(again.status).toBe(201);
  });

  it("works once: a second acceptance is 410 invitation_used", async () => {
    const made = await invite(a, { email: "once@a.example", role: "reviewer" });
    expect((await accept(made.body.token)).status).toBe(201);
    const replay = await accept(made.body.token, "Mallory", "another long password");
    expect(replay.status).toBe(410);
    expect(replay.headers.get("content-type")).toContain("application/problem+json");
    expect(replay.body.code).toBe("invitation_used");
  });

  it("expires: after expiresInHours it is 410 invitation_expired, and listed as expired", async () => {
    const made = await invite(a, { email: "late@a.example", role: "reviewer", expiresInHours: 2 });
    now = new Date(now.getTime() + 2 * 3_600_000);
    try {
      const res = await accept(made.body.token);
      expect(res.status).toBe(410);
      expect(res.body.code).toBe("invitation_expired");
      const list = await h.call("GET", "/v1/invitations", { key: a.adminKey });
      expect(list.body.data.find((i: { id: string }) => i.id === made.body.id).state).toBe("expired");
    } finally {
      now = new Date(now.getTime() - 2 * 3_600_000);
    }
    const still = await accept(made.body.token);
    expect(still.status).toBe(201);
  });

  it("is refused when withdrawn, unknown, or superseded by a newer invitation of the same email", async () => {
    const first = await invite(a, { email: "twice@a.example", role: "viewer" });
    const second = await invite(a, { email: "twice@a.example", role: "reviewer" });
    expect((await accept(first.body.token)).body.code).toBe("invitation_revoked");
    const revoke = await h.call("DELETE", `/v1/invitations/${second.body.id}`, { key: a.adminKey });
    expect(revoke.status).toBe(204);
    expect((await accept(second.body.token)).body.code).toBe("invitation_revoked");
    const unknown = await accept(`qi_${"0".repeat(48)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("invitation_unknown");
  });

  it("belongs to its tenant: another tenant's admin cannot see or withdraw it", async () => {
    const made = await invite(a, { email: "kept@a.example", role: "viewer" });
    const revoke = await h.call("DELETE", `/v1/invitations/${made.body.id}`, { key: b.adminKey });
    expect(revoke.status).toBe(404);
    expect(revoke.body.code).toBe("not_found");
    const listB = await h.call("GET", "/v1/invitations", { key: b.adminKey });
    expect(listB.body.data.map((i: { id: string }) => i.id)).not.toContain(made.body.id);
    const res = await accept(made.body.token);
    expect(res.status).toBe(201);
    // The person is in A: B's questionnaire is not theirs to see.
    const customer = await h.call("POST", "/v1/customers", {
      key: b.adminKey,
      json: { name: "B buyer", region: "eu" },
    });
    const upload = await h.call("POST", "/v1/questionnaires", {
      key: b.adminKey,
      form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { customerId: customer.body.id }),
    });
    const peek = await h.call("GET", `/v1/questionnaires/${upload.body.id}`, { key: res.body.token });
    expect(peek.status).toBe(404);
  });
});

describe("roles", () => {
  it("only an admin invites; the invited role is what the person may do", async () => {
    const made = await invite(a, { email: "rev@a.example", role: "reviewer" });
    const reviewer = await accept(made.body.token, "Rev");
    const byReviewer = await invite(a, { email: "friend@a.example", role: "admin" }, reviewer.body.token);
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.body.code).toBe("insufficient_scope");
    const { key } = await a.key(["questionnaires:write", "answers:review"]);
    expect((await invite(a, { email: "friend@a.example", role: "admin" }, key)).status).toBe(403);
    const listByReviewer = await h.call("GET", "/v1/invitations", { key: reviewer.body.token });
    expect(listByReviewer.status).toBe(403);
    const bad = await invite(a, { email: "x@a.example", role: "owner" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("role");
    const extra = await invite(a, { email: "x@a.example", role: "viewer", tenantId: b.id });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe("tenantId");
  });

  it("refuses to invite an email that already has an account (in any tenant)", async () => {
    const res = await invite(b, { email: "vic@a.example", role: "viewer" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("email_taken");
  });

  it("asks for a password of at least 12 characters on acceptance", async () => {
    const made = await invite(a, { email: "short@a.example", role: "viewer" });
    const res = await accept(made.body.token, "Short", "short");
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe("password");
    expect((await accept(made.body.token)).status).toBe(201);
  });
});

describe("behind a proxy", () => {
  it("builds links on the configured public URL, marks the cookie Secure, and slows an address guessing tokens", async () => {
    const proxied = await harness({
      deps: { publicUrl: "https://quire.vendor.example", authFailures: { burst: 2, perSecond: 0.001 } },
    });
    try {
      const t = await proxied.tenant("Proxied");
      const made = await proxied.call("POST", "/v1/invitations", {
        key: t.adminKey,
        json: { email: "pia@proxied.example", role: "viewer" },
      });
      expect(made.body.link).toBe(`https://quire.vendor.example/app/invite#token=${made.body.token}`);
      const accepted = await proxied.call("POST", "/v1/invitations/accept", {
        json: { token: made.body.token, name: "Pia", password: PASSWORD },
      });
      expect(accepted.headers.get("set-cookie")).toMatch(/; Secure$/);
      const guess = () =>
        proxied.call("POST", "/v1/invitations/accept", {
          json: { token: `qi_${"1".repeat(48)}`, name: "X", password: PASSWORD },
        });
      expect([(await guess()).status, (await guess()).status]).toEqual([404, 404]);
      const third = await guess();
      expect(third.status).toBe(429);
      expect(third.body.code).toBe("too_many_failed_keys");
    } finally {
      await proxied.close();
    }
  });
});
