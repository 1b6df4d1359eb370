import { and, eq, isNull } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { invitations, users } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import { newId, type ServiceContext, type ServiceDeps } from "../context.js";
import { sha256Hex } from "../keys/crypto.js";
import { type SignedIn, startSession } from "../sessions/start.js";
import { hashPassword } from "../users/password.js";
import type { UserRow } from "../users/shape.js";
import { INVITATION_TOKEN, type InvitationRow, unusable } from "./shape.js";

/** The invitation a link carries, if it can still be accepted (else the problem saying why). */
export async function usableInvitation(deps: ServiceDeps, token: string): Promise<InvitationRow> {
  const rows = INVITATION_TOKEN.test(token)
    ? await deps.db
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, await sha256Hex(token)))
        .limit(1)
    : [];
  const row = rows[0];
  if (!row)
    throw new QuireError("invitation_unknown", "this invitation link is not valid; check it was copied whole", 404);
  const problem = unusable(row, deps.clock.now().toISOString());
  if (problem) throw problem;
  return row;
}

/** The same, for an invitation named by id (an SSO sign-in that started from its link). */
export async function usableInvitationById(deps: ServiceDeps, id: string): Promise<InvitationRow> {
  const [row] = await deps.db.select().from(invitations).where(eq(invitations.id, id)).limit(1);
  if (!row) throw new QuireError("invitation_unknown", "the invitation no longer exists", 404);
  const problem = unusable(row, deps.clock.now().toISOString());
  if (problem) throw problem;
  return row;
}

/**
 * Creates the invited person in the invitation's tenant (and only there) with its role, and marks
 * the invitation accepted, in one atomic step. Two acceptances racing: the second's user insert
 * hits the unique email and its whole batch rolls back, so the link is used once.
 */
export async function redeemInvitation(
  deps: ServiceDeps,
  invitation: InvitationRow,
  person: { name: string; passwordHash: string },
  how: "password" | "sso",
): Promise<UserRow> {
  const at = deps.clock.now().toISOString();
  const user: UserRow = {
    id: newId("usr"),
    tenantId: invitation.tenantId,
    email: invitation.email,
    name: person.name,
    role: invitation.role,
    passwordHash: person.passwordHash,
    createdAt: at,
    disabledAt: null,
  };
  const ctx: ServiceContext = { ...deps, tenantId: invitation.tenantId, actor: `user:${user.email}`, keyId: null };
  try {
    await atomic(deps.db, [
      deps.db
        .update(invitations)
        .set({ acceptedAt: at, userId: user.id })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
      deps.db.insert(users).values(user),
      auditStatement(ctx, "invitation.accept", invitation.id, { userId: user.id, role: user.role, via: how }),
      auditStatement(ctx, "user.create", user.id, { email: user.email, role: user.role, invitation: invitation.id }),
    ]);
  } catch (err) {
    // Lost a race (or the email was taken meanwhile): say which.
    const [now] = await deps.db.select().from(invitations).where(eq(invitations.id, invitation.id)).limit(1);
    const problem = now ? unusable(now, at) : null;
    if (problem) throw problem;
    const [taken] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, user.email)).limit(1);
    if (taken) throw new QuireError("email_taken", `email: ${user.email} already has an account`, 409);
    throw err;
  }
  return user;
}

/** Accepting by link: the person names themself and sets a password, and is signed in. */
export async function acceptInvitation(
  deps: ServiceDeps,
  input: { token: string; name: string; password: string },
): Promise<SignedIn> {
  const invitation = await usableInvitation(deps, input.token);
  const user = await redeemInvitation(
    deps,
    invitation,
    { name: input.name, passwordHash: await hashPassword(input.password) },
    "password",
  );
  return startSession(deps.db, user, deps.clock.now(), "invitation");
}
