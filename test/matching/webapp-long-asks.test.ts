/**
 * Long web-application questions (context sentences, then the ask) that name an attack the way
 * OWASP's published material does. Every text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
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
