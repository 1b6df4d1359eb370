import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

/**
 * Cyber Essentials' plain British English says what control language says in its own terms: a
 * password "that cannot easily be guessed" is a strong one. Wordings written for this test.
 */
describe("a password hard to guess is a strong password", () => {
  it.each([
    "a password that is hard to guess",
    "a password that is difficult-to-guess",
    "a password that cannot easily be guessed",
    "a password that can't be guessed easily",
    "a password that is not easily guessable",
  ])("%s", (text) => {
    expect(tokenize(text)).toContain("strong");
  });

  it("leaves a guess that is not about strength alone", () => {
    expect(tokenize("Can an attacker guess valid usernames from the login page?")).not.toContain("strong");
  });

  it("drafts changing default passwords to ones that cannot be guessed", async () => {
    const r = await answer(
      "Are default admin passwords on new equipment changed to something that cannot be guessed easily?",
    );
    expect(r.entryId).toBe("default-credentials");
    expect(r.status).toBe("drafted");
  });
});

/** Least privilege said as "only the access they need to do their job". Wordings written for this test. */
describe("only the access people need for their job is least privilege", () => {
  it.each([
    "Are people given only the access they require for their role?",
    "Does each employee only get the permissions they need for their work?",
    "Do users only have the rights that they need to do their current job?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("access-control-policy");
    expect(r.status).toBe("drafted");
  });

  it("names the concept the library's least-privilege entries share", () => {
    expect(tokenize("staff only have the privileges they need to do their job")).toContain("§rbac");
  });
});

/** Choosing is selecting: plain English and control language name one act. */
describe("choosing and selecting share a stem", () => {
  it("reads every form of choose as select", () => {
    expect(tokenize("choose chooses choosing chose chosen")).toEqual([
      "select",
      "select",
      "select",
      "select",
      "select",
    ]);
  });

  it("answers how passwords are chosen from the entry on their selection", async () => {
    // Without the shared stem, "choose" matched nothing and the entry on forced changes was drafted.
    const r = await answer("How do employees choose their passwords, and what rules apply?", "free_text");
    expect(r.entryId).toBe("password-policy");
    expect(r.status).toBe("drafted");
  });
});

/** "Make sure" is plain English for "ensure", which is filler around the practice asked about. */
describe("make sure is ensure", () => {
  it("drops it like ensure", () => {
    expect(tokenize("How do you make sure backups are tested?")).toEqual(
      tokenize("How do you ensure backups are tested?"),
    );
  });

  it("drafts a practice asked about as making sure", async () => {
    const r = await answer("How do you make sure the software your employees use is properly licensed?", "free_text");
    expect(r.entryId).toBe("intellectual-property");
    expect(r.status).toBe("drafted");
  });
});

/**
 * Software whose vendor "stops supporting" or "has stopped patching" it is unsupported software, as
 * "no longer supported" already reads. Wordings written for this test.
 */
describe("a vendor that stopped supporting software makes it unsupported", () => {
  it.each([
    "once the manufacturer stops supporting the operating system",
    "an application its publisher has stopped patching",
    "when the vendor ceases to issue security updates",
    "after the supplier stopped providing security patches",
  ])("%s", (text) => {
    expect(tokenize(text)).toContain("§eol");
  });

  it("leaves stopping other things alone", () => {
    expect(tokenize("Do you stop processing data when a customer asks?")).not.toContain("§eol");
  });

  it("drafts removing software the vendor stopped supporting from the entry on unsupported applications", async () => {
    // Without it, "stops supporting" named nothing and the match stayed under the draft bar (0.57).
    const r = await answer("Is software replaced once its vendor stops supporting it?");
    expect(r.entryId).toBe("application-patching-endpoints");
    expect(r.status).toBe("drafted");
  });
});
