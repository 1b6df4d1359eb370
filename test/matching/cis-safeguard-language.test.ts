/**
 * CIS Controls safeguards are how CIS-derived questionnaires name a practice ("Securely decommission
 * service providers", "Establish incident thresholds"). The library carries each safeguard, in its own
 * words around the safeguard's key terms, on the entry whose control implements it; these rows are
 * written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("CIS safeguards reach the entry that implements them", () => {
  it.each([
    [
      "Secure decommissioning of service providers: are their accounts and data flows shut down?",
      "supplier-offboarding",
    ],
    ["Are incident thresholds defined, separating an event from an incident?", "incident-classification"],
    ["Are code-level security checks part of the development life cycle?", "code-review"],
    ["Inventory of service providers, classified by criticality?", "critical-supplier-list"],
    ["Isolated instance of recovery data - is one kept offsite or offline?", "backup-immutability"],
  ])("%s -> %s", async (text, entryId) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entryId);
    expect(result.status).toBe("drafted");
  });
});
