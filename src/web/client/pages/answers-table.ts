/** One row of the review page's answers table. */
import type { AnswerSummary } from "../api-types.js";
import { h } from "../dom.js";
import { badge, fmtConfidence, words } from "../format.js";

export const ANSWER_COLUMNS = [
  "Select",
  "Id",
  "Section",
  "Question",
  "Kind",
  "Status",
  "Conf.",
  "Value",
  "Answer",
  "Citations",
  "Actions",
];

/** Long answers show their first lines until expanded. */
const CLAMP_CHARS = 180;

export interface RowActions {
  open(a: AnswerSummary, button: HTMLButtonElement): void;
  approve(a: AnswerSummary, button: HTMLButtonElement): void;
  select(a: AnswerSummary, selected: boolean): void;
}

export function answerRow(a: AnswerSummary, on: RowActions, selected: boolean): HTMLTableRowElement {
  const label = a.sourceId || String(a.ordinal);
  const details = h("button", { type: "button", class: "small-button" }, "Review…");
  details.setAttribute("aria-label", `Review answer ${label}`);
  details.addEventListener("click", () => on.open(a, details));
  const approve = h("button", { type: "button", class: "small-button secondary", "data-action": "approve" }, "Approve");
  approve.setAttribute("aria-label", `Approve answer ${label}`);
  approve.disabled = a.status === "approved" || !a.text;
  approve.addEventListener("click", () => on.approve(a, approve));
  const pick = h("input", {
    type: "checkbox",
    name: "select",
    checked: selected,
    "aria-label": `Select answer ${label}`,
  });
  pick.addEventListener("change", () => on.select(a, pick.checked));
  return h(
    "tr",
    { "data-answer-id": a.id, "data-status": a.status, tabindex: "-1" },
    h("td", {}, pick),
    h("td", { class: "nowrap" }, label),
    h("td", {}, a.section ?? ""),
    h("td", { class: "question" }, a.question),
    h("td", { class: "nowrap small" }, words(a.kind)),
    h(
      "td",
      {},
      badge(a.status),
      a.assignee ? h("div", { class: "small" }, `→ ${a.assignee}${a.dueOn ? ` by ${a.dueOn}` : ""}`) : null,
      // Why a person must look: the drafter's reason, in the table rather than only in the dialog.
      a.reason && (a.status === "needs_review" || a.status === "no_match")
        ? h("div", { class: "small reason" }, a.reason)
        : null,
    ),
    h("td", { class: `num ${confidenceClass(a.confidence)}` }, fmtConfidence(a.confidence)),
    h("td", { class: "value" }, a.value ?? ""),
    h("td", { class: "answer-text" }, clamped(a.text ?? "")),
    h(
      "td",
      { class: "citations" },
      a.citations.length
        ? h(
            "ul",
            {},
            a.citations.map((c) => h("li", {}, c.title)),
          )
        : null,
      a.withheldCount ? h("div", { class: "small muted" }, `${a.withheldCount} withheld`) : null,
    ),
    h("td", { class: "nowrap" }, details, " ", approve),
  );
}

function confidenceClass(c: number): string {
  return c >= 0.75 ? "conf-high" : c >= 0.5 ? "conf-mid" : "conf-low";
}

/** First lines of long answers, with a real button (keyboard-usable) to expand them. */
function clamped(text: string): HTMLDivElement {
  if (text.length <= CLAMP_CHARS && !text.includes("\n")) return h("div", {}, text);
  const body = h("div", { class: "clamp" }, text);
  const toggle = h("button", { type: "button", class: "link-button", "aria-expanded": "false" }, "Show all");
  toggle.addEventListener("click", () => {
    const open = body.classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "Show less" : "Show all";
  });
  return h("div", {}, body, toggle);
}
