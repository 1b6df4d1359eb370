/**
 * One answer in a modal <dialog> (Esc closes it, focus comes back to the row's button). Shows what
 * the drafter based the answer on (matched entry, alternatives, citations and withheld artifacts
 * with reasons, notes, history) and every review action the API has: edit, approve, reject,
 * reassign, approve-and-remember.
 */
import { enc, getJson, sendJson } from "../api.js";
import type {
  AnswerDetail,
  AnswerEdit,
  AnswerReassign,
  AnswerReject,
  HistoryEntry,
  RememberAnswer,
} from "../api-types.js";
import { busy, type Child, field, fill, h } from "../dom.js";
import { badge, fmtConfidence, fmtDate, words } from "../format.js";
import { showProblem } from "../problem.js";

/** Runs one review action from a button or form, then re-renders the dialog from the server's state. */
type Act = (button: HTMLButtonElement, done: string, work: () => Promise<unknown>) => (e?: Event) => Promise<void>;

/** The button that opened each dialog, to give focus back to when it closes. */
const opener = new WeakMap<HTMLDialogElement, HTMLElement>();

export async function openAnswer(
  dialog: HTMLDialogElement,
  id: string,
  onChange: () => Promise<void>,
  returnFocusTo?: HTMLElement,
): Promise<void> {
  if (!dialog.dataset.wired) {
    dialog.dataset.wired = "1";
    // The table is re-rendered after each action, so the original button may be gone: focus
    // the same answer's button in the new table, or the original one if it still exists.
    dialog.addEventListener("close", () => {
      const answerId = CSS.escape(dialog.dataset.answerId ?? "");
      const row = document.querySelector<HTMLElement>(`tr[data-answer-id="${answerId}"] button`);
      const original = opener.get(dialog);
      const target = row ?? (original?.isConnected ? original : null);
      target?.focus();
    });
  }
  dialog.dataset.answerId = id;
  if (returnFocusTo) opener.set(dialog, returnFocusTo);
  else opener.delete(dialog);
  fill(dialog, h("p", { class: "muted" }, "Loading answer…"));
  if (!dialog.open) dialog.showModal();
  await render(dialog, id, onChange, null, null);
}

async function render(
  dialog: HTMLDialogElement,
  id: string,
  onChange: () => Promise<void>,
  message: string | null,
  problem: unknown,
): Promise<void> {
  let answer: AnswerDetail;
  let history: HistoryEntry[];
  try {
    [answer, history] = await Promise.all([
      getJson<AnswerDetail>(`/v1/answers/${enc(id)}`),
      getJson<{ data: HistoryEntry[] }>(`/v1/answers/${enc(id)}/history`).then((r) => r.data),
    ]);
  } catch (err) {
    const close = h("button", { type: "button" }, "Close");
    close.addEventListener("click", () => dialog.close());
    const box = h("div", { class: "problem", role: "alert" });
    showProblem(box, err);
    fill(dialog, box, close);
    return;
  }

  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" }, message ?? "");
  showProblem(error, problem);

  // Re-rendering from the server's state after each action: what is shown is what is stored.
  const act: Act = (button, done, work) => async (e) => {
    e?.preventDefault();
    showProblem(error, null);
    await busy(button, async () => {
      try {
        await work();
        await onChange();
        await render(dialog, id, onChange, done, null);
      } catch (err) {
        showProblem(error, err);
      }
    });
  };

  const close = h("button", { type: "button", class: "secondary close" }, "Close");
  close.addEventListener("click", () => dialog.close());

  const cell = answer.answerCell ? ` · cell ${answer.sheet ? `${answer.sheet}!` : ""}${answer.answerCell}` : "";
  fill(
    dialog,
    h(
      "div",
      { class: "dialog-head" },
      h("h2", { id: "answer-title" }, (answer.sourceId ? `${answer.sourceId} · ` : "") + answer.question),
      close,
    ),
    h(
      "p",
      { class: "meta" },
      badge(answer.status),
      ` confidence ${fmtConfidence(answer.confidence)} · ${words(answer.kind)}` +
        (answer.section ? ` · ${answer.section}` : "") +
        cell,
    ),
    answer.rejectReason ? h("p", { class: "problem" }, `Rejected: ${answer.rejectReason}`) : null,
    answer.reviewer
      ? h("p", { class: "small muted" }, `Reviewed by ${answer.reviewer} ${fmtDate(answer.reviewedAt)}`)
      : null,
    answer.assignee ? h("p", { class: "small" }, `Assigned to ${answer.assignee}`) : null,
    status,
    error,
    h(
      "div",
      { class: "dialog-grid" },
      h("div", {}, editForm(answer, act), actions(answer, act)),
      context(answer, history),
    ),
  );
}

