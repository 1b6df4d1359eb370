/**
 * The security team's page for one questionnaire: its header, filters (server-side, the API's own
 * query parameters), bulk approval, downloads and the answers table. One answer's details and
 * actions open in a dialog (answer-dialog.ts).
 */
import { enc, followEvents, getAll, getJson, type QueryValue, query, request, sendJson } from "../api.js";
import type {
  AnswerSort,
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
import { getKey } from "../session.js";
import { openAnswer } from "./answer-dialog.js";
import { ANSWER_COLUMNS, answerRow } from "./answers-table.js";

const STATUSES = ["drafted", "needs_review", "no_match", "approved", "rejected"];
/** The API's sorts (a Record, so a sort added there fails the typecheck here until it has a label). */
const SORTS: Record<AnswerSort, string> = {
  position: "Sheet and row",
  confidence: "Confidence, lowest first",
  "-confidence": "Confidence, highest first",
  status: "Status, most work first",
  "-status": "Status, settled first",
  dueOn: "Due date, soonest first",
  "-dueOn": "Due date, latest first",
  assignee: "Assignee A–Z",
  "-assignee": "Assignee Z–A",
};
/** The API's largest page: one request for most questionnaires. */
const ANSWERS_PAGE = 500;
/** Rows in the table at once: a 300-question queue is six light pages, not one 40,000-px page. */
const ROWS_PER_PAGE = 50;
/** How often the progress counts are polled when the live stream is not available. */
const PROGRESS_POLL_MS = 5_000;
/** The live stream is tried again after it drops, this many times in a row before polling takes over. */
const STREAM_RETRIES = 3;

/** What GET /v1/questionnaires/{id}/events sends (and what polling rebuilds from the list). */
interface Progress {
  status: string;
  questions: number | null;
  saved: number;
  counts: Record<AnswerSummary["status"], number>;
}

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
  const progress = h("p", { class: "progress", id: "progress", role: "status", "aria-live": "polite" });
  const pager = h("nav", { class: "toolbar", "aria-label": "Answer pages", id: "pager" });
  const approveSelected = h("button", { type: "button", class: "secondary", id: "approve-selected", disabled: true });
  approveSelected.textContent = "Approve selected (0)";
  const help = h(
    "section",
    { class: "card small", id: "keyboard-help", hidden: true, "aria-label": "Keyboard shortcuts" },
    h("h2", {}, "Keyboard"),
    h(
      "ul",
      {},
      h("li", {}, h("kbd", {}, "j"), " / ", h("kbd", {}, "k"), " next / previous answer"),
      h("li", {}, h("kbd", {}, "a"), " approve and go to the next"),
      h("li", {}, h("kbd", {}, "e"), " edit (opens the answer on its text)"),
      h("li", {}, h("kbd", {}, "r"), " reject (opens the answer on the reason)"),
      h("li", {}, h("kbd", {}, "x"), " select for bulk approval"),
      h("li", {}, h("kbd", {}, "/"), " search · ", h("kbd", {}, "?"), " this help"),
    ),
  );
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
  const fSearch = h("input", { type: "search", name: "q", maxlength: "200", size: "24" });
  const fSort = h(
    "select",
    { name: "sort" },
    Object.entries(SORTS).map(([value, label]) => h("option", { value }, label)),
  );
  // "My queue": the answers assigned to the signed-in person (a session, not an API key).
  const fMine = h("input", { type: "checkbox", name: "mine", id: "filter-mine" });
  const mineField = getKey()?.startsWith("qs_")
    ? h("div", { class: "field checkbox" }, fMine, h("label", { for: "filter-mine" }, "My queue"))
    : null;
  const fromUrl = new URLSearchParams(location.search);
  fSearch.value = fromUrl.get("q") ?? "";
  fStatus.value = fromUrl.get("status") ?? "";
  fBelow.value = fromUrl.get("confidenceBelow") ?? "";
  fMine.checked = fromUrl.get("assignee") === "me";
  const sortInUrl = fromUrl.get("sort") ?? "";
  fSort.value = sortInUrl in SORTS ? sortInUrl : "position";
  const filters = h(
    "form",
    { class: "toolbar", role: "search", "aria-label": "Filter answers", id: "filters" },
    field("Search", fSearch, "question, id or answer; / focuses"),
    field("Status", fStatus),
    mineField,
    field("Confidence below", fBelow),
    field("Section", fSection),
    field("Sort", fSort),
    h("button", { type: "submit" }, "Apply filters"),
    h("button", { type: "reset", class: "secondary" }, "Clear"),
  );
  // Filters and sort live in the URL, so a filtered queue can be shared or reloaded.
  const filtersToUrl = () => {
    const { limit: _, ...shown } = currentFilters();
    history.replaceState(null, "", `${location.pathname}${query(shown)}`);
  };
  filters.addEventListener("submit", (e) => {
    e.preventDefault();
    filtersToUrl();
    void loadAnswers().then(() => focusRow(0));
  });
  // After the reset has cleared the fields.
  filters.addEventListener("reset", () =>
    setTimeout(() => {
      filtersToUrl();
      void loadAnswers();
    }, 0),
  );

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
    help,
    error,
    status,
    progress,
    h("div", { class: "toolbar-row" }, count, approveSelected),
    dataTable(
      { id: "answers", class: "answers", caption: "Answers in question order", columns: ANSWER_COLUMNS },
      tbody,
    ),
    pager,
    dialog,
  );

  async function refreshHeader(): Promise<void> {
    fill(header, ...questionnaireHeader(await getJson<Questionnaire>(path), customer));
  }

  function currentFilters(): Record<string, QueryValue> {
    return {
      q: fSearch.value.trim(),
      status: fStatus.value,
      assignee: fMine.checked && mineField ? "me" : "",
      confidenceBelow: fBelow.value,
      section: fSection.value,
      // The default order stays out of the URL, so an unsorted queue's address does not change.
      sort: fSort.value === "position" ? "" : fSort.value,
      limit: ANSWERS_PAGE,
    };
  }

  // The queue: every answer the filters find, shown a page at a time so 300+ rows stay light;
  // `current` is the answer the keyboard acts on, an index into the whole filtered list.
  let answers: AnswerSummary[] = [];
  let current = -1;
  // Selected answers survive a new search or page, so a selection can be built across the queue.
  const selected = new Map<string, AnswerSummary>();
  const pageOf = (index: number) => Math.floor(Math.max(index, 0) / ROWS_PER_PAGE);
  let page = 0;

  const rowActions = {
    open: (a: AnswerSummary, button: HTMLButtonElement) => {
      current = answers.findIndex((x) => x.id === a.id);
      void openAnswer(dialog, a.id, refresh, button);
    },
    approve: (a: AnswerSummary, button: HTMLButtonElement) => void busy(button, () => approve(a, false)),
    select: (a: AnswerSummary, on: boolean) => {
      if (on) selected.set(a.id, a);
      else selected.delete(a.id);
      showSelection();
    },
  };

  function showSelection(): void {
    approveSelected.textContent = `Approve selected (${selected.size})`;
    approveSelected.disabled = selected.size === 0;
  }

  function showPage(): void {
    const start = page * ROWS_PER_PAGE;
    const rows = answers.slice(start, start + ROWS_PER_PAGE);
    fill(
      tbody,
      rows.map((a) => answerRow(a, rowActions, selected.has(a.id))),
    );
    if (answers.length === 0) {
      tbody.append(
        h("tr", {}, h("td", { colspan: ANSWER_COLUMNS.length, class: "muted" }, "No answers match these filters.")),
      );
    }
    const last = Math.max(pageOf(answers.length - 1), 0);
    count.textContent =
      answers.length > ROWS_PER_PAGE
        ? `${plural(answers.length, "answer")} · showing ${start + 1}–${start + rows.length}`
        : `${plural(answers.length, "answer")} shown`;
    const prev = h("button", { type: "button", class: "secondary", disabled: page === 0 }, "Previous page");
    const next = h("button", { type: "button", class: "secondary", disabled: page >= last }, "Next page");
    prev.addEventListener("click", () => focusRow((page - 1) * ROWS_PER_PAGE));
    next.addEventListener("click", () => focusRow((page + 1) * ROWS_PER_PAGE));
    fill(pager, answers.length > ROWS_PER_PAGE ? [prev, h("span", {}, `Page ${page + 1} of ${last + 1}`), next] : []);
    markCurrent();
  }

  function markCurrent(): HTMLElement | null {
    let found: HTMLElement | null = null;
    for (const tr of tbody.querySelectorAll<HTMLElement>("tr[data-answer-id]")) {
      const on = tr.dataset.answerId === answers[current]?.id;
      tr.classList.toggle("current", on);
      if (on) {
        tr.setAttribute("aria-current", "true");
        found = tr;
      } else tr.removeAttribute("aria-current");
    }
    return found;
  }

  /** Makes answer `index` (of the filtered list) current: its page shown, its row focused. */
  function focusRow(index: number): void {
    if (answers.length === 0) return;
    current = Math.min(Math.max(index, 0), answers.length - 1);
    if (pageOf(current) !== page) {
      page = pageOf(current);
      showPage();
    }
    markCurrent()?.focus();
  }

  /**
   * Loads overlap (a dialog's refresh, a new search, the poll): only the latest call may show its
   * rows, or a slow answer to an older filter would replace the newer list.
   */
  let loadGeneration = 0;
  async function loadAnswers(): Promise<void> {
    showProblem(error, null);
    const generation = ++loadGeneration;
    try {
      const keep = answers[current]?.id;
      const loaded = await getAll<AnswerSummary>(`${path}/answers`, currentFilters());
      if (generation !== loadGeneration) return;
      answers = loaded;
      const again = keep ? answers.findIndex((a) => a.id === keep) : -1;
      current = again >= 0 ? again : Math.min(current, answers.length - 1);
      page = Math.min(page, Math.max(pageOf(answers.length - 1), 0));
      if (current >= 0) page = pageOf(current);
      showPage();
    } catch (err) {
      showProblem(error, err);
    }
  }

  /** Approves one answer in place (the row and the counts update); with `next`, moves on. */
  async function approve(a: AnswerSummary, next: boolean): Promise<void> {
    showProblem(error, null);
    try {
      const done = await sendJson<AnswerSummary>("POST", `/v1/answers/${enc(a.id)}/approve`, {});
      const index = answers.findIndex((x) => x.id === a.id);
      if (index >= 0) answers[index] = { ...a, status: done.status, reviewer: done.reviewer };
      status.textContent = `Approved ${a.sourceId ?? a.ordinal}.`;
      showPage();
      if (next) focusRow(index + 1);
      await refreshProgress();
    } catch (err) {
      showProblem(error, err);
    }
  }

  approveSelected.addEventListener("click", () =>
    busy(approveSelected, async () => {
      const chosen = [...selected.values()];
      for (const a of chosen) await approve(a, false);
      selected.clear();
      showSelection();
      await loadAnswers();
    }),
  );

  /** The progress line from a questionnaire's status and its answers by status. */
  function showProgress(p: Progress): void {
    progress.dataset.source = live ? "stream" : "poll";
    if (p.status === "queued" || p.status === "processing") {
      progress.textContent =
        p.status === "queued"
          ? "Waiting to be processed…"
          : p.saved > 0
            ? `Reading and drafting… ${p.saved}${p.questions ? ` of ${p.questions}` : ""} answers saved`
            : "Reading and drafting…";
      return;
    }
    const by = (s: keyof Progress["counts"]) => p.counts[s] ?? 0;
    const reviewed = by("approved") + by("rejected");
    progress.textContent =
      `${reviewed} of ${p.saved} reviewed · ${by("approved")} approved · ${by("rejected")} rejected · ` +
      `${by("needs_review")} need review · ${by("drafted")} drafted · ${by("no_match")} no match`;
  }

  /** Counts over the whole questionnaire by polling: the fallback when the live stream is not there. */
  async function refreshProgress(): Promise<void> {
    if (live) return; // the stream sends every change, ours included
    const [fresh, all] = await Promise.all([
      getJson<Questionnaire>(path),
      getAll<AnswerSummary>(`${path}/answers`, { limit: ANSWERS_PAGE }),
    ]);
    const counts: Progress["counts"] = { drafted: 0, needs_review: 0, no_match: 0, approved: 0, rejected: 0 };
    for (const a of all) counts[a.status] += 1;
    showProgress({ status: fresh.status, questions: fresh.summary?.questions ?? null, saved: all.length, counts });
  }

  /**
   * Live progress and counts: the questionnaire's event stream while the page is open. A status
   * change (processing done) reloads the header and the list; a stream that drops is reopened,
   * and after STREAM_RETRIES failures in a row the page polls instead.
   */
  let live = false;
  const streamStop = new AbortController();
  async function followProgress(): Promise<void> {
    let failures = 0;
    let lastStatus: string = qn.status;
    while (!streamStop.signal.aborted && failures < STREAM_RETRIES) {
      try {
        await followEvents(
          `${path}/events`,
          (e) => {
            if (e.event !== "progress") return;
            const p = JSON.parse(e.data) as Progress;
            live = true;
            failures = 0;
            showProgress(p);
            if (p.status !== lastStatus) {
              const wasProcessing = lastStatus === "queued" || lastStatus === "processing";
              lastStatus = p.status;
              void refreshHeader();
              if (wasProcessing) void loadAnswers();
            }
          },
          streamStop.signal,
        );
      } catch {
        if (streamStop.signal.aborted) return;
        failures += 1;
      }
      live = false;
      if (!streamStop.signal.aborted) await new Promise((r) => setTimeout(r, 1_000));
    }
    live = false;
  }

  async function refresh(): Promise<void> {
    await Promise.all([refreshHeader(), loadAnswers(), refreshSinceDrafting(), refreshProgress()]);
  }

  // Keyboard review: one key per decision, on the current row, while no dialog or field has focus.
  const onKey = (e: KeyboardEvent) => {
    if (!root.contains(tbody)) {
      document.removeEventListener("keydown", onKey);
      return;
    }
    const target = e.target as HTMLElement | null;
    if (dialog.open || e.ctrlKey || e.metaKey || e.altKey) return;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      if (e.key === "Escape") target.blur();
      return;
    }
    const a = answers[current];
    const row = () => tbody.querySelector<HTMLElement>(`tr[data-answer-id="${CSS.escape(a?.id ?? "")}"]`);
    const keys: Record<string, () => void> = {
      j: () => focusRow(current + 1),
      k: () => focusRow(current - 1),
      a: () => a && void approve(a, true),
      e: () => a && void openAnswer(dialog, a.id, refresh, row() ?? undefined, "edit"),
      r: () => a && void openAnswer(dialog, a.id, refresh, row() ?? undefined, "reject"),
      x: () => {
        if (!a) return;
        rowActions.select(a, !selected.has(a.id));
        const box = row()?.querySelector<HTMLInputElement>("input[name=select]");
        if (box) box.checked = selected.has(a.id);
      },
      "/": () => fSearch.focus(),
      "?": () => {
        help.hidden = !help.hidden;
      },
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    if (current < 0 && e.key !== "/" && e.key !== "?") {
      focusRow(0);
      if (e.key === "j" || e.key === "k") return;
    }
    act();
  };
  document.addEventListener("keydown", onKey);
  // Polls only while the stream is not live (refreshProgress returns at once otherwise).
  const poll = setInterval(() => {
    if (!root.contains(tbody)) {
      clearInterval(poll);
      streamStop.abort();
    } else if (!dialog.open) void refreshProgress().catch(() => undefined);
  }, PROGRESS_POLL_MS);
  void followProgress();

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
    const sectionInUrl = fromUrl.get("section");
    if (sectionInUrl && sections.has(sectionInUrl)) fSection.value = sectionInUrl;
    await loadAnswers();
    await Promise.all([refreshSinceDrafting(), refreshProgress()]);
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
      ? h("p", { class: "muted" }, "Still processing; the progress line below follows it.")
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
