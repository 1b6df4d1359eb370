/**
 * Long web-application questions (context sentences, then the ask) that name an attack the way
 * OWASP's published material does. Every text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { outOfScope } from "../../src/domain/matching/scope.js";
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
