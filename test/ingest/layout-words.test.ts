/**
 * The layout words behind the sheet-layout classes of scripts/fixtures (ids written in the question,
 * template prompts in answer cells, scales an answer header names), on the edge cases the fixtures
 * do not spell out.
 */
import { describe, expect, it } from "vitest";
import {
  headerRole,
  ID_PATTERN,
  isPlaceholderAnswer,
  leadingId,
  scaleNamedInHeader,
} from "../../src/ingest/vocabulary.js";

describe("leadingId: the number a question cell starts with", () => {
  it("reads dotted, lettered and stopped numbers, and lettered sub-items", () => {
    expect(leadingId("1.2 Do you encrypt backups?")).toEqual({
      id: "1.2",
      rest: "Do you encrypt backups?",
      sub: false,
    });
    expect(leadingId("AC-01 Are accounts reviewed?")?.id).toBe("AC-01");
    expect(leadingId("A&A-01.1 Are audit plans approved?")?.id).toBe("A&A-01.1");
    expect(leadingId("Q12. Have you had a breach?")?.id).toBe("Q12");
    expect(leadingId("7) Will you sign our DPA?")?.id).toBe("7");
    expect(leadingId("1. Governance")).toEqual({ id: "1", rest: "Governance", sub: false });
    expect(leadingId("a) contractors?")).toEqual({ id: "a", rest: "contractors?", sub: true });
    expect(leadingId("(iv) temporary staff?")).toEqual({ id: "iv", rest: "temporary staff?", sub: true });
  });

  it("leaves numbers that are part of the sentence", () => {
    for (const text of [
      "24x7 monitoring of the platform?",
      "2 factor authentication for admins?",
      "2024 revenue",
      "10 most recent incidents",
      "1.5 times the annual fee?",
      "Is 2FA enforced?",
      "SOC-2 Type II - current? (Y/N)",
      "ISO27001 Certificate available?",
    ])
      expect(leadingId(text), text).toBeNull();
  });
});

describe("isPlaceholderAnswer: a template's prompt is no answer", () => {
  it("recognises drop-down and fill-in prompts", () => {
    for (const t of [
      "Please select",
      "-- Select --",
      "Select...",
      "[Select]",
      "Choose an item.",
      "Click here to enter text.",
      "Enter your response",
      "<Enter comments>",
      "Please choose",
    ])
      expect(isPlaceholderAnswer(t), t).toBe(true);
  });

  it("keeps real answers, even ones that start with those words", () => {
    for (const t of [
      "Yes",
      "No",
      "Selected staff only",
      "Enterprise plan",
      "Type II",
      "Choosing a provider is done by the CISO",
      "Select staff with a business need are granted access, reviewed quarterly by the system owner.",
    ])
      expect(isPlaceholderAnswer(t), t).toBe(false);
  });
});

describe("answer headers", () => {
  it("a bracketed scale that is not yes/no is the answer's choices", () => {
    expect(scaleNamedInHeader("Compliance (Yes/Partial/No)")).toEqual(["Yes", "Partial", "No"]);
    expect(scaleNamedInHeader("Response (Yes/No/N/A)")).toBeNull();
    expect(scaleNamedInHeader("CSP Implementation Description (Optional/Recommended)")).toBeNull();
  });

  it("a status is the answer even beside a comment column sharing its word", () => {
    expect(headerRole("Implementation Status")).toBe("answer");
    expect(headerRole("Implementation Details")).toBe("comment");
    expect(headerRole("Compliance Status")).toBe("answer");
  });

  it("a framework profile asks its outcome statements, numbered by their own ids", () => {
    expect(headerRole("Subcategory")).toBe("question");
    expect(headerRole("Practice")).toBe("question");
    expect(headerRole("Subcategory ID")).toBe("id");
    expect(ID_PATTERN.test("ID.AM-01")).toBe(true);
    expect(ID_PATTERN.test("PR.AA-05")).toBe(true);
    expect(ID_PATTERN.test("Identify")).toBe(false);
  });
});
