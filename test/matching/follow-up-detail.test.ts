import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/domain/answering/answer-questions.js";
import { analyzeQuestion } from "../../src/domain/matching/analyze.js";
import { question, shippedLibrary, US_NO_NDA } from "./helpers.js";

const followUp = async (text: string, previous: string) =>
  answerQuestion(await shippedLibrary(), question(text, "free_text"), US_NO_NDA, {}, previous);

describe("a follow-up asking only how often, or for how long, is answered by the row before's entry", () => {
  it.each([
    // How often: the entry that answers the row before states a frequency.
    [
      "If yes, how often are they carried out?",
      "Do you periodically review who has access to production?",
      "access-reviews",
    ],
    ["If so, how frequently does it take place?", "Does senior management review the ISMS?", "management-review"],
    ["If yes, how often are they performed?", "Is there an internal audit programme?", "internal-audit"],
    // For how long: it states a length of time. The retention schedule, which the follow-up's own words
    // find, is far from the backup row; the backups entry says how long they are kept.
    ["How long are they retained for?", "Are backups taken of customer databases?", "backups"],
  ])("%s (after %s) → %s", async (text, previous, entryId) => {
    const r = await followUp(text, previous);
    expect(r).toMatchObject({ status: "drafted", entryId });
  });

  it("a bare detail row ('For how long?', 'freq?', 'Within how many days?') is a follow-up", async () => {
    for (const text of ["For how long?", "freq?", "Within how many days?"])
      expect(analyzeQuestion(text).followUp).toBe(true);
    expect(await followUp("For how long?", "Do you keep security logs?")).toMatchObject({
      status: "drafted",
      entryId: "log-retention",
    });
    expect(await followUp("Within how many days?", "Is our data deleted when the contract ends?")).toMatchObject({
      status: "drafted",
      entryId: "data-deletion-termination",
    });
  });

  it("a pronoun after 'how often' points back ('How often is it reviewed and tested?')", async () => {
    expect(analyzeQuestion("How often is it reviewed and tested?").followUp).toBe(true);
    expect(
      await followUp("How often is it reviewed and tested?", "Do you maintain a business continuity plan?"),
    ).toMatchObject({ status: "drafted", entryId: "business-continuity-plan" });
  });

  it("not when the entry states no such detail, or the follow-up asks for something else too", async () => {
    // The subcontractor entry says nothing of how often; the login entry gives no lockout figures.
    const reassessed = await followUp(
      "If yes, how frequently are they reassessed?",
      "Do you assess the security of your suppliers' subcontractors?",
    );
    expect(reassessed.status).not.toBe("drafted");
    const lockout = await followUp(
      "If yes, what is the lockout threshold and its duration?",
      "Are customer logins protected against brute-force attacks?",
    );
    expect(lockout.status).not.toBe("drafted");
  });
});

describe("a row asking only which kind of thing is accepted or used follows up on the row before", () => {
  it("'Which factors are accepted?', 'What value is used?' are follow-ups, read with the row before", async () => {
    for (const text of ["Which factors are accepted?", "Which protocols are supported?", "What value is used?"])
      expect(analyzeQuestion(text).followUp).toBe(true);
    expect(
      await followUp("Which factors are accepted?", "Do employees have to use multi-factor authentication?"),
    ).toMatchObject({ status: "drafted", entryId: "staff-mfa" });
    const lib = await shippedLibrary();
    const sameSite = answerQuestion(
      lib,
      question("What value is used? (Strict / Lax / None)", "choice", ["Strict", "Lax", "None"]),
      US_NO_NDA,
      {},
      "Are session cookies set with the SameSite attribute?",
    );
    expect(sameSite).toMatchObject({ status: "drafted", answer: { value: "Lax" } });
  });
});

describe("a row offering two one-word alternatives follows up on the row before", () => {
  it("is open, and the row before's entry answers it when it states one of the two", async () => {
    const a = analyzeQuestion("Internal or external team?");
    expect(a).toMatchObject({ followUp: true, closed: false });
    const lib = await shippedLibrary();
    const bounty = answerQuestion(
      lib,
      question("If yes, public or private programme? (Public / Private)", "choice", ["Public", "Private"]),
      US_NO_NDA,
      {},
      "Is there a bug bounty programme?",
    );
    expect(bounty).toMatchObject({ status: "drafted", entryId: "bug-bounty", answer: { value: "Private" } });
  });

  it("not when the entry states neither alternative", async () => {
    const r = await followUp("Manual or automated?", "Do you run background checks on new hires?");
    expect(r.status).not.toBe("drafted");
  });
});

describe("a row that opens on 'that / these / those' and a noun points back to the row before", () => {
  it("'Where is that person based…?' after the DPO row is read with it", async () => {
    const text = "Where is that person based and what are their contact details?";
    expect(analyzeQuestion(text).followUp).toBe(true);
    expect(await followUp(text, "Do you have a designated Data Protection Officer (DPO)?")).toMatchObject({
      status: "drafted",
      entryId: "dpo",
    });
  });

  it("after a verb or a question word only ('Is that certificate…', 'Does that approval step…')", () => {
    for (const text of [
      "Is that certificate against the 2022 revision?",
      "Does that approval step include a security review?",
      "Are all of these suppliers assessed every year by your organization?",
    ])
      expect(analyzeQuestion(text).followUp).toBe(true);
    // A relative 'that' after its noun, and 'that' after a verb of asserting, point nowhere.
    for (const text of [
      "Is email that contains PHI encrypted?",
      "Please confirm that AI features stay off unless our admin turns them on.",
      "Do you ensure that all laptops are encrypted at rest with a managed key?",
      "Is there a process that covers the removal of access for leavers?",
    ])
      expect(analyzeQuestion(text).followUp).toBe(false);
  });
});
