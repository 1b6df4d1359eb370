import { and, eq, isNull } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";

/** The emails of the tenant's active users (mentions by short name resolve against these). */
export async function activeEmails(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), isNull(users.disabledAt)));
  return rows.map((r) => r.email);
}
