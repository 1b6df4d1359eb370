import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateQuestionnaire } from "../../bench/match.js";
import { normalizeText, SPELLINGS } from "../../src/domain/matching/tokenize.js";
import { shippedLibrary } from "./helpers.js";

/**
 * normalizeText skips NFKD for plain ASCII and the British-spelling passes for texts without any
 * of their words (issue 13). It must give what every pass gave; the reference runs the same
 * passes (tokenize.ts's SPELLINGS) on every text, without the checks that skip them.
 */
const SUBJECT =
  /\b(the|your) (vendor|supplier|service provider|provider|company|organi[sz]ation|firm|contractor|bidder)('s)?\b(?! (risk|management|assessments?|due diligence|contracts?|agreements?|inventory|list|register|onboarding|offboarding|program|programme|polic(y|ies)|reviews?|monitoring|security|relationships?|selection|oversight)\b)/g;
const CLOUD_PROVIDER =
  /\bcsps\b|\bthe csp(?= (has|have|had|is|are|was|give|gives|provide|provides|maintain|maintains|perform|performs|conduct|conducts|ensure|ensures|notify|notifies|offer|offers|support|supports|allow|allows|use|uses|retain|retains|describe|describes|review|reviews|in place)\b)/g;
const CLOUD_CUSTOMER = /\b(cloud service customers?|cscs?)\b('s)?/g;
function reference(text: string): string {
  let t = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\bw\/\s?o(ut)?\b/g, "without")
    .replace(/\bw\/in\b/g, "within")
    .replace(/\bw\/(?=\s|[a-z])/g, "with ")
    .replace(/&/g, " and ")
    .replace(/[’‘]/g, "'")
    .replace(SUBJECT, " ")
    .replace(CLOUD_PROVIDER, " ")
    .replace(CLOUD_CUSTOMER, "customers")
    .replace(/\s+/g, " ")
    .trim();
  for (const [pattern, replacement] of SPELLINGS) t = t.replace(pattern, replacement);
  return t;
}

describe("normalizeText", () => {
  it("gives what every pass gave, on the library, the bench's questions and any mix of their words", async () => {
    const { library } = await shippedLibrary();
    const texts = [
      ...library.entries.flatMap((e) => [e.question, ...e.phrasings, e.answer]),
      ...generateQuestionnaire(library, 300).questions.map((q) => q.text),
    ];
    for (const t of texts) expect(normalizeText(t)).toBe(reference(t));
    const word = fc.constantFrom(
      "Datacentre",
      "data-centers",
      "centres",
      "Licence",
      "defence",
      "behaviours",
      "programmes",
      "analysed",
      "analysis",
      "datas",
      "the vendor's",
      "the CSP has",
      "CSCs",
      "café",
      "naïve",
      "ﬁle",
      "Ⅳ",
      "&",
      "’",
      "‘",
      "W/O",
      "w/in",
      "w/",
      "cloud service customer's",
      "x",
      "encryption",
    );
    const separator = fc.constantFrom(" ", "  ", "\t", "-", "", ". ", "\n", "\u00a0");
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 0, maxLength: 12 })
      .map((parts) => parts.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(text, (t) => {
        // A fresh text each time: normalizeText keeps its results by text.
        expect(normalizeText(`${t} `)).toBe(reference(`${t} `));
      }),
      { numRuns: 2_000 },
    );
  });
});
