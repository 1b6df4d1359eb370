/**
 * ISO/IEC 27001:2022 Annex A rows copy the control's own sentence or its title ("Independent review
 * of information security", "…reviewed independently at planned intervals or when significant
 * changes occur"). The library carries that language on the entry whose control implements it; these
 * rows are written here in this test's own words, around it.
 */
import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

const ROWS: [text: string, entryId: string][] = [
  // A.5.35: the certification body's audits are the independent review; the policy review cycle is not.
  [
    "Is your approach to managing information security, and how it is implemented, reviewed independently at planned intervals?",
    "iso27001-certified",
  ],
  [
    "5.35 Independent review of information security: is the ISMS reviewed independently when significant changes occur?",
    "iso27001-certified",
  ],
  // A.5.17 Authentication information: its allocation and management, and advice to staff on handling it.
  [
    "Is authentication information allocated and managed through a management process, with staff advised how to handle it?",
    "password-policy",
  ],
  // A.8.18 Use of privileged utility programs: those that could override system and application controls.
  [
    "Are utility programs capable of overriding application and system controls restricted and tightly controlled?",
    "privileged-access",
  ],
];

describe("Annex A control language reaches the entry that implements it", () => {
  it.each(ROWS)("%s -> %s", async (text, entryId) => {
    const a = await answer(text);
    expect(a.entryId).toBe(entryId);
    expect(a.status).toBe("drafted");
  });
});
