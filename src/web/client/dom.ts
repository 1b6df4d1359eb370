/**
 * The only way the client builds DOM. Strings become text nodes (never HTML), so a customer named
 * "<img onerror=…>" is shown as those characters.
 */

/** An attribute value; null, undefined and false leave the attribute out. */
export type Attr = string | number | boolean | null | undefined;
export type Props = Readonly<Record<string, Attr>>;
/** What h() and fill() accept as children: nodes, text, and (nested) lists of them; null/false are skipped. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

// Set as properties (not attributes) so form state is live, not just initial.
const PROPS = new Set(["value", "checked", "disabled", "selected", "hidden", "required", "open", "multiple"]);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") el.className = String(value);
    else if (PROPS.has(name)) Reflect.set(el, name, value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  return append(el, children);
}

export function append<E extends Element>(el: E, children: readonly Child[]): E {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (child instanceof Node) el.append(child);
    else if (typeof child === "object") append(el, child);
    else el.append(String(child));
  }
  return el;
}

/** replaceChildren() would print null as "null" and arrays as "[object …]"; this goes through append(). */
export function fill<E extends Element>(el: E, ...children: Child[]): E {
  el.replaceChildren();
  return append(el, children);
}

/** An element the HTML shell (src/web/page.ts) always has. */
export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

let uid = 0;
function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** A labelled control: the label's for= points at it, so screen readers and clicks work. */
export function field(labelText: string, control: HTMLElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = nextId("field");
  const hintEl = hint ? h("span", { class: "hint", id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: control.id }, labelText), control, hintEl);
}

export interface TableSpec {
  id: string;
  /** Extra classes besides "data". */
  class?: string;
  /** Read by screen readers only. */
  caption: string;
  columns: readonly string[];
}

/** A horizontally scrollable data table whose rows the caller keeps in `body`. */
export function dataTable(spec: TableSpec, body: HTMLTableSectionElement): HTMLDivElement {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: spec.class ? `data ${spec.class}` : "data", id: spec.id },
      h("caption", { class: "sr-only" }, spec.caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          spec.columns.map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      body,
    ),
  );
}

/** Busy state for a button while its request runs: no double submits, and a visible cue. */
export async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
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
