import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/**
 * One name per concept: the question's wording is `question` in every answer shape the API and
 * the CLI give out (the report, /v1/answer, /v1/match, the answers list and detail, the JSON and
 * CSV exports); `text` is only ever the answer's text.
 */
describe("the question is called `question` everywhere", () => {
  let h: Harness;
  let a: Tenant;
  let qn = "";

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
    const customer = await h.call("POST", "/v1/customers", {
      key: a.adminKey,
      json: { name: "Initech", region: "us" },
    });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { customerId: customer.body.id }),
    });
    qn = up.body.id;
    await h.jobs.drain();
  });
  afterAll(() => h.close());

  const QUESTION = "Do you have a written information security program approved by management?";

  function expectNamed(q: Record<string, unknown>): void {
    expect(q.question).toBe(QUESTION);
    expect(q).not.toHaveProperty("text");
  }

  it("POST /v1/match", async () => {
    const res = await h.call("POST", "/v1/match", { key: a.adminKey, json: { question: QUESTION } });
    expect(res.status).toBe(200);
    expectNamed(res.body);
  });

  it("POST /v1/answer (the report)", async () => {
    const res = await h.call("POST", "/v1/answer", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/simple.csv"), "simple.csv", { region: "us" }),
    });
    expect(res.status).toBe(200);
    expectNamed(res.body.questions[0]);
  });

  it("the answers list and one answer (where `text` is the answer's)", async () => {
    const list = await h.call("GET", `/v1/questionnaires/${qn}/answers?limit=1`, { key: a.adminKey });
    expect(list.body.data[0].question).toBe(QUESTION);
    const one = await h.call("GET", `/v1/answers/${list.body.data[0].id}`, { key: a.adminKey });
    expect(one.body.question).toBe(QUESTION);
    expect(one.body.text).not.toBe(QUESTION);
  });

  it("the JSON and CSV exports", async () => {
    const json = await h.call("GET", `/v1/questionnaires/${qn}/export?format=json&include=drafts`, { key: a.adminKey });
    expect(json.status).toBe(200);
    const body = typeof json.body === "string" ? JSON.parse(json.body) : json.body;
    expectNamed(body.questions[0]);
    const csv = await h.call("GET", `/v1/questionnaires/${qn}/export?format=csv&include=drafts`, { key: a.adminKey });
    const text = typeof csv.body === "string" ? csv.body : new TextDecoder().decode(csv.body);
    const header = text.replace(/^\uFEFF/, "").split(/\r?\n/)[0] as string;
    expect(header.split(",")).toContain("question");
    expect(header.split(",")).not.toContain("text");
  });
});
