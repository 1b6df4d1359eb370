/**
 * Client module /app/assets/dom.js: the only way the client builds DOM. Strings become text nodes
 * (never HTML), so a customer named "<img onerror=…>" is shown as those characters.
 */
export const DOM_JS = String.raw`
// Properties set as properties (not attributes) so form state is live, not just initial.
const PROPS = new Set(["value", "checked", "disabled", "selected", "hidden", "required", "open", "multiple"]);

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// replaceChildren() would print null as "null" and arrays as "[object …]"; this goes through append().
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return (prefix || "f") + "-" + uid;
}

// A labelled input: the label's for= points at the control, so screen readers and clicks work.
export function field(labelText, control, hint) {
  if (!control.id) control.id = nextId("field");
  const hintEl = hint ? h("span", { class: "hint", id: control.id + "-hint" }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: control.id }, labelText), control, hintEl);
}

export function fmtDate(iso) {
  if (!iso) return "";
  // ISO strings from the API are UTC; show them as such rather than guess the reader's zone.
  return String(iso).slice(0, 10) + " " + String(iso).slice(11, 16) + " UTC";
}

export function fmtConfidence(n) {
  return typeof n === "number" ? n.toFixed(2) : "";
}

const STATUS_LABELS = {
  needs_review: "needs review",
  no_match: "no match",
  in_review: "in review",
};

// Class names come from a fixed alphabet so an unexpected status cannot inject classes.
export function badge(status) {
  const safe = String(status).replace(/[^a-z_]/g, "");
  return h("span", { class: "badge badge-" + safe }, STATUS_LABELS[status] || String(status));
}

export function problemText(err) {
  if (!err) return "";
  if (err.code) {
    const bits = [err.status ? err.status + " " + err.code : err.code];
    if (err.detail) bits.push(err.detail);
    if (err.requestId) bits.push("(request " + err.requestId + ")");
    return bits.join(" — ");
  }
  return String(err.message || err);
}

// An error area: role=alert so it is announced; shows the API's code and detail verbatim (as text).
export function showProblem(el, err) {
  el.replaceChildren();
  if (!err) {
    el.hidden = true;
    return;
  }
  el.hidden = false;
  if (err.code) {
    el.append(h("strong", { class: "code" }, err.status ? err.status + " " + err.code : err.code));
    if (err.detail) el.append(": ", h("span", { class: "detail" }, err.detail));
    if (err.requestId) el.append(" ", h("span", { class: "muted" }, "(request " + err.requestId + ")"));
  } else {
    el.append(String(err.message || err));
  }
}

export function flash(err) {
  const el = document.getElementById("flash");
  if (el) showProblem(el, err);
}

// Busy state for a button while its request runs: no double submits, and a visible cue.
export async function busy(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    button.textContent = label;
  }
}
`;
