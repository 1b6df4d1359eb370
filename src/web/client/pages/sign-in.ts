/** The sign-in form: checks a pasted API key against the API before keeping it for this tab. */
import { getJson } from "../api.js";
import { field, fill, h } from "../dom.js";
import { showProblem } from "../problem.js";
import { setKey } from "../session.js";

/** `problem` is why the user is here again (a revoked key's 401), shown above the form. */
export function renderSignIn(root: HTMLElement, problem: unknown, onSignedIn: () => void): void {
  const input = h("input", {
    type: "password",
    name: "apiKey",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
  });
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const button = h("button", { type: "submit" }, "Sign in");
  const form = h(
    "form",
    { class: "card signin", "aria-labelledby": "signin-title" },
    h("h1", { id: "signin-title" }, "Sign in to Quire"),
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
  fill(root, form);
  showProblem(error, problem);
  input.focus();
}
