/**
 * Sign-in: a person with email and password (a session token), with their organisation's single
 * sign-on, or an API key pasted by hand. The token is kept for this tab only and sent as a bearer
 * token to the API.
 */
import { getJson, sendJson } from "../api.js";
import { field, fill, h } from "../dom.js";
import { showProblem } from "../problem.js";
import { setKey } from "../session.js";

/** `problem` is why the user is here again (a revoked key's 401), shown above the forms. */
export function renderSignIn(root: HTMLElement, problem: unknown, onSignedIn: () => void): void {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true });
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true });
  const personError = h("div", { class: "problem", role: "alert", hidden: true });
  const personButton = h("button", { type: "submit" }, "Sign in with email");
  const person = h(
    "form",
    { class: "card signin", "aria-labelledby": "signin-title", id: "signin-person" },
    h("h1", { id: "signin-title" }, "Sign in to Quire"),
    field("Email", email),
    field("Password", password),
    personError,
    h("div", { class: "actions" }, personButton),
  );
  person.addEventListener("submit", async (e) => {
    e.preventDefault();
    personButton.disabled = true;
    try {
      const session = await sendJson<{ token: string }>(
        "POST",
        "/v1/sessions",
        { email: email.value.trim(), password: password.value },
        { key: "" },
      );
      setKey(session.token);
      onSignedIn();
    } catch (err) {
      showProblem(personError, err);
      password.focus();
    } finally {
      personButton.disabled = false;
    }
  });

  const { form: sso, error: ssoError } = ssoForm();

  const input = h("input", {
    type: "password",
    name: "apiKey",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
  });
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const button = h("button", { type: "submit", class: "secondary" }, "Sign in");
  const form = h(
    "form",
    { class: "card signin", "aria-labelledby": "signin-key-title", id: "signin-key" },
    h("h2", { id: "signin-key-title" }, "Or use an API key"),
    h("p", {}, "Paste an API key (qk_…). It is kept in this browser tab only and sent as a bearer token to the API."),
    field("API key", input),
    error,
    h("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const key = input.value.trim();
    button.disabled = true;
    try {
      // Check the key before keeping it: a typo should fail here, not on the next page.
      await getJson("/v1/questionnaires?limit=1", { key });
      setKey(key);
      onSignedIn();
    } catch (err) {
      showProblem(error, err);
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  fill(root, person, sso, form);
  const code = String((problem as { code?: string } | null)?.code ?? "");
  showProblem(code.startsWith("sso_") ? ssoError : code.includes("key") ? error : personError, problem);
  email.focus();
}

/**
 * "Sign in with SSO": the work email's domain picks the organisation's provider; the browser goes
 * there and comes back through /v1/sso/callback to /app/#sso=<session> (main.ts keeps it).
 */
function ssoForm(): { form: HTMLFormElement; error: HTMLElement } {
  const email = h("input", { type: "email", name: "ssoEmail", autocomplete: "username", required: true });
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const button = h("button", { type: "submit", class: "secondary" }, "Sign in with SSO");
  const form = h(
    "form",
    { class: "card signin", "aria-labelledby": "signin-sso-title", id: "signin-sso" },
    h("h2", { id: "signin-sso-title" }, "Or use your organisation's single sign-on"),
    field("Work email", email),
    error,
    h("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    button.disabled = true;
    try {
      const started = await sendJson<{ authorizationUrl: string }>(
        "POST",
        "/v1/sso/start",
        { email: email.value.trim() },
        { key: "", keepCookie: true },
      );
      location.assign(started.authorizationUrl);
    } catch (err) {
      showProblem(error, err);
      email.focus();
      button.disabled = false;
    }
  });
  return { form, error };
}
