/** How values from the API are shown. */
import { h } from "./dom.js";

/** ISO strings from the API are UTC; show them as such rather than guess the reader's zone. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function fmtConfidence(n: number | null | undefined): string {
  return typeof n === "number" ? n.toFixed(2) : "";
}

/** "1 answer", "3 answers". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** A status or kind as words: needs_review → "needs review". */
export function words(code: string): string {
  return code.replace("_", " ");
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  needs_review: "needs review",
  no_match: "no match",
  in_review: "in review",
};

/** Class names come from a fixed alphabet so an unexpected status cannot inject classes. */
export function badge(status: string): HTMLSpanElement {
  const safe = status.replace(/[^a-z_]/g, "");
  return h("span", { class: `badge badge-${safe}` }, STATUS_LABELS[status] ?? status);
}
