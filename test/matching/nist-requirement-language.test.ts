/**
 * NIST SP 800-171 requirements and NIST CSF 2.0 outcomes, asked in their own formal words, reach the
 * entry that answers them: the library holds a phrasing in the framework's published language for
 * each (session lock with pattern-hiding displays, control assessments, risk to operations and
 * assets, deny by default, user-installed software). Every
 * question is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { matchQuestion } from "../../src/domain/matching/match.js";
import { answer, shippedLibrary } from "./helpers.js";

describe("NIST requirement wording is answered from the entry that states the practice", () => {
  it.each([
    ["When a session locks, is what was on the screen concealed by a pattern-hiding display?", "session-timeout-staff"],
    [
      "Is the risk that operating your systems poses to operations, assets and individuals assessed periodically?",
      "risk-assessment",
    ],
    [
      "Do your systems deny network communications traffic by default and permit it only by exception?",
      "network-security-controls",
    ],
    ["Is software that users install themselves controlled and monitored?", "software-installation"],
  ])("%s", async (text, entry) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });

  it("a recurring assessment of whether controls are effective in their application is the internal audit", async () => {
    const index = (await shippedLibrary()).index;
    const [top] = matchQuestion(
      index,
      "Are your security controls assessed on a recurring basis to check they are effective in their application?",
    );
    expect(top?.entryId).toBe("internal-audit");
  });
});

describe("NIST's where-qualifier and its 'when new releases are available' read as the library writes them", () => {
  it.each([
    "Do you place malicious code protection at designated locations within your systems and refresh it when new versions become available?",
    "Is protection against malicious code deployed at appropriate locations across organisational networks, and updated whenever new signatures are made available?",
  ])("%s", async (text) => {
    const result = await answer(text);
    expect(result.entryId).toBe("edr-antimalware");
    expect(result.status).toBe("drafted");
  });

  it("the qualifier's words are not the question's", async () => {
    const { tokenize } = await import("../../src/domain/matching/tokenize.js");
    expect(tokenize("protection at designated locations within organizational systems")).not.toContain("locat");
    expect(tokenize("updated when new releases are available")).toContain("kept");
  });
});

describe("NIST's 'throughout the system development life cycle' says when a practice holds, not what it is", () => {
  it.each([
    "Do you establish and maintain baseline configurations for systems, including their hardware, software and firmware, throughout the system development life cycle?",
    "Are system baseline configurations documented and kept current across the entire system development life cycle?",
  ])("%s", async (text) => {
    const result = await answer(text);
    expect(result.entryId).toBe("configuration-management");
    expect(result.status).toBe("drafted");
  });

  it("the qualifier is context, not the ask", async () => {
    const { analyzeQuestion } = await import("../../src/domain/matching/analyze.js");
    const a = analyzeQuestion("Are baseline configurations maintained throughout the system development life cycle?");
    expect(a.focus).not.toMatch(/life ?cycle/i);
  });
});

describe("a cap on failed logons in NIST's words (AC-7, 3.1.8) is brute-force protection, and a logon prompt is no AI prompt", () => {
  it("is drafted from the brute-force entry", async () => {
    const result = await answer(
      "Does the system limit consecutive invalid logon attempts during a set time period and then lock the account or delay the logon prompt?",
    );
    expect(result.entryId).toBe("brute-force-protection");
    expect(result.status).toBe("drafted");
  });

  it("reads the cap, not failed logons alone, and not an operating system's prompt as AI", async () => {
    const { tokenize } = await import("../../src/domain/matching/tokenize.js");
    expect(tokenize("limit unsuccessful logon attempts")).toContain("§ratelimit");
    expect(tokenize("a maximum number of incorrect password attempts")).toContain("§ratelimit");
    expect(tokenize("are unsuccessful logon attempts logged")).not.toContain("§ratelimit");
    expect(tokenize("delay the next logon prompt")).not.toContain("§ai");
    expect(tokenize("are our prompts retained by the model provider")).toContain("§ai");
  });
});

describe("NIST's 'organizational systems containing CUI' says which systems a practice covers, not what it is", () => {
  it.each([
    "Are people screened before they are granted access to organisational systems that store Controlled Unclassified Information (CUI)?",
    "Is personnel screening completed before access is authorized to organizational systems processing federal contract information?",
  ])("%s", async (text) => {
    const { analyzeQuestion } = await import("../../src/domain/matching/analyze.js");
    expect(analyzeQuestion(text).focus).not.toMatch(/organi[sz]ational|unclassified|federal contract|\(cui\)/i);
    const result = await answer(text);
    expect(result.entryId).toBe("background-checks");
    expect(result.status).toBe("drafted");
  });
});
