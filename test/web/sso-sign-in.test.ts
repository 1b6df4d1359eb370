import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FakeOidc, startFakeOidc } from "../support/fake-oidc.js";
import { chromiumMissing, describePages, launchChromium, SCREENSHOTS, startQuire } from "./browser.js";

/**
 * "Sign in with SSO" and accepting an invitation, in Chromium against the real Node server and a
 * local fake OpenID provider: the browser really goes to the provider and back through the callback.
 */
let quire: Awaited<ReturnType<typeof startQuire>>;
let idp: FakeOidc;
let browser: Browser;
const STORED_KEY = "sessionStorage.getItem('quire.apiKey')";

beforeAll(async () => {
  if (chromiumMissing()) return;
  idp = await startFakeOidc();
  browser = await launchChromium();
  quire = await startQuire({ QUIRE_SSO_ALLOW_INSECURE_ISSUER: "true" });
  await quire.api("PUT", "/v1/sso", {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: ["sso-page.example"],
    defaultRole: "reviewer",
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await quire?.stop();
  await idp?.close();
});

// axe.min.js from node_modules, evaluated in the page (DevTools evaluation is not subject to the CSP).
const AXE = readFileSync(join("node_modules", "axe-core", "axe.min.js"), "utf8");

async function axeSerious(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: { id: string; impact: string }[];
  };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

describePages("single sign-on and invitations, in Chromium", () => {
  it("signs a person in through the provider and names them", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    idp.as({ email: "sia@sso-page.example", name: "Sia Sso" });
    await page.goto(`${quire.base}/app`);
    expect(await axeSerious(page)).toEqual([]);
    await page.getByLabel("Work email", { exact: true }).fill("sia@sso-page.example");
    await page.getByRole("button", { name: "Sign in with SSO", exact: true }).click();
    await expect
      .poll(() => page.locator("#whoami").textContent())
      .toBe("Signed in as Sia Sso (sia@sso-page.example, reviewer)");
    // The session is kept for the tab and gone from the address bar.
    expect(page.url()).toBe(`${quire.base}/app/`);
    expect(String(await page.evaluate(STORED_KEY))).toMatch(/^qs_/);
    await page.screenshot({ path: `${SCREENSHOTS}/sso-signed-in.png` });
    await context.close();
  });

  it("shows the provider's refusal as the problem's code", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${quire.base}/app`);
    await page.getByLabel("Work email", { exact: true }).fill("someone@unknown.example");
    await page.getByRole("button", { name: "Sign in with SSO", exact: true }).click();
    await expect.poll(() => page.locator("#signin-sso [role=alert]").textContent()).toContain("404 sso_not_configured");
    await context.close();
  });

  it("brings a refused sign-in back to the sign-in page with the code", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    idp.as({ email: "outsider@other.example" });
    await page.goto(`${quire.base}/app`);
    await page.getByLabel("Work email", { exact: true }).fill("outsider@sso-page.example");
    await page.getByRole("button", { name: "Sign in with SSO", exact: true }).click();
    await expect.poll(() => page.locator("#signin-sso [role=alert]").textContent()).toContain("sso_domain_not_allowed");
    expect(page.url()).toBe(`${quire.base}/app/`);
    expect(await page.evaluate(STORED_KEY)).toBeNull();
    await context.close();
  });

  it("accepts an invitation link with a name and password, signed in with the invited role", async () => {
    const invited = await quire.api<{ link: string }>("POST", "/v1/invitations", {
      email: "ivan@elsewhere.example",
      role: "subject_expert",
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(invited.link.replace("http://localhost", quire.base));
    await expect.poll(() => page.getByRole("heading", { name: "Join Quire" }).count()).toBe(1);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/invite.png` });
    await page.getByLabel("Your name", { exact: true }).fill("Ivan Invitee");
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByRole("button", { name: "Accept and sign in", exact: true }).click();
    await expect
      .poll(() => page.locator("#whoami").textContent())
      .toBe("Signed in as Ivan Invitee (ivan@elsewhere.example, subject_expert)");
    expect(page.url()).toBe(`${quire.base}/app`);
    await context.close();
  });
});
