import { describe, expect, it } from "vitest";
import { buildGramIndex, gramSimilarities } from "../../src/domain/matching/char-grams.js";

/** The cosine written as plainly as it can be: maps of 4-grams, tf-idf, normalised, dot product. */
function plainCosine(texts: readonly (readonly string[])[], query: string, entry: number): number {
  const grams = (t: string) => {
    const s = ` ${t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim()} `;
    const m = new Map<string, number>();
    for (let i = 0; i + 4 <= s.length; i++) m.set(s.slice(i, i + 4), (m.get(s.slice(i, i + 4)) ?? 0) + 1);
    return m;
  };
  const docs = texts.flat().map(grams);
  const idf = (g: string) => Math.log((docs.length + 1) / (docs.filter((d) => d.has(g)).length + 1));
  const unit = (m: Map<string, number>) => {
    const v = new Map([...m].map(([g, c]) => [g, (1 + Math.log(c)) * (idf(g) || 0)] as const));
    // A gram no text has weighs as the rarest possible, in the query's length only.
    for (const g of m.keys())
      if (!docs.some((d) => d.has(g))) v.set(g, (1 + Math.log(m.get(g) ?? 1)) * Math.log(docs.length + 1));
    const n = Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0)) || 1;
    return new Map([...v].map(([g, w]) => [g, w / n] as const));
  };
  const q = unit(grams(query));
  return Math.max(
    0,
    ...(texts[entry] ?? []).map((t) => {
      const d = unit(grams(t));
      let dot = 0;
      for (const [g, w] of q) dot += w * (d.get(g) ?? 0);
      return dot;
    }),
  );
}

const LIBRARY = [
  ["Do you enforce multi-factor authentication for staff?", "Is MFA required for employees?"],
  ["Is customer data encrypted at rest?", "Encryption of stored data"],
  ["Do you run annual penetration tests?", "Third-party pentest frequency"],
];

describe("character 4-gram closeness", () => {
  const index = buildGramIndex(LIBRARY);

  it("agrees with a plain tf-idf cosine for every entry", () => {
    for (const query of [
      "Multi factor authentication enforced for all staff?",
      "Is data encrypted while stored?",
      "pen-testing",
    ]) {
      const got = gramSimilarities(index, query, [0, 1, 2]);
      // The indexed weights are single precision (half the bytes read per question): agreement to six digits.
      for (const [entry, value] of got.entries()) expect(value).toBeCloseTo(plainCosine(LIBRARY, query, entry), 6);
    }
  });

  it("reads word parts and spelling variants the word-level ranker splits or misses", () => {
    const [mfa, encryption, pentest] = gramSimilarities(
      index,
      "Do you perform penetration-testing annually?",
      [0, 1, 2],
    );
    expect(pentest).toBeGreaterThan(0.4);
    expect(pentest).toBeGreaterThan(Math.max(mfa ?? 0, encryption ?? 0) + 0.2);
  });

  it("is 1 for a text the entry holds verbatim, 0 for text sharing no 4-gram, and leaves no trace between calls", () => {
    expect(gramSimilarities(index, "Is customer data encrypted at rest?", [1])[0]).toBeCloseTo(1, 6);
    expect(gramSimilarities(index, "zzzz qqqq", [0, 1, 2])).toEqual([0, 0, 0]);
    expect([...index.scratch].every((w) => w === 0)).toBe(true);
  });
});
