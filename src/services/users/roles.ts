import type { UserRole } from "../../db/schema/index.js";
import type { Scope } from "../keys/scopes.js";

/**
 * What each role may do, as the API scopes keys already use: a signed-in person passes the same
 * route guards as a key with these scopes.
 */
export const ROLE_SCOPES: Record<UserRole, readonly Scope[]> = {
  admin: ["admin"],
  reviewer: ["questionnaires:read", "questionnaires:write", "answers:review", "library:read"],
  subject_expert: ["questionnaires:read", "answers:review", "library:read", "library:write"],
  sales_engineer: ["questionnaires:read", "questionnaires:write", "library:read"],
  viewer: ["questionnaires:read", "library:read"],
};
