import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("one past case asked for as an example is not answered from the library", () => {
  it.each([
    "Provide an anonymised example of a corrective action that resulted from a post-incident review.",
    "Give a real-world example of a lesson learned from a security incident and the control that was changed as a result.",
  ])("%s is no match", async (text) => {
    const result = await answer(text, "free_text");
    expect(result.status).toBe("no_match");
    expect(result.notes.join(" ")).toMatch(/particular fact/);
  });

  it.each([
    [
      "Please give examples of the security clauses you typically include in supplier contracts.",
      "supplier-contract-terms",
    ],
    [
      "Describe how lessons learned from incidents are used to improve controls, with examples of typical improvements.",
      "post-incident-review",
    ],
  ])("%s is still drafted", async (text, entry) => {
    const result = await answer(text, "free_text");
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });
});
