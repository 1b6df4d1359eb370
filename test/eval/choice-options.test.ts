// The options a choice row lists after its question become the allowed values the eval hands the engine.
import { describe, expect, it } from "vitest";
import { choiceOptions, toQuestion } from "../../eval/dataset.js";

describe("choiceOptions", () => {
  it("splits the options at the slashes between them", () => {
    expect(choiceOptions("How often? (Monthly / Quarterly / Annually)")).toEqual(["Monthly", "Quarterly", "Annually"]);
  });

  it("keeps a slash between digits and in N/A inside one option", () => {
    expect(choiceOptions("Alert monitoring? (24/7 in-house SOC / 24/7 MDR / Office hours)")).toEqual([
      "24/7 in-house SOC",
      "24/7 MDR",
      "Office hours",
    ]);
    expect(choiceOptions("Encrypted? (Yes/No/N/A)")).toEqual(["Yes", "No", "N/A"]);
  });

  it("reads no options when the question ends without a list", () => {
    expect(choiceOptions("Is data encrypted at rest?")).toBeNull();
  });
});

describe("toQuestion", () => {
  const item = { id: "x", text: "", kind: "choice" as const, acceptable: [], answerable: true, family: "x" };

  it("hands a choice row its listed options", () => {
    const q = toQuestion({ ...item, text: "How often? (Monthly / Quarterly / Annually)" });
    expect(q).toMatchObject({ kind: "choice", allowedValues: ["Monthly", "Quarterly", "Annually"] });
  });

  it("hands a 'choice' row that lists no options over as free text, as ingest would read its cell", () => {
    const q = toQuestion({ ...item, text: "Is the report a Type 1 (point in time) or a Type 2?" });
    expect(q).toMatchObject({ kind: "free_text", allowedValues: null });
  });
});
