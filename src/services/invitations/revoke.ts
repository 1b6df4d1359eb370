import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { invitations } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { invitationRow, invitationState } from "./shape.js";

/** Withdraws a pending invitation (its link stops working). An accepted one is the user's now: 409. */
export async function revokeInvitation(ctx: ServiceContext, id: string): Promise<void> {
  const row = await invitationRow(ctx, id);
  const at = nowIso(ctx);
  if (invitationState(row, at) === "accepted") {
    throw new QuireError("invitation_used", "the invitation was accepted; disable the user instead", 409);
  }
  if (row.revokedAt) return;
  await atomic(ctx.db, [
    ctx.db
      .update(invitations)
      .set({ revokedAt: at })
      .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, id))),
    auditStatement(ctx, "invitation.revoke", id, { email: row.email }),
  ]);
}
