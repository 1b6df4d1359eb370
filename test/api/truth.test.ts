import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/**
 * What leaves Quire is true: the customer's file never carries an unreviewed guess, citations are
 * decided again for the customer as it is at export time, approvals need a real value, and the
 * library hears about approved answers that disagree with it.
 */

interface Answer {
  id: string;
  sourceId: string | null;
  question: string;
  kind: string;
  status: string;
  value: string | null;
  text: string | null;
  entryId: string | null;
  allowedValues: string[] | null;
  sheet: string | null;
  answerCell: string | null;
  commentCell: string | null;
  citations: { artifactId: string; type: string }[];
}

/** Every export and citation decision is judged on this day, whatever day the suite runs. */
const clock = { now: () => new Date("2026-11-24T12:00:00Z") };

let h: Harness;
let a: Tenant;
let customerId: string;
let questionnaireId: string;
let answers: Answer[];

const get = async (path: string) => (await h.call("GET", path, { key: a.adminKey })).body;
const cell = (book: XLSX.WorkBook, x: Answer, ref: string | null) =>
  ref ? book.Sheets[x.sheet ?? (book.SheetNames[0] as string)]?.[ref]?.v : undefined;
const details = (id: string) => answers.find((x) => x.id === id) as Answer;

beforeAll(async () => {
  h = await harness({ deps: { clock } });
  a = await h.tenant("Vendor");
  const customer = await h.call("POST", "/v1/customers", {
    key: a.adminKey,
    json: { name: "Initech", region: "us", nda: { onFile: true } },
  });
  customerId = customer.body.id;
  const upload = await h.call("POST", "/v1/questionnaires", {
    key: a.adminKey,
    form: fileForm(readFileSync("fixtures/caiq-like.xlsx"), "caiq-like.xlsx", { customerId }),
  });
  questionnaireId = upload.body.id;
  await h.jobs.drain();
  const list = await get(`/v1/questionnaires/${questionnaireId}/answers?limit=500`);
  answers = await Promise.all((list.data as { id: string }[]).map((x) => get(`/v1/answers/${x.id}`)));
});
afterAll(() => h.close());

describe("the customer's file", () => {
  it("is approved answers only by default: nothing approved, nothing written", async () => {
    const res = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export`, { key: a.adminKey });
    expect(res.status).toBe(200);
    const book = XLSX.read(res.body, { type: "array" });
    for (const x of answers) expect(cell(book, x, x.answerCell) ?? "", x.question).toBe("");
  });

  it("with drafts: marks every draft, and never writes an answer that needs review", async () => {
    const res = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export?include=drafts`, {
      key: a.adminKey,
    });
    expect(res.status).toBe(200);
    const book = XLSX.read(res.body, { type: "array" });
    const review = answers.filter((x) => x.status === "needs_review");
    const drafted = answers.filter((x) => x.status === "drafted");
    expect(review.length).toBeGreaterThan(0);
    for (const x of review) {
      expect(cell(book, x, x.answerCell) ?? "", x.question).toBe("");
      expect(cell(book, x, x.commentCell) ?? "", x.question).toBe("");
    }
    for (const x of drafted)
      expect(String(cell(book, x, x.commentCell)), x.question).toMatch(/^\[DRAFT, not yet reviewed\] /);
  });
});

