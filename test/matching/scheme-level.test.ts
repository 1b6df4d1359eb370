import { describe, expect, it } from "vitest";
import { levelsNotStated } from "../../src/domain/drafting/scheme-level.js";
import type { LibraryEntry } from "../../src/domain/library/types.js";
import { answer } from "./helpers.js";

const entry = (text: string) =>
  ({
    id: "e",
    topic: "t",
    question: "Q?",
    phrasings: [],
    short: "Yes",
    answer: text,
    controls: [],
  }) as unknown as LibraryEntry;

describe("a level of a scheme the question asks the practice to reach", () => {
  it("is read in digits, words or roman numerals, not from a list of options", () => {
    expect(
      levelsNotStated("Are keys held in a FIPS 140-2 Level 3 HSM?", entry("FIPS 140-2 validated modules.")),
    ).toEqual(["level 3"]);
    expect(levelsNotStated("Is the data centre certified at level III?", entry("Our provider is level 3."))).toEqual(
      [],
    );
    expect(
      levelsNotStated("Which data risk level (Level 1–4) will our data be assigned?", entry("Classified.")),
    ).toEqual([]);
    expect(levelsNotStated("Are backups of user-level information taken?", entry("Daily backups."))).toEqual([]);
  });

  it("holds a Yes from an entry that says the practice is done but names no level", async () => {
    const hsm = await answer("Are our encryption keys stored in HSMs validated to FIPS 140-2 Level 3?");
    expect(hsm.entryId).toBe("fips-validated");
    expect(hsm.status).toBe("needs_review");
    expect(hsm.notes.join(" ")).toMatch(/"level 3" of a scheme or standard, which the entry does not state/);
    const cis = await answer("Are your servers hardened to CIS Benchmark Level 2?");
    expect(cis.status).toBe("needs_review");
    // Without a level, the same practice is drafted.
    expect((await answer("Is your cryptography FIPS 140-2 validated?")).status).toBe("drafted");
  });

  it("leaves a No drafted: a scheme not held is not held at any level", async () => {
    const no = await answer("Does your organisation hold IASME Cyber Assurance Level 2?");
    expect(no.answer?.value).toBe("No");
    expect(no.status).toBe("drafted");
  });
});
