/**
 * The roles a person can have. What each may do is expressed as API scopes
 * (services/users/roles.ts), so people and keys pass the same route guards.
 */
export const USER_ROLES = ["admin", "reviewer", "subject_expert", "sales_engineer", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];
