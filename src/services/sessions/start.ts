import { atomic } from "../../db/atomic.js";
import { auditLog, sessions } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { newId } from "../context.js";
import { randomToken, sha256Hex } from "../keys/crypto.js";
import { toUser, type UserRow, type UserView } from "../users/shape.js";

/** A session lasts a working day; signing in again starts a new one. */
export const SESSION_HOURS = 12;

export interface SignedIn {
  /** qs_…: shown once; send as `Authorization: Bearer <token>` (or the quire_session cookie). */
  token: string;
  expiresAt: string;
  user: UserView;
}

/**
 * A new session for a person who has just proved who they are (password, invitation or SSO),
 * with its audit row naming them and how they signed in.
 */
export async function startSession(
  db: Db,
  user: UserRow,
  at: Date,
  method: "password" | "invitation" | "sso",
): Promise<SignedIn> {
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
      details: method === "password" ? null : { method },
      at: now,
    }),
  ]);
  return { token, expiresAt, user: toUser(user) };
}
