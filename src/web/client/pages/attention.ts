/**
 * "Needs attention": what the daily freshness sweep found (entries due for review, artifacts expiring
 * or lapsed, answers resting on them) and open library conflicts, per owner. An owner can narrow the
 * list to their own items; an admin can run the sweep now.
 */
import { getJson, query, sendJson } from "../api.js";
import type { AttentionList, SweepResult } from "../api-types.js";
import { busy, dataTable, field, fill, h } from "../dom.js";
import { fmtDate, plural, words } from "../format.js";
import { showProblem } from "../problem.js";

const COLUMNS = ["Due", "What", "Subject", "Details"];

const KIND_LABELS: Readonly<Record<string, string>> = {
  "artifact.expiring": "Evidence",
  "entry.review_due": "Library entry",
  "answer.stale": "Answers",
};

export async function renderAttention(root: HTMLElement): Promise<void> {
  const owner = new URLSearchParams(location.search).get("owner") ?? "";
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const list = h("div", { id: "attention" });
  const ownerSelect = h("select", { name: "owner" }, h("option", { value: "" }, "Every owner"));
  const filter = h(
    "form",
    { class: "toolbar", role: "search", "aria-label": "Filter by owner" },
    field("Owner", ownerSelect),
    h("button", { type: "submit" }, "Show"),
  );
  filter.addEventListener("submit", (e) => {
    e.preventDefault();
    history.pushState(null, "", `/app/attention${query({ owner: ownerSelect.value })}`);
    void load(ownerSelect.value);
  });
  const sweepButton = h("button", { type: "button", class: "secondary" }, "Run the sweep now");
  sweepButton.addEventListener("click", () =>
    busy(sweepButton, async () => {
      showProblem(error, null);
      try {
        const out = await sendJson<SweepResult>("POST", "/v1/attention/sweep", {});
        // Announced once the list below shows the sweep's result, not while the old list still stands.
        await load(ownerSelect.value);
        status.textContent = `Sweep as of ${out.asOf}: ${plural(out.findings, "finding")}, ${out.opened} new, ${out.resolved} resolved.`;
      } catch (err) {
        showProblem(error, err);
      }
    }),
  );
  const lastSweep = h("p", { class: "muted", id: "last-sweep" });

  fill(
    root,
    h("h1", {}, "Needs attention"),
    h(
      "p",
      { class: "muted" },
      "Entries due for review within 30 days, evidence expiring within 60, 30 and 7 days or lapsed, answers that rest on them, and approved answers that disagree with their library entry. Answers resting on anything lapsed are never drafted as current.",
    ),
    h(
      "section",
      { class: "card", "aria-label": "Attention tools" },
      h("div", { class: "toolbar-row" }, filter, sweepButton),
    ),
    lastSweep,
    error,
    status,
    list,
  );

  // Loads overlap (the page's first load, then the one after "Run the sweep now"): only the latest
  // request's answer is shown, so an earlier, slower one cannot put an older list back.
  let latest = 0;
  async function load(only: string): Promise<void> {
    showProblem(error, null);
    const request = ++latest;
    try {
      const body = await getJson<AttentionList>(`/v1/attention${query({ owner: only })}`);
      if (request !== latest) return;
      lastSweep.textContent = body.lastSweepAt
        ? `Last sweep: ${fmtDate(body.lastSweepAt)}`
        : "The sweep has not run yet; it runs daily.";
      if (!only) {
        const known = new Set([...ownerSelect.options].map((o) => o.value));
        for (const o of body.owners)
          if (!known.has(o.owner)) ownerSelect.append(h("option", { value: o.owner }, o.owner));
      }
      ownerSelect.value = only;
      fill(
        list,
        body.owners.length === 0 ? h("p", { class: "muted" }, "Nothing needs attention.") : null,
        body.owners.map((o) => ownerSection(o)),
      );
    } catch (err) {
      if (request === latest) showProblem(error, err);
    }
  }

  await load(owner);
}

function ownerSection(o: AttentionList["owners"][number]): HTMLElement {
  const slug = o.owner.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const rows = h(
    "tbody",
    {},
    o.findings.map((f) =>
      h(
        "tr",
        { "data-subject": f.subject, "data-state": f.state },
        h("td", { class: "nowrap" }, f.dueOn),
        h("td", {}, `${KIND_LABELS[f.kind] ?? f.kind}: ${words(f.state)}`),
        h(
          "td",
          {},
          f.subjectType === "questionnaire"
            ? h(
                "a",
                { href: `/app/questionnaires/${encodeURIComponent(f.subject)}` },
                String(f.details?.fileName ?? f.subject),
              )
            : f.subject,
        ),
        h("td", {}, f.message),
      ),
    ),
    o.conflicts.map((c) =>
      h(
        "tr",
        { "data-subject": c.entryId, "data-state": "conflict" },
        h("td", { class: "nowrap" }, c.createdAt.slice(0, 10)),
        h("td", {}, "Library conflict"),
        h("td", {}, c.entryId),
        h("td", {}, c.message),
      ),
    ),
  );
  const count = o.findings.length + o.conflicts.length;
  return h(
    "section",
    { class: "card", "aria-labelledby": `owner-${slug}`, "data-owner": o.owner },
    h("h2", { id: `owner-${slug}` }, `${o.owner} (${count})`),
    dataTable({ id: `attention-${slug}`, caption: `What ${o.owner} needs to look at`, columns: COLUMNS }, rows),
  );
}
