import { describe, expect, it } from "vitest";
import { givenHints, LayoutHintsSchema, parseColumnSpec } from "../../src/domain/questionnaire/layout-hints.js";

const parse = (input: Record<string, unknown>) => {
  const r = LayoutHintsSchema.safeParse(input);
  return r.success
    ? { hints: givenHints(r.data) }
    : { error: r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) };
};

describe("layout hints (one schema for the CLI, the API and the upload page)", () => {
  it("reads columns as letters or 1-based numbers", () => {
    expect(parseColumnSpec("C")).toBe(3);
    expect(parseColumnSpec(" ab ")).toBe(28);
    expect(parseColumnSpec("3")).toBe(3);
    for (const bad of ["0", "C5", "ABCD", "16385", "", "-1"]) expect(parseColumnSpec(bad), bad).toBeNull();
  });

  it("coerces form text and treats empty fields as not given", () => {
    expect(parse({ sheet: "Security", headerRow: "4", questionColumn: "c", answerColumn: "5" })).toEqual({
      hints: { sheet: "Security", headerRow: 4, questionColumn: "c", answerColumn: "5" },
    });
    expect(parse({ sheet: "", headerRow: "", questionColumn: " ", commentColumn: undefined })).toEqual({
      hints: undefined,
    });
    expect(parse({})).toEqual({ hints: undefined });
  });

  it("refuses what ingest could not use, naming the field", () => {
    expect(parse({ headerRow: "two" })).toEqual({ error: ["headerRow: the header row must be a whole number from 1"] });
    expect(parse({ headerRow: "0" })).toEqual({ error: ["headerRow: the header row must be a whole number from 1"] });
    expect(parse({ answerColumn: "C5" })).toEqual({
      error: ["answerColumn: the answer column must be a letter (C) or a number (3)"],
    });
  });
});