function editForm(answer: AnswerDetail, act: Act): HTMLFormElement {
  let valueInput: HTMLSelectElement | HTMLInputElement;
  if (answer.allowedValues?.length) {
    // Only values the buyer's file accepts (value_not_allowed otherwise).
    valueInput = h(
      "select",
      { name: "value" },
      h("option", { value: "" }, "(no value)"),
      answer.allowedValues.map((v) => h("option", { value: v, selected: v === answer.value }, v)),
    );
  } else {
    valueInput = h("input", { type: "text", name: "value", maxlength: "200", value: answer.value ?? "" });
  }
  const text = h("textarea", { name: "text", rows: "8", maxlength: "20000" });
  text.value = answer.text ?? "";
  const save = h("button", { type: "submit" }, "Save edits");
  const form = h(
    "form",
    { class: "stack", "aria-label": "Edit answer", id: "edit-answer" },
    h("h3", {}, "Answer"),
    field("Value", valueInput),
    field("Text", text, "An edit sends the answer back to needs review; approve it again afterwards."),
    h("div", { class: "actions" }, save),
  );
  form.addEventListener(
    "submit",
    act(save, "Saved. The answer needs review again.", async () => {
      // Send only what changed, so an unchanged field never trips a validation it already passed.
      const body: AnswerEdit = {};
      const value = valueInput.value === "" ? null : valueInput.value;
      if (value !== answer.value) body.value = value;
      if (text.value.trim() && text.value !== answer.text) body.text = text.value;
      if (Object.keys(body).length === 0) throw new Error("Nothing changed.");
      return sendJson("PATCH", `/v1/answers/${enc(answer.id)}`, body);
    }),
  );
  return form;
}

function actions(answer: AnswerDetail, act: Act): HTMLElement {
  const base = `/v1/answers/${enc(answer.id)}`;
  const approve = h("button", { type: "button", id: "approve-answer" }, "Approve");
  approve.addEventListener(
    "click",
    act(approve, "Approved.", () => sendJson("POST", `${base}/approve`, {})),
  );

  const reason = h("input", { type: "text", name: "reason", maxlength: "2000", required: true });
  const reject = h("button", { type: "submit", class: "danger" }, "Reject");
  const rejectForm = h(
    "form",
    { class: "inline-form", id: "reject-answer", "aria-label": "Reject answer" },
    field("Reason for rejecting", reason),
    reject,
  );
  rejectForm.addEventListener(
    "submit",
    act(reject, "Rejected.", () => {
      const body: AnswerReject = { reason: reason.value.trim() };
      return sendJson("POST", `${base}/reject`, body);
    }),
  );

  const assignee = h("input", {
    type: "text",
    name: "assignee",
    maxlength: "200",
    value: answer.assignee ?? "",
    placeholder: "name@vendor.example",
  });
  const reassign = h("button", { type: "submit", class: "secondary" }, "Reassign");
  const reassignForm = h(
    "form",
    { class: "inline-form", "aria-label": "Reassign answer" },
    field("Assignee (empty to unassign)", assignee),
    reassign,
  );
  reassignForm.addEventListener(
    "submit",
    act(reassign, "Reassigned.", () => {
      const body: AnswerReassign = { assignee: assignee.value.trim() || null };
      return sendJson("POST", `${base}/reassign`, body);
    }),
  );

  const section = h(
    "section",
    { class: "stack", "aria-label": "Review actions" },
    h("h3", {}, "Decision"),
    h("div", { class: "actions" }, approve),
    rejectForm,
    reassignForm,
  );
  // Approve-and-remember teaches the library; the API only accepts it for approved answers.
  if (answer.status === "approved") section.append(rememberSection(answer, base, act));
  return section;
}

