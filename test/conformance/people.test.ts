import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryBlobStore } from "../../src/blobs/fs.js";
import { answers, tenants } from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { assignAnswers } from "../../src/services/answers/assign.js";
import { addComment } from "../../src/services/comments/add.js";
import { listComments } from "../../src/services/comments/list.js";
import type { ServiceContext } from "../../src/services/context.js";
import { acceptInvitation } from "../../src/services/invitations/accept.js";
import { createInvitation } from "../../src/services/invitations/create.js";
import { listInvitations } from "../../src/services/invitations/list.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { answerFile } from "../../src/services/questionnaires/answer-file.js";
import { signIn } from "../../src/services/sessions/sign-in.js";
import { endSession } from "../../src/services/sessions/sign-out.js";
import { verifySession } from "../../src/services/sessions/verify.js";
import { getSsoConnection, saveSsoConnection } from "../../src/services/sso/connection.js";
import { finishSso, startSso } from "../../src/services/sso/sign-in.js";
import { createUser } from "../../src/services/users/create.js";
import { updateUser } from "../../src/services/users/update.js";
import { type FakeOidc, startFakeOidc } from "../support/fake-oidc.js";
import { DRIVERS } from "./drivers.js";

/**
 * People on both drivers (better-sqlite3 and D1 through Miniflare): users, sessions, comments,
 * invitations and SSO (connection, single-use state, just-in-time account) store and behave alike.
 */
let now = new Date("2026-12-01T09:00:00Z");
const clock = { now: () => now };
const PASSWORD = "correct horse battery";
let idp: FakeOidc;
beforeAll(async () => {
  idp = await startFakeOidc();
});
afterAll(() => idp.close());

