import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fakeModel } from "../../eval/fake-model.js";
import { type FakeMessagesApi, startFakeMessagesApi } from "../../src/llm/fake-messages-api.js";
import { chromiumMissing, describePages, launchChromium, startQuire } from "./browser.js";

let quire: Awaited<ReturnType<typeof startQuire>>;
let browser: Browser;
let fake: FakeMessagesApi;

beforeAll(async () => {
  if (chromiumMissing()) return;
  fake = await startFakeMessagesApi(fakeModel);
  browser = await launchChromium();
  // The real server with Claude switched on, talking to the fake Messages API on 127.0.0.1.
  quire = await startQuire({ ANTHROPIC_API_KEY: "sk-test", ANTHROPIC_BASE_URL: fake.baseURL });
});
afterAll(async () => {
  await browser?.close();
  await quire?.stop();
  await fake?.close();
});

describePages("the review page with Claude drafting", () => {
  it("says what drafting cost: calls, tokens, the estimate", async () => {
    const customer = await quire.api<{ id: string }>("POST", "/v1/customers", { name: "Globex", region: "eu" });
    const form = new FormData();
    form.append("file", new Blob([readFileSync("fixtures/caiq-like.xlsx")]), "caiq-like.xlsx");
    form.append("customerId", customer.id);
    const res = await fetch(`${quire.base}/v1/questionnaires`, {
      method: "POST",
      headers: { authorization: `Bearer ${quire.key}` },
      body: form,
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await expect
      .poll(async () => (await quire.api<{ status: string }>("GET", `/v1/questionnaires/${id}`)).status, {
        // Upload, a job thread, two calls to the fake Messages API: seconds alone, but the full suite
        // on a 2-core CI machine once took over 30 s (the old test timeout) for the same work.
        timeout: 90_000,
      })
      .toBe("drafted");
    // What the page shows comes from the questionnaire's recorded usage: checked first, so a run in
    // which drafting did not reach the model fails here and says so, not as a missing line on a page.
    const detail = await quire.api<{ llm: { calls: number; model: string } | null }>("GET", `/v1/questionnaires/${id}`);
    expect(detail.llm).toMatchObject({ calls: 2, model: "claude-sonnet-4-6" });

    const ctx = await browser.newContext();
    try {
      const p = await ctx.newPage();
      await p.goto(`${quire.base}/app`);
      await p.getByLabel("API key", { exact: true }).fill(quire.key);
      await p.getByRole("button", { name: "Sign in", exact: true }).click();
      // The click only starts sign-in (the key is checked by the API, then kept in the tab): going to
      // the review page before that finishes lands on the sign-in form again, and the line never shows.
      await p.locator("#whoami", { hasText: "Signed in with key" }).waitFor({ timeout: 60_000 });
      await p.goto(`${quire.base}/app/questionnaires/${id}`);
      const line = p.locator("#qn-llm");
      // The review page loads its client and the questionnaire: seconds alone, far more inside the
      // full suite on 2 cores with other browsers running.
      await line.waitFor({ timeout: 60_000 });
      expect(await line.textContent()).toMatch(
        /^Drafted with claude-sonnet-4-6: 2 calls \(interactive\), [\d,]+ input, [\d,]+ cached, [\d,]+ output tokens, about \$\d+\.\d{4}$/,
      );
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
