/**
 * Client module /app/assets/review.js: the security team's page for one questionnaire. Filters
 * (server-side, the API's own query parameters), the answers table, bulk approval, downloads.
 * One answer's details and actions live in answer.js (a modal dialog).
 */
export const REVIEW_JS = String.raw`
import { enc, getAll, getJson, query, request } from "./api.js";
import { badge, busy, field, fill, fmtConfidence, fmtDate, h, showProblem } from "./dom.js";
import { openAnswer } from "./answer.js";

const STATUSES = ["drafted", "needs_review", "no_match", "approved", "rejected"];
const CLAMP_CHARS = 180;

export async function renderReview(root, id) {
  fill(root, h("p", { class: "muted" }, "Loading questionnaire…"));
  const qn = await getJson("/v1/questionnaires/" + enc(id));
  let customer = null;
  if (qn.customerId) {
    customer = await getJson("/v1/customers/" + enc(qn.customerId)).catch(() => null);
  }

  const header = h("section", { class: "qn-header", "aria-labelledby": "qn-title" });
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const tbody = h("tbody");
  const count = h("p", { class: "muted", id: "answer-count" });
  const dialog = h("dialog", { class: "answer-dialog", "aria-labelledby": "answer-title" });

  // Filters
  const fStatus = h(
    "select",
    { name: "status" },
    h("option", { value: "" }, "Any status"),
    STATUSES.map((s) => h("option", { value: s }, s.replace("_", " "))),
  );
  const fBelow = h("input", { type: "number", name: "confidenceBelow", min: "0", max: "1", step: "0.05", size: "5" });
  const fSection = h("select", { name: "section" }, h("option", { value: "" }, "Any section"));
  const filters = h(
    "form",
    { class: "toolbar", role: "search", "aria-label": "Filter answers", id: "filters" },
    field("Status", fStatus),
    field("Confidence below", fBelow),
    field("Section", fSection),
    h("button", { type: "submit" }, "Apply filters"),
    h("button", { type: "reset", class: "secondary" }, "Clear"),
  );
  filters.addEventListener("submit", (e) => {
    e.preventDefault();
    loadAnswers();
  });
  filters.addEventListener("reset", () => setTimeout(loadAnswers, 0));

  // Bulk approval: the API approves drafted answers at or above the threshold, all or nothing.
  const threshold = h("input", { type: "number", name: "minConfidence", min: "0", max: "1", step: "0.05", value: "0.8", size: "5", required: true });
  const bulkButton = h("button", { type: "submit" }, "Approve drafted answers");
  const bulk = h(
    "form",
    { class: "toolbar", id: "bulk-approve", "aria-label": "Bulk approve" },
    field("Minimum confidence", threshold, "drafted answers at or above this"),
    bulkButton,
  );
  bulk.addEventListener("submit", async (e) => {
    e.preventDefault();
    showProblem(error, null);
    await busy(bulkButton, async () => {
      try {
        const res = await request("POST", "/v1/questionnaires/" + enc(id) + "/answers/bulk-approve", {
          json: { minConfidence: Number(threshold.value) },
        });
        const out = await res.json();
        status.textContent =
          "Approved " + out.approved.length + " answer" + (out.approved.length === 1 ? "" : "s") +
          " at or above " + threshold.value + ". Questionnaire is now " + out.status.replace("_", " ") + ".";
        await refresh();
      } catch (err) {
        showProblem(error, err);
      }
    });
  });

  // Downloads go through fetch (the API needs the bearer header), then a blob link.
  const downloads = h("div", { class: "toolbar", role: "group", "aria-label": "Downloads" });
  const addDownload = (label, params, fallback) => {
    const b = h("button", { type: "button", class: "secondary" }, label);
    b.addEventListener("click", () =>
      busy(b, () => download("/v1/questionnaires/" + enc(id) + "/export" + query(params), fallback)),
    );
    downloads.append(b);
  };
  if (qn.format !== "pdf") {
    // A PDF has no cells to fill (export_unsupported), so only offer what will work.
    addDownload("Filled file (approved only)", {}, qn.fileName);
    addDownload("Filled file (with drafts)", { include: "drafts" }, qn.fileName);
  }
  addDownload("Answers CSV", { format: "csv", include: "drafts" }, "answers.csv");
  addDownload("Answers JSON", { format: "json", include: "drafts" }, "answers.json");

  async function download(path, fallback) {
    showProblem(error, null);
    try {
      const res = await request("GET", path);
      const blob = await res.blob();
      const match = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") || "");
      const a = h("a", { href: URL.createObjectURL(blob), download: match ? match[1] : fallback, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 30000);
      const warnings = Number(res.headers.get("x-quire-warnings") || "0");
      status.textContent =
        "Downloaded " + a.download + (warnings ? " (" + warnings + " answers could not be written; see the JSON export)" : "") + ".";
      await refreshHeader();
    } catch (err) {
      showProblem(error, err);
    }
  }

  fill(root,
    h("p", {}, h("a", { href: "/app" }, "← All questionnaires")),
    header,
    h(
      "section",
      { class: "card", "aria-label": "Review tools" },
      filters,
      h("div", { class: "toolbar-row" }, bulk, downloads),
    ),
    error,
    status,
    count,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "data answers", id: "answers" },
        h("caption", { class: "sr-only" }, "Answers in question order"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Id", "Section", "Question", "Kind", "Status", "Conf.", "Value", "Answer", "Citations", "Actions"].map(
              (t) => h("th", { scope: "col" }, t),
            ),
          ),
        ),
        tbody,
      ),
    ),
    dialog,
  );

  function renderHeader(q) {
    const s = q.summary || {};
    const nda = q.customer.ndaOnFile ? "NDA on file" + (q.customer.ndaUntil ? " until " + q.customer.ndaUntil : "") : "no NDA";
    fill(header,
      h("h1", { id: "qn-title" }, q.fileName),
      h(
        "p",
        { class: "meta" },
        badge(q.status),
        " ",
        customer ? customer.name : "Unknown customer",
        " · region " + q.customer.region + " · " + nda + " · citations as of " + q.customer.asOf +
          " · uploaded " + fmtDate(q.createdAt),
      ),
      q.summary
        ? h(
            "p",
            { class: "meta" },
            "When drafted: " + (s.questions || 0) + " questions, " + (s.drafted || 0) + " drafted, " + (s.needsReview || 0) +
              " need review, " + (s.noMatch || 0) + " no match",
          )
        : null,
      q.failure
        ? h("div", { class: "problem" }, h("strong", { class: "code" }, "Processing failed: " + q.failure.code), ": ", q.failure.message)
        : null,
      q.status === "queued" || q.status === "processing"
        ? h("p", { class: "muted" }, "Still processing; reload this page in a moment.")
        : null,
      q.warnings && q.warnings.length ? h("ul", { class: "warnings" }, q.warnings.map((w) => h("li", {}, w))) : null,
    );
  }

  async function refreshHeader() {
    renderHeader(await getJson("/v1/questionnaires/" + enc(id)));
  }

  function currentFilters() {
    return { status: fStatus.value, confidenceBelow: fBelow.value, section: fSection.value, limit: 500 };
  }

  async function loadAnswers() {
    showProblem(error, null);
    try {
      const answers = await getAll("/v1/questionnaires/" + enc(id) + "/answers", currentFilters());
      fill(tbody, answers.map(answerRow));
      if (answers.length === 0) tbody.append(h("tr", {}, h("td", { colspan: "10", class: "muted" }, "No answers match these filters.")));
      count.textContent = answers.length + " answer" + (answers.length === 1 ? "" : "s") + " shown";
    } catch (err) {
      showProblem(error, err);
    }
  }

  async function refresh() {
    await Promise.all([refreshHeader(), loadAnswers()]);
  }

  function answerRow(a) {
    const details = h("button", { type: "button", class: "small-button" }, "Review…");
    details.setAttribute("aria-label", "Review answer " + (a.sourceId || a.ordinal));
    details.addEventListener("click", () => openAnswer(dialog, a.id, refresh, details));
    return h(
      "tr",
      { dataset: { answerId: a.id, status: a.status } },
      h("td", { class: "nowrap" }, a.sourceId || String(a.ordinal)),
      h("td", {}, a.section || ""),
      h("td", { class: "question" }, a.question),
      h("td", { class: "nowrap small" }, a.kind.replace("_", " ")),
      h("td", {}, badge(a.status), a.assignee ? h("div", { class: "small" }, "→ " + a.assignee) : null),
      h("td", { class: "num " + confidenceClass(a.confidence) }, fmtConfidence(a.confidence)),
      h("td", { class: "value" }, a.value || ""),
      h("td", { class: "answer-text" }, clamped(a.text || "")),
      h(
        "td",
        { class: "citations" },
        a.citations.length ? h("ul", {}, a.citations.map((c) => h("li", {}, c.title))) : null,
        a.withheldCount ? h("div", { class: "small muted" }, a.withheldCount + " withheld") : null,
      ),
      h("td", {}, details),
    );
  }

  // Sections for the filter come from the unfiltered list, once.
  try {
    renderHeader(qn);
    const all = await getAll("/v1/questionnaires/" + enc(id) + "/answers", { limit: 500 });
    const sections = [...new Set(all.map((a) => a.section).filter(Boolean))];
    for (const s of sections) fSection.append(h("option", { value: s }, s));
    fill(tbody, all.map(answerRow));
    count.textContent = all.length + " answers shown";
  } catch (err) {
    showProblem(error, err);
  }
}

function confidenceClass(c) {
  return c >= 0.75 ? "conf-high" : c >= 0.5 ? "conf-mid" : "conf-low";
}

// First lines of long answers, with a real button (keyboard-usable) to expand them.
function clamped(text) {
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
`;
