/**
 * Questionnaires copy the control names of the frameworks they derive from: the HIPAA Security
 * Rule's specifications ("Workforce clearance procedure"), NIST SP 800-53 control names ("Flaw
 * remediation") and Cybersecurity Framework outcomes, and CIS safeguards ("Securely decommission
 * service providers"). The library carries each on the entry whose control implements it; these rows
 * are written here in this test's own words, around those names.
 */
import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

const FRAMEWORKS: Record<string, [text: string, entryId: string][]> = {
  "HIPAA Security Rule": [
    ["Workforce clearance procedure - how do you decide a new hire may see patient records?", "background-checks"],
    [
      "Emergency mode operation plan: can critical processes keep running during a disaster?",
      "business-continuity-plan",
    ],
    ["Applications and data criticality analysis - has it been performed?", "business-impact-analysis"],
    ["Media re-use: are drives wiped before they are reused?", "equipment-disposal"],
    ["Log-in monitoring: are failed sign-ins watched and odd ones reported?", "anomaly-detection"],
    ["Information system activity review — how often are access reports looked at?", "security-monitoring"],
    ["Person or entity authentication: how do you confirm a user is who they claim to be?", "staff-mfa"],
    ["Assigned security responsibility: who is the designated security official?", "security-leadership"],
    ["Security incident procedures - are incidents responded to and documented?", "incident-response-plan"],
  ],
  NIST: [
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
  ],
  "CIS Controls": [
    [
      "Secure decommissioning of service providers: are their accounts and data flows shut down?",
      "supplier-offboarding",
    ],
    ["Are incident thresholds defined, separating an event from an incident?", "incident-classification"],
    ["Are code-level security checks part of the development life cycle?", "code-review"],
    ["Inventory of service providers, classified by criticality?", "critical-supplier-list"],
    ["Isolated instance of recovery data - is one kept offsite or offline?", "backup-immutability"],
  ],
};

describe.each(Object.entries(FRAMEWORKS))("%s control names reach the entry that implements them", (_, rows) => {
  it.each(rows)("%s -> %s", async (text, entryId) => {
    expect((await answer(text)).entryId).toBe(entryId);
  });
});

// CIS 3.1 "Establish and maintain a data management process" lists what the process addresses
// (sensitivity, owner, handling, retention limits, disposal): the classification scheme, whose levels
// carry the handling and disposal rules, answers it; a row in those words is drafted, not only ranked.
describe("CIS data management process", () => {
  it.each([
    "Do you have a data management process that deals with how sensitive data is, who owns it, how it is handled, retention limits and disposal?",
    "Data management process addressing data sensitivity, data ownership, retention limits and disposal requirements - in place?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect([r.status, r.entryId]).toEqual(["drafted", "data-classification"]);
  });
});

describe("ISO 27001 A.8.28 secure coding is the secure development entry, not A.8.27's engineering principles", () => {
  it.each([
    "Do you apply secure coding principles when developing software?",
    "Are secure coding principles followed in software development?",
  ])("%s → sdlc", async (text) => {
    const r = await answer(text);
    expect(r.status).toBe("drafted");
    expect(r.entryId).toBe("sdlc");
  });
});
