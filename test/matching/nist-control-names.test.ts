/**
 * NIST SP 800-53 control names (and the 800-171 requirements derived from them) and the
 * Cybersecurity Framework's outcomes are how federal-derived questionnaires label a control ("Flaw remediation", "Least functionality",
 * "Personnel termination"). The library carries each name on the entry whose control implements
 * it; these rows are written here in this test's own words, around those names.
 */
import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("NIST control names reach the entry that implements them", () => {
  it.each([
    ["Least functionality - are unneeded ports and services shut off on servers?", "configuration-management"],
    ["Flaw remediation: how fast are vendor fixes rolled out once published?", "patch-management"],
    ["Personnel termination — what happens to a leaver's accounts and badges?", "offboarding-access-removal"],
    ["Media sanitization: how are disks wiped before they leave your control?", "equipment-disposal"],
    ["Rules of behavior: do users sign an acknowledgment of them?", "acceptable-use"],
    ["Protection of audit information - who may change or delete audit logs?", "log-protection"],
    ["Separation of duties: describe how conflicting duties are split between people.", "segregation-of-duties"],
    ["Replay-resistant authentication for admin accounts?", "staff-mfa"],
    ["Authorized software: is a deny-all, permit-by-exception rule used for programs?", "software-installation"],
    ["Incident monitoring: are incidents tracked from start to finish?", "incident-logging-evidence"],
    ["System component inventory: is it kept current and reviewed?", "asset-inventory"],
    // Cybersecurity Framework 2.0 outcomes, with the subcategory's id before them.
    ["PR.PS-04 Are logs generated and made available for continuous monitoring?", "security-logging"],
    ["ID.AM-07 Are inventories of data and its metadata maintained for designated data types?", "ropa"],
  ])("%s -> %s", async (text, entryId) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entryId);
  });
});
