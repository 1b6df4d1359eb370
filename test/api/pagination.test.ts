import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, harness, type Tenant } from "./harness.js";

/** Keyset pagination, one helper for every list: walk each list page by page and compare with one big page. */
describe("cursor pagination over the lists", () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
    b = await h.tenant("Vendor B");
    // Created back to back: many share a created_at millisecond, so the id must break ties.
    for (let i = 0; i < 7; i++) {
      await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: `A${i}`, region: "eu" } });
    }
    await h.call("POST", "/v1/customers", { key: b.adminKey, json: { name: "B0", region: "us" } });
  });
  afterAll(() => h.close());

  async function walk(path: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const sep = path.includes("?") ? "&" : "?";
      const res = await h.call("GET", `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, {
        key: a.adminKey,
      });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(limit);
      ids.push(...res.body.data.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor;
      if (cursor === null) return ids;
    }
    throw new Error("pagination did not end");
  }

  it.each([
    ["/v1/customers", 2],
    ["/v1/audit", 3],
    ["/v1/library/artifacts", 2],
    ["/v1/library/entries", 25],
  ])("%s in pages of %i gives every row once, in the order of one big page", async (path, limit) => {
    const all = await h.call("GET", `${path}?limit=100`, { key: a.adminKey });
    const walked = await walk(path, limit);
    expect(walked.length).toBeGreaterThan(limit);
    expect(new Set(walked).size).toBe(walked.length);
    // One page holds at most 100: the walk starts with it (and the library has more entries than that).
    expect(walked.slice(0, 100)).toEqual(all.body.data.map((x: { id: string }) => x.id));
    expect(walked.length > 100).toBe(all.body.nextCursor !== null);
  });

  it("customers come newest first and stay in their tenant", async () => {
    const walked = await walk("/v1/customers", 3);
    const names = [];
    for (const id of walked) names.push((await h.call("GET", `/v1/customers/${id}`, { key: a.adminKey })).body.name);
    expect(names).toEqual(["A6", "A5", "A4", "A3", "A2", "A1", "A0"]);
  });

  it("refuses a cursor it did not issue", async () => {
    const res = await h.call("GET", "/v1/customers?cursor=bm9wZQ", { key: a.adminKey });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_cursor");
  });
});
