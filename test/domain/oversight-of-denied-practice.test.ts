import { describe, expect, it } from "vitest";
import { answer } from "../matching/helpers.js";

describe("oversight of a practice the entry says is not done at all", () => {
  it("is answered N/A for a reviewer, not a Yes flipped from the entry's No", async () => {
    const result = await answer("Is outsourced code development overseen and reviewed for security?");
    expect(result.entryId).toBe("outsourced-development");
    expect(result.status).toBe("needs_review");
    expect(result.answer?.value).toBe("N/A");
    expect(result.notes.join(" ")).toMatch(/not done at all/);
  });

  it("with no N/A in the cell, the value is left to the reviewer", async () => {
    const result = await answer("Is outsourced code development overseen and reviewed for security?", "yes_no", [
      "Yes",
      "No",
    ]);
    expect(result.status).toBe("needs_review");
    expect(result.answer?.value ?? null).toBeNull();
  });

  it("a question that the entry's No answers keeps it", async () => {
    const result = await answer("Is the product's development outsourced?");
    expect(result.entryId).toBe("outsourced-development");
    expect(result.answer?.value).toBe("No");
  });
});

describe("outsourced development named by who does it is the practice the entry denies, not its opposite", () => {
  it.each([
    "Do you use offshore developers for any part of the platform?",
    "Is any of the application's code written by outside contractors?",
    "Is development of the product outsourced to another firm?",
    "Do you outsource any of the application development?",
  ])("%s keeps the entry's No", async (text) => {
    const result = await answer(text);
    expect(result.entryId).toBe("outsourced-development");
    expect(result.answer?.value).toBe("No");
    expect(result.notes.join(" ")).not.toMatch(/opposite sense/);
  });
});
