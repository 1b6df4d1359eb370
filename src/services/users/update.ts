import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { sessions, type UserRole, users } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import { nowIso, type ServiceContext } from "../context.js";
import { hashPassword } from "./password.js";
import { toUser, type UserView, userRow } from "./shape.js";

export interface UpdateUserInput {
  name?: string | undefined;
  role?: UserRole | undefined;
  password?: string | undefined;
  /** true disables the account and ends its sessions; false enables it again. */
  disabled?: boolean | undefined;
}

/** Changing the password or disabling the account ends every session of the user. */
export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<UserView> {
  const before = await userRow(ctx, id);
  const at = nowIso(ctx);
  const after = {
    ...before,
    ...(input.name !== undefined && { name: input.name }),
    ...(input.role !== undefined && { role: input.role }),
    ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
    ...(input.disabled !== undefined && { disabledAt: input.disabled ? (before.disabledAt ?? at) : null }),
  };
  const endSessions = input.password !== undefined || input.disabled === true;
  await atomic(ctx.db, [
    ctx.db
      .update(users)
      .set(after)
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id))),
    ...(endSessions
      ? [
          ctx.db
            .update(sessions)
            .set({ revokedAt: at })
            .where(and(eq(sessions.tenantId, ctx.tenantId), eq(sessions.userId, id))),
        ]
      : []),
    auditStatement(ctx, "user.update", id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.password !== undefined && { password: "changed" }),
      ...(input.disabled !== undefined && { disabled: input.disabled }),
    }),
  ]);
  return toUser(after);
}
