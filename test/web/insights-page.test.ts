import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chromiumMissing, describePages, launchChromium, SCREENSHOTS, startQuire } from "./browser.js";

let quire: Awaited<ReturnType<typeof startQuire>>;
let browser: Browser;

beforeAll(async () => {
  if (chromiumMissing()) return; // the suite below is skipped
  browser = await launchChromium();
  quire = await startQuire();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await quire?.stop();
});

/** Uploads a shipped questionnaire for a customer over HTTP and waits until it is drafted. */
async function upload(file: string, customerId: string): Promise<void> {
  const form = new FormData();
  form.append("file", new File([readFileSync(`fixtures/${file}`)], file));
  form.append("customerId", customerId);
  form.append("asOf", "2026-11-24");
  const res = await fetch(`${quire.base}/v1/questionnaires`, {
    method: "POST",
    headers: { authorization: `Bearer ${quire.key}` },
    body: form,
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  // A plain loop: this runs in beforeAll, where expect.poll is not available.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { status } = await quire.api<{ status: string }>("GET", `/v1/questionnaires/${id}`);
    if (status === "drafted") return;
    if (status === "failed" || Date.now() > deadline) throw new Error(`${file}: ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describePages("the insights page, in Chromium, against the real server", () => {
  let page: Page;
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    const eu = await quire.api<{ id: string }>("POST", "/v1/customers", {
      name: "Globex GmbH",
      region: "eu",
      deal: { stage: "proposal", amount: 40_000 },
    });
    const us = await quire.api<{ id: string }>("POST", "/v1/customers", {
      name: "Initech",
      region: "us",
      nda: { onFile: true },
      deal: { stage: "negotiation", amount: 60_000 },
    });
    await upload("vsa-like.xlsx", eu.id);
    await upload("rfp-homemade.xlsx", eu.id);
    await upload("semicolon-eu.csv", us.id);
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.on("pageerror", (e) => scriptErrors.push(e.message));
    // The browser logs a 404 for /favicon.ico as a console error; the page's own errors still count.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().includes("status of 404")) scriptErrors.push(m.text());
    });
  }, 180_000);

  it("shows the charts as SVG, the recommendations with their reasoning and the withheld evidence", async () => {
    await page.goto(`${quire.base}/app`);
    await page.getByLabel("API key", { exact: true }).fill(quire.key);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("link", { name: "Insights" }).click();
    await page.locator("#insights-summary").waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe("/app/insights");
    expect(await page.locator("#insights-summary").textContent()).toMatch(
      /: 3 questionnaires from 2 buyers, 66 questions\. Median review time: no questionnaire fully approved yet\./,
    );

    // Five charts, each an SVG element of the page (not an image), with drawn bars or lines.
    const figures = page.locator("figure[data-chart]");
    expect(await figures.count()).toBe(5);
    expect(await page.locator("figure[data-chart] svg").count()).toBe(5);
    expect(await page.locator("figure[data-chart='volume'] svg rect.bar").count()).toBeGreaterThan(0);
    expect(await page.locator("figure[data-chart='frameworks-by-month'] svg polyline.line").count()).toBeGreaterThan(2);
    const box = await page.locator("figure[data-chart='frameworks-by-region'] svg").boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(60);
    // A chart's own title is readable by a screen reader.
    expect(await page.locator("figure[data-chart='frameworks-by-region'] svg").getAttribute("aria-label")).toMatch(
      "Requests per framework by region: ISO/IEC 27001 3, SOC 2 2, GDPR 2, NIST CSF 1",
    );

    const recs = page.locator("#recommendations article.recommendation");
    expect(await recs.count()).toBeGreaterThan(1);
    expect(await recs.first().locator(".reasoning li").count()).toBeGreaterThan(0);
    expect(await recs.first().textContent()).toContain(
      "3 questionnaires from 2 buyers: 2 (67%) from EU/UK/APAC buyers",
    );
    expect(await page.locator("#withheld li").allTextContents()).toContain(
      "SOC 2 asked by 1 EU buyer: a SOC 2 Type II report withheld (no NDA on file); an ISO 27001 certificate answered 1 of them",
    );
    await page.screenshot({ path: join(SCREENSHOTS, "insights.png"), fullPage: true });
    expect(scriptErrors, scriptErrors.join("\n")).toEqual([]);
  }, 90_000);

  it("narrows to a region and keeps it in the address", async () => {
    await page.getByLabel("Region", { exact: true }).selectOption("us");
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => page.locator("#insights-summary").textContent()).toMatch(/1 questionnaire from 1 buyer/);
    expect(new URL(page.url()).searchParams.get("region")).toBe("us");
    expect(scriptErrors, scriptErrors.join("\n")).toEqual([]);
  });
});
