import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { signIn } from "../../../services/sessions/sign-in.js";
import type { AppEnv } from "../../env.js";
import { problem } from "../../errors.js";
import { json, jsonBody } from "../../route-kit.js";
import { ProblemSchema, SessionSchema, SignInSchema } from "../../schemas.js";
import { setSessionCookie } from "./session-cookie.js";

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

const route = createRoute({
  method: "post",
  path: "/v1/sessions",
  operationId: "signIn",
  tags: ["people"],
  summary: "Sign in with email and password (the web pages); API keys stay for machines",
  description:
    "Public. Returns a session token (also set as an HttpOnly, SameSite=Strict cookie) valid for 12 hours. " +
    "Wrong email and wrong password answer alike; too many failures from one address wait (429).",
  middleware: [bodyLimit({ maxSize: 16 * 1024 })],
  request: { body: jsonBody(SignInSchema) },
  responses: {
    201: json(SessionSchema, "Signed in"),
    400: { description: "Invalid input", content: problemContent },
    401: { description: "Wrong email or password", content: problemContent },
    429: { description: "Too many failed sign-ins from this address", content: problemContent },
  },
});

export function registerSignIn(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const client = c.var.deps.clientAddress?.(c) ?? "unknown";
    const now = c.var.deps.clock.now();
    const wait = c.var.failures.retryAfter(client, now.getTime());
    if (wait > 0) {
      return problem(c, 429, "too_many_failed_keys", `too many failed sign-ins from this address; retry in ${wait} s`, {
        retryAfterSeconds: wait,
      }) as never;
    }
    const { email, password } = c.req.valid("json");
    const session = await signIn(c.var.deps.db, email, password, now);
    if (!session) {
      c.var.failures.fail(client, now.getTime());
      return problem(c, 401, "invalid_credentials", "the email or password is wrong") as never;
    }
    setSessionCookie(c, session);
    return c.json(session, 201);
  });
}
