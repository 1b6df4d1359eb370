import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

/**
 * The Cyber Essentials requirements in their own published terms. Secure configuration: devices and
 * cloud services hold only the user accounts that are necessary and regularly used. The
 * inactive-accounts entry (unused accounts suspended, then removed unless still needed) answers it.
 * Wordings written for this test.
 */
describe("only necessary, regularly used accounts is the inactive-accounts entry", () => {
  it.each([
    "Have you made sure that your laptops, servers and cloud services only hold the user accounts that are needed and used regularly for your business?",
    "Do all your devices contain only necessary user accounts that are in regular use?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("inactive-accounts");
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("Yes");
  });
});
