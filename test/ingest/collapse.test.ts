import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapse } from "../../src/ingest/grid.js";

/** What collapse did before its fast path: every run of whitespace one space, the ends trimmed. */
const plain = (s: string) => s.replace(/\s+/g, " ").trim();

describe("collapse", () => {
  it("is the plain replace and trim for any text, whatever its spaces", () => {
    // Every kind of space `\s` and trim know, mixed with letters, so runs, lone spaces and ends all occur.
    const piece = fc.constantFrom(
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\u00a0",
      "\u2028",
      "\u3000",
      "\ufeff",
      "a",
      "Bé",
      "?",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const s = pieces.join("");
        expect(collapse(s)).toBe(plain(s));
      }),
      { numRuns: 2_000 },
    );
    for (const s of ["", " ", "Do you encrypt data?", " lead", "trail ", "two  spaces", "line\nbreak", "nb\u00a0sp"])
      expect(collapse(s)).toBe(plain(s));
  });
});
