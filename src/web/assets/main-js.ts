/**
 * Client module /app/assets/main.js: sign-in, sign-out and the client-side router. Links inside
 * /app are real links (they work in a new tab because the server answers every /app/* path with
 * the same page); a click handler only saves the reload.
 */
export const MAIN_JS = String.raw`
import { clearKey, getKey, getJson, onAuthFailure, setKey } from "./api.js";
import { field, fill, flash, h, showProblem } from "./dom.js";
import { renderQuestionnaires } from "./questionnaires.js";
import { renderReview } from "./review.js";

const main = document.getElementById("main");
const signout = document.getElementById("signout");
const whoami = document.getElementById("whoami");

export function navigate(path) {
  history.pushState(null, "", path);
  route();
}

function route() {
  flash(null);
  const signedIn = Boolean(getKey());
  signout.hidden = !signedIn;
  whoami.textContent = signedIn ? "Signed in with key " + keyPrefix(getKey()) : "";
  if (!signedIn) return renderSignIn(null);
  const review = /^\/app\/questionnaires\/([^/]+)\/?$/.exec(location.pathname);
  const view = review ? renderReview(main, decodeURIComponent(review[1])) : renderQuestionnaires(main);
  Promise.resolve(view).catch((err) => flash(err));
}

// Only the public prefix is ever shown back, never the secret part.
function keyPrefix(key) {
  const parts = String(key).split("_");
  return parts.length >= 3 ? parts[0] + "_" + parts[1] : "(unrecognised format)";
}

function renderSignIn(problem) {
  signout.hidden = true;
  whoami.textContent = "";
  const input = h("input", { type: "password", name: "apiKey", autocomplete: "off", spellcheck: "false", required: true });
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
      route();
    } catch (err) {
      showProblem(error, err);
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  fill(main, form);
  showProblem(error, problem);
  input.focus();
}

signout.addEventListener("click", () => {
  clearKey();
  history.pushState(null, "", "/app");
  route();
});

// A key revoked or too weak mid-session: 401 sends the user back to sign in with the reason;
// 403 keeps them signed in (other actions may still be allowed) and explains which scope failed.
onAuthFailure((err) => {
  if (err.status === 401) {
    clearKey();
    renderSignIn(err);
  } else {
    flash(err);
  }
});

document.addEventListener("click", (e) => {
  const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!a || a.target || a.hasAttribute("download") || e.defaultPrevented) return;
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith("/app")) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener("popstate", route);
route();
`;
