import { eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { auditLog, sessions, users } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { newId } from "../context.js";
import { randomToken, sha256Hex } from "../keys/crypto.js";
import { decoyHash, verifyPassword } from "../users/password.js";
import { normaliseEmail, toUser, type UserView } from "../users/shape.js";

/** A session lasts a working day; signing in again starts a new one. */
export const SESSION_HOURS = 12;

export interface SignedIn {
  /** qs_…: shown once; send as `Authorization: Bearer <token>` (or the quire_session cookie). */
  token: string;
  expiresAt: string;
  user: UserView;
}

/**
 * Email + password → a session. Unknown email, wrong password and disabled account answer alike
 * (null), after the same amount of hashing, so sign-in does not reveal who has an account.
 */
export async function signIn(db: Db, email: string, password: string, at: Date): Promise<SignedIn | null> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  const user = rows[0];
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok || user.disabledAt) return null;
  const token = `qs_${randomToken(24)}`;
  const now = at.toISOString();
  const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  const id = newId("ses");
  await atomic(db, [
    db.insert(sessions).values({
      id,
      tenantId: user.tenantId,
      userId: user.id,
      tokenHash: await sha256Hex(token),
      createdAt: now,
      expiresAt,
      revokedAt: null,
    }),
    db.insert(auditLog).values({
      id: newId("aud"),
      tenantId: user.tenantId,
      actor: `user:${user.email}`,
      keyId: null,
      action: "session.create",
      subject: id,
      details: null,
      at: now,
    }),
  ]);
  return { token, expiresAt, user: toUser(user) };
}
