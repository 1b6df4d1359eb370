/**
 * Long web-application questions (context sentences, then the ask) that name an attack the way
 * OWASP's published material does. Every text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { outOfScope } from "../../src/domain/matching/scope.js";
import { tokenize } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

describe("account enumeration on sign-in and password reset is the password-reset entry", () => {
  it.each([
    "Sign-in and forgotten-password screens can tell an attacker which email addresses are registered. Does your application give the same response either way, so that valid accounts cannot be enumerated?",
    "Attackers harvest lists of registered users by watching how a login form reacts to unknown addresses. Are responses on your login and reset pages generic enough to stop user enumeration?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("password-reset");
    expect(r.status).toBe("drafted");
  });
});

describe("what hardening switches off, in the plural, is the safeguard asked, not a lapse", () => {
  it.each([
    "Framework debug pages can hand an attacker a map of the application. Are debug modes switched off on every production server?",
    "Are stack traces hidden from users and debug modes turned off in your live environment?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("production-error-handling");
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("Yes");
  });
});

describe("settings listed with their values are a configuration the library states, not past figures", () => {
  it("drafts a list of response headers asked with their values", async () => {
    const r = await answer(
      "Browsers only apply many protections when the server asks for them. Please list the security headers your web application returns, together with their values.",
      "free_text",
    );
    expect(r.entryId).toBe("security-headers");
    expect(r.status).toBe("drafted");
  });

  it.each([
    "Which attributes are set on your session cookie, with their values?",
    "List the HTTP response headers your pages send, together with their values.",
  ])("%s is in scope", (text) => {
    expect(outOfScope(text)).toBeNull();
  });

  it("still holds back figures of a period asked with their values", () => {
    expect(
      outOfScope("Share the security metrics, with their values, that went to your board this quarter."),
    ).not.toBeNull();
  });
});

describe("the web platform's own names reach the library's plain words", () => {
  it.each([
    [
      "Report links can carry search terms and record numbers, and a browser may hand the whole address to an outside site through the Referer header. How does the product keep such data from leaking through the Referer?",
      "security-headers",
    ],
    [
      "Automated password guessing against the sign-in page never stops. For accounts that do not use single sign-on, is there a CAPTCHA or similar check after several failed attempts?",
      "brute-force-protection",
    ],
    [
      "Frameworks escape output unless a developer opts out with helpers like dangerouslySetInnerHTML or v-html. Are those helpers banned or flagged by your linters?",
      "xss-prevention",
    ],
  ])("%s", async (text, entryId) => {
    const r = await answer(text);
    expect(r.entryId).toBe(entryId);
  });

  it.each([
    ["the Referer header", "Referrer"],
    ["a reCAPTCHA after three failures", "bot protection"],
    ["element.innerHTML, {@html} or html_safe", "raw HTML rendering"],
  ])("%s shares the words of %s", (platform, library) => {
    const words = new Set(tokenize(platform));
    for (const t of tokenize(library)) expect(words.has(t)).toBe(true);
  });
});

describe("IaC, contextual encoding and logging out in the library's words", () => {
  it.each([
    "Do you scan IaC for security misconfigurations?",
    "Are Terraform and other IaC definitions checked for misconfiguration before they are applied?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("configuration-management");
    expect(r.status).toBe("drafted");
  });

  it.each([
    ["IaC templates", "infrastructure as code"],
    ["contextually escaped", "for its context"],
    ["when a user logs out", "at sign-out"],
    ["after they have logged out", "invalidation at logout"],
  ])("%s shares the words of %s", (asked, library) => {
    const words = new Set(tokenize(asked));
    const shared = tokenize(library).filter((t) => words.has(t));
    expect(shared.length).toBeGreaterThan(0);
    expect(words.has("out")).toBe(false);
  });

  it.each(["Is every change given a sign-off before release?", "Is there an automatic logoff after inactivity?"])(
    "%s keeps its own words",
    (text) => {
      expect(tokenize(text)).not.toContain("signout");
    },
  );
});

describe("spreadsheet formats and absolute session timeouts in the library's words", () => {
  it.each([
    [
      "Exports are opened in Excel by our analysts. Are cells in XLSX downloads neutralised so they cannot run as formulas?",
      "export-formula-injection",
    ],
    ["Is there a maximum session lifetime that applies irrespective of user activity?", "customer-session-management"],
  ])("%s", async (text, entryId) => {
    const r = await answer(text);
    expect(r.entryId).toBe(entryId);
    expect(r.status).toBe("drafted");
  });

  it("reads a session ended regardless of activity as an absolute one", async () => {
    const r = await answer("How long can a session last, regardless of activity, before users must sign in again?");
    expect(tokenize("regardless of activity")).toEqual(tokenize("absolute"));
    expect(r.entryId).not.toBe("session-timeout-staff");
  });
});
