import { and, eq } from "drizzle-orm";
import { type UserRole, users } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";

export type UserRow = typeof users.$inferSelect;

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: string;
  disabledAt: string | null;
}

/** The password hash never leaves the service layer. */
export const toUser = (r: UserRow): UserView => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.createdAt,
  disabledAt: r.disabledAt,
});

/** Emails are compared case-insensitively: stored lower-case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function userRow(ctx: ServiceContext, id: string): Promise<UserRow> {
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new QuireError("not_found", `user ${id} not found`, 404);
  return row;
}

/** The tenant's active user with this email, or null. */
export async function activeUserByEmail(ctx: ServiceContext, email: string): Promise<UserRow | null> {
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.email, normaliseEmail(email))))
    .limit(1);
  const row = rows[0];
  return row && !row.disabledAt ? row : null;
}
