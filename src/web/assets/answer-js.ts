/**
 * Client module /app/assets/answer.js: one answer in a modal <dialog> (Esc closes it, focus comes
 * back to the row's button). Shows what the drafter based the answer on (matched entry,
 * alternatives, citations and withheld artifacts with reasons, notes, history) and every review
 * action the API has: edit, approve, reject, reassign, approve-and-remember.
 */
export const ANSWER_JS = String.raw`
import { enc, getJson, sendJson } from "./api.js";
import { badge, busy, field, fill, fmtConfidence, fmtDate, h, showProblem } from "./dom.js";

export async function openAnswer(dialog, id, onChange, returnFocusTo) {
  if (!dialog.dataset.wired) {
    dialog.dataset.wired = "1";
    // The table is re-rendered after each action, so the original button may be gone: focus
    // the same answer's button in the new table, or the original one if it still exists.
    dialog.addEventListener("close", () => {
      const row = document.querySelector('tr[data-answer-id="' + CSS.escape(dialog.dataset.answerId || "") + '"] button');
      const target = row || (dialog.returnFocus && dialog.returnFocus.isConnected ? dialog.returnFocus : null);
      if (target) target.focus();
    });
  }
  dialog.dataset.answerId = id;
  dialog.returnFocus = returnFocusTo || null;
  fill(dialog, h("p", { class: "muted" }, "Loading answer…"));
  if (!dialog.open) dialog.showModal();
  await render(dialog, id, onChange, null, null);
}

async function render(dialog, id, onChange, message, problem) {
  let answer;
  let history;
  try {
    [answer, history] = await Promise.all([
      getJson("/v1/answers/" + enc(id)),
      getJson("/v1/answers/" + enc(id) + "/history").then((r) => r.data),
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
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" }, message || "");
  showProblem(error, problem);

  // Runs one review action, then re-renders from the server's state so what is shown is what is stored.
  const act = (button, done, work) => async (e) => {
    if (e) e.preventDefault();
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

  fill(dialog,
    h(
      "div",
      { class: "dialog-head" },
      h("h2", { id: "answer-title" }, (answer.sourceId ? answer.sourceId + " · " : "") + answer.question),
      close,
    ),
    h(
      "p",
      { class: "meta" },
      badge(answer.status),
      " confidence " + fmtConfidence(answer.confidence) + " · " + answer.kind.replace("_", " ") +
        (answer.section ? " · " + answer.section : "") +
        (answer.answerCell ? " · cell " + (answer.sheet ? answer.sheet + "!" : "") + answer.answerCell : ""),
    ),
    answer.rejectReason ? h("p", { class: "problem" }, "Rejected: " + answer.rejectReason) : null,
    answer.reviewer ? h("p", { class: "small muted" }, "Reviewed by " + answer.reviewer + " " + fmtDate(answer.reviewedAt)) : null,
    answer.assignee ? h("p", { class: "small" }, "Assigned to " + answer.assignee) : null,
    status,
    error,
    h("div", { class: "dialog-grid" }, h("div", {}, editForm(answer, act), actions(answer, act)), context(answer, history)),
  );
}

function editForm(answer, act) {
  let valueInput;
  if (answer.allowedValues && answer.allowedValues.length) {
    // Only values the buyer's file accepts (value_not_allowed otherwise).
    valueInput = h(
      "select",
      { name: "value" },
      h("option", { value: "" }, "(no value)"),
      answer.allowedValues.map((v) => h("option", { value: v, selected: v === answer.value }, v)),
    );
  } else {
    valueInput = h("input", { type: "text", name: "value", maxlength: "200", value: answer.value || "" });
  }
  const text = h("textarea", { name: "text", rows: "8", maxlength: "20000" });
  text.value = answer.text || "";
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
    act(save, "Saved. The answer needs review again.", () => {
      // Send only what changed, so an unchanged field never trips a validation it already passed.
      const body = {};
      const value = valueInput.value === "" ? null : valueInput.value;
      if (value !== answer.value) body.value = value;
      if (text.value.trim() && text.value !== answer.text) body.text = text.value;
      if (Object.keys(body).length === 0) throw new Error("Nothing changed.");
      return sendJson("PATCH", "/v1/answers/" + enc(answer.id), body);
    }),
  );
  return form;
}

function actions(answer, act) {
  const base = "/v1/answers/" + enc(answer.id);
  const approve = h("button", { type: "button", id: "approve-answer" }, "Approve");
  approve.addEventListener("click", act(approve, "Approved.", () => sendJson("POST", base + "/approve", {})));

  const reason = h("input", { type: "text", name: "reason", maxlength: "2000", required: true });
  const reject = h("button", { type: "submit", class: "danger" }, "Reject");
  const rejectForm = h("form", { class: "inline-form", id: "reject-answer", "aria-label": "Reject answer" }, field("Reason for rejecting", reason), reject);
  rejectForm.addEventListener("submit", act(reject, "Rejected.", () => sendJson("POST", base + "/reject", { reason: reason.value.trim() })));

  const assignee = h("input", { type: "text", name: "assignee", maxlength: "200", value: answer.assignee || "", placeholder: "name@vendor.example" });
  const reassign = h("button", { type: "submit", class: "secondary" }, "Reassign");
  const reassignForm = h("form", { class: "inline-form", "aria-label": "Reassign answer" }, field("Assignee (empty to unassign)", assignee), reassign);
  reassignForm.addEventListener(
    "submit",
    act(reassign, "Reassigned.", () => sendJson("POST", base + "/reassign", { assignee: assignee.value.trim() || null })),
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
  if (answer.status === "approved") {
    const remember = h("div", { class: "stack remember" }, h("h4", {}, "Remember for next time"));
    if (answer.entryId) {
      const phrasing = h("button", { type: "button", class: "secondary" }, "Save wording as a phrasing of " + answer.entryId);
      phrasing.addEventListener("click", act(phrasing, "Saved to the library as a phrasing.", () => sendJson("POST", base + "/remember", { as: "phrasing" })));
      remember.append(phrasing);
    }
    const entryId = h("input", { type: "text", name: "entryId", pattern: "[a-z0-9][a-z0-9-]*", maxlength: "100", required: true });
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
      act(asEntry, "Saved to the library as a new entry.", () => {
        const body = { as: "entry", entryId: entryId.value.trim() };
        if (topic.value.trim()) body.topic = topic.value.trim();
        return sendJson("POST", base + "/remember", body);
      }),
    );
    remember.append(entryForm);
    section.append(remember);
  }
  return section;
}

function context(answer, history) {
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
          h("p", {}, h("code", {}, String(entry.id || answer.entryId || "")), entry.topic ? " · " + String(entry.topic) : ""),
          entry.question ? h("p", { class: "small" }, String(entry.question)) : null,
        )
      : h("p", { class: "muted" }, "No library entry matched."),
    list(
      "Alternatives",
      answer.alternativeEntries,
      (a) => [h("code", {}, a.entryId), " (score " + fmtConfidence(a.score) + ")", a.question ? " — " + a.question : ""],
      "None.",
    ),
    list("Citations", answer.citations, (c) => [h("strong", {}, c.title), " (" + c.type + ") — " + c.reason], "No citations."),
    list("Withheld", answer.withheld, (w) => [h("code", {}, w.artifactId), " — " + w.reason], "Nothing withheld."),
    list("Notes", answer.notes, (n) => n, "No notes."),
    h("h4", {}, "History"),
    history.length
      ? h(
          "ol",
          { class: "history", id: "answer-history" },
          history.map((e) => h("li", {}, h("strong", {}, e.action), " by " + e.actor + " · " + fmtDate(e.at), changes(e))),
        )
      : h("p", { class: "muted" }, "No review actions yet."),
  );
}

function list(title, items, render, empty) {
  return [
    h("h4", {}, title),
    items && items.length ? h("ul", {}, items.map((i) => h("li", {}, render(i)))) : h("p", { class: "muted" }, empty),
  ];
}

// Before → after for each field a history entry changed; long texts are cut for the overview.
function changes(e) {
  const before = e.before || {};
  const after = e.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (!keys.length) return null;
  const show = (v) => {
    const s = v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);
    return s.length > 80 ? s.slice(0, 79) + "…" : s;
  };
  return h("ul", { class: "changes" }, keys.map((k) => h("li", {}, h("code", {}, k), ": " + show(before[k]) + " → " + show(after[k]))));
}
`;
