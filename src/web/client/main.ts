/**
 * The entry of the browser client (served as /app/assets/main-<hash>.js): sign-in, sign-out and
 * the client-side router. Links inside /app are real links (they work in a new tab because the
 * server answers every /app/* path with the same page); a click handler only saves the reload.
 */
import { ApiError, getJson, onAuthFailure, request } from "./api.js";
import type { WhoAmI } from "./api-types.js";
import { byId } from "./dom.js";
import { renderAttention } from "./pages/attention.js";
import { renderInsights } from "./pages/insights.js";
import { renderInvite } from "./pages/invite.js";
import { renderQuestionnaires } from "./pages/questionnaires.js";
import { renderReview } from "./pages/review.js";
import { renderSignIn } from "./pages/sign-in.js";
import { flash } from "./problem.js";
import { clearKey, getKey, keyPrefix, setKey } from "./session.js";

const main = byId("main");
const signout = byId("signout");
const whoami = byId("whoami");

const REVIEW_PATH = /^\/app\/questionnaires\/([^/]+)\/?$/;

function navigate(path: string): void {
  history.pushState(null, "", path);
  route();
}

function showSignedIn(key: string | null): void {
  signout.hidden = !key;
  if (key?.startsWith("qs_")) {
    // A person's session: name them (the audit log does too).
    whoami.textContent = "Signed in";
    getJson<WhoAmI>("/v1/me")
      .then((me) => {
        if (me.user) whoami.textContent = `Signed in as ${me.user.name} (${me.user.email}, ${me.user.role})`;
      })
      .catch(() => undefined);
    return;
  }
  whoami.textContent = key ? `Signed in with key ${keyPrefix(key)}` : "";
}

function signIn(problem: unknown): void {
  showSignedIn(null);
  renderSignIn(main, problem, route);
}

/**
 * Tokens that arrive in the URL fragment (never sent to a server): the session an SSO sign-in
 * ends with (/app/#sso=qs_…) is kept for this tab and wiped from the address bar and history;
 * an invitation link (/app/invite#token=qi_…) is returned for the invite page.
 */
function fromFragment(): { invitation: string | null; ssoError: ApiError | null } {
  const params = new URLSearchParams(location.hash.slice(1));
  const session = params.get("sso");
  // Only a code of ours is shown, with our words: the fragment is anyone's to write in a link.
  const failed = /^(sso|invitation)_[a-z_]{1,40}$/.test(params.get("sso_error") ?? "") ? params.get("sso_error") : null;
  if (session?.startsWith("qs_") || failed) {
    if (session?.startsWith("qs_")) setKey(session);
    history.replaceState(null, "", location.pathname + location.search);
  }
  const ssoError = failed
    ? new ApiError(0, {
        code: failed,
        detail: "single sign-on did not complete; start again, or ask your admin (the code says why)",
      })
    : null;
  const invitation = /^\/app\/invite\/?$/.test(location.pathname) ? params.get("token") : null;
  return { invitation, ssoError };
}

function route(): void {
  flash(null);
  const { invitation, ssoError } = fromFragment();
  if (invitation) {
    showSignedIn(null);
    renderInvite(main, invitation, route);
    return;
  }
  if (ssoError) {
    signIn(ssoError);
    return;
  }
  const key = getKey();
  if (!key) {
    signIn(null);
    return;
  }
  showSignedIn(key);
  view(location.pathname).catch((err: unknown) => flash(err));
}

async function view(path: string): Promise<void> {
  const review = REVIEW_PATH.exec(path)?.[1];
  if (review) await renderReview(main, decodeURIComponent(review));
  else if (/^\/app\/attention\/?$/.test(path)) await renderAttention(main);
  else if (/^\/app\/insights\/?$/.test(path)) await renderInsights(main);
  else await renderQuestionnaires(main);
}

signout.addEventListener("click", async () => {
  // End the session on the server too; a key has nothing to end.
  if (getKey()?.startsWith("qs_")) await request("DELETE", "/v1/sessions/current").catch(() => undefined);
  clearKey();
  history.pushState(null, "", "/app");
  route();
});

// A key revoked or too weak mid-session: 401 sends the user back to sign in with the reason;
// 403 keeps them signed in (other actions may still be allowed) and explains which scope failed.
onAuthFailure((err: ApiError) => {
  if (err.status === 401) {
    clearKey();
    signIn(err);
  } else {
    flash(err);
  }
});

document.addEventListener("click", (e) => {
  const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!(a instanceof HTMLAnchorElement) || a.target || a.hasAttribute("download") || e.defaultPrevented) return;
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith("/app")) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener("popstate", route);
route();
