import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

interface Option {
  artifactId: string;
  type: string;
  title: string;
  reason: string;
}
interface Detail {
  id: string;
  entryId: string | null;
  status: string;
  citations: Option[];
  onRequest: Option[] | null;
  citationOptions: { allowed: Option[]; notAllowed: Option[] };
}

/**
 * Citation editing within the policy, over HTTP: GET /v1/answers/{id} lists what the reviewer may
 * cite for the questionnaire's customer and why the rest may not be; PATCH accepts only those.
 */
describe("editing an answer's citations within the citation policy", () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;
  let noNda: Detail[] = [];
  let withNda: Detail[] = [];

  async function upload(customer: Record<string, unknown>): Promise<Detail[]> {
    const c = await h.call("POST", "/v1/customers", { key: a.adminKey, json: customer });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/caiq-like.xlsx"), "caiq-like.xlsx", {
        customerId: c.body.id,
        asOf: "2026-11-24",
      }),
    });
    await h.jobs.drain();
    const list = await h.call("GET", `/v1/questionnaires/${up.body.id}/answers?limit=500`, { key: a.adminKey });
    const out: Detail[] = [];
    for (const row of list.body.data)
      out.push((await h.call("GET", `/v1/answers/${row.id}`, { key: a.adminKey })).body);
    return out;
  }

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
    b = await h.tenant("Vendor B");
    noNda = await upload({ name: "Initech", region: "us" });
    withNda = await upload({ name: "Globex", region: "us", nda: { onFile: true, signedOn: "2025-01-10" } });
  });
  afterAll(() => h.close());

  const ids = (list: { artifactId: string }[]) => list.map((c) => c.artifactId);
  const patch = (id: string, citations: string[], key = a.adminKey) =>
    h.call("PATCH", `/v1/answers/${id}`, { key, json: { citations } });

  it("lists what may be cited, the drafted citations among them, and why the rest may not", () => {
    for (const d of [...noNda, ...withNda]) {
      const { allowed, notAllowed } = d.citationOptions;
      for (const c of d.citations) expect(ids(allowed)).toContain(c.artifactId);
      for (const n of notAllowed) expect(n.reason.length).toBeGreaterThan(10);
    }
    // Without an NDA the NDA-only SOC 2 report is never offered, and says so.
    const soc2 = noNda.flatMap((d) => d.citationOptions.notAllowed).filter((n) => n.artifactId === "soc2-type2-2026");
    expect(soc2.length).toBe(noNda.length);
    expect(soc2.some((n) => /no NDA on file/.test(n.reason))).toBe(true);
    expect(withNda.some((d) => ids(d.citationOptions.allowed).includes("soc2-type2-2026"))).toBe(true);
  });

  it("removes and adds citations among the allowed ones; the history records the change", async () => {
    const d = withNda.find((x) => x.citationOptions.allowed.length >= 2 && x.citations.length >= 1) as Detail;
    expect(d).toBeDefined();
    const removed = await patch(d.id, []);
    expect(removed.status).toBe(200);
    expect(removed.body.citations).toEqual([]);
    // What was dropped is still allowed: offered on request, not lost.
    expect(ids(removed.body.onRequest)).toEqual(ids(d.citationOptions.allowed));

    const pick = ids(d.citationOptions.allowed).slice(0, 2).reverse();
    const added = await patch(d.id, pick);
    expect(added.status).toBe(200);
    // In the policy's order, whatever order they were sent in, each with the policy's reason.
    expect(ids(added.body.citations)).toEqual([...pick].reverse());
    for (const c of added.body.citations) expect(c.reason).toMatch(/^chosen by reviewer; /);
    expect(added.body.status).toBe("needs_review");
    const history = await h.call("GET", `/v1/answers/${d.id}/history`, { key: a.adminKey });
    const last = history.body.data.at(-1);
    expect(last.action).toBe("edit");
    expect(ids(last.after.citations)).toEqual([...pick].reverse());
  });

  it("refuses what the policy forbids with problem+json and a stable code, changing nothing", async () => {
    const d = noNda.find((x) => x.citations.length > 0) as Detail;
    const before = (await h.call("GET", `/v1/answers/${d.id}`, { key: a.adminKey })).body as Detail;
    for (const forbidden of d.citationOptions.notAllowed) {
      const res = await patch(d.id, [forbidden.artifactId]);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("citation_not_allowed");
      expect(res.body.detail).toBe(forbidden.reason);
    }
    const after = (await h.call("GET", `/v1/answers/${d.id}`, { key: a.adminKey })).body as Detail;
    expect(after.citations).toEqual(before.citations);

    const unknown = await patch(d.id, ["no-such-artifact"]);
    expect([unknown.status, unknown.body.code]).toEqual([422, "unknown_artifact"]);
    const three = withNda.find((x) => x.citationOptions.allowed.length >= 3) as Detail;
    const tooMany = await patch(three.id, ids(three.citationOptions.allowed).slice(0, 3));
    expect([tooMany.status, tooMany.body.code]).toEqual([422, "too_many_citations"]);
  });

  it("refuses an attestation the answer's controls do not reach, even one the customer may see", async () => {
    // Before, any artifact sent by hand counted as "asked about directly" and passed the coverage rules.
    const d = withNda.find(
      (x) => x.entryId && ids(x.citationOptions.notAllowed).includes("iso27001-cert-2025"),
    ) as Detail;
    expect(d).toBeDefined();
    const res = await patch(d.id, ["iso27001-cert-2025"]);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("citation_not_allowed");
  });

  it("keeps another tenant out", async () => {
    const d = withNda[0] as Detail;
    expect((await h.call("GET", `/v1/answers/${d.id}`, { key: b.adminKey })).status).toBe(404);
    expect((await patch(d.id, [], b.adminKey)).status).toBe(404);
  });
});
