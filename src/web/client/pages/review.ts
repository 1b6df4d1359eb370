/**
 * The security team's page for one questionnaire: its header, filters (server-side, the API's own
 * query parameters), bulk approval, downloads and the answers table. One answer's details and
 * actions open in a dialog (answer-dialog.ts).
 */
import { enc, getAll, getJson, type QueryValue, query, request, sendJson } from "../api.js";
import type {
  AnswerSummary,
  BulkApprove,
  BulkApproveResult,
  CitationCheck,
  Customer,
  Questionnaire,
} from "../api-types.js";
import { busy, type Child, dataTable, field, fill, h } from "../dom.js";
import { badge, fmtDate, plural, words } from "../format.js";
import { showProblem } from "../problem.js";
import { openAnswer } from "./answer-dialog.js";
import { ANSWER_COLUMNS, answerRow } from "./answers-table.js";

const STATUSES = ["drafted", "needs_review", "no_match", "approved", "rejected"];
/** The API's largest page: one request for most questionnaires. */
const ANSWERS_PAGE = 500;

export async function renderReview(root: HTMLElement, id: string): Promise<void> {
  fill(root, h("p", { class: "muted" }, "Loading questionnaire…"));
  const path = `/v1/questionnaires/${enc(id)}`;
  const qn = await getJson<Questionnaire>(path);
  const customer = qn.customerId
    ? await getJson<Customer>(`/v1/customers/${enc(qn.customerId)}`).catch(() => null)
    : null;

  const header = h("section", { class: "qn-header", "aria-labelledby": "qn-title" });
  // What an export today would cite differently, and which answers are no longer current.
  const sinceDrafting = h("section", { class: "card since-drafting", id: "since-drafting", hidden: true });
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
    STATUSES.map((s) => h("option", { value: s }, words(s))),
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
    void loadAnswers();
  });
  // After the reset has cleared the fields.
  filters.addEventListener("reset", () => setTimeout(loadAnswers, 0));

  // Bulk approval: the API approves drafted answers at or above the threshold, all or nothing.
  const threshold = h("input", {
    type: "number",
    name: "minConfidence",
    min: "0",
    max: "1",
    step: "0.05",
    value: "0.8",
    size: "5",
    required: true,
  });
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
        const body: BulkApprove = { minConfidence: Number(threshold.value) };
        const out = await sendJson<BulkApproveResult>("POST", `${path}/answers/bulk-approve`, body);
        status.textContent =
          `Approved ${plural(out.approved.length, "answer")} at or above ${threshold.value}. ` +
          `Questionnaire is now ${words(out.status)}.`;
        await refresh();
      } catch (err) {
        showProblem(error, err);
      }
    });
  });

  // Downloads go through fetch (the API needs the bearer header), then a blob link.
  const downloads = h("div", { class: "toolbar", role: "group", "aria-label": "Downloads" });
  const addDownload = (label: string, params: Record<string, string>, fallback: string) => {
    const b = h("button", { type: "button", class: "secondary" }, label);
    b.addEventListener("click", () => busy(b, () => download(`${path}/export${query(params)}`, fallback)));
    downloads.append(b);
  };
  if (qn.format !== "pdf") {
    // A PDF has no cells to fill (export_unsupported), so only offer what will work.
    addDownload("Filled file (approved only)", {}, qn.fileName);
    addDownload("Filled file (with drafts)", { include: "drafts" }, qn.fileName);
  }
  addDownload("Answers CSV", { format: "csv", include: "drafts" }, "answers.csv");
  addDownload("Answers JSON", { format: "json", include: "drafts" }, "answers.json");

  async function download(url: string, fallback: string): Promise<void> {
    showProblem(error, null);
    try {
      const res = await request("GET", url);
      const blob = await res.blob();
      const named = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];
      const a = h("a", { href: URL.createObjectURL(blob), download: named ?? fallback, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
      const warnings = Number(res.headers.get("x-quire-warnings") ?? "0");
      const unwritten = warnings ? ` (${warnings} warnings, e.g. answers that could not be written)` : "";
      const changed = Number(res.headers.get("x-quire-citation-changes") ?? "0");
      const cited = changed ? ` Citations were decided again for today: ${plural(changed, "answer")} changed.` : "";
      status.textContent = `Downloaded ${a.download}${unwritten}.${cited}`;
      await refreshHeader();
    } catch (err) {
      showProblem(error, err);
    }
  }

  fill(
    root,
    h("p", {}, h("a", { href: "/app" }, "← All questionnaires")),
    header,
    sinceDrafting,
    h(
      "section",
      { class: "card", "aria-label": "Review tools" },
      filters,
      h("div", { class: "toolbar-row" }, bulk, downloads),
    ),
    error,
    status,
    count,
    dataTable(
      { id: "answers", class: "answers", caption: "Answers in question order", columns: ANSWER_COLUMNS },
      tbody,
    ),
    dialog,
  );

  async function refreshHeader(): Promise<void> {
    fill(header, ...questionnaireHeader(await getJson<Questionnaire>(path), customer));
  }

  function currentFilters(): Record<string, QueryValue> {
    return { status: fStatus.value, confidenceBelow: fBelow.value, section: fSection.value, limit: ANSWERS_PAGE };
  }

  function showAnswers(answers: readonly AnswerSummary[]): void {
    const open = (a: AnswerSummary, button: HTMLButtonElement) => openAnswer(dialog, a.id, refresh, button);
    fill(
      tbody,
      answers.map((a) => answerRow(a, open)),
    );
    count.textContent = `${plural(answers.length, "answer")} shown`;
  }

  async function loadAnswers(): Promise<void> {
    showProblem(error, null);
    try {
      const answers = await getAll<AnswerSummary>(`${path}/answers`, currentFilters());
      showAnswers(answers);
      if (answers.length === 0) {
        tbody.append(
          h("tr", {}, h("td", { colspan: ANSWER_COLUMNS.length, class: "muted" }, "No answers match these filters.")),
        );
      }
    } catch (err) {
      showProblem(error, err);
    }
  }

  async function refresh(): Promise<void> {
    await Promise.all([refreshHeader(), loadAnswers(), refreshSinceDrafting()]);
  }

  async function refreshSinceDrafting(): Promise<void> {
    try {
      const check = await getJson<CitationCheck>(`${path}/citations`);
      sinceDrafting.hidden = check.changes.length === 0 && check.stale.length === 0;
      fill(sinceDrafting, ...sinceDraftingView(check));
    } catch (err) {
      showProblem(error, err);
    }
  }

  // Sections for the filter come from the unfiltered list, once.
  try {
    fill(header, ...questionnaireHeader(qn, customer));
    const all = await getAll<AnswerSummary>(`${path}/answers`, { limit: ANSWERS_PAGE });
    const sections = new Set(all.map((a) => a.section).filter((s): s is string => Boolean(s)));
    for (const s of sections) fSection.append(h("option", { value: s }, s));
    showAnswers(all);
    await refreshSinceDrafting();
  } catch (err) {
    showProblem(error, err);
  }
}

