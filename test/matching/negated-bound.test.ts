import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("'no more than' and 'no less than' bound one way only", () => {
  it("'no more than 90 days' is no lower bound of 'more than 90 days'", async () => {
    // data-deletion-termination: export for 30 days, backups expire within a further 35 days.
    const result = await answer("Is all customer data deleted no more than 90 days after the contract ends?");
    expect(result.entryId).toBe("data-deletion-termination");
    expect(result.status).toBe("drafted");
    expect(result.notes.join(" ")).not.toMatch(/contradicts/);
  });

  it("a bound the answer does not meet still goes to review", async () => {
    const result = await answer("Is all customer data deleted no more than 30 days after the contract ends?");
    expect(result.entryId).toBe("data-deletion-termination");
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/no more than 30 days/);
  });
});
