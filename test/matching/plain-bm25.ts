import type { Field, MatchIndex } from "../../src/domain/matching/index.js";
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

/**
 * Per entry, written plainly: its best question-field document and that document's score, its answer
 * and control fields' scores, and each field's own mass (the query's idf sum; `mass` unguarded, the
 * self scores never 0), as the compiled scorer gives them.
 */
export function plainEntryScores(index: MatchIndex, weights: ReadonlyMap<string, number>) {
  const n = index.entries.length;
  const q = plainBm25(index.questions, weights);
  const bestDoc = new Int32Array(n).fill(-1);
  const bestScore = new Float64Array(n);
  for (const d of q.touched) {
    const entry = index.questions.docs[d]?.entry as number;
    const score = q.scores[d] as number;
    if (bestDoc[entry] === -1 || score > (bestScore[entry] as number)) {
      bestDoc[entry] = d;
      bestScore[entry] = score;
    }
  }
  const perEntry = (field: Field) => {
    const out = new Float64Array(n);
    const { scores, touched } = plainBm25(field, weights);
    for (const d of touched) out[field.docs[d]?.entry as number] = scores[d] as number;
    return out;
  };
  const selfScore = (field: Field) => {
    let s = 0;
    for (const [t, w] of weights) s += w * idfOf(field, t);
    return s;
  };
  const mass = selfScore(index.questions);
  return {
    bestDoc,
    bestScore,
    answer: perEntry(index.answers),
    control: perEntry(index.controls),
    mass,
    selfQ: mass || 1,
    selfA: selfScore(index.answers) || 1,
    selfC: selfScore(index.controls) || 1,
  };
}
