import { and, eq, isNull } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import { sha256Hex } from "../keys/crypto.js";
import { ROLE_SCOPES } from "../users/roles.js";
import { toUser, type UserView } from "../users/shape.js";

export interface VerifiedSession {
  readonly sessionId: string;
  readonly tenantId: string;
  readonly user: UserView;
  readonly scopes: readonly string[];
}

export const SESSION_TOKEN = /^qs_[a-z0-9]{48}$/;

/** A live session of an enabled user, with the scopes of the user's role; null otherwise. */
export async function verifySession(db: Db, token: string, at: string): Promise<VerifiedSession | null> {
  if (!SESSION_TOKEN.test(token)) return null;
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.tenantId, sessions.tenantId)))
    .where(and(eq(sessions.tokenHash, await sha256Hex(token)), isNull(sessions.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row || row.session.expiresAt <= at || row.user.disabledAt) return null;
  return {
    sessionId: row.session.id,
    tenantId: row.session.tenantId,
    user: toUser(row.user),
    scopes: ROLE_SCOPES[row.user.role],
  };
}
