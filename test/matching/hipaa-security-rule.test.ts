/**
 * The HIPAA Security Rule's standards and implementation specifications (45 CFR 164.308–312) are
 * how every healthcare buyer's questionnaire names a control ("Workforce clearance procedure",
 * "Emergency mode operation plan"). The library carries each name on the entry whose control
 * implements it; these rows are written here in this test's own words, around those names.
 */
import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("HIPAA Security Rule specifications reach the entry that implements them", () => {
  it.each([
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
  ])("%s -> %s", async (text, entryId) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entryId);
  });
});
