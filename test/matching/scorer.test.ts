import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateQuestionnaire } from "../../bench/match.js";
import type { MatchIndex } from "../../src/domain/matching/index.js";
import { buildQuery, matchQuestion } from "../../src/domain/matching/match.js";
import { massShare, scorerFor } from "../../src/domain/matching/scorer.js";
import { shippedLibrary } from "./helpers.js";
import { idfOf, plainEntryScores } from "./plain-bm25.js";

/**
 * The compiled scorer (issue 13) must give exactly what the plain BM25 formulas give, bit for bit:
 * the ranker and the calibrated confidence read these numbers, and a faster matcher that moved one
 * of them in the last digit could flip a draft. The reference below is the formulas as written
 * before the scorer, map lookups and all.
 */

async function expectSameAsPlain(index: MatchIndex, text: string) {
  const query = buildQuery(index, text);
  if (query.weights.size === 0) return;
  const scorer = scorerFor(index);
  const compiled = scorer.compile(query.weights, query.focusTerms);
  const got = scorer.score(compiled);
  const want = plainEntryScores(index, query.weights);
  expect(Array.from(got.bestScore)).toEqual(Array.from(want.bestScore));
  expect(Array.from(got.answer)).toEqual(Array.from(want.answer));
  expect(Array.from(got.control)).toEqual(Array.from(want.control));
  // The best phrasing per entry: the same document (ties go to the first one the postings reach).
  for (let e = 0; e < index.entries.length; e++) {
    if ((want.bestScore[e] as number) > 0) expect(got.bestDoc[e]).toBe(want.bestDoc[e]);
  }
  expect([compiled.selfQ, compiled.selfA, compiled.selfC]).toEqual([want.selfQ, want.selfA, want.selfC]);
  // Coverage: the share of the question's idf mass an entry's terms hold, summed in query order.
  const terms = index.entryTerms[0] ?? new Set<string>();
  let mass = 0;
  let shared = 0;
  for (const [t, w] of query.weights) {
    const m = w * idfOf(index.questions, t);
    mass += m;
    if (terms.has(t)) shared += m;
  }
  expect(massShare(compiled, (t) => terms.has(t.term))).toBe(mass === 0 ? 0 : shared / mass);
  // Membership tables: the same answers as the index's sets and each phrasing's terms.
  for (const t of compiled.terms) {
    const entries = index.entries.map((_, e) => [t.inEntry[e] === 1, t.inTopic[e] === 1]);
    const sets = index.entries.map((_, e) => [
      index.entryTerms[e]?.has(t.term) ?? false,
      index.topicTerms[e]?.has(t.term) ?? false,
    ]);
    if (JSON.stringify(entries) !== JSON.stringify(sets)) expect(entries).toEqual(sets);
    const docs = index.questions.docs;
    const phrasings = docs.map((_, d) => scorer.inPhrasing(t, d));
    const has = docs.map((doc) => doc.tf.has(t.term));
    if (JSON.stringify(phrasings) !== JSON.stringify(has)) expect(phrasings).toEqual(has);
  }
}

describe("the compiled scorer", () => {
  it("scores the bench's questions exactly as the plain formulas do", async () => {
    const prepared = await shippedLibrary();
    const questions = generateQuestionnaire(prepared.library, 300).questions;
    for (const q of questions) await expectSameAsPlain(prepared.index, q.text);
  });

  it("scores any mix of library words, typos and unknown words exactly as the plain formulas do", async () => {
    const prepared = await shippedLibrary();
    const words = [...prepared.index.lexicon.keys()];
    const word = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => (w.length > 6 ? `${w.slice(0, 3)}${w.slice(4)}` : w)),
      fc.stringMatching(/^[a-z]{2,12}$/),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 30 }), async (ws) => {
        await expectSameAsPlain(prepared.index, `${ws.join(" ")}?`);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same candidates however often and in whatever order questions are asked (scratch arrays are reset)", async () => {
    const prepared = await shippedLibrary();
    const texts = generateQuestionnaire(prepared.library, 40).questions.map((q) => q.text);
    const first = texts.map((t) => matchQuestion(prepared.index, t, 5));
    const again = [...texts].reverse().map((t) => matchQuestion(prepared.index, t, 5));
    expect(again.reverse()).toEqual(first);
  });
});
