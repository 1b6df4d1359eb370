import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, harness } from "./harness.js";

describe("GET /v1/crosswalk", () => {
  let h: Harness;
  let key: string;
  beforeAll(async () => {
    h = await harness();
    key = (await h.tenant("crosswalk")).adminKey;
  });
  afterAll(() => h.close());

  it("answers JSON, CSV and xlsx over HTTP, filtered by framework", async () => {
    const all = await h.call("GET", "/v1/crosswalk", { key });
    expect(all.status).toBe(200);
    expect(all.body.frameworks.map((f: { framework: string }) => f.framework)).toEqual([
      "ISO27001:2022",
      "SOC2",
      "NIS2",
      "GDPR",
    ]);
    const nis2 = await h.call("GET", "/v1/crosswalk?framework=nis2&format=csv", { key });
    expect(nis2.status).toBe(200);
    expect(nis2.headers.get("content-disposition")).toMatch(/crosswalk-nis2\.csv/);
    const lines = (nis2.body as string).trim().split("\r\n");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(/^NIS2 Art\. 21\(2\) measures,21\(2\)\(a\),/);
    const xlsx = await h.call("GET", "/v1/crosswalk?format=xlsx", { key });
    expect(xlsx.status).toBe(200);
    expect(xlsx.body).toBeInstanceOf(Uint8Array);
    expect([...(xlsx.body as Uint8Array).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("refuses an unknown framework with problem+json naming the field", async () => {
    const res = await h.call("GET", "/v1/crosswalk?framework=hipaa", { key });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("framework");
  });

  it("is in the OpenAPI document", async () => {
    const doc = await h.call("GET", "/openapi.json");
    expect(doc.body.paths["/v1/crosswalk"]?.get).toBeDefined();
  });
});
