import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

describe("Idempotency-Key on POST", () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("A");
    b = await h.tenant("B");
  });
  afterAll(() => h.close());

  const post = (key: string, idem: string, body: unknown) =>
    h.call("POST", "/v1/customers", { key, json: body, headers: { "idempotency-key": idem } });

  it("answers the first response again for the same key and body, creating nothing new", async () => {
    const first = await post(a.adminKey, "create-acme-1", { name: "Acme", region: "us" });
    const again = await post(a.adminKey, "create-acme-1", { name: "Acme", region: "us" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const list = await h.call("GET", "/v1/customers", { key: a.adminKey });
    expect(list.body.data.filter((c: { name: string }) => c.name === "Acme")).toHaveLength(1);
  });

  it("answers 422 for the same key with another body", async () => {
    await post(a.adminKey, "create-2", { name: "Umbrella", region: "eu" });
    const other = await post(a.adminKey, "create-2", { name: "Umbrella Corp", region: "eu" });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");
  });

  it("keeps keys per tenant", async () => {
    const inA = await post(a.adminKey, "shared-key", { name: "Tenant A's", region: "us" });
    const inB = await post(b.adminKey, "shared-key", { name: "Tenant B's", region: "uk" });
    expect(inB.status).toBe(201);
    expect(inB.body.id).not.toBe(inA.body.id);
    expect(inB.headers.get("idempotent-replayed")).toBeNull();
  });

  it("hashes multipart uploads as raw bytes: a retried upload is queued once", async () => {
    const customer = await post(a.adminKey, "cust-for-upload", { name: "Uploader", region: "eu" });
    const bytes = readFileSync("fixtures/simple.csv");
    // FormData boundaries differ per request, so build the body once and send the same bytes twice.
    const request = new Request("http://x/", {
      method: "POST",
      body: fileForm(bytes, "simple.csv", { customerId: customer.body.id }),
    });
    const body = new Uint8Array(await request.arrayBuffer());
    const contentType = request.headers.get("content-type") as string;
    const send = (payload: Uint8Array) =>
      h.app.request("/v1/questionnaires", {
        method: "POST",
        headers: { authorization: `Bearer ${a.adminKey}`, "content-type": contentType, "idempotency-key": "upload-1" },
        body: payload as Uint8Array<ArrayBuffer>,
      });
    const first = await send(body);
    const second = await send(body);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const changed = body.slice();
    changed[changed.length - 10] = 0x41;
    expect((await send(changed)).status).toBe(422);
    await h.jobs.drain();
    const list = await h.call("GET", `/v1/questionnaires?customerId=${customer.body.id}`, { key: a.adminKey });
    expect(list.body.data).toHaveLength(1);
  });

  it("does not remember refusals that are not the handler's (401) and lets validation errors replay", async () => {
    const bad = await post(a.adminKey, "bad-body", { name: "X", region: "mars" });
    expect(bad.status).toBe(400);
    const again = await post(a.adminKey, "bad-body", { name: "X", region: "mars" });
    expect(again.status).toBe(400);
    const noKey = await h.call("POST", "/v1/customers", {
      json: { name: "Y", region: "us" },
      headers: { "idempotency-key": "k-401" },
    });
    expect(noKey.status).toBe(401);
    const later = await post(a.adminKey, "k-401", { name: "Y", region: "us" });
    expect(later.status).toBe(201);
  });

  it("refuses an unusable key", async () => {
    const res = await post(a.adminKey, "x".repeat(300), { name: "Z", region: "us" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_idempotency_key");
  });
});
