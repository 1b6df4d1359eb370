import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { chromiumMissing, describePages, launchChromium, SCREENSHOTS, startQuire } from "./browser.js";

interface Answer {
  id: string;
  sourceId: string | null;
  status: string;
  confidence: number;
  value: string | null;
  text: string | null;
  allowedValues: string[] | null;
  sheet: string | null;
  answerCell: string | null;
  rejectReason: string | null;
}
interface HistoryEntry {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

// In-page expressions as strings: the tests compile without the DOM lib.
const STORED_KEY = "sessionStorage.getItem('quire.apiKey')";

let quire: Awaited<ReturnType<typeof startQuire>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (chromiumMissing()) return; // every suite below is skipped
  browser = await launchChromium();
  quire = await startQuire();
});
afterAll(async () => {
  await browser?.close();
  await quire?.stop();
});

async function signIn(p: Page, key: string) {
  await p.goto(`${quire.base}/app`);
  await p.getByLabel("API key", { exact: true }).fill(key);
  await p.getByRole("button", { name: "Sign in", exact: true }).click();
}

describePages("the web pages, in Chromium, against the real server", () => {
  // A script error in the page fails the suite rather than leaving a half-drawn screen unnoticed.
  const scriptErrors: string[] = [];
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on("pageerror", (e) => scriptErrors.push(e.message));
    // 4xx answers are logged by Chromium as console errors; those are expected in these tests.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().includes("status of 4")) scriptErrors.push(m.text());
    });
  });
  afterAll(() => context?.close());

  let questionnaireId = "";
  let drafted: Answer[] = [];
  let edited: Answer;
  let rejected: Answer;
  const editedText = "Yes. Edited in the review page: MFA is enforced for all remote and administrative access.";

  it("signs in with the demo key and uploads a questionnaire for a new customer", async () => {
    await signIn(page, quire.key);
    await expect.poll(() => page.getByRole("heading", { name: "Questionnaires", level: 1 }).count()).toBe(1);
    await expect.poll(() => page.locator("#whoami").textContent()).toContain("qk_");

    await page.getByLabel("Customer").selectOption({ label: "New customer…" });
    await page.getByLabel("Name").fill("Globex GmbH");
    await page.getByLabel("Region").selectOption("eu");
    await page.getByLabel("NDA on file").check();
    await page.getByLabel("NDA valid until").fill("2027-06-30");
    await page.getByLabel("File (.xlsx, .csv or .pdf)").setInputFiles("fixtures/caiq-like.xlsx");
    await page.getByRole("button", { name: "Upload and draft" }).click();

    const done = page.getByRole("link", { name: "Review answers" });
    await done.waitFor({ timeout: 60_000 });
    expect(await page.locator("#upload .status").textContent()).toMatch(/Drafted caiq-like\.xlsx: \d+ drafted/);
    const row = page.locator("#questionnaires tbody tr").first();
    expect(await row.textContent()).toContain("Globex GmbH");
    expect(await row.locator(".badge").textContent()).toBe("drafted");
    questionnaireId = (await row.getAttribute("data-questionnaire-id")) ?? "";
    expect(questionnaireId).toMatch(/^qn_/);

    const all = await quire.api<{ data: Answer[] }>("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`);
    drafted = all.data;
    expect(drafted.length).toBe(36);
    await page.screenshot({ path: join(SCREENSHOTS, "questionnaires.png"), fullPage: true });
    await done.click();
    await page.locator("#answers tbody tr[data-answer-id]").first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/questionnaires/${questionnaireId}`);
    expect(await page.locator("#answers tbody tr[data-answer-id]").count()).toBe(36);
    // Missing fields are left blank, not printed as "null" or "[object …]".
    expect(await page.locator("main").textContent()).not.toMatch(/\bnull\b|undefined|\[object /);
  }, 120_000);

  it("filters by needs_review, edits one answer's value and text, and approves it", async () => {
    await page.getByLabel("Status", { exact: true }).selectOption("needs_review");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const expected = drafted.filter((a) => a.status === "needs_review").length;
    await expect.poll(() => page.locator("#answers tbody tr[data-answer-id]").count()).toBe(expected);
    const rows = await page.locator("#answers tbody tr[data-answer-id]").all();
    const statuses = await Promise.all(rows.map((r) => r.getAttribute("data-status")));
    expect(new Set(statuses)).toEqual(new Set(["needs_review"]));
    await page.screenshot({ path: join(SCREENSHOTS, "review.png"), fullPage: false });

    const first = page.locator("#answers tbody tr[data-answer-id]").nth(0);
    const id = (await first.getAttribute("data-answer-id")) ?? "";
    const before = drafted.find((a) => a.id === id);
    if (!before?.allowedValues) throw new Error("expected a yes/no answer with allowed values first");
    const newValue = before.allowedValues.find((v) => v !== before.value) ?? "NA";
    await first.getByRole("button", { name: /Review answer/ }).click();

    const dialog = page.locator("dialog[open]");
    await dialog.locator("#edit-answer").waitFor();
    await dialog.getByLabel("Value").selectOption(newValue);
    await dialog.getByLabel("Text", { exact: true }).fill(editedText);
    await dialog.getByRole("button", { name: "Save edits" }).click();
    await expect.poll(() => dialog.locator(".status").textContent()).toContain("Saved");
    expect(await dialog.locator("#answer-history").textContent()).toContain("edit");
    await page.screenshot({ path: join(SCREENSHOTS, "answer-dialog.png") });

    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await expect.poll(() => dialog.locator(".meta .badge").textContent()).toBe("approved");
    // Approve-and-remember is offered once the answer is approved.
    expect(await dialog.getByRole("button", { name: "Save as new entry" }).count()).toBe(1);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);

    edited = { ...before, value: newValue, text: editedText };
  });

  it("rejects another answer with a reason", async () => {
    // After the approval the filtered list no longer shows the edited answer.
    const row = page.locator("#answers tbody tr[data-answer-id]").nth(0);
    await expect.poll(() => row.getAttribute("data-answer-id")).not.toBe(edited.id);
    const id = (await row.getAttribute("data-answer-id")) ?? "";
    await row.getByRole("button", { name: /Review answer/ }).click();
    const dialog = page.locator("dialog[open]");
    await dialog.getByLabel("Reason for rejecting").fill("Out of date: the 2024 policy was replaced.");
    await dialog.getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => dialog.locator(".meta .badge").textContent()).toBe("rejected");
    expect(await dialog.textContent()).toContain("Rejected: Out of date: the 2024 policy was replaced.");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
    rejected = drafted.find((a) => a.id === id) as Answer;
  });

  it("bulk-approves drafted answers at or above 0.6", async () => {
    await page.getByRole("button", { name: "Clear" }).click();
    await expect.poll(() => page.locator("#answers tbody tr[data-answer-id]").count()).toBe(36);
    await page.getByLabel("Minimum confidence").fill("0.6");
    await page.getByRole("button", { name: "Approve drafted answers" }).click();
    const qualifying = drafted.filter((a) => a.status === "drafted" && a.confidence >= 0.6 && a.text);
    await expect
      .poll(() => page.locator("#main > .status").textContent())
      .toContain(`Approved ${qualifying.length} answers at or above 0.6`);
    await expect
      .poll(() => page.locator('#answers tbody tr[data-status="approved"]').count())
      .toBe(qualifying.length + 1);
    await page.screenshot({ path: join(SCREENSHOTS, "review-after-bulk.png"), fullPage: false });
  });

  it("stored what the page did: statuses and the edit in the history", async () => {
    const after = await quire.api<Answer>("GET", `/v1/answers/${edited.id}`);
    expect(after).toMatchObject({ status: "approved", value: edited.value, text: editedText });
    const history = await quire.api<{ data: HistoryEntry[] }>("GET", `/v1/answers/${edited.id}/history`);
    expect(history.data.map((e) => e.action)).toEqual(["edit", "approve"]);
    const edit = history.data[0];
    expect(edit?.before).toMatchObject({ status: "needs_review", text: drafted.find((a) => a.id === edited.id)?.text });
    expect(edit?.after).toMatchObject({ value: edited.value, text: editedText });

    const rej = await quire.api<Answer>("GET", `/v1/answers/${rejected.id}`);
    expect(rej).toMatchObject({ status: "rejected", rejectReason: "Out of date: the 2024 policy was replaced." });

    const now = (await quire.api<{ data: Answer[] }>("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`))
      .data;
    for (const a of drafted.filter((x) => x.status === "drafted")) {
      const status = now.find((x) => x.id === a.id)?.status;
      expect(status, `${a.sourceId} (${a.confidence})`).toBe(a.confidence >= 0.6 ? "approved" : "drafted");
    }
    const qn = await quire.api<{ status: string }>("GET", `/v1/questionnaires/${questionnaireId}`);
    expect(qn.status).toBe("in_review");
  });

  it("downloads the filled xlsx with the approved answer in its cell, and the CSV export", async () => {
    const answer = await quire.api<Answer>("GET", `/v1/answers/${edited.id}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Filled file (approved only)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = XLSX.read(readFileSync(await download.path()), { type: "buffer" });
    const sheet = book.Sheets[answer.sheet ?? ""];
    expect(sheet?.[answer.answerCell ?? ""]?.v).toBe(edited.value);
    // The rejected answer is not written.
    const rej = await quire.api<Answer>("GET", `/v1/answers/${rejected.id}`);
    expect(sheet?.[rej.answerCell ?? ""]?.v ?? null).toBeNull();

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Answers CSV" }).click(),
    ]);
    expect(readFileSync(await csv.path(), "utf8")).toContain("Edited in the review page");
    await expect.poll(() => page.locator("#main > .status").textContent()).toContain("Downloaded");
  });

  it("shows what an export today would cite differently once the customer's NDA is withdrawn", async () => {
    const qn = await quire.api<{ customerId: string }>("GET", `/v1/questionnaires/${questionnaireId}`);
    expect(await page.locator("#since-drafting").isHidden()).toBe(true);
    await quire.api("PATCH", `/v1/customers/${qn.customerId}`, { nda: { onFile: false } });
    await page.reload();
    const changes = page.locator("#citation-changes li");
    await expect.poll(() => changes.count()).toBeGreaterThan(0);
    expect(await changes.first().textContent()).toMatch(
      /no longer cites soc2-type2-2026 \(.*withheld: no NDA on file\)/,
    );
    expect(await page.locator("#since-drafting").textContent()).toContain("no NDA");
    await page.screenshot({ path: join(SCREENSHOTS, "review-since-drafting.png"), fullPage: false });
  });

  it("lists what needs attention per owner, and narrows it to one owner", async () => {
    await page.getByRole("link", { name: "Needs attention" }).click();
    await page.getByRole("heading", { name: "Needs attention", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Run the sweep now" }).click();
    await expect.poll(() => page.locator("#main > .status").textContent()).toMatch(/^Sweep as of \d{4}-\d{2}-\d{2}: /);
    const sections = page.locator("#attention section[data-owner]");
    await expect.poll(() => sections.count()).toBeGreaterThan(0);
    expect(await page.locator("#last-sweep").textContent()).toMatch(/^Last sweep: /);
    const owners = await page.locator("#main select[name=owner] option").allTextContents();
    const owner = owners[1] ?? "";
    await page.getByLabel("Owner", { exact: true }).selectOption(owner);
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => sections.count()).toBe(1);
    expect(await sections.first().getAttribute("data-owner")).toBe(owner);
    expect(new URL(page.url()).searchParams.get("owner")).toBe(owner);
    expect(await page.locator("#attention tbody tr").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, "attention.png"), fullPage: true });
  });

  it("raised no script errors along the way", () => {
    expect(scriptErrors).toEqual([]);
  });

  it("signs out and forgets the key", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("API key", { exact: true }).waitFor();
    expect(await page.evaluate(STORED_KEY)).toBeNull();
    await page.goto(`${quire.base}/app/questionnaires/${questionnaireId}`);
    await page.getByLabel("API key", { exact: true }).waitFor();
  });
});

describePages("the questionnaire list", () => {
  it("shows a processing failure with its code and message", async () => {
    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await signIn(p, quire.key);
      await p.getByLabel("Customer").selectOption({ label: "Globex GmbH (eu)" });
      await p.getByLabel("File (.xlsx, .csv or .pdf)").setInputFiles("fixtures/bad/no-question-column.csv");
      await p.getByRole("button", { name: "Upload and draft" }).click();
      const failure = p.locator("#upload .status .problem");
      await failure.waitFor({ timeout: 30_000 });
      expect(await failure.textContent()).toMatch(/^Processing failed: [a-z_]+: .+/);
      const row = p.locator("#questionnaires tbody tr").first();
      await expect.poll(() => row.locator(".badge").textContent()).toBe("failed");
    } finally {
      await ctx.close();
    }
  }, 90_000);

  it("pages with Load more", async () => {
    const { data } = await quire.api<{ data: { id: string }[] }>("GET", "/v1/customers?limit=1");
    const customerId = data[0]?.id ?? "";
    const have = (await quire.api<{ data: unknown[] }>("GET", "/v1/questionnaires?limit=500")).data.length;
    for (let i = have; i < 23; i++) {
      const form = new FormData();
      form.append("file", new Blob([readFileSync("fixtures/simple.csv")]), `simple-${i}.csv`);
      form.append("customerId", customerId);
      const res = await fetch(`${quire.base}/v1/questionnaires`, {
        method: "POST",
        headers: { authorization: `Bearer ${quire.key}` },
        body: form,
      });
      expect(res.status).toBe(202);
    }
    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await signIn(p, quire.key);
      const rows = p.locator("#questionnaires tbody tr[data-questionnaire-id]");
      await expect.poll(() => rows.count()).toBe(20);
      await p.getByRole("button", { name: "Load more" }).click();
      await expect.poll(() => rows.count()).toBe(23);
      expect(await p.getByRole("button", { name: "Load more" }).isVisible()).toBe(false);
      const ids = await Promise.all((await rows.all()).map((r) => r.getAttribute("data-questionnaire-id")));
      expect(new Set(ids).size).toBe(23);
    } finally {
      await ctx.close();
    }
  });
});

describePages("refusals and hostile data", () => {
  it("shows the 401 problem for a wrong key and stays signed out", async () => {
    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await signIn(p, "qk_wrong000_notarealsecret");
      const alert = p.locator("form#signin-key .problem");
      await expect.poll(() => alert.textContent()).toContain("401 invalid_api_key");
      expect(await alert.isVisible()).toBe(true);
      expect(await p.evaluate(STORED_KEY)).toBeNull();
      await p.screenshot({ path: join(SCREENSHOTS, "signin-401.png") });
    } finally {
      await ctx.close();
    }
  });

  it("shows a 403 with its code when the key lacks a scope", async () => {
    const limited = await quire.api<{ key: string }>("POST", "/v1/keys", {
      name: "read only",
      scopes: ["questionnaires:read"],
    });
    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await signIn(p, limited.key);
      await p.getByLabel("Customer").selectOption({ label: "New customer…" });
      await p.getByLabel("Name").fill("Initech");
      await p.getByLabel("File (.xlsx, .csv or .pdf)").setInputFiles("fixtures/simple.csv");
      await p.getByRole("button", { name: "Upload and draft" }).click();
      await expect.poll(() => p.locator("#flash").textContent()).toContain("403 insufficient_scope");
    } finally {
      await ctx.close();
    }
  });

  it("renders an API string with HTML in it as text", async () => {
    const evil = "<img src=x onerror=window.__xss=1>";
    const customer = await quire.api<{ id: string }>("POST", "/v1/customers", { name: evil, region: "us" });
    const form = new FormData();
    form.append("file", new Blob([readFileSync("fixtures/simple.csv")]), "<b onmouseover=window.__xss=2>.csv");
    form.append("customerId", customer.id);
    const res = await fetch(`${quire.base}/v1/questionnaires`, {
      method: "POST",
      headers: { authorization: `Bearer ${quire.key}` },
      body: form,
    });
    expect(res.status).toBe(202);
    const qn = (await res.json()) as { id: string };

    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await signIn(p, quire.key);
      const row = p.locator(`#questionnaires tr[data-questionnaire-id="${qn.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(evil);
      expect(await p.locator("#upload select").first().textContent()).toContain(evil);
      await row.getByRole("link").click();
      await p.locator("#qn-title").waitFor();
      expect(await p.locator("#qn-title").textContent()).toBe("<b onmouseover=window.__xss=2>.csv");
      expect(await p.locator(".qn-header").textContent()).toContain(evil);
      expect(await p.locator("img").count()).toBe(0);
      expect(await p.locator("main b").count()).toBe(0);
      expect(await p.evaluate("window.__xss")).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });
});
