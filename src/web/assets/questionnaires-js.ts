/**
 * Client module /app/assets/questionnaires.js: the sales engineer's page. Upload form (existing or
 * new customer, file, optional layout hints), polling until drafted/failed, and the questionnaire
 * list with cursor pagination.
 */
export const QUESTIONNAIRES_JS = String.raw`
import { enc, getAll, getJson, query, request, sendJson } from "./api.js";
import { badge, field, fill, fmtDate, h, showProblem } from "./dom.js";

const NEW_CUSTOMER = "__new__";
const REGIONS = ["us", "eu", "uk", "apac", "other"];
const PAGE_SIZE = 20;
const POLL_MS = 1000;

export async function renderQuestionnaires(root) {
  const customers = new Map();
  const listBody = h("tbody");
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Load more");
  const listError = h("div", { class: "problem", role: "alert", hidden: true });
  let nextCursor = null;

  const upload = uploadForm(customers, () => reloadList());
  fill(root,
    h("h1", {}, "Questionnaires"),
    upload.element,
    h(
      "section",
      { class: "card", "aria-labelledby": "list-title" },
      h("h2", { id: "list-title" }, "Uploaded questionnaires"),
      listError,
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "data", id: "questionnaires" },
          h("caption", { class: "sr-only" }, "Questionnaires, newest first"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ["File", "Customer", "Status", "Created", "Drafted", "Needs review", "No match"].map((t) =>
                h("th", { scope: "col" }, t),
              ),
            ),
          ),
          listBody,
        ),
      ),
      h("div", { class: "actions" }, more),
    ),
  );

  async function loadPage(reset) {
    try {
      const page = await getJson("/v1/questionnaires" + query({ limit: PAGE_SIZE, cursor: reset ? null : nextCursor }));
      if (reset) listBody.replaceChildren();
      for (const qn of page.data) listBody.append(questionnaireRow(qn, customers));
      if (reset && page.data.length === 0) {
        listBody.append(h("tr", {}, h("td", { colspan: "7", class: "muted" }, "Nothing uploaded yet.")));
      }
      nextCursor = page.nextCursor;
      more.hidden = !nextCursor;
      showProblem(listError, null);
    } catch (err) {
      showProblem(listError, err);
    }
  }
  function reloadList() {
    return loadPage(true);
  }
  more.addEventListener("click", async () => {
    more.disabled = true;
    await loadPage(false);
    more.disabled = false;
  });

  // Customers first: the list shows their names and the form offers them.
  try {
    for (const c of await getAll("/v1/customers", { limit: 200 }, 5)) customers.set(c.id, c);
  } catch (err) {
    showProblem(listError, err);
  }
  upload.refreshCustomers();
  await reloadList();
}

function questionnaireRow(qn, customers) {
  const s = qn.summary || {};
  const count = (n) => (typeof n === "number" ? String(n) : "—");
  const customer = qn.customerId ? customers.get(qn.customerId) : null;
  return h(
    "tr",
    { dataset: { questionnaireId: qn.id } },
    h("td", {}, h("a", { href: "/app/questionnaires/" + enc(qn.id) }, qn.fileName)),
    h("td", {}, customer ? customer.name : h("span", { class: "muted" }, qn.customerId || "—")),
    h("td", {}, badge(qn.status), qn.failure ? h("div", { class: "small" }, qn.failure.code) : null),
    h("td", { class: "nowrap" }, fmtDate(qn.createdAt)),
    h("td", { class: "num" }, count(s.drafted)),
    h("td", { class: "num" }, count(s.needsReview)),
    h("td", { class: "num" }, count(s.noMatch)),
  );
}

function uploadForm(customers, onUploaded) {
  const customerSelect = h("select", { name: "customerId" });
  const name = h("input", { type: "text", name: "name", maxlength: "200", autocomplete: "organization" });
  const region = h("select", { name: "region" }, REGIONS.map((r) => h("option", { value: r }, r)));
  const ndaOnFile = h("input", { type: "checkbox", name: "ndaOnFile", id: "nda-on-file" });
  const ndaUntil = h("input", { type: "date", name: "ndaUntil", disabled: true });
  const newCustomer = h(
    "fieldset",
    { class: "inline-fields", id: "new-customer" },
    h("legend", {}, "New customer"),
    field("Name", name),
    field("Region", region),
    h("div", { class: "field checkbox" }, ndaOnFile, h("label", { for: "nda-on-file" }, "NDA on file")),
    field("NDA valid until", ndaUntil, "optional"),
  );
  ndaOnFile.addEventListener("change", () => {
    ndaUntil.disabled = !ndaOnFile.checked;
  });

  const file = h("input", { type: "file", name: "file", accept: ".xlsx,.csv,.pdf", required: true });
  const hints = {
    sheet: h("input", { type: "text", name: "sheet", maxlength: "100" }),
    headerRow: h("input", { type: "number", name: "headerRow", min: "1", step: "1", inputmode: "numeric" }),
    questionColumn: h("input", { type: "text", name: "questionColumn", maxlength: "10", size: "4" }),
    answerColumn: h("input", { type: "text", name: "answerColumn", maxlength: "10", size: "4" }),
    commentColumn: h("input", { type: "text", name: "commentColumn", maxlength: "10", size: "4" }),
  };
  const submit = h("button", { type: "submit" }, "Upload and draft");
  const error = h("div", { class: "problem", role: "alert", hidden: true });
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });

  const form = h(
    "form",
    { class: "card", id: "upload", "aria-labelledby": "upload-title" },
    h("h2", { id: "upload-title" }, "Upload a questionnaire"),
    h("div", { class: "inline-fields" }, field("Customer", customerSelect), field("File (.xlsx, .csv or .pdf)", file)),
    newCustomer,
    h(
      "details",
      { class: "hints" },
      h("summary", {}, "Layout hints (optional)"),
      h(
        "p",
        { class: "hint" },
        "Only needed when Quire cannot find the questions itself. Columns are letters (C) or numbers (3).",
      ),
      h(
        "div",
        { class: "inline-fields" },
        field("Sheet", hints.sheet),
        field("Header row", hints.headerRow),
        field("Question column", hints.questionColumn),
        field("Answer column", hints.answerColumn),
        field("Comment column", hints.commentColumn),
      ),
    ),
    error,
    h("div", { class: "actions" }, submit),
    status,
  );

  function syncNewCustomer() {
    const isNew = customerSelect.value === NEW_CUSTOMER;
    newCustomer.hidden = !isNew;
    name.required = isNew;
  }
  customerSelect.addEventListener("change", syncNewCustomer);

  function refreshCustomers(selectId) {
    const current = selectId || customerSelect.value;
    fill(customerSelect,
      h("option", { value: NEW_CUSTOMER }, "New customer…"),
      [...customers.values()].map((c) => h("option", { value: c.id }, c.name + " (" + c.region + ")")),
    );
    if (current && (current === NEW_CUSTOMER || customers.has(current))) customerSelect.value = current;
    else customerSelect.value = customers.size ? [...customers.keys()][0] : NEW_CUSTOMER;
    syncNewCustomer();
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    showProblem(error, null);
    status.replaceChildren();
    submit.disabled = true;
    // One idempotency key per submission: a double click or network retry creates nothing twice.
    const attempt = crypto.randomUUID();
    try {
      let customerId = customerSelect.value;
      if (customerId === NEW_CUSTOMER) {
        const body = { name: name.value.trim(), region: region.value, nda: { onFile: ndaOnFile.checked } };
        if (ndaOnFile.checked && ndaUntil.value) body.nda.until = ndaUntil.value;
        const created = await sendJson("POST", "/v1/customers", body, { idempotencyKey: attempt + "-customer" });
        customers.set(created.id, created);
        refreshCustomers(created.id);
        customerId = created.id;
      }
      const chosen = file.files && file.files[0];
      if (!chosen) throw new Error("choose a file to upload");
      const data = new FormData();
      data.append("file", chosen, chosen.name);
      data.append("customerId", customerId);
      for (const [k, input] of Object.entries(hints)) {
        if (input.value.trim()) data.append(k, input.value.trim());
      }
      const res = await request("POST", "/v1/questionnaires", { form: data, idempotencyKey: attempt + "-upload" });
      const qn = await res.json();
      form.reset();
      refreshCustomers(customerId);
      ndaUntil.disabled = true;
      onUploaded();
      await poll(qn, status);
      onUploaded();
    } catch (err) {
      showProblem(error, err);
    } finally {
      submit.disabled = false;
    }
  });

  return { element: form, refreshCustomers };
}

// Polls until the background job is done. Stops when the user has left the page.
async function poll(initial, status) {
  let qn = initial;
  while (qn.status === "queued" || qn.status === "processing") {
    fill(status, h("span", { class: "spinner", "aria-hidden": "true" }), qn.fileName + ": " + qn.status + "…");
    await new Promise((r) => setTimeout(r, POLL_MS));
    if (!status.isConnected) return;
    qn = await getJson("/v1/questionnaires/" + enc(qn.id));
  }
  if (qn.status === "failed") {
    const f = qn.failure || { code: "failed", message: "processing failed" };
    fill(status,
      h(
        "div",
        { class: "problem", role: "alert" },
        h("strong", { class: "code" }, "Processing failed: " + f.code),
        ": ",
        h("span", { class: "detail" }, f.message),
      ),
    );
    return;
  }
  const s = qn.summary || {};
  fill(status,
    h(
      "p",
      { class: "ok" },
      "Drafted " + qn.fileName + ": " + (s.drafted || 0) + " drafted, " + (s.needsReview || 0) + " need review, " +
        (s.noMatch || 0) + " no match. ",
      h("a", { href: "/app/questionnaires/" + enc(qn.id) }, "Review answers"),
    ),
  );
}
`;
