/**
 * A public-sector RFP writes its security requirements as statements with a bare subject ("Vendor
 * must…", "Offeror shall…") about "Agency data": the subject is the vendor answering and the agency's
 * data is customer data. Every text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { asksAboutExceptions } from "../../src/domain/drafting/inversion.js";
import { tokenize } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

describe("a requirement statement with a bare subject is answered like a question to the vendor", () => {
  it.each([
    ["Offeror shall host and process Agency data only within the United States.", "data-residency"],
    ["Vendor must background-check every engineer with access to Agency data.", "background-checks"],
    [
      "Vendor shall notify the customer of any security incident in no event later than 48 hours after discovery.",
      "breach-notification",
    ],
  ])("%s → %s, drafted Yes", async (text, entry) => {
    const r = await answer(text);
    expect(r.entryId).toBe(entry);
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("Yes");
  });

  it("drops the subject only before the requirement's verb, at the start of a sentence", () => {
    expect(tokenize("Contractor shall encrypt backups.")).not.toContain("contractor");
    expect(tokenize("Backups are encrypted. Vendor will confirm the cipher.")).not.toContain("vendor");
    expect(tokenize("Vendor risk assessments must be done yearly.")).toContain("vendor");
    expect(tokenize("Do you assess each contractor you engage?")).toContain("contractor");
  });
});

describe("'Agency data' is the customer's data; a government agency is not the customer", () => {
  it("reads Agency data as customer data", () => {
    expect(tokenize("Agency data is encrypted at rest")).toContain("custom");
    expect(tokenize("Agency records are retained for seven years")).toContain("custom");
  });
  it("leaves other agencies alone", () => {
    expect(tokenize("Would you disclose data to a government agency?")).not.toContain("custom");
    expect(tokenize("Is our agency's data kept apart?")).not.toContain("custom");
  });
});

describe("a deadline is no lapse", () => {
  it.each([
    "Will you notify us in no event later than 72 hours after you become aware of a breach?",
    "Are incidents reported in no case later than one business day?",
  ])("%s", (text) => {
    expect(asksAboutExceptions(text)).toBe(false);
  });
});
