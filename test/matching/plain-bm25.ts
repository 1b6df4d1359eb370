import type { Field } from "../../src/domain/matching/index.js";
import { B, K1 } from "../../src/domain/matching/scorer.js";

/**
 * BM25 written plainly, term by term over the postings, for tests that check the compiled scorer
 * (and the ranker built on it) against the straightforward arithmetic.
 */

export const idfOf = (field: Field, term: string): number => field.idf.get(term) ?? field.unseenIdf;

/** Each document's weighted BM25, and the documents in the order the postings first reach them. */
export function plainBm25(
  field: Field,
  weights: ReadonlyMap<string, number>,
): { scores: Float64Array; touched: number[] } {
  const scores = new Float64Array(field.docs.length);
  const touched: number[] = [];
  for (const [term, weight] of weights) {
    const idf = field.idf.get(term);
    const postings = field.postings.get(term);
    if (!idf || !postings) continue;
    for (const d of postings) {
      const doc = field.docs[d];
      if (!doc) continue;
      const tf = doc.tf.get(term) ?? 0;
      const norm = K1 * (1 - B + (B * doc.length) / (field.avgLength || 1));
      if (scores[d] === 0) touched.push(d);
      scores[d] = (scores[d] as number) + weight * ((idf * (tf * (K1 + 1))) / (tf + norm));
    }
  }
  return { scores, touched };
}