describe.each(DRIVERS)("people on $name", (driver) => {
  let db: Db;
  let close: () => Promise<void>;
  const ctxFor = (tenantId: string, actor = "test"): ServiceContext => ({
    tenantId,
    actor,
    db,
    blobs: memoryBlobStore(),
    clock,
    sso: { allowInsecureIssuer: true },
  });

  beforeAll(async () => {
    ({ db, close } = await driver.open());
    for (const id of ["tn_a", "tn_b"]) await db.insert(tenants).values({ id, name: id, createdAt: now.toISOString() });
  }, 60_000);
  afterAll(async () => close());

  it("keeps users and sessions: sign in, verify, sign out, disabling ends every session", async () => {
    const user = await createUser(ctxFor("tn_a"), {
      email: "Ann@A.example",
      name: "Ann",
      role: "reviewer",
      password: PASSWORD,
    });
    expect(user.email).toBe("ann@a.example");
    expect(await signIn(db, "ann@a.example", "wrong password!!", now)).toBeNull();
    const one = await signIn(db, "ANN@a.example", PASSWORD, now);
    const two = await signIn(db, "ann@a.example", PASSWORD, now);
    if (!one || !two) throw new Error("expected sessions");
    const verified = await verifySession(db, one.token, now.toISOString());
    expect(verified).toMatchObject({ tenantId: "tn_a", user: { email: "ann@a.example", role: "reviewer" } });
    expect(verified?.scopes).toContain("answers:review");
    await endSession(ctxFor("tn_a"), verified?.sessionId ?? "");
    expect(await verifySession(db, one.token, now.toISOString())).toBeNull();
    expect(await verifySession(db, two.token, now.toISOString())).not.toBeNull();
    expect(await verifySession(db, two.token, "2026-12-02T09:00:00.000Z")).toBeNull();
    await updateUser(ctxFor("tn_a"), user.id, { disabled: true });
    expect(await verifySession(db, two.token, now.toISOString())).toBeNull();
    await expect(
      createUser(ctxFor("tn_b"), { email: "ann@a.example", name: "Ann", role: "viewer", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "email_taken" });
  });

  it("keeps comments with their mentions and bulk assignment in the tenant", async () => {
    const ctx = ctxFor("tn_a", "user:cal@a.example");
    await replaceLibrary(ctx, await loadLibraryDir("answer-library"));
    await createUser(ctx, { email: "cal@a.example", name: "Cal", role: "reviewer", password: PASSWORD });
    await createUser(ctx, { email: "dee@a.example", name: "Dee", role: "subject_expert", password: PASSWORD });
    const { questionnaireId } = await answerFile(ctx, {
      bytes: new Uint8Array(readFileSync("fixtures/caiq-like.xlsx")),
      fileName: "caiq-like.xlsx",
      customer: { region: "eu", ndaOnFile: false, asOf: "2026-12-01" },
    });
    const stored = await db.select().from(answers).where(eq(answers.questionnaireId, questionnaireId));
    const first = stored[0]?.id ?? "";
    const comment = await addComment(ctx, first, "@dee please check; cc @nobody");
    expect(comment.mentions).toEqual(["dee@a.example"]);
    expect((await listComments(ctx, first)).map((c) => c.id)).toEqual([comment.id]);
    await expect(listComments(ctxFor("tn_b"), first)).rejects.toMatchObject({ code: "not_found" });
    const assigned = await assignAnswers(ctx, questionnaireId, {
      assignee: "dee@a.example",
      section: "Human Resources",
      dueOn: "2027-01-10",
    });
    expect(assigned.assigned).toHaveLength(3);
    const rows = await db.select().from(answers).where(eq(answers.assignee, "dee@a.example"));
    expect(rows.map((r) => r.id).sort()).toEqual([...assigned.assigned].sort());
    expect(rows.every((r) => r.dueOn === "2027-01-10" && r.tenantId === "tn_a")).toBe(true);
  }, 60_000);

  it("keeps invitations single-use and expiring, in the inviting tenant only", async () => {
    const admin = ctxFor("tn_b", "key:admin");
    const made = await createInvitation(admin, { email: "eve@b.example", role: "viewer", expiresInHours: 1 });
    const [a1, a2] = await Promise.allSettled([
      acceptInvitation(admin, { token: made.token, name: "Eve", password: PASSWORD }),
      acceptInvitation(admin, { token: made.token, name: "Mallory", password: PASSWORD }),
    ]);
    const outcomes = [a1, a2].map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code: string }).code));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok")).toEqual([expect.stringMatching(/^(invitation_used|email_taken)$/)]);
    const signedIn = await signIn(db, "eve@b.example", PASSWORD, now);
    expect(signedIn?.user).toMatchObject({ role: "viewer" });
    expect((await verifySession(db, signedIn?.token ?? "", now.toISOString()))?.tenantId).toBe("tn_b");
    now = new Date(now.getTime() + 60_000); // newest first: a later creation time
    const late = await createInvitation(admin, { email: "late@b.example", role: "viewer", expiresInHours: 1 });
    now = new Date(now.getTime() + 3_600_000);
    await expect(acceptInvitation(admin, { token: late.token, name: "L", password: PASSWORD })).rejects.toMatchObject({
      code: "invitation_expired",
    });
    const states = (await listInvitations(admin, { limit: 10 })).data.map((i) => [i.email, i.state]);
    expect(states).toEqual([
      ["late@b.example", "expired"],
      ["eve@b.example", "accepted"],
    ]);
    expect((await listInvitations(ctxFor("tn_a"), { limit: 10 })).data).toEqual([]);
  });

  it("signs in with SSO: state used once, just-in-time account with the default role, domains unique", async () => {
    const admin = ctxFor("tn_a", "key:admin");
    await saveSsoConnection(admin, {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedDomains: ["sso-a.example"],
      defaultRole: "sales_engineer",
    });
    expect((await getSsoConnection(admin)).allowedDomains).toEqual(["sso-a.example"]);
    await expect(
      saveSsoConnection(ctxFor("tn_b"), {
        issuer: idp.issuer,
        clientId: "x",
        clientSecret: "y",
        allowedDomains: ["sso-a.example"],
        defaultRole: "viewer",
      }),
    ).rejects.toMatchObject({ code: "sso_domain_taken" });
    idp.as({ email: "fay@sso-a.example", name: "Fay" });
    const started = await startSso(admin, { email: "fay@sso-a.example" }, "http://localhost/v1/sso/callback");
    const back = await idp.authorize(started.authorizationUrl);
    const session = await finishSso(admin, back.searchParams, started.state);
    expect(session.user).toMatchObject({ email: "fay@sso-a.example", role: "sales_engineer" });
    expect((await verifySession(db, session.token, now.toISOString()))?.tenantId).toBe("tn_a");
    await expect(finishSso(admin, back.searchParams, started.state)).rejects.toMatchObject({ code: "sso_state_used" });
    expect(await signIn(db, "fay@sso-a.example", "none:sso", now)).toBeNull();
    // A sign-in left at the provider for more than 10 minutes lapses.
    const slow = await startSso(admin, { email: "fay@sso-a.example" }, "http://localhost/v1/sso/callback");
    const slowBack = await idp.authorize(slow.authorizationUrl);
    now = new Date(now.getTime() + 10 * 60_000);
    await expect(finishSso(admin, slowBack.searchParams, slow.state)).rejects.toMatchObject({
      code: "sso_state_expired",
    });
    // An hour later the next start clears it away: the callback no longer knows it.
    now = new Date(now.getTime() + 61 * 60_000);
    await startSso(admin, { email: "fay@sso-a.example" }, "http://localhost/v1/sso/callback");
    await expect(finishSso(admin, slowBack.searchParams, slow.state)).rejects.toMatchObject({
      code: "sso_state_unknown",
    });
  });
});
