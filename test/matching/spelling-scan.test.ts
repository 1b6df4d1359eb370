import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctSpelling, correctWord } from "../../src/domain/matching/spelling.js";
import { shippedLibrary } from "./helpers.js";

/**
 * correctSpelling reads a text's words by hand (issue 13); it must give what replacing every
 * /[A-Za-z][A-Za-z0-9]*\/g word by its correction gave, on any text.
 */
describe("correctSpelling", () => {
  it("corrects exactly the words the regex replace corrected, and keeps everything else", async () => {
    const { index } = await shippedLibrary();
    const reference = (text: string) =>
      text.replace(/[A-Za-z][A-Za-z0-9]*/g, (w) => {
        const lower = w.toLowerCase();
        const fixed = correctWord(lower, index.lexicon, index.lexiconByLength);
        return fixed === lower ? w : fixed;
      });
    const words = [...index.lexicon.keys()];
    const word = fc.oneof(
      fc.constantFrom(...words),
      // One edit away: dropped, doubled or swapped letters, as buyers type them.
      fc.constantFrom(...words.filter((w) => w.length >= 6)).map((w) => `${w.slice(0, 2)}${w.slice(3)}`),
      fc.constantFrom(...words.filter((w) => w.length >= 6)).map((w) => `${w.slice(0, 3)}${w[3]}${w.slice(3)}`),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/),
    );
    const separator = fc.constantFrom(" ", "", "-", "2", "_", ". ", "é", "’s ", "(", ") ", "\n");
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 0, maxLength: 20 })
      .map((parts) => parts.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(correctSpelling(t, index.lexicon, index.lexiconByLength)).toBe(reference(t));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("words broken across lines in a PDF", () => {
  it("joins the halves of a word the library knows", async () => {
    const { index } = await shippedLibrary();
    expect(correctSpelling("Is data encryp- ted at rest?", index.lexicon, index.lexiconByLength)).toBe(
      "Is data encrypted at rest?",
    );
    expect(correctSpelling("company IT re- sources", index.lexicon, index.lexiconByLength)).toBe(
      "company IT resources",
    );
  });

  it("keeps a hyphen that shares its word with the next one", async () => {
    const { index } = await shippedLibrary();
    const text = "pre- and post-deployment checks, short- and long-term plans";
    expect(correctSpelling(text, index.lexicon, index.lexiconByLength)).toBe(text);
  });
});
