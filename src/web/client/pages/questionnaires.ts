/**
 * The sales engineer's page: the upload form (upload-form.ts) and the questionnaire list, newest
 * first, with cursor pagination.
 */
import { enc, getAll, getJson, query } from "../api.js";
import type { Customer, Page, Questionnaire } from "../api-types.js";
import { dataTable, fill, h } from "../dom.js";
import { badge, fmtDate } from "../format.js";
import { showProblem } from "../problem.js";
import { uploadForm } from "./upload-form.js";

const PAGE_SIZE = 20;
const COLUMNS = ["File", "Customer", "Status", "Created", "Drafted", "Needs review", "No match"];

export async function renderQuestionnaires(root: HTMLElement): Promise<void> {
  const customers = new Map<string, Customer>();
  const listBody = h("tbody");
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Load more");
  const listError = h("div", { class: "problem", role: "alert", hidden: true });
  let nextCursor: string | null = null;

  const upload = uploadForm(customers, () => reloadList());
  fill(
    root,
    h("h1", {}, "Questionnaires"),
    upload.element,
    h(
      "section",
      { class: "card", "aria-labelledby": "list-title" },
      h("h2", { id: "list-title" }, "Uploaded questionnaires"),
      listError,
      dataTable({ id: "questionnaires", caption: "Questionnaires, newest first", columns: COLUMNS }, listBody),
      h("div", { class: "actions" }, more),
    ),
  );

  async function loadPage(reset: boolean): Promise<void> {
    try {
      const cursor = reset ? null : nextCursor;
      const page = await getJson<Page<Questionnaire>>(`/v1/questionnaires${query({ limit: PAGE_SIZE, cursor })}`);
      if (reset) listBody.replaceChildren();
      for (const qn of page.data) listBody.append(questionnaireRow(qn, customers));
      if (reset && page.data.length === 0) {
        listBody.append(h("tr", {}, h("td", { colspan: COLUMNS.length, class: "muted" }, "Nothing uploaded yet.")));
      }
      nextCursor = page.nextCursor;
      more.hidden = !nextCursor;
      showProblem(listError, null);
    } catch (err) {
      showProblem(listError, err);
    }
  }
  function reloadList(): Promise<void> {
    return loadPage(true);
  }
  more.addEventListener("click", async () => {
    more.disabled = true;
    await loadPage(false);
    more.disabled = false;
  });

  // Customers first: the list shows their names and the form offers them.
  try {
    for (const c of await getAll<Customer>("/v1/customers", { limit: 200 }, 5)) customers.set(c.id, c);
  } catch (err) {
    showProblem(listError, err);
  }
  upload.refreshCustomers();
  await reloadList();
}

function questionnaireRow(qn: Questionnaire, customers: ReadonlyMap<string, Customer>): HTMLTableRowElement {
  const s = qn.summary ?? {};
  const count = (n: number | undefined) => (typeof n === "number" ? String(n) : "—");
  const customer = qn.customerId ? customers.get(qn.customerId) : undefined;
  return h(
    "tr",
    { "data-questionnaire-id": qn.id },
    h("td", {}, h("a", { href: `/app/questionnaires/${enc(qn.id)}` }, qn.fileName)),
    h("td", {}, customer ? customer.name : h("span", { class: "muted" }, qn.customerId || "—")),
    h("td", {}, badge(qn.status), qn.failure ? h("div", { class: "small" }, qn.failure.code) : null),
    h("td", { class: "nowrap" }, fmtDate(qn.createdAt)),
    h("td", { class: "num" }, count(s.drafted)),
    h("td", { class: "num" }, count(s.needsReview)),
    h("td", { class: "num" }, count(s.noMatch)),
  );
}
