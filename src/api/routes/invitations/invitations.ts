import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { QuireError } from "../../../domain/errors.js";
import { acceptInvitation } from "../../../services/invitations/accept.js";
import { createInvitation } from "../../../services/invitations/create.js";
import { listInvitations } from "../../../services/invitations/list.js";
import { revokeInvitation } from "../../../services/invitations/revoke.js";
import type { AppEnv } from "../../env.js";
import { problem } from "../../errors.js";
import { serviceContext } from "../../middleware/auth.js";
import {
  AcceptInvitationSchema,
  CreatedInvitationSchema,
  InvitationInputSchema,
  InvitationSchema,
} from "../../people-schemas.js";
import { bearer, guard, IdParam, json, jsonBody, PageQuery, pageOf, problems, publicOrigin } from "../../route-kit.js";
import { ProblemSchema, SessionSchema } from "../../schemas.js";
import { setSessionCookie } from "../people/session-cookie.js";

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

const create = createRoute({
  method: "post",
  path: "/v1/invitations",
  operationId: "createInvitation",
  tags: ["people"],
  summary: "Invite a person by email with a role: a single-use link that expires (announced as invitation.created)",
  description:
    "Quire sends no email: hand the returned `link` over yourself. It works once, until `expiresAt`, and only " +
    "for this tenant. A newer invitation of the same email withdraws the older one.",
  security: bearer("admin"),
  middleware: guard("admin", { method: "post" }),
  request: { body: jsonBody(InvitationInputSchema) },
  responses: { 201: json(CreatedInvitationSchema, "Invited"), ...problems(400, 409) },
});

const list = createRoute({
  method: "get",
  path: "/v1/invitations",
  operationId: "listInvitations",
  tags: ["people"],
  summary: "The tenant's invitations, newest first, with their state (pending, accepted, expired, revoked)",
  security: bearer("admin"),
  middleware: guard("admin"),
  request: { query: z.object(PageQuery) },
  responses: { 200: json(pageOf(InvitationSchema, "InvitationPage"), "One page"), ...problems(400) },
});

const revoke = createRoute({
  method: "delete",
  path: "/v1/invitations/{id}",
  operationId: "revokeInvitation",
  tags: ["people"],
  summary: "Withdraw a pending invitation (its link stops working)",
  security: bearer("admin"),
  middleware: guard("admin", { method: "delete" }),
  request: { params: IdParam("Invitation id", "inv_0a1b2c3d4e5f60718293") },
  responses: { 204: { description: "Withdrawn" }, ...problems(404, 409) },
});

const accept = createRoute({
  method: "post",
  path: "/v1/invitations/accept",
  operationId: "acceptInvitation",
  tags: ["people"],
  summary: "Accept an invitation: name yourself and set a password; signs you in",
  description:
    "Public (the token is the credential). Creates the account in the inviting tenant with the invited role " +
    "and returns a session, as POST /v1/sessions does. To accept through single sign-on instead, " +
    "POST /v1/sso/start with `invitation`.",
  middleware: [bodyLimit({ maxSize: 16 * 1024 })],
  request: { body: jsonBody(AcceptInvitationSchema) },
  responses: {
    201: json(SessionSchema, "Accepted and signed in"),
    400: { description: "Invalid input", content: problemContent },
    404: { description: "`invitation_unknown`: no invitation has this token", content: problemContent },
    409: { description: "`email_taken`: the email got an account meanwhile", content: problemContent },
    429: { description: "Too many unknown invitations from this address", content: problemContent },
    410: {
      description: "`invitation_used`, `invitation_expired` or `invitation_revoked`",
      content: problemContent,
    },
  },
});

export function registerInvitations(app: OpenAPIHono<AppEnv>): void {
  // Registered before the {id} routes' siblings so /accept is never read as an id.
  app.openapi(accept, async (c) => {
    // Guessing tokens is hopeless (48 random characters), but an address that keeps trying waits, as for sign-in.
    const client = c.var.deps.clientAddress?.(c) ?? "unknown";
    const now = c.var.deps.clock.now().getTime();
    const wait = c.var.failures.retryAfter(client, now);
    if (wait > 0) {
      return problem(
        c,
        429,
        "too_many_failed_keys",
        `too many unknown invitations from this address; retry in ${wait} s`,
        {
          retryAfterSeconds: wait,
        },
      ) as never;
    }
    const session = await acceptInvitation(c.var.deps, c.req.valid("json")).catch((err: unknown) => {
      if (err instanceof QuireError && err.code === "invitation_unknown") c.var.failures.fail(client, now);
      throw err;
    });
    setSessionCookie(c, session);
    return c.json(session, 201);
  });
  app.openapi(create, async (c) => {
    const made = await createInvitation(serviceContext(c), c.req.valid("json"));
    const link = `${publicOrigin(c)}/app/invite#token=${made.token}`;
    c.header("cache-control", "no-store");
    return c.json({ ...made, link }, 201);
  });
  app.openapi(list, async (c) => c.json(await listInvitations(serviceContext(c), c.req.valid("query")), 200));
  app.openapi(revoke, async (c) => {
    await revokeInvitation(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
