import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/** What a CRM developer meets first: strict bodies, clear errors, CRM upsert, search, exports, webhooks. */
let h: Harness;
let a: Tenant;
let receiver: Server;
let hookUrl: string;
const received: { headers: Record<string, unknown>; body: string }[] = [];
let questionnaireId: string;

const CSV = readFileSync("fixtures/simple.csv");
const call = (method: string, path: string, body?: unknown) =>
  h.call(method, path, { key: a.adminKey, ...(body !== undefined && { json: body }) });

beforeAll(async () => {
  h = await harness();
  a = await h.tenant("Integrator");
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ready) => receiver.listen(0, "127.0.0.1", ready));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const customer = await call("POST", "/v1/customers", { name: "Search Buyer", region: "eu" });
  const upload = await h.call("POST", "/v1/questionnaires", {
    key: a.adminKey,
    form: fileForm(CSV, "simple.csv", { customerId: customer.body.id }),
  });
  questionnaireId = upload.body.id;
  await h.jobs.drain();
});
afterAll(async () => {
  await h.close();
  await new Promise((done) => receiver.close(done));
});

describe("request bodies", () => {
  it("refuse an unknown field, naming it and the fields expected", async () => {
    const res = await call("POST", "/v1/customers", { name: "Acme", region: "us", ndaOnFile: true });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors).toEqual([
      { field: "ndaOnFile", message: "unknown field; expected name, region, nda, deal, crm" },
    ]);
    expect(res.body.detail).toBe("ndaOnFile: unknown field; expected name, region, nda, deal, crm");
    const list = await call("GET", "/v1/customers?limit=100");
    expect(list.body.data.map((c: { name: string }) => c.name)).not.toContain("Acme");
  });

  it("refuse unknown fields inside nested objects too", async () => {
    const res = await call("POST", "/v1/customers", { name: "Acme", region: "us", nda: { onFile: true, signed: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({
      field: "nda.signed",
      message: "unknown field; expected onFile, signedOn, until",
    });
  });

  it("say what a missing or wrong region must be", async () => {
    const missing = await call("POST", "/v1/customers", { name: "Acme" });
    expect(missing.body.detail).toBe("region: expected one of us, eu, uk, apac, other");
    const wrong = await call("POST", "/v1/customers", { name: "Acme", region: "mars" });
    expect(wrong.body.detail).toBe("region: expected one of us, eu, uk, apac, other");
  });

  it("say that the upload needs a file", async () => {
    const form = new FormData();
    form.append("region", "eu");
    const res = await h.call("POST", "/v1/answer", { key: a.adminKey, form });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe("file: required: expected a file (multipart form field)");
  });

  it("take the NDA in one shape on /v1/match as on customers", async () => {
    const question = "Can you share your SOC 2 Type II report?";
    const withNda = await call("POST", "/v1/match", { question, region: "us", nda: { onFile: true } });
    expect(withNda.status).toBe(200);
    expect(withNda.body.citations[0]?.type).toBe("soc2-type2");
    const old = await call("POST", "/v1/match", { question, nda: true });
    expect(old.status).toBe(400);
    expect(old.body.errors[0].field).toBe("nda");
  });

  it("show a questionnaire's NDA as nda.onFile (the old spelling stays, deprecated)", async () => {
    const qn = await call("GET", `/v1/questionnaires/${questionnaireId}`);
    expect(qn.body.customer.nda).toEqual({ onFile: false, until: null });
    expect(qn.body.customer.ndaOnFile).toBe(false);
  });
});

describe("CRM link", () => {
  it("is unique per tenant: a second customer with the same id is a 409 crm_id_taken", async () => {
    const crm = { system: "salesforce", id: "001-DUP" };
    const first = await call("POST", "/v1/customers", { name: "First", region: "us", crm });
    expect(first.status).toBe(201);
    const second = await call("POST", "/v1/customers", { name: "Second", region: "us", crm });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("crm_id_taken");
    const other = await call("POST", "/v1/customers", { name: "Other", region: "us" });
    const moved = await call("PATCH", `/v1/customers/${other.body.id}`, { crm });
    expect(moved.body.code).toBe("crm_id_taken");
    const found = await call("GET", "/v1/customers?crmSystem=salesforce&crmId=001-DUP");
    expect(found.body.data).toHaveLength(1);
  });

  it("upserts by (system, id): 201 the first time, 200 after, one customer", async () => {
    const path = "/v1/customers/by-crm/hubspot/778899";
    const created = await call("PUT", path, { name: "Upserted", region: "uk", nda: { onFile: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Upserted", crm: { system: "hubspot", id: "778899" } });
    const updated = await call("PUT", path, { name: "Upserted Ltd", region: "uk" });
    expect(updated.status).toBe(200);
    expect(updated.body.id).toBe(created.body.id);
    expect(updated.body.name).toBe("Upserted Ltd");
    expect(updated.body.nda.onFile).toBe(true);
    const found = await call("GET", "/v1/customers?crmSystem=hubspot&crmId=778899");
    expect(found.body.data).toHaveLength(1);
  });
});

describe("answers", () => {
  it("are searched with q in the question, its id and the answer", async () => {
    const all = (await call("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`)).body.data;
    const hits = (await call("GET", `/v1/questionnaires/${questionnaireId}/answers?q=ENCRYPT`)).body.data;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(all.length);
    for (const x of hits) expect(`${x.question} ${x.text ?? ""} ${x.sourceId}`.toLowerCase()).toContain("encrypt");
    const byId = (await call("GET", `/v1/questionnaires/${questionnaireId}/answers?q=sec-001`)).body.data;
    expect(byId.map((x: { sourceId: string }) => x.sourceId)).toEqual(["SEC-001"]);
    const literal = (await call("GET", `/v1/questionnaires/${questionnaireId}/answers?q=n_t`)).body.data;
    // "_" is a literal, not LIKE's any-character: "n_t" would otherwise match "not", "int"…
    expect(literal).toEqual([]);
  });

  it("list alternatives most confident first, on the 0–1 confidence scale", async () => {
    const all = (await call("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`)).body.data;
    let checked = 0;
    for (const row of all.slice(0, 10)) {
      const detail = (await call("GET", `/v1/answers/${row.id}`)).body;
      const confidences = detail.alternativeEntries.map((x: { confidence: number }) => x.confidence);
      for (const c of confidences) expect(c).toBeGreaterThanOrEqual(0);
      for (const c of confidences) expect(c).toBeLessThanOrEqual(1);
      expect(confidences).toEqual([...confidences].sort((x, y) => y - x));
      expect(detail.alternatives.map((x: { entryId: string }) => x.entryId)).toEqual(
        detail.alternativeEntries.map((x: { entryId: string }) => x.entryId),
      );
      checked += confidences.length;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("exports", () => {
  it("carry every question, no-match rows included, so they serve as a task list", async () => {
    const all = (await call("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`)).body.data;
    const csv = await call("GET", `/v1/questionnaires/${questionnaireId}/export?format=csv`);
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines.length - 1).toBeGreaterThanOrEqual(all.length);
    for (const x of all) expect(csv.body).toContain(x.id);
    const json = await call("GET", `/v1/questionnaires/${questionnaireId}/export?format=json`);
    expect(json.body.questions).toHaveLength(all.length);
    // Nothing is approved yet: every row is there, none with an answer.
    expect(json.body.questions.every((q: { included: boolean; answer: unknown }) => !q.included && !q.answer)).toBe(
      true,
    );
  });
});

describe("the OpenAPI document", () => {
  it("has an operationId on every operation, unique, with tags, servers and the webhook payloads", async () => {
    const doc = (await h.call("GET", "/openapi.json")).body;
    const ops = Object.values(
      doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>,
    ).flatMap((methods) => Object.values(methods));
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops) expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
    for (const op of ops) expect(op.tags?.length).toBeGreaterThan(0);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    const tagNames = new Set((doc.tags as { name: string }[]).map((t) => t.name));
    for (const op of ops) for (const t of op.tags ?? []) expect(tagNames).toContain(t);
    expect(doc.servers.length).toBeGreaterThan(0);
    for (const event of ["questionnaire.drafted", "answer.approved", "questionnaire.exported", "webhook.ping"]) {
      expect(doc.webhooks[event]?.post?.requestBody, event).toBeDefined();
    }
  });
});

describe("webhooks", () => {
  it("ping an endpoint with a signed webhook.ping, and page their list with a cursor", async () => {
    const made = await call("POST", "/v1/webhooks", { url: hookUrl, events: ["answer.approved"] });
    expect(made.status).toBe(201);
    await call("POST", "/v1/webhooks", { url: `${hookUrl}?second`, events: ["questionnaire.exported"] });
    const ping = await call("POST", `/v1/webhooks/${made.body.id}/ping`);
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ eventType: "webhook.ping", subscriptionId: made.body.id });
    await h.jobs.drain();
    const got = received.find((r) => r.headers["webhook-id"] === ping.body.id);
    expect(got).toBeDefined();
    const envelope = JSON.parse(got?.body ?? "{}");
    expect(envelope).toMatchObject({ type: "webhook.ping", data: { webhookId: made.body.id } });
    const key = Buffer.from(made.body.secret.slice("whsec_".length), "base64");
    const mac = createHmac("sha256", key)
      .update(`${got?.headers["webhook-id"]}.${got?.headers["webhook-timestamp"]}.${got?.body}`)
      .digest("base64");
    expect(got?.headers["webhook-signature"]).toBe(`v1,${mac}`);

    const first = await call("GET", "/v1/webhooks?limit=1");
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call("GET", `/v1/webhooks?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
  });

  it("announce answer.approved, answer.assigned and questionnaire.exported", async () => {
    await call("POST", "/v1/webhooks", {
      url: `${hookUrl}?review`,
      events: ["answer.approved", "answer.assigned", "answer.edited", "questionnaire.exported"],
    });
    const all = (await call("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500&status=drafted`)).body.data;
    const row = all[0];
    await call("POST", "/v1/users", {
      email: "dana@example.com",
      name: "Dana",
      role: "subject_expert",
      password: "correct horse battery",
    });
    expect(
      (await call("POST", `/v1/answers/${row.id}/reassign`, { assignee: "dana@example.com", dueOn: "2027-01-15" }))
        .status,
    ).toBe(200);
    expect((await call("POST", `/v1/answers/${row.id}/approve`)).status).toBe(200);
    expect((await call("GET", `/v1/questionnaires/${questionnaireId}/export?format=csv`)).status).toBe(200);
    await h.jobs.drain();
    const types = received
      .filter((r) => String(r.headers["webhook-id"]).length > 0)
      .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    const assigned = types.find((t) => t.type === "answer.assigned" && t.data.answerId === row.id);
    expect(assigned?.data).toMatchObject({ assignee: "dana@example.com", dueOn: "2027-01-15" });
    expect(types.some((t) => t.type === "answer.approved" && t.data.answerId === row.id)).toBe(true);
    expect(types.some((t) => t.type === "questionnaire.exported" && t.data.format === "csv")).toBe(true);
    const detail = (await call("GET", `/v1/answers/${row.id}`)).body;
    expect(detail.dueOn).toBe("2027-01-15");
  });

  it("announce answer.approved for each answer a bulk approval approves", async () => {
    const bulk = await call("POST", `/v1/questionnaires/${questionnaireId}/answers/bulk-approve`, {
      minConfidence: 0,
      statuses: ["drafted"],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.approved.length).toBeGreaterThan(1);
    await h.jobs.drain();
    const approved = received
      .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
      .filter((t) => t.type === "answer.approved" && t.data.bulk === true);
    const ids = new Set(approved.map((t) => t.data.answerId));
    for (const id of bulk.body.approved) expect(ids.has(id)).toBe(true);
    expect(approved.every((t) => t.data.status === "approved" && t.data.questionnaireId === questionnaireId)).toBe(
      true,
    );
  });
});
