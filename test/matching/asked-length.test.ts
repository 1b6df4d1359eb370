import { describe, expect, it } from "vitest";
import { askedFact } from "../../src/domain/drafting/asked-fact.js";
import { answer } from "./helpers.js";

describe("the length of a secret asked as a figure is drafted only from an entry that states one", () => {
  it.each([
    "Which method do staff use to unlock their laptops (PIN, password, biometric), and what is the minimum PIN length?",
    "Describe how laptops are locked and unlocked, including the minimum PIN length.",
  ])("%s goes to review", async (text) => {
    const result = await answer(text, "free_text");
    expect(result.entryId).toBe("endpoint-management");
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/length in characters/);
  });

  it.each([
    ["What is the minimum password length you require?", "free_text"],
    ["Minimum password length for staff accounts?", "free_text"],
    ["Are password complexity and minimum length requirements enforced by the system?", "yes_no"],
  ] as const)("%s is still drafted (the entry says 14 characters)", async (text, kind) => {
    const result = await answer(text, kind);
    expect(result.entryId).toBe("password-policy");
    expect(result.status).toBe("drafted");
  });

  it("a session's or a file's maximum length is not a length in characters", () => {
    expect(askedFact("What maximum session length applies before users must sign in again?")).not.toBe("length");
    expect(askedFact("What is the maximum upload file length?")).not.toBe("length");
  });
});