/** Citation changes an export today would make (customer's NDA or region changed, evidence lapsed) and stale answers. */
function sinceDraftingView(check: CitationCheck): Child[] {
  const label = (c: { sourceId: string | null; question: string }) => c.sourceId ?? c.question.slice(0, 60);
  return [
    h("h2", {}, "Changed since drafting"),
    h(
      "p",
      { class: "muted" },
      `An export today (${check.customer.asOf}, ${check.customer.ndaOnFile ? "NDA on file" : "no NDA"}, region ${check.customer.region}) decides citations again:`,
    ),
    check.changes.length
      ? h(
          "ul",
          { id: "citation-changes" },
          check.changes.map((c) =>
            h(
              "li",
              { "data-answer-id": c.answerId },
              h("strong", {}, label(c)),
              ": ",
              c.removed.map((r) => `no longer cites ${r.artifactId} (${r.reason})`).join("; "),
              c.removed.length && c.added.length ? "; " : "",
              c.added.map((x) => `now cites ${x.artifactId}`).join("; "),
            ),
          ),
        )
      : null,
    check.stale.length
      ? h(
          "ul",
          { id: "stale-answers", class: "warnings" },
          check.stale.map((s) =>
            h(
              "li",
              { "data-answer-id": s.answerId },
              h("strong", {}, s.sourceId ?? s.answerId),
              ": ",
              s.reasons.join("; "),
            ),
          ),
        )
      : null,
  ];
}

/** What drafting with Claude cost this questionnaire: calls, tokens by kind, the estimate and the budget. */
function llmLine(llm: NonNullable<Questionnaire["llm"]>): string {
  const k = (n: number) => n.toLocaleString("en-US");
  const how = llm.mode === "batches" ? "Message Batches" : "interactive";
  const budget = llm.ceilingReached
    ? `; budget reached, ${plural(llm.overBudget, "question")} kept offline for review`
    : "";
  return (
    `Drafted with ${llm.model}: ${plural(llm.calls, "call")} (${how}), ${k(llm.inputTokens)} input, ` +
    `${k(llm.cacheReadTokens)} cached, ${k(llm.outputTokens)} output tokens, about $${llm.estimatedCostUsd.toFixed(4)}${budget}`
  );
}

function questionnaireHeader(q: Questionnaire, customer: Customer | null): Child[] {
  const s = q.summary ?? {};
  const { region, ndaOnFile, ndaUntil, asOf } = q.customer;
  const nda = ndaOnFile ? `NDA on file${ndaUntil ? ` until ${ndaUntil}` : ""}` : "no NDA";
  return [
    h("h1", { id: "qn-title" }, q.fileName),
    h(
      "p",
      { class: "meta" },
      badge(q.status),
      " ",
      customer ? customer.name : "Unknown customer",
      ` · region ${region} · ${nda} · citations as of ${asOf} · uploaded ${fmtDate(q.createdAt)}`,
    ),
    q.summary
      ? h(
          "p",
          { class: "meta" },
          `When drafted: ${s.questions ?? 0} questions, ${s.drafted ?? 0} drafted, ` +
            `${s.needsReview ?? 0} need review, ${s.noMatch ?? 0} no match`,
        )
      : null,
    q.llm ? h("p", { class: "meta", id: "qn-llm" }, llmLine(q.llm)) : null,
    q.failure
      ? h(
          "div",
          { class: "problem" },
          h("strong", { class: "code" }, `Processing failed: ${q.failure.code}`),
          ": ",
          q.failure.message,
        )
      : null,
    q.status === "queued" || q.status === "processing"
      ? h("p", { class: "muted" }, "Still processing; reload this page in a moment.")
      : null,
    q.warnings.length
      ? h(
          "ul",
          { class: "warnings" },
          q.warnings.map((w) => h("li", {}, w)),
        )
      : null,
  ];
}
