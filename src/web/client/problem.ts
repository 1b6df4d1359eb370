/** Where errors are shown: the API's code and detail verbatim (as text), announced to screen readers. */
import { ApiError } from "./api.js";
import { h } from "./dom.js";

/** Fills an error area (role=alert), or hides it when there is no error. */
export function showProblem(el: HTMLElement, err: unknown): void {
  el.replaceChildren();
  if (!err) {
    el.hidden = true;
    return;
  }
  el.hidden = false;
  if (err instanceof ApiError) {
    el.append(h("strong", { class: "code" }, err.status ? `${err.status} ${err.code}` : err.code));
    if (err.detail) el.append(": ", h("span", { class: "detail" }, err.detail));
    if (err.requestId) el.append(" ", h("span", { class: "muted" }, `(request ${err.requestId})`));
  } else {
    el.append(err instanceof Error ? err.message : String(err));
  }
}

/** The page-wide error line under the top bar. */
export function flash(err: unknown): void {
  const el = document.getElementById("flash");
  if (el) showProblem(el, err);
}
