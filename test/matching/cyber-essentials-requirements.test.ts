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

/**
 * Cyber Essentials' firewall requirement asks whether a firewall's administration can be reached from
 * the internet: a "Yes" there is the weaker practice. The network entry describes the safeguard
 * without a Yes/No, so no value may be inferred as "Yes": the row goes to a reviewer to choose.
 */
describe("a firewall's administration reachable from the internet is no blind Yes", () => {
  it.each([
    "Are your boundary firewalls configured to allow access to their configuration settings over the internet?",
    "Is the administrative interface of your firewalls reachable from the internet? If yes, how is it protected?",
    "Can the management console of the firewall be accessed directly from the public internet?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.answer?.value ?? null).not.toBe("Yes");
    expect(r.status).toBe("needs_review");
  });
  it("the safeguard told as such still reads as the safeguard", async () => {
    const r = await answer(
      "Is the administrative interface of your firewall blocked from being reached over the internet?",
    );
    expect(r.answer?.value ?? null).not.toBe("No");
  });
});
