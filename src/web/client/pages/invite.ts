/**
 * Accepting an invitation (/app/invite#token=qi_…, the link an admin handed over): name yourself
 * and set a password, or go through the organisation's single sign-on. The token stays in the
 * fragment, which the browser never sends to a server.
 */
import { sendJson } from "../api.js";
import { field, fill, h } from "../dom.js";
import { showProblem } from "../problem.js";
import { setKey } from "../session.js";

export function renderInvite(root: HTMLElement, token: string, onSignedIn: () => void): void {
  const name = h("input", { type: "text", name: "name", autocomplete: "name", required: true });
  const password = h("input", {
    type: "password",
    name: "password",
    autocomplete: "new-password",
    minlength: 12,
    required: true,
  });
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const accept = h("button", { type: "submit" }, "Accept and sign in");
  const sso = h("button", { type: "button", class: "secondary" }, "Accept with single sign-on");
  const form = h(
    "form",
    { class: "card signin", "aria-labelledby": "invite-title", id: "invite" },
    h("h1", { id: "invite-title" }, "Join Quire"),
    h("p", {}, "You were invited. Choose the name others will see and a password of at least 12 characters."),
    field("Your name", name),
    field("Password", password),
    error,
    h("div", { class: "actions" }, accept, sso),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    accept.disabled = true;
    try {
      const session = await sendJson<{ token: string }>(
        "POST",
        "/v1/invitations/accept",
        { token, name: name.value.trim(), password: password.value },
        { key: "" },
      );
      setKey(session.token);
      history.replaceState(null, "", "/app");
      onSignedIn();
    } catch (err) {
      showProblem(error, err);
      accept.disabled = false;
    }
  });
  sso.addEventListener("click", async () => {
    sso.disabled = true;
    try {
      const started = await sendJson<{ authorizationUrl: string }>(
        "POST",
        "/v1/sso/start",
        { invitation: token },
        { key: "", keepCookie: true },
      );
      location.assign(started.authorizationUrl);
    } catch (err) {
      showProblem(error, err);
      sso.disabled = false;
    }
  });
  fill(root, form);
  name.focus();
}