describe("approving", () => {
  it("refuses a Yes/No answer without a value, and accepts it once a value is chosen", async () => {
    const blank = answers.find((x) => x.kind === "yes_no" && x.value === null && x.text);
    if (!blank) throw new Error("expected a Yes/No answer without a value");
    const refused = await h.call("POST", `/v1/answers/${blank.id}/approve`, { key: a.adminKey });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("value_required");
    expect(refused.body.detail).toMatch(/a yes_no answer needs a value \(Yes, No, /);
    const notAllowed = await h.call("PATCH", `/v1/answers/${blank.id}`, { key: a.adminKey, json: { value: "Maybe" } });
    expect(notAllowed.status).toBe(422);
    await h.call("PATCH", `/v1/answers/${blank.id}`, { key: a.adminKey, json: { value: "No" } });
    expect((await h.call("POST", `/v1/answers/${blank.id}/approve`, { key: a.adminKey })).status).toBe(200);
  });

  it("bulk approval skips Yes/No answers without a value and says why", async () => {
    // A reviewer clears the value of a drafted Yes (the edit sends it back to review): however many
    // blanks the engine left, one is there to skip.
    const cleared = answers.find(
      (x) => x.kind === "yes_no" && x.status === "drafted" && x.value === "Yes" && x.entryId !== "staff-mfa",
    );
    if (!cleared) throw new Error("expected a drafted Yes other than the MFA answer");
    expect(
      (await h.call("PATCH", `/v1/answers/${cleared.id}`, { key: a.adminKey, json: { value: null } })).status,
    ).toBe(200);
    const res = await h.call("POST", `/v1/questionnaires/${questionnaireId}/answers/bulk-approve`, {
      key: a.adminKey,
      json: { minConfidence: 0, statuses: ["needs_review"] },
    });
    expect(res.status).toBe(200);
    const skipped = res.body.skipped as { id: string; reason: string }[];
    expect(skipped.map((s) => s.id)).toContain(cleared.id);
    for (const s of skipped) {
      const now = await h.call("GET", `/v1/answers/${s.id}`, { key: a.adminKey });
      expect(now.body.value).toBeNull();
      expect(s.reason).toMatch(/needs a value/);
    }
  });
});

describe("an approved answer that disagrees with its library entry", () => {
  let flipped: Answer;
  beforeAll(async () => {
    const yes = answers.find((x) => x.status === "drafted" && x.value === "Yes" && x.entryId === "staff-mfa");
    if (!yes) throw new Error("expected the drafted MFA answer");
    flipped = yes;
    await h.call("PATCH", `/v1/answers/${yes.id}`, { key: a.adminKey, json: { value: "No" } });
    expect((await h.call("POST", `/v1/answers/${yes.id}/approve`, { key: a.adminKey })).status).toBe(200);
  });

  it("opens a library conflict for the entry's owner, shown in the needs-attention list", async () => {
    const conflicts = await get("/v1/library/conflicts?status=open");
    const conflict = conflicts.data.find((c: { entryId: string }) => c.entryId === "staff-mfa");
    expect(conflict).toMatchObject({ owner: "IT", status: "open" });
    expect(conflict.message).toMatch(/"No" was approved where entry staff-mfa answers "Yes"/);
    const attention = await get("/v1/attention?owner=IT");
    expect(attention.owners.map((o: { owner: string }) => o.owner)).toEqual(["IT"]);
    expect(attention.owners[0].conflicts.map((c: { id: string }) => c.id)).toContain(conflict.id);

    const resolved = await h.call("POST", `/v1/library/conflicts/${conflict.id}/resolve`, {
      key: a.adminKey,
      json: { resolution: "Exception for this customer's contractors; entry stays Yes." },
    });
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedBy: expect.stringMatching(/^key:/) });
    expect((await get("/v1/library/conflicts?status=open")).data).toEqual([]);
  });

  it("is never remembered as a phrasing of the entry that says the opposite", async () => {
    const entryBefore = await get("/v1/library/entries/staff-mfa");
    const res = await h.call("POST", `/v1/answers/${flipped.id}/remember`, {
      key: a.adminKey,
      json: { as: "phrasing" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("phrasing_contradicts_entry");
    expect(res.body.detail).toMatch(/remember this answer as a new entry/);
    expect((await get("/v1/library/entries/staff-mfa")).phrasings).toEqual(entryBefore.phrasings);
    // As its own entry, it is kept with the value the reviewer approved.
    const asEntry = await h.call("POST", `/v1/answers/${flipped.id}/remember`, {
      key: a.adminKey,
      json: { as: "entry", entryId: "staff-mfa-contractors" },
    });
    expect(asEntry.status).toBe(200);
    expect(asEntry.body.entry.short).toBe("No");
  });
});

describe("two approved answers from one entry that disagree with each other", () => {
  it("open a conflict naming both, even when the entry has no value of its own", async () => {
    // equipment-disposal is a "Describe…" entry (short: null): only the two approvals can disagree.
    const now = await Promise.all(answers.map((x) => get(`/v1/answers/${x.id}`) as Promise<Answer>));
    const pick = now.filter((x) => x.kind === "yes_no" && x.status !== "approved" && x.entryId !== "staff-mfa");
    const [first, second] = pick.slice(-2);
    if (!first || !second) throw new Error("expected two more Yes/No answers");
    for (const [x, value] of [
      [first, "Yes"],
      [second, "No"],
    ] as const) {
      const edited = await h.call("PATCH", `/v1/answers/${x.id}`, {
        key: a.adminKey,
        json: { entryId: "equipment-disposal", value },
      });
      expect(edited.status, x.question).toBe(200);
    }
    const approve = (x: Answer) => h.call("POST", `/v1/answers/${x.id}/approve`, { key: a.adminKey });
    expect((await approve(first)).status).toBe(200);
    // One approval alone agrees with everything: no conflict yet.
    const none = await get("/v1/library/conflicts?status=open");
    expect(none.data.filter((c: { entryId: string }) => c.entryId === "equipment-disposal")).toEqual([]);
    expect((await approve(second)).status).toBe(200);
    const open = (await get("/v1/library/conflicts?status=open")).data.filter(
      (c: { entryId: string }) => c.entryId === "equipment-disposal",
    );
    expect(open).toHaveLength(1);
    expect(open[0].message).toMatch(
      /two approved answers from entry equipment-disposal disagree: "No" to .* and "Yes" to /,
    );
    expect(open[0].answers.map((x: { answerId: string }) => x.answerId).sort()).toEqual([first.id, second.id].sort());
  });
});

describe("citations decided again at export", () => {
  it("stop citing the SOC 2 report once the customer's NDA is withdrawn, and the audit log says what was sent", async () => {
    const cited = answers.find(
      (x) => x.status === "drafted" && x.value !== null && x.citations.some((c) => c.type === "soc2-type2"),
    );
    if (!cited) throw new Error("expected a drafted answer citing the SOC 2 report");
    expect((await h.call("POST", `/v1/answers/${cited.id}/approve`, { key: a.adminKey })).status).toBe(200);

    const before = await get(`/v1/questionnaires/${questionnaireId}/citations`);
    expect(before.changes).toEqual([]);

    await h.call("PATCH", `/v1/customers/${customerId}`, {
      key: a.adminKey,
      json: { nda: { onFile: false } },
    });
    const check = await get(`/v1/questionnaires/${questionnaireId}/citations`);
    expect(check.customer).toMatchObject({ ndaOnFile: false, asOf: "2026-11-24" });
    const change = check.changes.find((c: { answerId: string }) => c.answerId === cited.id);
    expect(change.before).toContain("soc2-type2-2026");
    expect(change.after).not.toContain("soc2-type2-2026");
    expect(change.removed.find((r: { artifactId: string }) => r.artifactId === "soc2-type2-2026").reason).toMatch(
      /withheld: no NDA on file/,
    );

    type AuditRow = { action: string; subject: string; details: Record<string, unknown> };
    const citeRows = async () =>
      ((await get("/v1/audit?limit=500")).data as AuditRow[]).filter((x) => x.action === "artifact.cite");
    const citedBefore = await citeRows();

    const exported = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export?format=json`, {
      key: a.adminKey,
    });
    expect(Number(exported.headers.get("x-quire-citation-changes"))).toBeGreaterThan(0);
    const sent = exported.body.questions.find((q: { id: string }) => q.id === cited.id);
    expect(sent.citations.map((c: { type: string }) => c.type)).not.toContain("soc2-type2");
    expect(exported.body.citationChanges.map((c: { answerId: string }) => c.answerId)).toContain(cited.id);

    const file = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export`, { key: a.adminKey });
    const book = XLSX.read(file.body, { type: "array" });
    expect(String(cell(book, cited, cited.commentCell))).not.toMatch(/SOC 2/);

    const audit = (await get("/v1/audit?limit=500")).data as AuditRow[];
    const exportAudit = audit.find((x) => x.action === "questionnaire.export" && x.details.format === "json");
    expect(exportAudit?.details).toMatchObject({
      customer: { ndaOnFile: false },
      citationChanges: expect.arrayContaining([expect.objectContaining({ answerId: cited.id })]),
    });
    // The stored answer still says what was drafted; the audit log says what really left.
    expect(details(cited.id).citations.map((c) => c.type)).toContain("soc2-type2");
    // The two exports since the NDA was withdrawn cited artifacts, never the NDA-only report.
    const citedAfter = await citeRows();
    const soc2 = (rows: AuditRow[]) => rows.filter((x) => x.subject === "soc2-type2-2026").length;
    expect(citedAfter.length).toBeGreaterThan(citedBefore.length);
    expect(soc2(citedAfter)).toBe(soc2(citedBefore));
  });
});
