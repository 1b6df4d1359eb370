import { eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { type UserRole, users } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { hashPassword } from "./password.js";
import { normaliseEmail, toUser, type UserView } from "./shape.js";

export interface CreateUserInput {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

/** A person who signs in with email and password. Emails are unique across tenants (sign-in names no tenant). */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserView> {
  const email = normaliseEmail(input.email);
  const taken = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken.length > 0) throw new QuireError("email_taken", `email: ${email} already has an account`, 409);
  const row = {
    id: newId("usr"),
    tenantId: ctx.tenantId,
    email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt: nowIso(ctx),
    disabledAt: null,
  };
  await atomic(ctx.db, [
    ctx.db.insert(users).values(row),
    auditStatement(ctx, "user.create", row.id, { email, role: row.role }),
  ]);
  return toUser(row);
}
