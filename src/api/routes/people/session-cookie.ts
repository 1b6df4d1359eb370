import type { Context } from "hono";
import type { SignedIn } from "../../../services/sessions/start.js";
import { SESSION_HOURS } from "../../../services/sessions/start.js";
import type { AppEnv } from "../../env.js";
import { SESSION_COOKIE } from "../../middleware/auth.js";
import { publicOrigin } from "../../route-kit.js";

/** Sets the session as the HttpOnly, SameSite=Strict cookie (Secure over https); never cached. */
export function setSessionCookie(c: Context<AppEnv>, session: SignedIn): void {
  const secure = new URL(publicOrigin(c)).protocol === "https:" ? "; Secure" : "";
  c.header(
    "set-cookie",
    `${SESSION_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`,
    { append: true },
  );
  c.header("cache-control", "no-store");
}
