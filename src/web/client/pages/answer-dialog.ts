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
  Comment,
  HistoryEntry,
  RememberAnswer,
  User,
} from "../api-types.js";
import { busy, type Child, field, fill, h } from "../dom.js";
import { badge, fmtConfidence, fmtDate, words } from "../format.js";
import { showProblem } from "../problem.js";

/** Runs one review action from a button or form, then re-renders the dialog from the server's state. */
type Act = (button: HTMLButtonElement, done: string, work: () => Promise<unknown>) => (e?: Event) => Promise<void>;

/** The button that opened each dialog, to give focus back to when it closes. */
const opener = new WeakMap<HTMLDialogElement, HTMLElement>();

/** Where the keyboard lands when the dialog opens: `e` edits the text, `r` writes the reason. */
export type DialogFocus = "edit" | "reject";

export async function openAnswer(
  dialog: HTMLDialogElement,
  id: string,
  onChange: () => Promise<void>,
  returnFocusTo?: HTMLElement,
  focus?: DialogFocus,
): Promise<void> {
  if (!dialog.dataset.wired) {
    dialog.dataset.wired = "1";
    // The table is re-rendered after each action, so the original button may be gone: focus
    // the same answer's button in the new table, or the original one if it still exists.
    // Chromium fires "close" at the next animation frame, not when the dialog closes: by then the
    // reviewer may already be elsewhere (Esc then "/" puts them in the search field), and taking
    // focus back would send their next keys (Ctrl+A, Backspace, Enter) to the row instead. So focus
    // is only given back while it is still nowhere (the body) or in the closed dialog.
    dialog.addEventListener("close", () => {
      const active = document.activeElement;
      if (active && active !== document.body && !dialog.contains(active)) return;
      const answerId = CSS.escape(dialog.dataset.answerId ?? "");
      const row =
        document.querySelector<HTMLElement>(`tr[data-answer-id="${answerId}"].current`) ??
        document.querySelector<HTMLElement>(`tr[data-answer-id="${answerId}"] button`);
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
  const target =
    focus === "edit"
      ? dialog.querySelector<HTMLElement>("textarea[name=text]")
      : focus === "reject"
        ? dialog.querySelector<HTMLElement>("input[name=reason]")
        : null;
  target?.focus();
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
  let comments: Comment[];
  let people: User[];
  try {
    [answer, history, comments, people] = await Promise.all([
      getJson<AnswerDetail>(`/v1/answers/${enc(id)}`),
      getJson<{ data: HistoryEntry[] }>(`/v1/answers/${enc(id)}/history`).then((r) => r.data),
      getJson<{ data: Comment[] }>(`/v1/answers/${enc(id)}/comments`).then((r) => r.data),
      getJson<{ data: User[] }>("/v1/users?limit=500").then((r) => r.data),
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
      h(
        "div",
        {},
        editForm(answer, act),
        citationsForm(answer, act),
        actions(answer, act, people),
        commentsSection(answer, comments, act),
      ),
      context(answer, history, act),
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
  // Ctrl+Enter saves from the text, so an edit needs no mouse.
  text.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      e.preventDefault();
      form.requestSubmit();
    }
  });
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

/** The API's limit on citations per answer (too_many_citations above it); the rest stay on request. */
const MAX_CITATIONS = 2;

/**
 * Citations within the policy: only what the API says this answer may cite for its customer is
 * offered (at most two), and what it may not cite is listed with the reason, so a reviewer never
 * meets citation_not_allowed from this form. The server judges again on save.
 */
function citationsForm(answer: AnswerDetail, act: Act): HTMLFormElement {
  const { allowed, notAllowed } = answer.citationOptions;
  const cited = new Set(answer.citations.map((c) => c.artifactId));
  const boxes = allowed.map((c) =>
    h("input", {
      type: "checkbox",
      name: "citation",
      id: `cite-${c.artifactId}`,
      value: c.artifactId,
      checked: cited.has(c.artifactId),
    }),
  );
  // At the limit, the unchecked boxes wait until one is unchecked (the API takes at most two).
  const limit = () => {
    const on = boxes.filter((b) => b.checked).length;
    for (const b of boxes) b.disabled = !b.checked && on >= MAX_CITATIONS;
  };
  for (const b of boxes) b.addEventListener("change", limit);
  limit();
  const save = h("button", { type: "submit", class: "secondary" }, "Save citations");
  const form = h(
    "form",
    { class: "stack", "aria-label": "Citations", id: "edit-citations" },
    h("h3", {}, "Citations"),
    allowed.length
      ? h(
          "fieldset",
          { class: "citation-options" },
          h("legend", {}, `May be cited for this customer (at most ${MAX_CITATIONS})`),
          allowed.map((c, i) =>
            h(
              "div",
              { class: "field checkbox" },
              boxes[i] as HTMLInputElement,
              h(
                "label",
                { for: `cite-${c.artifactId}` },
                h("strong", {}, c.title),
                h("span", { class: "small muted" }, ` — ${c.reason}`),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "Nothing may be cited on this answer for this customer."),
    notAllowed.length
      ? h(
          "details",
          { class: "small" },
          h("summary", {}, `Not allowed here (${notAllowed.length})`),
          h(
            "ul",
            { id: "citations-not-allowed" },
            notAllowed.map((n) => h("li", { "data-artifact-id": n.artifactId }, n.reason)),
          ),
        )
      : null,
    allowed.length ? h("div", { class: "actions" }, save) : null,
  );
  form.addEventListener(
    "submit",
    act(save, "Citations saved. The answer needs review again.", async () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (chosen.length === cited.size && chosen.every((id) => cited.has(id))) throw new Error("Nothing changed.");
      return sendJson("PATCH", `/v1/answers/${enc(answer.id)}`, { citations: chosen } satisfies AnswerEdit);
    }),
  );
  return form;
}

function actions(answer: AnswerDetail, act: Act, people: readonly User[]): HTMLElement {
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

  // Assignment is to a person of the tenant: a picker of the people, with a due date.
  const assignee = h(
    "select",
    { name: "assignee" },
    h("option", { value: "" }, "(nobody)"),
    people
      .filter((p) => !p.disabledAt)
      .map((p) => h("option", { value: p.email, selected: p.email === answer.assignee }, `${p.name} (${p.email})`)),
  );
  const dueOn = h("input", { type: "date", name: "dueOn", value: answer.dueOn ?? "" });
  const reassign = h("button", { type: "submit", class: "secondary" }, "Reassign");
  const reassignForm = h(
    "form",
    { class: "inline-form", "aria-label": "Reassign answer" },
    field("Assignee", assignee),
    field("Due", dueOn),
    reassign,
  );
  reassignForm.addEventListener(
    "submit",
    act(reassign, "Reassigned.", () => {
      const body: AnswerReassign = { assignee: assignee.value || null, dueOn: dueOn.value || null };
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

/** The answer's comments, and a form to add one (@email or @name mentions a person). */
function commentsSection(answer: AnswerDetail, comments: readonly Comment[], act: Act): HTMLElement {
  const body = h("textarea", { name: "comment", rows: "2", maxlength: "5000" });
  const send = h("button", { type: "submit", class: "secondary" }, "Comment");
  const form = h(
    "form",
    { class: "stack", "aria-label": "Add a comment", id: "add-comment" },
    field("Comment", body, "@name or @email mentions a person"),
    h("div", { class: "actions" }, send),
  );
  form.addEventListener(
    "submit",
    act(send, "Comment added.", () => {
      if (!body.value.trim()) throw new Error("Write a comment first.");
      return sendJson("POST", `/v1/answers/${enc(answer.id)}/comments`, { body: body.value.trim() });
    }),
  );
  return h(
    "section",
    { class: "stack", "aria-label": "Comments" },
    h("h3", {}, "Comments"),
    comments.length
      ? h(
          "ol",
          { class: "comments", id: "answer-comments" },
          comments.map((c) =>
            h(
              "li",
              {},
              h("strong", {}, c.author),
              ` · ${fmtDate(c.createdAt)}`,
              h("div", {}, c.body),
              c.mentions.length ? h("div", { class: "small muted" }, `Mentions ${c.mentions.join(", ")}`) : null,
            ),
          ),
        )
      : h("p", { class: "muted" }, "No comments yet."),
    form,
  );
}

/** An alternative entry with a button that drafts the answer from it instead. */
function alternative(answer: AnswerDetail, a: AnswerDetail["alternativeEntries"][number], act: Act): Child[] {
  const use = h("button", { type: "button", class: "small-button secondary" }, "Use this entry");
  use.setAttribute("aria-label", `Use this entry (${a.entryId})`);
  use.addEventListener(
    "click",
    act(use, `Now drafted from ${a.entryId}.`, () =>
      sendJson("PATCH", `/v1/answers/${enc(answer.id)}`, { entryId: a.entryId } satisfies AnswerEdit),
    ),
  );
  const confidence = a.confidence === null ? "" : ` (confidence ${fmtConfidence(a.confidence)})`;
  return [h("code", {}, a.entryId), confidence, a.question ? ` — ${a.question}` : "", " ", use];
}

function context(answer: AnswerDetail, history: readonly HistoryEntry[], act: Act): HTMLElement {
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
    list("Alternatives", answer.alternativeEntries, (a) => alternative(answer, a, act), "None."),
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

/** Before → after for each field a history entry changed; texts as a word-level diff, in full. */
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
    keys.map((k) => {
      const was = before[k];
      const now = after[k];
      if (typeof was === "string" && typeof now === "string" && (was.length > 40 || now.length > 40)) {
        return h("li", {}, h("code", {}, k), ": ", h("span", { class: "diff" }, wordDiff(was, now)));
      }
      return h("li", {}, h("code", {}, k), `: ${shown(was)} → ${shown(now)}`);
    }),
  );
}

function shown(v: unknown): string {
  return v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);
}

/** Above this many word pairs the LCS table would cost too much memory: the changed middle is shown whole. */
const DIFF_MAX_CELLS = 1_000_000;

/**
 * Words removed (del) and added (ins) between two texts, by the longest common subsequence of
 * their words: the whole text, so a change at the end of a long answer is visible. The unchanged
 * start and end are taken off first (an edit is usually local), so a 20,000-character answer with
 * a sentence added costs a small table, not one of every word pair.
 */
export function wordDiff(before: string, after: string): Node[] {
  const wordsA = before.split(/(\s+)/);
  const wordsB = after.split(/(\s+)/);
  let head = 0;
  while (head < wordsA.length && head < wordsB.length && wordsA[head] === wordsB[head]) head++;
  let tail = 0;
  while (
    tail < wordsA.length - head &&
    tail < wordsB.length - head &&
    wordsA[wordsA.length - 1 - tail] === wordsB[wordsB.length - 1 - tail]
  )
    tail++;
  const a = wordsA.slice(head, wordsA.length - tail);
  const b = wordsB.slice(head, wordsB.length - tail);
  const out: Node[] = [];
  const push = (tag: "del" | "ins" | null, text: string) => {
    if (!text) return;
    const last = out.at(-1);
    const lastTag = last instanceof HTMLElement ? last.tagName.toLowerCase() : null;
    if (last && lastTag === tag) last.textContent += text;
    else if (last && tag === null && last instanceof Text) last.textContent += text;
    else out.push(tag ? h(tag, {}, text) : document.createTextNode(text));
  };
  push(null, wordsA.slice(0, head).join(""));
  if (a.length * b.length > DIFF_MAX_CELLS) {
    push("del", a.join(""));
    push("ins", b.join(""));
    push(null, wordsA.slice(wordsA.length - tail).join(""));
    return out;
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(null, a[i] as string);
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) push("del", a[i++] as string);
    else push("ins", b[j++] as string);
  }
  while (i < a.length) push("del", a[i++] as string);
  while (j < b.length) push("ins", b[j++] as string);
  push(null, wordsA.slice(wordsA.length - tail).join(""));
  return out;
}
