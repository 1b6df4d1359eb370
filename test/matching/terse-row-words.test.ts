/**
 * Words of buyers' one-line rows that the library writes otherwise: a contract "available for
 * signature" is one the vendor signs; "anytime" is "at any time"; a typo of a compound written joined
 * is one edit from the compound the library hyphenates. Every text is written here in this
 * test's own words.
 */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

describe("terse rows in the words buyers type find their entries", () => {
  it.each([
    ["Is a DPA available for signature?", "dpa"],
    ["Can we export our records anytime?", "data-portability"],
    // A typo in the joined spelling of a compound the library hyphenates ("sub-processor").
    ["Subprocesor list?", "subprocessor-list"],
    ["Link to your current subprocesor list:", "subprocessor-list"],
  ])("%s → %s, drafted", async (text, entry) => {
    const r = await answer(text);
    expect(r.entryId).toBe(entry);
    expect(r.status).toBe("drafted");
  });

  it("reads a contract ready for signing as one to sign, not a malware signature", () => {
    expect(tokenize("MSA ready for signature?")).toContain("sign");
    expect(tokenize("Are malware signatures updated daily?")).not.toContain("sign");
  });
});
