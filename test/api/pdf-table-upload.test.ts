import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/**
 * A questionnaire printed to PDF as a table, through the real app: the report carries each row's
 * id from the Ref ID column, or from the column the `idColumn` form field names, and its section;
 * the filled-file export stays refused for a PDF (its answers go out as CSV/JSON).
 */
describe("POST /v1/answer with a PDF table", () => {
  let h: Harness;
  let a: Tenant;
  const pdf = readFileSync("fixtures/table-tight.pdf");

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
  });
  afterAll(() => h.close());

  it("takes ids by header meaning, or from the hinted column", async () => {
    const plain = await h.call("POST", "/v1/answer", {
      key: a.adminKey,
      form: fileForm(pdf, "table-tight.pdf", { region: "eu" }),
    });
    expect(plain.status).toBe(200);
    expect(plain.body.questions.map((q: { sourceId: string }) => q.sourceId).slice(0, 2)).toEqual(["AC-01", "AC-02"]);
    expect(plain.body.questions[0].section).toBe("ACCESS CONTROL");
    const hinted = await h.call("POST", "/v1/answer", {
      key: a.adminKey,
      form: fileForm(pdf, "table-tight.pdf", { region: "eu", idColumn: "A" }),
    });
    expect(hinted.status).toBe(200);
    expect(hinted.body.questions.map((q: { sourceId: string }) => q.sourceId).slice(0, 2)).toEqual(["1", "2"]);
  });

  it("offers the answers as CSV, and refuses a filled PDF", async () => {
    const customer = await h.call("POST", "/v1/customers", {
      key: a.adminKey,
      json: { name: "Initech", region: "eu" },
    });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(pdf, "table-tight.pdf", { customerId: customer.body.id }),
    });
    expect(up.status).toBeLessThan(300);
    await h.jobs.drain();
    const csv = await h.call("GET", `/v1/questionnaires/${up.body.id}/export?format=csv&include=drafts`, {
      key: a.adminKey,
    });
    expect(csv.status).toBe(200);
    const text = typeof csv.body === "string" ? csv.body : new TextDecoder().decode(csv.body);
    expect(text).toContain("AC-01");
    const filled = await h.call("GET", `/v1/questionnaires/${up.body.id}/export?include=drafts`, { key: a.adminKey });
    expect(filled.status).toBe(422);
    expect(filled.body.code).toBe("export_unsupported");
  });
});
