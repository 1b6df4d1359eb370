import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/** The two API faces read layout hints through the same schema as the CLI and the upload page. */
describe("layout hints over HTTP", () => {
  let h: Harness;
  let a: Tenant;
  let customerId: string;
  const csv = readFileSync("fixtures/simple.csv");

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
    const customer = await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "Acme", region: "us" } });
    customerId = customer.body.id;
  });
  afterAll(() => h.close());

  it("stores only the hints given: empty form fields (what a page sends) are no hints", async () => {
    const none = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(csv, "simple.csv", { customerId, sheet: "", headerRow: "", questionColumn: "", answerColumn: "" }),
    });
    expect(none.status).toBe(202);
    expect(none.body.hints).toBeNull();
    const some = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(csv, "simple.csv", { customerId, headerRow: "1", answerColumn: "c", sheet: "" }),
    });
    expect(some.status).toBe(202);
    expect(some.body.hints).toEqual({ headerRow: 1, answerColumn: "c" });
    await h.jobs.drain();
    const done = await h.call("GET", `/v1/questionnaires/${some.body.id}`, { key: a.adminKey });
    expect(done.body.status).toBe("drafted");
  });

  it.each([
    ["/v1/questionnaires", { answerColumn: "C5" }, "answerColumn"],
    ["/v1/questionnaires", { headerRow: "zero" }, "headerRow"],
    ["/v1/answer", { questionColumn: "ABCD" }, "questionColumn"],
  ])("POST %s refuses %j with a 400 naming the field", async (path, hints, field) => {
    const res = await h.call("POST", path, {
      key: a.adminKey,
      form: fileForm(csv, "simple.csv", { customerId, ...hints }),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it("POST /v1/answer applies a column hint", async () => {
    // Comments (D) named as the answer column: the drafts land in D, not in C.
    const res = await h.call("POST", "/v1/answer", {
      key: a.adminKey,
      form: fileForm(csv, "simple.csv", { answerColumn: "D", questionColumn: "B", headerRow: "1" }),
    });
    expect(res.status).toBe(200);
    const id = res.headers.get("x-questionnaire-id");
    const answers = await h.call("GET", `/v1/questionnaires/${id}/answers?limit=100`, { key: a.adminKey });
    const detail = await h.call("GET", `/v1/answers/${answers.body.data[1].id}`, { key: a.adminKey });
    expect(detail.body.answerCell).toBe("D3");
  });
});
