export const SCOPES = [
  "questionnaires:read",
  "questionnaires:write",
  "answers:review",
  "library:read",
  "library:write",
  "admin",
] as const;
export type Scope = (typeof SCOPES)[number];

/** admin implies every scope. */
export const hasScope = (granted: readonly string[], needed: Scope): boolean =>
  granted.includes("admin") || granted.includes(needed);
