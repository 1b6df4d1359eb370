/**
 * The upload form: an existing or new customer, the file, optional layout hints; then polls the
 * questionnaire until it is drafted or failed.
 */
import { enc, getJson, request, sendJson } from "../api.js";
import type { Customer, CustomerInput, Questionnaire, Region } from "../api-types.js";
import { field, fill, h } from "../dom.js";
import { showProblem } from "../problem.js";

const NEW_CUSTOMER = "__new__";
const POLL_MS = 1000;

// Typed by the API's region enum: a region added there fails the type check until it is offered here.
const REGION_LABELS: Readonly<Record<Region, string>> = { us: "us", eu: "eu", uk: "uk", apac: "apac", other: "other" };
function isRegion(value: string): value is Region {
  return Object.hasOwn(REGION_LABELS, value);
}

export interface UploadForm {
  element: HTMLFormElement;
  /** Redraws the customer choice from `customers`, selecting `selectId` if given. */
  refreshCustomers(selectId?: string): void;
}

export function uploadForm(customers: Map<string, Customer>, onUploaded: () => void): UploadForm {
  const customerSelect = h("select", { name: "customerId", required: true });
  // The customer decides what may be cited (region, NDA): shown before the upload, never guessed.
  const customerFacts = h("p", { class: "hint", id: "customer-facts", "aria-live": "polite" });
  const name = h("input", { type: "text", name: "name", maxlength: "200", autocomplete: "organization" });
  const region = h(
    "select",
    { name: "region" },
    Object.entries(REGION_LABELS).map(([value, label]) => h("option", { value }, label)),
  );
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
  // Named as the API's multipart fields.
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
    customerFacts,
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

  function syncNewCustomer(): void {
    const isNew = customerSelect.value === NEW_CUSTOMER;
    const chosen = customers.get(customerSelect.value);
    customerFacts.textContent = chosen
      ? `Region ${chosen.region} · ${chosen.nda.onFile ? `NDA on file${chosen.nda.until ? ` until ${chosen.nda.until}` : ""}` : "no NDA on file"}`
      : "";
    newCustomer.hidden = !isNew;
    name.required = isNew;
  }
  customerSelect.addEventListener("change", syncNewCustomer);

  function refreshCustomers(selectId?: string): void {
    const current = selectId || customerSelect.value;
    fill(
      customerSelect,
      h("option", { value: "" }, "Choose a customer…"),
      h("option", { value: NEW_CUSTOMER }, "New customer…"),
      [...customers.values()].map((c) => h("option", { value: c.id }, `${c.name} (${c.region})`)),
    );
    if (current && (current === NEW_CUSTOMER || customers.has(current))) customerSelect.value = current;
    else customerSelect.value = "";
    syncNewCustomer();
  }

  async function createCustomer(idempotencyKey: string): Promise<Customer> {
    if (!isRegion(region.value)) throw new Error(`unknown region ${region.value}`);
    const nda: NonNullable<CustomerInput["nda"]> = { onFile: ndaOnFile.checked };
    if (ndaOnFile.checked && ndaUntil.value) nda.until = ndaUntil.value;
    const body: CustomerInput = { name: name.value.trim(), region: region.value, nda };
    const created = await sendJson<Customer>("POST", "/v1/customers", body, { idempotencyKey });
    customers.set(created.id, created);
    refreshCustomers(created.id);
    return created;
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
      if (customerId === NEW_CUSTOMER) customerId = (await createCustomer(`${attempt}-customer`)).id;
      const chosen = file.files?.[0];
      if (!chosen) throw new Error("choose a file to upload");
      const data = new FormData();
      data.append("file", chosen, chosen.name);
      data.append("customerId", customerId);
      for (const [k, input] of Object.entries(hints)) {
        if (input.value.trim()) data.append(k, input.value.trim());
      }
      const res = await request("POST", "/v1/questionnaires", { form: data, idempotencyKey: `${attempt}-upload` });
      const qn = (await res.json()) as Questionnaire;
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

/** Polls until the background job is done. Stops when the user has left the page. */
async function poll(initial: Questionnaire, status: HTMLElement): Promise<void> {
  let qn = initial;
  const started = Date.now();
  while (qn.status === "queued" || qn.status === "processing") {
    // What is happening and for how long, rather than a bare "queued…".
    const step = qn.status === "queued" ? "waiting for a free worker" : "reading the file and drafting answers";
    const seconds = Math.round((Date.now() - started) / 1000);
    fill(status, h("span", { class: "spinner", "aria-hidden": "true" }), `${qn.fileName}: ${step} (${seconds} s)…`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!status.isConnected) return;
    qn = await getJson<Questionnaire>(`/v1/questionnaires/${enc(qn.id)}`);
  }
  if (qn.status === "failed") {
    const f = qn.failure ?? { code: "failed", message: "processing failed" };
    fill(
      status,
      h(
        "div",
        { class: "problem", role: "alert" },
        h("strong", { class: "code" }, `Processing failed: ${f.code}`),
        ": ",
        h("span", { class: "detail" }, f.message),
      ),
    );
    return;
  }
  const s = qn.summary ?? {};
  fill(
    status,
    h(
      "p",
      { class: "ok" },
      `Drafted ${qn.fileName}: ${s.drafted ?? 0} drafted, ${s.needsReview ?? 0} need review, ${s.noMatch ?? 0} no match. `,
      h("a", { href: `/app/questionnaires/${enc(qn.id)}` }, "Review answers"),
    ),
  );
}
