import { and, eq } from "drizzle-orm";
import { invitations } from "../../db/schema/index.js";
import { nowIso, type ServiceContext } from "../context.js";
import { keyset, type Page } from "../pagination.js";
import { type InvitationRow, type InvitationView, toInvitation } from "./shape.js";

const newestFirst = keyset([invitations.createdAt, invitations.id], "desc", (r: InvitationRow) => [r.createdAt, r.id]);

/** The tenant's invitations, newest first, each with its state as of now. */
export async function listInvitations(
  ctx: ServiceContext,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<InvitationView>> {
  const at = nowIso(ctx);
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, ctx.tenantId), newestFirst.after(input.cursor)))
    .orderBy(...newestFirst.order)
    .limit(input.limit + 1);
  return newestFirst.page(rows, input.limit, (r) => toInvitation(r, at));
}
