import { and, eq } from "drizzle-orm";
import { invitations, type UserRole } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = "pending" | "accepted" | "expired" | "revoked";

export interface InvitationView {
  id: string;
  email: string;
  role: UserRole;
  state: InvitationState;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  userId: string | null;
}

/** Accepted and revoked are final; a pending invitation past its time is expired. */
export function invitationState(r: InvitationRow, at: string): InvitationState {
  if (r.acceptedAt) return "accepted";
  if (r.revokedAt) return "revoked";
  return r.expiresAt <= at ? "expired" : "pending";
}

/** The token hash never leaves the service layer. */
export const toInvitation = (r: InvitationRow, at: string): InvitationView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  state: invitationState(r, at),
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  acceptedAt: r.acceptedAt,
  userId: r.userId,
});

export async function invitationRow(ctx: ServiceContext, id: string): Promise<InvitationRow> {
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new QuireError("not_found", `invitation ${id} not found`, 404);
  return row;
}

/** Invitation links carry qi_ + 48 characters of [a-z0-9]. */
export const INVITATION_TOKEN = /^qi_[a-z0-9]{48}$/;

/**
 * Why an invitation cannot be accepted now, as the problem a person gets: each state its own
 * stable code, so the page can say "ask for a new link" rather than "wrong password".
 */
export function unusable(r: InvitationRow, at: string): QuireError | null {
  switch (invitationState(r, at)) {
    case "accepted":
      return new QuireError("invitation_used", "this invitation has already been accepted; sign in instead", 410);
    case "revoked":
      return new QuireError("invitation_revoked", "this invitation was withdrawn; ask your admin for a new one", 410);
    case "expired":
      return new QuireError("invitation_expired", `this invitation expired at ${r.expiresAt}; ask for a new one`, 410);
    default:
      return null;
  }
}
