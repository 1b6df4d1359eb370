import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries } from "../../src/db/schema/index.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/** Assignment in bulk: a questionnaire's sheet or section, or every answer on one owner's entries, over HTTP. */
let h: Harness;
let a: Tenant;
let b: Tenant;
let questionnaireId: string;
type Answer = {
  id: string;
  section: string | null;
  entryId: string | null;
  status: string;
  assignee: string | null;
  dueOn: string | null;
};
let answers: Answer[];
const PASSWORD = "correct horse battery";

const admin = (method: string, path: string, body?: unknown) =>
  h.call(method, path, { key: a.adminKey, ...(body !== undefined && { json: body }) });
const assign = (body: unknown, key = a.adminKey) =>
  h.call("POST", `/v1/questionnaires/${questionnaireId}/answers/assign`, { key, json: body });

async function person(email: string, role: string): Promise<string> {
  const made = await admin("POST", "/v1/users", { email, name: email.split("@")[0], role, password: PASSWORD });
  expect(made.status).toBe(201);
  return (await h.call("POST", "/v1/sessions", { json: { email, password: PASSWORD } })).body.token;
}

async function myQueue(token: string): Promise<string[]> {
  const res = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?assignee=me&limit=500`, {
    key: token,
  });
  expect(res.status).toBe(200);
  return res.body.data.map((x: { id: string }) => x.id);
}

beforeAll(async () => {
  h = await harness();
  a = await h.tenant("Assign A");
  b = await h.tenant("Assign B");
  const customer = await admin("POST", "/v1/customers", { name: "Buyer", region: "eu" });
  const upload = await h.call("POST", "/v1/questionnaires", {
    key: a.adminKey,
    form: fileForm(readFileSync("fixtures/caiq-like.xlsx"), "caiq-like.xlsx", { customerId: customer.body.id }),
  });
  questionnaireId = upload.body.id;
  await h.jobs.drain();
  answers = (await admin("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`)).body.data;
  await admin("POST", "/v1/webhooks", { url: "http://127.0.0.1:9/hook", events: ["answer.assigned"] });
});
afterAll(() => h.close());

describe("assign by section", () => {
  it("gives every open answer of a section to a person, with a due date, and it is their queue", async () => {
    const token = await person("ines@a.example", "subject_expert");
    const section = "Identity & Access Management";
    const expected = answers.filter((x) => x.section === section).map((x) => x.id);
    expect(expected.length).toBeGreaterThan(3);
    const res = await assign({ assignee: "ines@a.example", section, dueOn: "2027-01-15" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ assignee: "ines@a.example", assigned: expected });
    expect(await myQueue(token)).toEqual(expected);
    const one = await admin("GET", `/v1/answers/${expected[0]}`);
    expect(one.body).toMatchObject({ assignee: "ines@a.example", dueOn: "2027-01-15" });
    const history = await admin("GET", `/v1/answers/${expected[0]}/history`);
    expect(history.body.data.at(-1)).toMatchObject({ action: "reassign", after: { assignee: "ines@a.example" } });
  });

  it("emits answer.assigned once per answer assigned, and nothing for answers already assigned so", async () => {
    const events = async () =>
      (
        await h.db
          .select()
          .from(webhookDeliveries)
          .where(and(eq(webhookDeliveries.tenantId, a.id), eq(webhookDeliveries.eventType, "answer.assigned")))
      ).map((d) => JSON.parse(d.payload).data);
    const before = await events();
    expect(before.every((e: { bulk?: boolean }) => e.bulk === true)).toBe(true);
    expect(before.map((e: { answerId: string }) => e.answerId).sort()).toEqual(
      answers
        .filter((x) => x.section === "Identity & Access Management")
        .map((x) => x.id)
        .sort(),
    );
    const again = await assign({ assignee: "ines@a.example", section: "Identity & Access Management" });
    expect(again.body.assigned).toEqual([]);
    expect(await events()).toHaveLength(before.length);
  });

  it("assigns a sheet, leaving approved answers as they are", async () => {
    const token = await person("sheila@a.example", "reviewer");
    // Approve one (edited to a plain Yes so that approval needs nothing else).
    // The list leaves the sheet out; caiq-like.xlsx has one sheet, "CAIQ" (GET /v1/answers/{id} says so).
    const first = answers.find((x) => x.section === "Human Resources") as Answer;
    expect((await admin("GET", `/v1/answers/${first.id}`)).body.sheet).toBe("CAIQ");
    await admin("PATCH", `/v1/answers/${first.id}`, { value: "Yes", text: "Yes, as our policy requires." });
    const approved = await admin("POST", `/v1/answers/${first.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const res = await assign({ assignee: "sheila@a.example", sheet: "CAIQ" });
    expect(res.body.assigned).not.toContain(first.id);
    expect(res.body.assigned).toHaveLength(answers.length - 1);
    expect(await myQueue(token)).toEqual(res.body.assigned);
  });
});

describe("assign by entry owner", () => {
  it("gives every answer resting on that owner's library entries to a person", async () => {
    const token = await person("otto@a.example", "subject_expert");
    const entries = (await admin("GET", "/v1/library/entries?limit=500")).body.data as { id: string; owner?: string }[];
    const owned = new Set(entries.filter((e) => e.owner === "Platform Security").map((e) => e.id));
    const expected = answers
      .filter((x) => x.entryId && owned.has(x.entryId) && x.status !== "approved")
      .map((x) => x.id);
    expect(expected.length).toBeGreaterThan(0);
    const res = await assign({ assignee: "otto@a.example", entryOwner: "platform security" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.assigned).toEqual(expected);
    expect(await myQueue(token)).toEqual(expected);
  });
});

describe("refusals", () => {
  it("needs a section, sheet or owner, a known person, the review scope and this tenant's questionnaire", async () => {
    const none = await assign({ assignee: "ines@a.example" });
    expect(none.status).toBe(400);
    expect(none.body.detail).toContain("name a sheet, a section or an entryOwner");
    const unknown = await assign({ assignee: "ghost@a.example", section: "Human Resources" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe("unknown_user");
    const viewer = await person("vera@a.example", "viewer");
    const denied = await assign({ assignee: "ines@a.example", section: "Human Resources" }, viewer);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe("insufficient_scope");
    const other = await assign({ assignee: "ines@a.example", section: "Human Resources" }, b.adminKey);
    expect(other.status).toBe(404);
    const extra = await assign({ assignee: "ines@a.example", section: "Human Resources", owner: "x" });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe("owner");
  });
});
