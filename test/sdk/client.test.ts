import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument, renderClientSchema } from "../../scripts/client-schema.js";
import { type QuireClient, quireClient } from "../../src/sdk/client.js";
import { needsPeople, syncCustomer, uploadQuestionnaire, waitForDraft } from "../../src/sdk/crm-flow.js";
import { type Harness, harness, type Tenant } from "../api/harness.js";

/** The generated client against the real app over real HTTP (a listening node server, real fetch). */
let h: Harness;
let a: Tenant;
let server: ReturnType<typeof serve>;
let quire: QuireClient;

beforeAll(async () => {
  h = await harness();
  a = await h.tenant("SDK");
  server = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((ready) => server.once("listening", ready));
  const { port } = server.address() as AddressInfo;
  quire = quireClient({ baseUrl: `http://127.0.0.1:${port}`, token: a.adminKey });
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await h.close();
});

describe("the generated client", () => {
  it("is up to date with the OpenAPI document (npm run gen:client)", async () => {
    expect(readFileSync("src/sdk/schema.generated.ts", "utf8")).toBe(await renderClientSchema());
  });

  it("drives the CRM flow: upsert the account, upload, wait for the draft, list what needs people, approve", async () => {
    const account = {
      system: "salesforce",
      id: "0015g00000SDK",
      name: "Globex",
      region: "eu" as const,
      ndaOnFile: true,
    };
    const customer = await syncCustomer(quire, account);
    expect(customer).toMatchObject({ name: "Globex", region: "eu", nda: { onFile: true } });
    const again = await syncCustomer(quire, { ...account, name: "Globex GmbH" });
    expect(again.id).toBe(customer.id);

    const duplicate = await quire.POST("/v1/customers", {
      body: { name: "Dup", region: "eu", crm: { system: "salesforce", id: "0015g00000SDK" } },
    });
    expect(duplicate.response.status).toBe(409);
    expect(duplicate.error?.code).toBe("crm_id_taken");

    const file = new File([readFileSync("fixtures/simple.csv")], "simple.csv");
    const queued = await uploadQuestionnaire(quire, customer.id, file);
    expect(queued.status).toBe("queued");
    const drafted = await waitForDraft(quire, queued.id, () => h.jobs.drain());
    expect(drafted.status).toBe("drafted");

    const todo = await needsPeople(quire, drafted.id);
    const all = await quire.GET("/v1/questionnaires/{id}/answers", {
      params: { path: { id: drafted.id }, query: { limit: 500 } },
    });
    const answers = all.data?.data ?? [];
    expect(todo.length).toBe(answers.filter((x) => x.status === "needs_review" || x.status === "no_match").length);

    const first = answers.find((x) => x.status === "drafted");
    if (!first) throw new Error("expected a drafted answer");
    const approved = await quire.POST("/v1/answers/{id}/approve", { params: { path: { id: first.id } } });
    expect(approved.data?.status).toBe("approved");

    const exported = await quire.GET("/v1/questionnaires/{id}/export", {
      params: { path: { id: drafted.id }, query: { format: "json" } },
      parseAs: "json",
    });
    expect(exported.response.status).toBe(200);
  });

  it("returns problems typed, with the field named", async () => {
    const res = await quire.POST("/v1/customers", {
      // @ts-expect-error ndaOnFile is not a field of CustomerInput: the compiler refuses it too
      body: { name: "Acme", region: "us", ndaOnFile: true },
    });
    expect(res.response.status).toBe(400);
    expect(res.error?.errors?.[0]?.field).toBe("ndaOnFile");
  });
});

describe("the OpenAPI document", () => {
  it("validates (Redocly: structure, operationIds present and unique)", async () => {
    const config = await createConfig({
      extends: ["minimal"],
      rules: {
        struct: "error",
        "operation-operationId": "error",
        "operation-operationId-unique": "error",
        "operation-parameters-unique": "error",
        "path-parameters-defined": "error",
      },
    });
    const result = await lintFromString({
      source: JSON.stringify(await openApiDocument()),
      absoluteRef: "openapi.json",
      config,
    });
    const errors = result.filter((p) => p.severity === "error").map((p) => `${p.ruleId}: ${p.message}`);
    expect(errors).toEqual([]);
  });
});
