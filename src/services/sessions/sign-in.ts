import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { decoyHash, NO_PASSWORD, verifyPassword } from "../users/password.js";
import { normaliseEmail } from "../users/shape.js";
import { type SignedIn, startSession } from "./start.js";

export { SESSION_HOURS, type SignedIn } from "./start.js";

/**
 * Email + password → a session. Unknown email, wrong password, disabled account and an account
 * that signs in only through SSO answer alike (null), after the same amount of hashing, so
 * sign-in does not reveal who has an account.
 */
export async function signIn(db: Db, email: string, password: string, at: Date): Promise<SignedIn | null> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  const user = rows[0];
  const stored = user && user.passwordHash !== NO_PASSWORD ? user.passwordHash : await decoyHash();
  const ok = (await verifyPassword(password, stored)) && user?.passwordHash !== NO_PASSWORD;
  if (!user || !ok || user.disabledAt) return null;
  return startSession(db, user, at, "password");
}
