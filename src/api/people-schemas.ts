import { z } from "@hono/zod-openapi";
import { IsoDateSchema } from "../domain/dates.js";
import { USER_ROLES } from "../domain/people.js";
import { Password, strictBody } from "./schemas.js";

/** Invitations, single sign-on and assignment in bulk (issue 16's people beyond passwords). */

const Role = z.enum(USER_ROLES);

export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    state: z.enum(["pending", "accepted", "expired", "revoked"]),
    createdBy: z.string().openapi({ description: "Who invited: user:<email> or key:<id>" }),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    userId: z.string().nullable().openapi({ description: "The account created by accepting" }),
  })
  .openapi("Invitation");

export const CreatedInvitationSchema = InvitationSchema.extend({
  token: z.string().openapi({ description: "qi_…: single use, shown once" }),
  link: z.string().openapi({ description: "The page that accepts it (hand it over yourself: Quire sends no email)" }),
}).openapi("CreatedInvitation");

export const InvitationInputSchema = strictBody({
  email: z.email().max(200).openapi({ example: "sam@vendor.example" }),
  role: Role,
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .optional()
    .openapi({ description: "How long the link works (default 72 hours, at most 30 days)" }),
}).openapi("InvitationInput");

export const AcceptInvitationSchema = strictBody({
  token: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  password: Password,
}).openapi("AcceptInvitation");

const Domain = z
  .string()
  .min(3)
  .max(253)
  .regex(/^(?=.*\.)[a-z0-9.-]+$/i, "a domain such as vendor.example")
  .transform((d) => d.toLowerCase());

export const SsoConnectionInputSchema = strictBody({
  issuer: z.url().max(500).openapi({
    example: "https://login.vendor.example",
    description: "The OpenID Provider's issuer; its /.well-known/openid-configuration is read",
  }),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(2000).openapi({ description: "Stored for the token request; never returned" }),
  allowedDomains: z
    .array(Domain)
    .min(1)
    .max(50)
    .openapi({ description: "Email domains that may sign in (each belongs to one tenant's SSO)" }),
  defaultRole: Role.openapi({ description: "The role a person gets on their first sign-in" }),
}).openapi("SsoConnectionInput");

export const SsoConnectionSchema = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    allowedDomains: z.array(z.string()),
    defaultRole: Role,
    redirectUri: z.string().openapi({ description: "Register this as the redirect URI at the provider" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("SsoConnection");

export const SsoStartSchema = strictBody({
  email: z.email().max(200).optional().openapi({ description: "Work email: its domain picks the tenant's SSO" }),
  invitation: z.string().max(200).optional().openapi({ description: "Accept this invitation by signing in with SSO" }),
})
  .refine((b) => (b.email === undefined) !== (b.invitation === undefined), {
    message: "give your work email or an invitation token (one of them)",
    path: ["email"],
  })
  .openapi("SsoStart");

export const SsoRedirectSchema = z
  .object({
    authorizationUrl: z.string().openapi({ description: "Send the browser here (the provider's sign-in page)" }),
    expiresAt: z.string().openapi({ description: "The sign-in must finish by then" }),
  })
  .openapi("SsoRedirect");

export const AssignInputSchema = strictBody({
  assignee: z.string().min(1).max(200).openapi({ example: "dana@vendor.example", description: "A user's email" }),
  sheet: z.string().min(1).max(500).optional().openapi({ description: "Every answer on this sheet" }),
  section: z.string().min(1).max(500).optional().openapi({ description: "Every answer in this section" }),
  entryOwner: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "Every answer whose library entry has this owner" }),
  dueOn: IsoDateSchema.nullable().optional().openapi({ description: "Answer by this day; null clears it" }),
})
  .refine((b) => b.sheet !== undefined || b.section !== undefined || b.entryOwner !== undefined, {
    message: "name a sheet, a section or an entryOwner",
    path: ["section"],
  })
  .openapi("AssignAnswers");

export const AssignResultSchema = z
  .object({
    assignee: z.string(),
    assigned: z.array(z.string()).openapi({ description: "Ids of the answers now assigned (approved ones are left)" }),
  })
  .openapi("AssignResult");
