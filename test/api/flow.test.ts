import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

describe("the CRM flow over HTTP: customer → upload → drafts → review → export", () => {
  let h: Harness;
  let a: Tenant;
  let customerId: string;
  let questionnaireId: string;

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
  });
  afterAll(() => h.close());

  it("creates a customer with region, NDA and CRM reference", async () => {
    const res = await h.call("POST", "/v1/customers", {
      key: a.adminKey,
      json: {
        name: "Globex GmbH",
        region: "eu",
        nda: { onFile: true, signedOn: "2025-01-10", until: "2027-01-10" },
        crm: { system: "salesforce", id: "0065g00000XyZabAAF" },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.crm).toEqual({ system: "salesforce", id: "0065g00000XyZabAAF" });
    customerId = res.body.id;
    const found = await h.call("GET", "/v1/customers?crmSystem=salesforce&crmId=0065g00000XyZabAAF", {
      key: a.adminKey,
    });
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([customerId]);
  });

  it("accepts an upload as queued and drafts it in the background", async () => {
    const bytes = readFileSync("fixtures/caiq-like.xlsx");
    const res = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(bytes, "caiq-like.xlsx", { customerId, asOf: "2026-11-24" }),
    });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("queued");
    expect(res.headers.get("location")).toBe(`/v1/questionnaires/${res.body.id}`);
    questionnaireId = res.body.id;

    await h.jobs.drain();
    const got = await h.call("GET", `/v1/questionnaires/${questionnaireId}`, { key: a.adminKey });
    expect(got.status).toBe(200);
    expect(got.body.status).toBe("drafted");
    expect(got.body.format).toBe("xlsx");
    expect(got.body.customer).toMatchObject({ region: "eu", ndaOnFile: true, asOf: "2026-11-24" });
    expect(got.body.summary.questions).toBe(36);
  });

  it("lists answers with filters and cursor pagination", async () => {
    const all = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`, { key: a.adminKey });
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(36);
    expect(all.body.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await h.call(
        "GET",
        `/v1/questionnaires/${questionnaireId}/answers?limit=10${cursor ? `&cursor=${cursor}` : ""}`,
        { key: a.adminKey },
      );
      seen.push(...page.body.data.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((x: { id: string }) => x.id));

    const low = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?confidenceBelow=0.5`, {
      key: a.adminKey,
    });
    expect(low.body.data.every((x: { confidence: number }) => x.confidence < 0.5)).toBe(true);
    const drafted = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?status=drafted`, {
      key: a.adminKey,
    });
    expect(drafted.body.data.length).toBeGreaterThan(0);
    expect(drafted.body.data.every((x: { status: string }) => x.status === "drafted")).toBe(true);
    const section = all.body.data.find((x: { section: string | null }) => x.section)?.section as string;
    const inSection = await h.call(
      "GET",
      `/v1/questionnaires/${questionnaireId}/answers?section=${encodeURIComponent(section)}`,
      { key: a.adminKey },
    );
    expect(inSection.body.data.length).toBeGreaterThan(0);
    expect(inSection.body.data.every((x: { section: string }) => x.section === section)).toBe(true);
    const bad = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?cursor=nonsense`, {
      key: a.adminKey,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("invalid_cursor");
  });

  it("reviews: get with matched entry, edit, reject, reassign, approve, remember, history", async () => {
    const list = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?status=drafted`, {
      key: a.adminKey,
    });
    const [first, second, third] = list.body.data as { id: string; text: string }[];
    if (!first || !second || !third) throw new Error("expected drafted answers");

    const detail = await h.call("GET", `/v1/answers/${first.id}`, { key: a.adminKey });
    expect(detail.status).toBe(200);
    expect(detail.body.matchedEntry?.id).toBe(detail.body.entryId);
    expect(Array.isArray(detail.body.citations)).toBe(true);
    expect(Array.isArray(detail.body.withheld)).toBe(true);
    expect(detail.body.alternativeEntries.length).toBeGreaterThan(0);

    const edited = await h.call("PATCH", `/v1/answers/${first.id}`, {
      key: a.adminKey,
      json: { text: `${first.text} Reviewed by the security team.` },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe("needs_review");
    const qn = await h.call("GET", `/v1/questionnaires/${questionnaireId}`, { key: a.adminKey });
    expect(qn.body.status).toBe("in_review");

    const rejected = await h.call("POST", `/v1/answers/${second.id}/reject`, {
      key: a.adminKey,
      json: { reason: "out of date" },
    });
    expect(rejected.body).toMatchObject({ status: "rejected", rejectReason: "out of date" });
    const stranger = await h.call("POST", `/v1/answers/${third.id}/reassign`, {
      key: a.adminKey,
      json: { assignee: "dana@vendor.example" },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe("unknown_user");
    await h.call("POST", "/v1/users", {
      key: a.adminKey,
      json: { email: "Dana@vendor.example", name: "Dana", role: "reviewer", password: "correct horse battery" },
    });
    const reassigned = await h.call("POST", `/v1/answers/${third.id}/reassign`, {
      key: a.adminKey,
      json: { assignee: "DANA@vendor.example" },
    });
    expect(reassigned.body.assignee).toBe("dana@vendor.example");

    const approved = await h.call("POST", `/v1/answers/${first.id}/approve`, { key: a.adminKey });
    expect(approved.body).toMatchObject({ status: "approved", reviewer: expect.stringMatching(/^key:/) });
    expect(approved.body.reviewedAt).toEqual(expect.any(String));

    const remembered = await h.call("POST", `/v1/answers/${first.id}/remember`, {
      key: a.adminKey,
      json: { as: "entry", entryId: "reviewed-answer-one", topic: "test" },
    });
    expect(remembered.status).toBe(200);
    expect(remembered.body.created).toBe(true);
    const entry = await h.call("GET", "/v1/library/entries/reviewed-answer-one", { key: a.adminKey });
    expect(entry.body.answer).toContain("Reviewed by the security team.");

    const history = await h.call("GET", `/v1/answers/${first.id}/history`, { key: a.adminKey });
    expect(history.body.data.map((x: { action: string }) => x.action)).toEqual(["edit", "approve", "remember"]);
    const editRow = history.body.data[0];
    expect(editRow.before.text).toBe(first.text);
    expect(editRow.after.text).toContain("Reviewed by the security team.");
    expect(editRow.actor).toMatch(/^key:/);
  });

  it("refuses to cite an NDA-only artifact by hand for a customer without an NDA", async () => {
    const noNda = await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "Initech", region: "us" } });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { customerId: noNda.body.id }),
    });
    await h.jobs.drain();
    const answers = await h.call("GET", `/v1/questionnaires/${up.body.id}/answers`, { key: a.adminKey });
    const artifacts = await h.call("GET", "/v1/library/artifacts?limit=100", { key: a.adminKey });
    const ndaOnly = artifacts.body.data.find((x: { access: string }) => x.access === "nda");
    expect(ndaOnly).toBeDefined();
    const res = await h.call("PATCH", `/v1/answers/${answers.body.data[0].id}`, {
      key: a.adminKey,
      json: { citations: [ndaOnly.id] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("citation_not_allowed");
    expect(res.body.detail).toMatch(/NDA/i);
  });

  it("bulk-approves above a threshold; the questionnaire is approved when nothing is undecided", async () => {
    const bulk = await h.call("POST", `/v1/questionnaires/${questionnaireId}/answers/bulk-approve`, {
      key: a.adminKey,
      json: { minConfidence: 0.9 },
    });
    expect(bulk.status).toBe(200);
    const all = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`, { key: a.adminKey });
    for (const x of all.body.data as { id: string; status: string; confidence: number }[]) {
      if (bulk.body.approved.includes(x.id)) expect(x.confidence).toBeGreaterThanOrEqual(0.9);
    }
    expect(bulk.body.status).toBe("in_review");

    // Approve the rest (rejected one included: the reviewer changed their mind). A Yes/No answer
    // without a value is skipped: the reviewer picks its value first.
    const rest = await h.call("POST", `/v1/questionnaires/${questionnaireId}/answers/bulk-approve`, {
      key: a.adminKey,
      json: { minConfidence: 0, statuses: ["drafted", "needs_review"] },
    });
    for (const skipped of rest.body.skipped as { id: string; reason: string }[]) {
      expect(skipped.reason).toMatch(/needs a value/);
      const answer = all.body.data.find((x: { id: string }) => x.id === skipped.id);
      await h.call("PATCH", `/v1/answers/${skipped.id}`, {
        key: a.adminKey,
        json: { value: answer.allowedValues?.[0] ?? "Yes" },
      });
      expect((await h.call("POST", `/v1/answers/${skipped.id}/approve`, { key: a.adminKey })).status).toBe(200);
    }
    const rejected = all.body.data.find((x: { status: string }) => x.status === "rejected");
    const last = await h.call("POST", `/v1/answers/${rejected.id}/approve`, { key: a.adminKey });
    expect(last.status).toBe(200);
    const qn = await h.call("GET", `/v1/questionnaires/${questionnaireId}`, { key: a.adminKey });
    expect(qn.body.status).toBe("approved");
  });

  it("exports the filled original (approved answers), then CSV and JSON; the download marks it exported", async () => {
    const res = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export`, { key: a.adminKey });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain("caiq-like.filled.xlsx");
    const book = XLSX.read(res.body, { type: "array" });
    const answers = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?status=approved&limit=500`, {
      key: a.adminKey,
    });
    let withCell: { sheet: string | null; answerCell: string; value: string } | undefined;
    for (const x of answers.body.data as { id: string; value: string | null }[]) {
      if (!x.value) continue;
      const detail = await h.call("GET", `/v1/answers/${x.id}`, { key: a.adminKey });
      if (detail.body.answerCell) {
        withCell = detail.body;
        break;
      }
    }
    if (!withCell) throw new Error("expected an approved answer with a value and a cell");
    const sheet = book.Sheets[withCell.sheet ?? (book.SheetNames[0] as string)];
    expect(sheet?.[withCell.answerCell]?.v).toBe(withCell.value);

    const qn = await h.call("GET", `/v1/questionnaires/${questionnaireId}`, { key: a.adminKey });
    expect(qn.body.status).toBe("exported");

    const csv = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export?format=csv`, { key: a.adminKey });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain("question");
    const json = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export?format=json`, { key: a.adminKey });
    // Every question is in the JSON export (a task list); only approved answers are included.
    const included = json.body.questions.filter((q: { included: boolean }) => q.included);
    expect(included.length).toBeGreaterThan(0);
    expect(included.every((q: { status: string }) => q.status === "approved")).toBe(true);
    const left = json.body.questions.filter((q: { included: boolean }) => !q.included);
    expect(left.every((q: { answer: unknown; status: string }) => q.answer === null && q.status !== "approved")).toBe(
      true,
    );

    const audit = await h.call("GET", "/v1/audit?limit=500", { key: a.adminKey });
    const actions = audit.body.data.map((x: { action: string }) => x.action);
    expect(actions).toEqual(
      expect.arrayContaining(["questionnaire.export", "answer.approve", "answer.edit", "customer.create"]),
    );
    const exportRow = audit.body.data.find((x: { action: string }) => x.action === "questionnaire.export");
    expect(exportRow.keyId).toMatch(/^key_/);
    if (json.body.questions.some((q: { citations: unknown[] }) => q.citations.length > 0)) {
      expect(actions).toContain("artifact.cite");
    }
  });

  it("records a failed upload with the reason", async () => {
    const res = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/bad/not-a-spreadsheet.xlsx"), "not-a-spreadsheet.xlsx", { customerId }),
    });
    expect(res.status).toBe(202);
    await h.jobs.drain();
    const got = await h.call("GET", `/v1/questionnaires/${res.body.id}`, { key: a.adminKey });
    expect(got.body.status).toBe("failed");
    expect(got.body.failure.code).toEqual(expect.any(String));
    expect(got.body.failure.message.length).toBeGreaterThan(5);
    const failed = await h.call("GET", "/v1/questionnaires?status=failed", { key: a.adminKey });
    expect(failed.body.data.map((q: { id: string }) => q.id)).toContain(res.body.id);
  });

  it("deletes a questionnaire", async () => {
    const del = await h.call("DELETE", `/v1/questionnaires/${questionnaireId}`, { key: a.adminKey });
    expect(del.status).toBe(204);
    const got = await h.call("GET", `/v1/questionnaires/${questionnaireId}`, { key: a.adminKey });
    expect(got.status).toBe(404);
  });
});

describe("upload limits", () => {
  it("refuses a file over the byte limit with 413 before parsing it", async () => {
    const h = await harness({ maxUploadBytes: 10_000 });
    try {
      const a = await h.tenant("A");
      const res = await h.call("POST", "/v1/questionnaires", {
        key: a.adminKey,
        form: fileForm(new Uint8Array(20_000), "big.csv", { customerId: "cus_x" }),
      });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe("file_too_large");
    } finally {
      await h.close();
    }
  });
});

describe("reference", () => {
  it("serves OpenAPI 3.1 and a self-contained /docs page", async () => {
    const h = await harness();
    try {
      const doc = await h.call("GET", "/openapi.json");
      expect(doc.body.openapi).toBe("3.1.0");
      const docs = await h.call("GET", "/docs");
      expect(docs.status).toBe(200);
      expect(docs.body).toContain("/v1/questionnaires/{id}/answers");
      expect(docs.body).toContain("insufficient_scope");
      expect(docs.body).not.toMatch(/<script|<link|src="http/i);
    } finally {
      await h.close();
    }
  });
});
