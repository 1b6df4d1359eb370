import { and, eq, isNull } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { invitations, type UserRole, users } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { randomToken, sha256Hex } from "../keys/crypto.js";
import { normaliseEmail } from "../users/shape.js";
import { eventWrites } from "../webhooks/emit.js";
import { type InvitationView, toInvitation } from "./shape.js";

export const DEFAULT_INVITATION_HOURS = 72;

export interface CreateInvitationInput {
  email: string;
  role: UserRole;
  /** How long the link works (default 72 hours). */
  expiresInHours?: number | undefined;
}

/**
 * Invites a person to this tenant with a role. The token is returned once (the link to hand
 * over: Quire sends no email) and stored only as its SHA-256. An earlier pending invitation of
 * the same email is withdrawn, so only the newest link works. Announced as invitation.created
 * (without the token: webhook payloads are stored and retried, links are secrets).
 */
export async function createInvitation(
  ctx: ServiceContext,
  input: CreateInvitationInput,
): Promise<InvitationView & { token: string }> {
  const email = normaliseEmail(input.email);
  const taken = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken.length > 0) throw new QuireError("email_taken", `email: ${email} already has an account`, 409);
  const token = `qi_${randomToken(24)}`;
  const now = ctx.clock.now();
  const at = nowIso(ctx);
  const row: typeof invitations.$inferSelect = {
    id: newId("inv"),
    tenantId: ctx.tenantId,
    email,
    role: input.role,
    tokenHash: await sha256Hex(token),
    createdBy: ctx.actor,
    createdAt: at,
    expiresAt: new Date(now.getTime() + (input.expiresInHours ?? DEFAULT_INVITATION_HOURS) * 3_600_000).toISOString(),
    acceptedAt: null,
    userId: null,
    revokedAt: null,
  };
  const event = await eventWrites(ctx, "invitation.created", {
    invitationId: row.id,
    email,
    role: row.role,
    expiresAt: row.expiresAt,
    actor: ctx.actor,
  });
  await atomic(ctx.db, [
    ctx.db
      .update(invitations)
      .set({ revokedAt: at })
      .where(
        and(
          eq(invitations.tenantId, ctx.tenantId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      ),
    ctx.db.insert(invitations).values(row),
    auditStatement(ctx, "invitation.create", row.id, { email, role: row.role, expiresAt: row.expiresAt }),
    ...event.statements,
  ]);
  await dispatchJobs(ctx, event.jobs);
  return { ...toInvitation(row, at), token };
}