function rememberSection(answer: AnswerDetail, base: string, act: Act): HTMLElement {
  const remember = h("div", { class: "stack remember" }, h("h4", {}, "Remember for next time"));
  const save = (body: RememberAnswer) => sendJson("POST", `${base}/remember`, body);
  if (answer.entryId) {
    const phrasing = h(
      "button",
      { type: "button", class: "secondary" },
      `Save wording as a phrasing of ${answer.entryId}`,
    );
    phrasing.addEventListener(
      "click",
      act(phrasing, "Saved to the library as a phrasing.", () => save({ as: "phrasing" })),
    );
    remember.append(phrasing);
  }
  const entryId = h("input", {
    type: "text",
    name: "entryId",
    pattern: "[a-z0-9][a-z0-9-]*",
    maxlength: "100",
    required: true,
  });
  const topic = h("input", { type: "text", name: "topic", maxlength: "100" });
  const asEntry = h("button", { type: "submit", class: "secondary" }, "Save as new entry");
  const entryForm = h(
    "form",
    { class: "inline-form", "aria-label": "Save as a new library entry" },
    field("New entry id", entryId, "lower-case-slug"),
    field("Topic", topic, "optional"),
    asEntry,
  );
  entryForm.addEventListener(
    "submit",
    act(asEntry, "Saved to the library as a new entry.", () =>
      save({ as: "entry", entryId: entryId.value.trim(), ...(topic.value.trim() && { topic: topic.value.trim() }) }),
    ),
  );
  remember.append(entryForm);
  return remember;
}

function context(answer: AnswerDetail, history: readonly HistoryEntry[]): HTMLElement {
  const entry = answer.matchedEntry;
  return h(
    "div",
    { class: "stack context" },
    h("h3", {}, "Why this answer"),
    h("h4", {}, "Matched library entry"),
    entry
      ? h(
          "div",
          { class: "entry" },
          h(
            "p",
            {},
            h("code", {}, String(entry.id || answer.entryId || "")),
            entry.topic ? ` · ${String(entry.topic)}` : "",
          ),
          entry.question ? h("p", { class: "small" }, String(entry.question)) : null,
        )
      : h("p", { class: "muted" }, "No library entry matched."),
    list(
      "Alternatives",
      answer.alternativeEntries,
      (a) => [h("code", {}, a.entryId), ` (score ${fmtConfidence(a.score)})`, a.question ? ` — ${a.question}` : ""],
      "None.",
    ),
    list(
      "Citations",
      answer.citations,
      (c) => [h("strong", {}, c.title), ` (${c.type}) — ${c.reason}`],
      "No citations.",
    ),
    list("Withheld", answer.withheld, (w) => [h("code", {}, w.artifactId), ` — ${w.reason}`], "Nothing withheld."),
    list("Notes", answer.notes, (n) => n, "No notes."),
    h("h4", {}, "History"),
    history.length
      ? h(
          "ol",
          { class: "history", id: "answer-history" },
          history.map((e) => h("li", {}, h("strong", {}, e.action), ` by ${e.actor} · ${fmtDate(e.at)}`, changes(e))),
        )
      : h("p", { class: "muted" }, "No review actions yet."),
  );
}

function list<T>(title: string, items: readonly T[], render: (item: T) => Child, empty: string): Child[] {
  return [
    h("h4", {}, title),
    items.length
      ? h(
          "ul",
          {},
          items.map((i) => h("li", {}, render(i))),
        )
      : h("p", { class: "muted" }, empty),
  ];
}

/** Before → after for each field a history entry changed; long texts are cut for the overview. */
function changes(e: HistoryEntry): HTMLUListElement | null {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (!keys.length) return null;
  return h(
    "ul",
    { class: "changes" },
    keys.map((k) => h("li", {}, h("code", {}, k), `: ${shortValue(before[k])} → ${shortValue(after[k])}`)),
  );
}

function shortValue(v: unknown): string {
  const s = v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
