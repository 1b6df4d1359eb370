import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPOUNDS, isStopword, normalizeText, stem, wordsOf } from "../../src/domain/matching/tokenize.js";
import { libraryAndBenchTexts } from "./helpers.js";

/**
 * wordsOf runs only the COMPOUNDS rewrites whose pattern matches the text as rewritten so far,
 * found through the concept finder (issue 13). It must give what running every rewrite, in order,
 * on every text gives.
 */
function reference(normalized: string): string[] {
  let text = normalized;
  for (const [pattern, joined] of COMPOUNDS) text = text.replace(pattern, joined);
  return text
    .split(/[^a-z0-9]+/)
    .filter((raw) => (raw.length >= 2 || /\d/.test(raw)) && !isStopword(raw))
    .map(stem);
}

describe("wordsOf's compound rewrites", () => {
  it("give what every rewrite in order gives, on the library's texts and the bench's questions", async () => {
    const texts = await libraryAndBenchTexts();
    for (const text of texts) expect(wordsOf(text)).toEqual(reference(text));
  });

  it("read a rewrite's words with the later rewrites ('mgmt' written out, then the framework named as a program)", () => {
    for (const text of ["risk mgmt framework", "the vendor's risk mgmt frameworks, on-prem"])
      expect(wordsOf(normalizeText(text))).toEqual(reference(normalizeText(text)));
    expect(wordsOf("risk mgmt framework")).toEqual(wordsOf("risk management program"));
  });

  it("give what every rewrite in order gives, on any mix of the patterns' words (one rewrite feeding another)", () => {
    // Words the patterns and their rewrites spell, so texts hit, nearly hit and chain the rewrites.
    const fragments = COMPOUNDS.flatMap(([p, joined]) => [...p.source.split(/[^A-Za-z0-9 -]+/), joined])
      .flatMap((s) => s.split(" "))
      .filter((s) => s.length > 0);
    const token = fc.oneof(fc.constantFrom(...fragments), fc.stringMatching(/^[a-z0-9]{1,4}$/));
    const separator = fc.constantFrom(" ", " ", " ", "-", "", ", ", ". ", "/", "'s ");
    const text = fc
      .array(fc.tuple(token, separator), { minLength: 1, maxLength: 20 })
      .map((parts) => normalizeText(parts.map(([t, s]) => t + s).join("")));
    fc.assert(
      fc.property(text, (t) => {
        expect(wordsOf(t)).toEqual(reference(t));
      }),
      { numRuns: 3_000 },
    );
  });
});
