import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("a stricter figure for some of the cases, in parentheses after the bound, is compared too", () => {
  it.each([
    // session-timeout-staff: laptops lock after five minutes; nothing locks within two.
    [
      "Do end-user devices lock automatically after no more than 15 minutes of inactivity (2 minutes for mobile devices)?",
      "session-timeout-staff",
      /2 minutes for mobile devices/,
    ],
    // patch-management: critical within 7 days; the bound's unit is read when the figure names none.
    ["Are security patches applied within 60 days (5 for critical ones)?", "patch-management", /5 for critical ones/],
  ])("%s goes to review", async (text, entry, note) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(note);
  });

  it.each([
    [
      "Do end-user devices lock automatically after no more than 15 minutes of inactivity (10 minutes for privileged workstations)?",
      "session-timeout-staff",
    ],
    ["Are security patches applied within 30 days (7 days for critical ones)?", "patch-management"],
  ])("%s is still drafted: the answer meets both figures", async (text, entry) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });
});
