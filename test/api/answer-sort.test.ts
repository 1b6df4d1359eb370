import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSWER_SORTS, type AnswerSort, STATUS_WORK_ORDER } from "../../src/domain/answering/status.js";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

interface Row {
  id: string;
  ordinal: number;
  status: keyof typeof STATUS_WORK_ORDER;
  confidence: number;
  dueOn: string | null;
  assignee: string | null;
}

/**
 * Server-side queue order over HTTP: every sort, walked a page at a time with the cursor, gives
 * every answer once in the order the sort promises (ties in question order), and stays in its tenant.
 */
describe("sorting a questionnaire's answers", () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;
  let qn = "";
  let all: Row[] = [];

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
    b = await h.tenant("Vendor B");
    const customer = await h.call("POST", "/v1/customers", {
      key: a.adminKey,
      json: { name: "Initech", region: "us" },
    });
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/caiq-like.xlsx"), "caiq-like.xlsx", {
        customerId: customer.body.id,
        asOf: "2026-11-24",
      }),
    });
    qn = up.body.id;
    await h.jobs.drain();
    for (const [email, name] of [
      ["dana@vendor.example", "Dana"],
      ["ari@vendor.example", "Ari"],
    ]) {
      const made = await h.call("POST", "/v1/users", {
        key: a.adminKey,
        json: { email, name, role: "reviewer", password: "a long enough passphrase" },
      });
      expect(made.status).toBe(201);
    }
    const first = await h.call("GET", `/v1/questionnaires/${qn}/answers?limit=500`, { key: a.adminKey });
    const ids: string[] = first.body.data.map((r: Row) => r.id);
    // Assignees and due dates on a few rows (some share a day, so ties must fall back to position).
    const plan: [number, string, string | undefined][] = [
      [3, "dana@vendor.example", "2027-02-01"],
      [7, "ari@vendor.example", "2027-01-15"],
      [11, "dana@vendor.example", "2027-01-15"],
      [20, "ari@vendor.example", undefined],
    ];
    for (const [i, assignee, dueOn] of plan) {
      const res = await h.call("POST", `/v1/answers/${ids[i]}/reassign`, {
        key: a.adminKey,
        json: { assignee, ...(dueOn && { dueOn }) },
      });
      expect(res.status).toBe(200);
    }
    const drafted = first.body.data.filter((r: Row) => r.status === "drafted" || r.status === "needs_review");
    await h.call("POST", `/v1/answers/${drafted[0].id}/reject`, { key: a.adminKey, json: { reason: "no" } });
    await h.call("POST", `/v1/answers/${drafted[1].id}/approve`, { key: a.adminKey, json: {} });
    all = (await h.call("GET", `/v1/questionnaires/${qn}/answers?limit=500`, { key: a.adminKey })).body.data;
  });
  afterAll(() => h.close());

  /** The order each sort promises, computed here from the rows in question order. */
  function expected(sort: AnswerSort): string[] {
    const field = sort.replace(/^-/, "");
    const sign = sort.startsWith("-") ? -1 : 1;
    const key = (r: Row): number | string =>
      field === "confidence"
        ? r.confidence
        : field === "status"
          ? STATUS_WORK_ORDER[r.status]
          : field === "dueOn"
            ? (r.dueOn ?? "9999-12-31")
            : field === "assignee"
              ? (r.assignee ?? "\u{10FFFF}")
              : r.ordinal;
    return [...all]
      .sort((x, y) => {
        const kx = key(x);
        const ky = key(y);
        const c = kx < ky ? -1 : kx > ky ? 1 : 0;
        return c !== 0 ? sign * c : x.ordinal - y.ordinal;
      })
      .map((r) => r.id);
  }

  async function walk(sort: AnswerSort, limit: number, filters = ""): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const url = `/v1/questionnaires/${qn}/answers?sort=${sort}&limit=${limit}${filters}${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await h.call("GET", url, { key: a.adminKey });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(limit);
      for (const row of res.body.data) expect(row).not.toHaveProperty("sortKey");
      ids.push(...res.body.data.map((r: Row) => r.id));
      cursor = res.body.nextCursor;
      if (cursor === null) return ids;
    }
    throw new Error("pagination did not end");
  }

  it("has rows to tell the sorts apart", () => {
    expect(all).toHaveLength(36);
    expect(new Set(all.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((r) => r.confidence)).size).toBeGreaterThan(5);
  });

  it.each(ANSWER_SORTS.map((s) => [s]))("sort=%s in pages of 5 gives every row once, in its order", async (sort) => {
    const walked = await walk(sort, 5);
    expect(walked).toEqual(expected(sort));
    // One big page is the same order.
    expect(await walk(sort, 500)).toEqual(walked);
  });

  it("puts the planned rows first: soonest due, then by person, unassigned last", async () => {
    const byDue = await walk("dueOn", 4);
    const due = (id: string) => all.find((r) => r.id === id)?.dueOn;
    expect(byDue.slice(0, 3).map(due)).toEqual(["2027-01-15", "2027-01-15", "2027-02-01"]);
    const byAssignee = await walk("assignee", 4);
    const who = (id: string) => all.find((r) => r.id === id)?.assignee;
    expect(byAssignee.slice(0, 4).map(who)).toEqual([
      "ari@vendor.example",
      "ari@vendor.example",
      "dana@vendor.example",
      "dana@vendor.example",
    ]);
    expect(who(byAssignee.at(-1) as string)).toBeNull();
  });

  it("sorts within the filters", async () => {
    const walked = await walk("-confidence", 3, "&status=drafted");
    expect(walked).toEqual(expected("-confidence").filter((id) => all.find((r) => r.id === id)?.status === "drafted"));
  });

  it("refuses an unknown sort, and a cursor from another sort, with stable codes", async () => {
    const bad = await h.call("GET", `/v1/questionnaires/${qn}/answers?sort=colour`, { key: a.adminKey });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.code).toBe("validation_failed");
    expect(JSON.stringify(bad.body)).toContain("sort");

    const page = await h.call("GET", `/v1/questionnaires/${qn}/answers?sort=confidence&limit=5`, { key: a.adminKey });
    for (const other of ["-confidence", "status", "position"]) {
      const res = await h.call("GET", `/v1/questionnaires/${qn}/answers?sort=${other}&cursor=${page.body.nextCursor}`, {
        key: a.adminKey,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("invalid_cursor");
    }
  });

  it("answers 404 for another tenant's questionnaire, whatever the sort", async () => {
    const res = await h.call("GET", `/v1/questionnaires/${qn}/answers?sort=-dueOn`, { key: b.adminKey });
    expect(res.status).toBe(404);
  });
});
