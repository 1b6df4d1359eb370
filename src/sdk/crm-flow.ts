import type { QuireClient, Schemas } from "./client.js";

/**
 * The afternoon's integration, as a CRM developer writes it with the typed client: keep the
 * account in sync (upsert by CRM id), upload the questionnaire the buyer sent, wait for the
 * draft, and fetch the answers that still need a person — the task list for subject experts.
 */
export interface CrmAccount {
  readonly system: string;
  readonly id: string;
  readonly name: string;
  readonly region: Schemas["CustomerUpsert"]["region"];
  readonly ndaOnFile: boolean;
}

export class QuireApiError extends Error {
  constructor(
    readonly step: string,
    readonly problem: unknown,
  ) {
    super(`${step} failed: ${JSON.stringify(problem)}`);
    this.name = "QuireApiError";
  }
}

export async function syncCustomer(quire: QuireClient, account: CrmAccount): Promise<Schemas["Customer"]> {
  const { data, error } = await quire.PUT("/v1/customers/by-crm/{system}/{crmId}", {
    params: { path: { system: account.system, crmId: account.id } },
    body: { name: account.name, region: account.region, nda: { onFile: account.ndaOnFile } },
  });
  if (error || !data) throw new QuireApiError("sync customer", error);
  return data;
}

export async function uploadQuestionnaire(
  quire: QuireClient,
  customerId: string,
  file: File,
): Promise<Schemas["Questionnaire"]> {
  const { data, error } = await quire.POST("/v1/questionnaires", {
    body: { file: file as unknown as string, customerId },
    bodySerializer: (body) => {
      const form = new FormData();
      form.append("file", file);
      form.append("customerId", body.customerId);
      return form;
    },
  });
  if (error || !data) throw new QuireApiError("upload", error);
  return data;
}

/** Polls until the questionnaire is drafted (or failed); `wait` lets a caller drive time. */
export async function waitForDraft(
  quire: QuireClient,
  id: string,
  wait: () => Promise<void> = () => new Promise((r) => setTimeout(r, 1_000)),
  attempts = 120,
): Promise<Schemas["Questionnaire"]> {
  for (let i = 0; i < attempts; i++) {
    const { data, error } = await quire.GET("/v1/questionnaires/{id}", { params: { path: { id } } });
    if (error || !data) throw new QuireApiError("poll", error);
    if (data.status !== "queued" && data.status !== "processing") return data;
    await wait();
  }
  throw new QuireApiError("poll", { detail: `questionnaire ${id} still processing` });
}

/** Every answer that is not drafted with confidence: what the subject experts must look at. */
export async function needsPeople(quire: QuireClient, id: string): Promise<Schemas["AnswerSummary"][]> {
  const out: Schemas["AnswerSummary"][] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await quire.GET("/v1/questionnaires/{id}/answers", {
      params: { path: { id }, query: { limit: 500, ...(cursor && { cursor }) } },
    });
    if (error || !data) throw new QuireApiError("list answers", error);
    out.push(...data.data.filter((a) => a.status === "needs_review" || a.status === "no_match"));
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
