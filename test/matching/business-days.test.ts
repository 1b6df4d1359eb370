import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("business days are longer than calendar days", () => {
  it("'within ten business days' does not meet 'within 10 calendar days'", async () => {
    // data-subject-requests: "our privacy team helps with any request within ten business days".
    const result = await answer("Are data subject access requests fulfilled within 10 calendar days?");
    expect(result.entryId).toBe("data-subject-requests");
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/within 10 calendar days/);
  });

  it("it meets 'within 15 calendar days' (two weeks)", async () => {
    const result = await answer("Are data subject access requests fulfilled within 15 calendar days?");
    expect(result.entryId).toBe("data-subject-requests");
    expect(result.notes.join(" ")).not.toMatch(/contradicts/);
  });
});
