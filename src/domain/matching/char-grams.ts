/**
 * A second, independent reading of how close a question is to an entry's questions: tf-idf
 * cosine over character 4-grams of the raw words, with no stemming, vocabulary or rules. It sees
 * what the word-level ranker cannot (word parts, spelling variants, compounds) and misses what the
 * ranker's rules know. Where the two disagree on which of the leading entries is closest, the
 * question is ambiguous, and calibration reads that (match.ts, features.ts `gramLead`).
 */

const GRAM = 4;

export interface GramIndex {
  /** Each 4-gram seen in the library's questions and phrasings, by id. */
  readonly ids: ReadonlyMap<string, number>;
  /** Per gram id: its idf over the indexed texts. */
  readonly idf: Float64Array;
  /** idf of a gram no indexed text has. */
  readonly unseenIdf: number;
  /** Per entry: its texts (question, phrasings) as unit vectors, gram ids with their weights. */
  readonly entries: readonly (readonly GramVector[])[];
  /** Scratch for one query's weights by gram id (zeroed after each use). */
  readonly scratch: Float64Array;
}

interface GramVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** The 4-grams of a text's words, lower-cased, padded with a space at each end, with their counts. */
function gramsOf(text: string): Map<string, number> {
  const s = ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + GRAM <= s.length; i++) {
    const g = s.slice(i, i + GRAM);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** Sublinear tf times idf, scaled to unit length. */
function weigh(counts: ReadonlyMap<string, number>, idfOf: (gram: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [g, c] of counts) {
    const w = (1 + Math.log(c)) * idfOf(g);
    out.set(g, w);
    norm += w * w;
  }
  const n = Math.sqrt(norm) || 1;
  for (const [g, w] of out) out.set(g, w / n);
  return out;
}

export function buildGramIndex(textsPerEntry: readonly (readonly string[])[]): GramIndex {
  const counted = textsPerEntry.map((texts) => texts.map(gramsOf));
  const ids = new Map<string, number>();
  const df: number[] = [];
  let docs = 0;
  for (const texts of counted)
    for (const counts of texts) {
      docs++;
      for (const g of counts.keys()) {
        let id = ids.get(g);
        if (id === undefined) {
          id = ids.size;
          ids.set(g, id);
          df.push(0);
        }
        df[id] = (df[id] ?? 0) + 1;
      }
    }
  const idf = Float64Array.from(df, (d) => Math.log((docs + 1) / (d + 1)));
  const idfOf = (g: string) => idf[ids.get(g) ?? -1] ?? 0;
  const entries = counted.map((texts) =>
    texts.map((counts) => {
      const weighted = [...weigh(counts, idfOf)].map(([g, w]) => [ids.get(g) as number, w] as const);
      return {
        ids: Int32Array.from(weighted, ([id]) => id),
        weights: Float64Array.from(weighted, ([, w]) => w),
      };
    }),
  );
  return { ids, idf, unseenIdf: Math.log(docs + 1), entries, scratch: new Float64Array(ids.size) };
}

/**
 * The closeness of a text to each of the given entries: per entry, the best cosine between the text
 * and one of its questions or phrasings (0..1).
 */
export function gramSimilarities(index: GramIndex, text: string, entries: ArrayLike<number>): number[] {
  const weighted = weigh(gramsOf(text), (g) => {
    const id = index.ids.get(g);
    return id === undefined ? index.unseenIdf : (index.idf[id] ?? 0);
  });
  const touched: number[] = [];
  for (const [g, w] of weighted) {
    const id = index.ids.get(g);
    if (id !== undefined) {
      index.scratch[id] = w;
      touched.push(id);
    }
  }
  const out = Array.from(entries, (entry) => {
    let best = 0;
    for (const doc of index.entries[entry] ?? []) {
      let dot = 0;
      for (let k = 0; k < doc.ids.length; k++)
        dot += (index.scratch[doc.ids[k] as number] ?? 0) * (doc.weights[k] ?? 0);
      if (dot > best) best = dot;
    }
    return best;
  });
  for (const id of touched) index.scratch[id] = 0;
  return out;
}
