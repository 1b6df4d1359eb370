import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, describePages, launchChromium, SCREENSHOTS, startQuire } from "./browser.js";

/**
 * Done-when of issue 16: a 300-question questionnaire reviewed by keyboard alone, signed in as a
 * person (the audit log names them), and axe-core finding no serious or critical issue on the
 * sign-in, list, upload and review pages.
 */
interface Answer {
  id: string;
  sourceId: string;
  status: string;
  entryId: string | null;
  text: string | null;
  reviewer: string | null;
  rejectReason: string | null;
}

const EMAIL = "rhea@halcyon.example";
const PASSWORD = "a long reviewer passphrase";
// axe.min.js from node_modules, evaluated in the page (DevTools evaluation is not subject to the CSP; no CDN).
const AXE = readFileSync(join("node_modules", "axe-core", "axe.min.js"), "utf8");

let quire: Awaited<ReturnType<typeof startQuire>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let questionnaireId = "";

beforeAll(async () => {
  if (chromiumMissing()) return;
  browser = await launchChromium();
  quire = await startQuire();
  await quire.api("POST", "/v1/users", { email: EMAIL, name: "Rhea Reviewer", role: "reviewer", password: PASSWORD });
  const customer = await quire.api<{ id: string }>("POST", "/v1/customers", { name: "Initech", region: "us" });
  const form = new FormData();
  form.append("file", new File([readFileSync("fixtures/review-300.csv")], "review-300.csv"));
  form.append("customerId", customer.id);
  const res = await fetch(`${quire.base}/v1/questionnaires`, {
    method: "POST",
    headers: { authorization: `Bearer ${quire.key}` },
    body: form,
  });
  questionnaireId = ((await res.json()) as { id: string }).id;
  for (let i = 0; i < 240; i++) {
    const qn = await quire.api<{ status: string }>("GET", `/v1/questionnaires/${questionnaireId}`);
    if (qn.status === "drafted") break;
    if (qn.status === "failed") throw new Error("processing failed");
    await new Promise((r) => setTimeout(r, 250));
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await quire?.stop();
});

async function answers(): Promise<Answer[]> {
  const page1 = await quire.api<{ data: Answer[] }>("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`);
  return page1.data;
}
const answer = (id: string) =>
  quire.api<Answer & { alternativeEntries: { entryId: string }[] }>("GET", `/v1/answers/${id}`);

async function seriousA11yIssues(p: Page): Promise<string[]> {
  await p.evaluate(AXE);
  const found = (await p.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) })))",
  )) as { id: string; impact: string; nodes: string[] }[];
  return found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes}`);
}

const currentId = () => page.locator("#answers tr[aria-current=true]").getAttribute("data-answer-id");

/**
 * Searches by keyboard ("/", the words, Enter; "" clears), each key once the page has taken the one
 * before: the field has focus, holds the words, and after Enter the list has loaded and the page has
 * moved focus to its first row (a loaded machine lags, and a key sent early lands elsewhere).
 */
async function search(words: string): Promise<void> {
  await page.keyboard.press("/");
  await expect.poll(() => page.evaluate("document.activeElement?.name")).toBe("q");
  await page.keyboard.press("Control+a");
  if (words) await page.keyboard.type(words);
  else await page.keyboard.press("Backspace");
  await expect.poll(() => page.locator("input[name=q]").inputValue()).toBe(words);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate("document.activeElement?.tagName")).toBe("TR");
}

describePages("reviewing 300 questions by keyboard, signed in as a person", () => {
  const scriptErrors: string[] = [];
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on("pageerror", (e) => scriptErrors.push(e.message));
  });
  afterAll(() => context?.close());

  it("signs in with email and password, by keyboard (the sign-in page has no serious a11y issue)", async () => {
    await page.goto(`${quire.base}/app`);
    await page.getByLabel("Email", { exact: true }).waitFor();
    expect(await seriousA11yIssues(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "sign-in.png"), fullPage: true });
    await page.keyboard.type(EMAIL); // the email field has focus
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#whoami").textContent()).toContain(`Signed in as Rhea Reviewer (${EMAIL}`);
  });

  it("the list and upload form: no customer preselected, no serious a11y issue", async () => {
    await page.getByRole("heading", { name: "Questionnaires", level: 1 }).waitFor();
    expect(await page.getByLabel("Customer").inputValue()).toBe("");
    await page.getByLabel("Customer").selectOption({ label: "Initech (us)" });
    expect(await page.locator("#customer-facts").textContent()).toBe("Region us · no NDA on file");
    expect(await seriousA11yIssues(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "list-upload.png"), fullPage: true });
  });

  it("opens the 300-answer queue a page at a time, with progress and reasons", async () => {
    await page.goto(`${quire.base}/app/questionnaires/${questionnaireId}`);
    await page.locator("#answers tbody tr[data-answer-id]").first().waitFor();
    expect(await page.locator("#answers tbody tr[data-answer-id]").count()).toBe(50);
    expect(await page.locator("#answer-count").textContent()).toBe("300 answers · showing 1–50");
    await expect.poll(() => page.locator("#progress").textContent()).toMatch(/^0 of 300 reviewed · /);
    expect(await page.locator("#answers .reason").count()).toBeGreaterThan(0);
    expect(await seriousA11yIssues(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "review-300.png") });
  });

  it("moves with j/k across pages, searches with /, and approves-and-moves-on with a", async () => {
    await page.locator("body").focus();
    await page.keyboard.press("j");
    const all = await answers();
    expect(await currentId()).toBe(all[0]?.id);
    for (let i = 0; i < 50; i++) await page.keyboard.press("j");
    await expect.poll(() => page.locator("#answer-count").textContent()).toBe("300 answers · showing 51–100");
    expect(await currentId()).toBe(all[50]?.id);
    await page.keyboard.press("k");
    await expect.poll(() => currentId()).toBe(all[49]?.id);

    // Search for one drafted answer by its id, approve it and move on.
    const drafted = all.filter((a) => a.status === "drafted");
    const target = drafted[0] as Answer;
    await search(target.sourceId);
    expect(await page.locator("#answer-count").textContent()).toBe("1 answer shown");
    expect(await currentId()).toBe(target.id);
    await page.keyboard.press("a");
    await expect.poll(async () => (await answer(target.id)).status).toBe("approved");
    expect((await answer(target.id)).reviewer).toBe(`user:${EMAIL}`);
    await expect.poll(() => page.locator("#progress").textContent()).toMatch(/^1 of 300 reviewed · 1 approved/);

    // Back to the whole queue: approve two in a row.
    await search("");
    expect(await page.locator("#answer-count").textContent()).toBe("300 answers · showing 1–50");
    const second = drafted[1] as Answer;
    const third = drafted[2] as Answer;
    const index = all.findIndex((a) => a.id === second.id);
    for (let i = 0; i < index; i++) await page.keyboard.press("j");
    expect(await currentId()).toBe(second.id);
    await page.keyboard.press("a");
    await expect.poll(async () => (await answer(second.id)).status).toBe("approved");
    // The page moves on once the API has answered, which may be after the test's own read.
    await expect.poll(() => currentId()).toBe(all[index + 1]?.id);
    expect(third.id).toBeTruthy();
  });

  it("edits with e (Ctrl+Enter saves), rejects with r, swaps to an alternative entry", async () => {
    const all = await answers();
    const editable = all.find((a) => a.status === "drafted" && a.text) as Answer;
    await search(editable.sourceId);
    expect(await currentId()).toBe(editable.id);

    await page.keyboard.press("e");
    const dialog = page.locator("dialog[open]");
    await expect.poll(() => page.evaluate("document.activeElement?.name")).toBe("text");
    await page.keyboard.press("End");
    await page.keyboard.type(" Reviewed by keyboard.");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => dialog.locator(".status").textContent()).toContain("Saved");
    expect((await answer(editable.id)).text).toMatch(/Reviewed by keyboard\.$/);
    // The whole edit shows in the history as a word diff, not cut at 80 characters.
    expect(await dialog.locator("#answer-history .diff ins").first().textContent()).toContain("Reviewed by keyboard.");

    // Swap to an alternative entry: Tab to its button, Enter.
    const before = await answer(editable.id);
    const alt = before.alternativeEntries[0]?.entryId;
    expect(alt).toBeTruthy();
    for (let i = 0; i < 100; i++) {
      const label = await page.evaluate("document.activeElement?.getAttribute('aria-label')");
      if (label === `Use this entry (${alt})`) break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await answer(editable.id)).entryId).toBe(alt);
    await expect.poll(() => dialog.locator(".status").textContent()).toContain(`Now drafted from ${alt}`);

    // Comment, mentioning the reviewer by name: the comment field is reachable by Tab too.
    await page.locator("textarea[name=comment]").focus();
    await page.keyboard.type("@rhea please double-check the new entry.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.locator("#answer-comments li").count()).toBe(1);
    expect(await dialog.locator("#answer-comments").textContent()).toContain(`Mentions ${EMAIL}`);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);

    // Reject the next one with r: the reason field has focus, Enter sends it. Clear the search
    // first, each key once the page has taken the one before (a loaded machine lags). "/" right
    // after Esc is the case that once failed: the dialog's late "close" event took focus back to
    // the row, so Ctrl+A, Backspace and Enter never reached the search (fixed in answer-dialog.ts).
    await search("");
    expect(await page.locator("#answer-count").textContent()).toBe("300 answers · showing 1–50");
    const rejectId = await currentId();
    await page.keyboard.press("r");
    await expect.poll(() => page.evaluate("document.activeElement?.name")).toBe("reason");
    await page.keyboard.type("Not our wording.");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await answer(rejectId as string)).status).toBe("rejected");
    expect(await seriousA11yIssues(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "review-dialog.png") });
    await page.keyboard.press("Escape");
  });

  it("leaves focus where the reviewer put it when the dialog closes (Esc, then / at once)", async () => {
    // The dialog's "close" event comes a frame after it closed. The page used to give focus back
    // to the row then, even when "/" had already moved it to the search, so the next keys went to
    // the row. Closing and pressing "/" in one task makes that timing certain instead of lucky.
    await expect.poll(() => page.evaluate("document.activeElement?.tagName")).toBe("TR");
    await page.keyboard.press("e");
    await page.locator("dialog[open] #answer-title").waitFor();
    const focused = await page.evaluate(`(async () => {
      document.querySelector("dialog").close();
      document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true }));
      const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
      await frame();
      await frame();
      await new Promise((done) => setTimeout(done, 50));
      return document.activeElement?.name;
    })()`);
    expect(focused).toBe("q");
    await page.keyboard.press("Escape"); // leaves the field, as a reviewer would
  });

  it("edits citations among those the policy allows this customer, by keyboard", async () => {
    type Option = { artifactId: string; reason: string };
    type Detail = Answer & { citations: Option[]; citationOptions: { allowed: Option[]; notAllowed: Option[] } };
    let target: Detail | null = null;
    for (const a of (await answers()).filter((x) => x.status === "drafted")) {
      const d = await quire.api<Detail>("GET", `/v1/answers/${a.id}`);
      if (d.citations.length >= 1) {
        target = d;
        break;
      }
    }
    if (!target) throw new Error("no drafted answer with a citation");
    // Remove the first citation and add an allowed one it does not cite yet, where there is one.
    const citedNow = target.citations;
    const cited = citedNow[0] as Option;
    const other = target.citationOptions.allowed.find((c) => !citedNow.some((x) => x.artifactId === c.artifactId));
    const expected = [...citedNow.slice(1), ...(other ? [other] : [])].map((c) => c.artifactId);
    await search(target.sourceId);
    await page.keyboard.press("e");
    const dialog = page.locator("dialog[open]");
    await expect.poll(() => page.evaluate("document.activeElement?.name")).toBe("text");
    // Initech has no NDA: the NDA-only SOC 2 report is not offered, and the dialog says why.
    expect(await dialog.locator("input[name=citation]").count()).toBe(target.citationOptions.allowed.length);
    expect(await dialog.locator("#citations-not-allowed").textContent()).toContain("no NDA on file");
    // Keyboard only: Tab to the boxes, Space toggles, Enter on the button saves.
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)})`)) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`never reached ${selector}`);
    };
    await tabTo(`#cite-${cited.artifactId}`);
    await page.keyboard.press("Space");
    if (other) {
      await tabTo(`#cite-${other.artifactId}`);
      await page.keyboard.press("Space");
    }
    await tabTo("#edit-citations button[type=submit]");
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.locator(".status").textContent()).toContain("Citations saved");
    const after = await quire.api<Detail>("GET", `/v1/answers/${target.id}`);
    expect(after.citations.map((c) => c.artifactId).sort()).toEqual(expected.sort());
    expect(await page.locator(`dialog[open] #cite-${cited.artifactId}`).isChecked()).toBe(false);
    expect(await seriousA11yIssues(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
  });

  it("shows word diffs of 20,000-character answers in full, at once", async () => {
    const target = (await answers()).find((a) => a.status === "drafted" && a.text) as Answer;
    const long = Array.from({ length: 2_800 }, (_, i) => `word${i % 97}`).join(" ");
    const other = Array.from({ length: 2_800 }, (_, i) => `term${i % 89}`).join(" ");
    for (const text of [long, `${long} Final sentence added.`, other]) {
      await quire.api("PATCH", `/v1/answers/${target.id}`, { text });
    }
    await search(target.sourceId);
    const opened = Date.now();
    await page.keyboard.press("e");
    const history = page.locator("dialog[open] #answer-history");
    await history.waitFor();
    expect(Date.now() - opened).toBeLessThan(5_000);
    const diffs = history.locator(".diff");
    expect(await diffs.count()).toBe(3);
    // A sentence added at the end of a long answer: only it is marked.
    expect(await diffs.nth(1).locator("ins").allTextContents()).toEqual([" Final sentence added."]);
    expect(await diffs.nth(1).locator("del").count()).toBe(0);
    // Everything replaced: the whole old text struck, the whole new one added, nothing cut.
    expect((await diffs.nth(2).locator("ins").textContent())?.length).toBe(other.length);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
  });

  it("selects with x and approves the selection", async () => {
    const all = await answers();
    const pending = all.filter((a) => a.status === "drafted").slice(0, 2);
    for (const a of pending) {
      await search(a.sourceId);
      expect(await currentId()).toBe(a.id);
      await page.keyboard.press("x");
    }
    await expect.poll(() => page.locator("#approve-selected").textContent()).toBe("Approve selected (2)");
    await page.locator("#approve-selected").focus();
    await page.keyboard.press("Enter");
    for (const a of pending) await expect.poll(async () => (await answer(a.id)).status).toBe("approved");
  });

  it("shows my queue: the answers assigned to the signed-in person, with the filter in the URL", async () => {
    const all = await answers();
    const mine = all.filter((a) => a.status === "needs_review").slice(0, 3);
    for (const a of mine)
      await quire.api("POST", `/v1/answers/${a.id}/reassign`, { assignee: EMAIL, dueOn: "2027-03-01" });
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByLabel("My queue").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => page.locator("#answer-count").textContent()).toBe(`${mine.length} answers shown`);
    expect(new URL(page.url()).searchParams.get("assignee")).toBe("me");
    expect(await page.locator("#answers tbody").textContent()).toContain(`→ ${EMAIL} by 2027-03-01`);
  });

  it("sorts the queue on the server, with the sort in the URL beside the filters", async () => {
    await page.getByRole("button", { name: "Clear" }).click();
    await expect.poll(() => page.locator("#answer-count").textContent()).toBe("300 answers · showing 1–50");
    expect(new URL(page.url()).search).toBe("");
    await page.getByLabel("Sort").selectOption("-confidence");
    await page.getByLabel("Status").selectOption("drafted");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const sorted = await quire.api<{ data: Answer[] }>(
      "GET",
      `/v1/questionnaires/${questionnaireId}/answers?status=drafted&sort=-confidence&limit=500`,
    );
    const first = sorted.data[0] as Answer;
    await expect.poll(() => page.locator("#answers tbody tr").first().getAttribute("data-answer-id")).toBe(first.id);
    const url = new URL(page.url());
    expect([url.searchParams.get("sort"), url.searchParams.get("status")]).toEqual(["-confidence", "drafted"]);
    const shown = await page
      .locator("#answers tbody tr[data-answer-id]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-answer-id")));
    expect(shown).toEqual(sorted.data.slice(0, 50).map((a) => a.id));
    // A reload (or a shared link) opens the same queue, its controls showing the sort and filter.
    await page.reload();
    await expect.poll(() => page.locator("#answers tbody tr").first().getAttribute("data-answer-id")).toBe(first.id);
    expect(await page.getByLabel("Sort").inputValue()).toBe("-confidence");
    expect(await page.getByLabel("Status").inputValue()).toBe("drafted");
  });

  it("keeps the progress counts live over the event stream when another reviewer acts", async () => {
    await expect.poll(() => page.locator("#progress").getAttribute("data-source")).toBe("stream");
    const before = (await page.locator("#progress").textContent()) ?? "";
    const approvedBefore = Number(/(\d+) approved/.exec(before)?.[1]);
    const other = (await answers()).find((a) => a.status === "drafted") as Answer;
    // Through the API with the admin key: the page's own actions are not involved.
    await quire.api("POST", `/v1/answers/${other.id}/approve`, {});
    await expect
      .poll(() => page.locator("#progress").textContent(), { timeout: 4_000 })
      .toContain(`${approvedBefore + 1} approved`);
    expect(await page.locator("#progress").getAttribute("data-source")).toBe("stream");
  });

  it("falls back to polling when the event stream cannot be had", async () => {
    await page.route("**/events", (route) => route.abort());
    try {
      await page.reload();
      await page.locator("#answers tbody tr[data-answer-id]").first().waitFor();
      await expect.poll(() => page.locator("#progress").getAttribute("data-source")).toBe("poll");
      const before = (await page.locator("#progress").textContent()) ?? "";
      const approvedBefore = Number(/(\d+) approved/.exec(before)?.[1]);
      const other = (await answers()).find((a) => a.status === "drafted") as Answer;
      await quire.api("POST", `/v1/answers/${other.id}/approve`, {});
      await expect.poll(() => page.locator("#progress").textContent()).toContain(`${approvedBefore + 1} approved`);
      expect(await page.locator("#progress").getAttribute("data-source")).toBe("poll");
    } finally {
      await page.unroute("**/events");
    }
  });

  it("the audit log names the signed-in person", async () => {
    const audit = await quire.api<{ data: { action: string; actor: string; keyId: string | null }[] }>(
      "GET",
      "/v1/audit?limit=500",
    );
    const mine = audit.data.filter((x) => x.actor === `user:${EMAIL}`).map((x) => x.action);
    expect(mine).toEqual(expect.arrayContaining(["answer.approve", "answer.edit", "answer.reject", "session.create"]));
    expect(audit.data.filter((x) => x.actor === `user:${EMAIL}`).every((x) => x.keyId === null)).toBe(true);
  });

  it("raised no script errors", () => {
    expect(scriptErrors).toEqual([]);
  });
});
