import { describe, expect, it } from "vitest";
import { askedFact } from "../../src/domain/drafting/asked-fact.js";
import { answer } from "./helpers.js";

describe("an insurance policy's level of cover", () => {
  it.each([
    ["What level of cover does your cyber insurance policy provide?", "amount"],
    ["Cyber insurance - level of cover", "amount"],
    ["Please state the level of indemnity of your professional indemnity insurance.", "amount"],
    ["Insurance cover levels (per claim and aggregate):", "amount"],
    // A rota's cover is no sum.
    ["What level of cover does your security team provide out of hours?", null],
    ["Do you carry cyber insurance?", null],
  ])("%s → %s", (text, kind) => {
    expect(askedFact(text)).toBe(kind);
  });

  it("is a sum the insurance entry does not state: its draft goes to review", async () => {
    const cover = await answer("What level of cover does your cyber insurance policy provide?", "free_text");
    expect(cover.entryId).toBe("cyber-insurance");
    expect(cover.status).toBe("needs_review");
    expect(cover.notes.join(" ")).toMatch(/asks for a sum of money, which the entry's answer does not state/);
    expect((await answer("Do you hold cyber insurance?")).status).toBe("drafted");
  });
});
