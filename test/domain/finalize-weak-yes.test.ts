/**
 * finalizeAnswer is the last step for both the offline engine and an LLM drafter: a Yes to a
 * question about a lapse or an exception, standing on entries that state the practice, never leaves
 * as drafted, whoever drafted it.
 */
import { describe, expect, it } from "vitest";
import { finalizeAnswer } from "../../src/domain/answering/finalize.js";
import type { ReportQuestion } from "../../src/domain/answering/report.js";
import { answer, shippedLibrary, US_NO_NDA } from "../matching/helpers.js";

async function asDraftedBy(text: string, entryId: string, value: string) {
  const prepared = await shippedLibrary();
  const entry = prepared.entriesById.get(entryId);
  if (!entry) throw new Error(`no entry ${entryId}`);
  const base = await answer(text, "yes_no", ["Yes", "No", "N/A"]);
  // What a drafter (say a model that ignored the question's twist) hands over: drafted, the value.
  const drafted: ReportQuestion = {
    ...base,
    status: "drafted",
    entryId,
    answer: { value, text: entry.answer },
    notes: [],
  };
  return finalizeAnswer(prepared, drafted, [entry], US_NO_NDA);
}

describe("a Yes to a question about a lapse goes to review, whoever drafted it", () => {
  it("'Are any passwords shared…?' answered Yes from the password manager entry", async () => {
    const q = await asDraftedBy("Are any passwords shared among the operations team?", "password-manager", "Yes");
    expect(q.status).toBe("needs_review");
    expect(q.notes.join(" ")).toMatch(/lapse or an exception/);
  });

  it("the No to the same question may stay drafted", async () => {
    const q = await asDraftedBy("Are any passwords shared among the operations team?", "password-manager", "No");
    expect(q.notes.join(" ")).not.toMatch(/lapse or an exception/);
  });

  it("a Yes to the practice itself stays drafted", async () => {
    const q = await asDraftedBy("Is a company password manager provided to all staff?", "password-manager", "Yes");
    expect(q.status).toBe("drafted");
  });
});
