import type { LibraryEntry } from "../library/types.js";
import { buildLexicon, type Lexicon, lexiconByLength } from "./spelling.js";
import { tokenize } from "./tokenize.js";

/** One indexed text: an entry's question or one of its phrasings ("q"), or its answer ("a"). */
interface Doc {
  readonly entry: number;
  /** Which of the entry's texts this is: 0 = the canonical question, 1.. = its phrasings. */
  readonly ordinal: number;
  readonly tf: ReadonlyMap<string, number>;
  readonly length: number;
}

interface Field {
  readonly docs: readonly Doc[];
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly avgLength: number;
  readonly idf: ReadonlyMap<string, number>;
  /** idf given to a query word no document has: the rarest possible. */
  readonly unseenIdf: number;
}

export interface MatchIndex {
  readonly entries: readonly LibraryEntry[];
  readonly questions: Field;
  readonly answers: Field;
  /** Every token of each entry (question, phrasings, answer, topic): what confidence measures coverage against. */
  readonly entryTerms: readonly ReadonlySet<string>[];
  /** Raw words of the library with their counts, and grouped by length: for typo correction. */
  readonly lexicon: Lexicon;
  readonly lexiconByLength: ReadonlyMap<number, readonly string[]>;
}

function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function buildField(texts: readonly { entry: number; ordinal: number; text: string }[]): Field {
  const docs: Doc[] = texts.map(({ entry, ordinal, text }) => {
    const tokens = tokenize(text);
    return { entry, ordinal, tf: termFrequencies(tokens), length: tokens.length };
  });
  const postings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const term of doc.tf.keys()) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  // Document frequency counts entries, not texts, so an entry with many phrasings of a word
  // does not make that word look common.
  const n = new Set(docs.map((d) => d.entry)).size || 1;
  const idf = new Map<string, number>();
  for (const [term, list] of postings) {
    const df = new Set(list.map((i) => docs[i]?.entry)).size;
    idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / (docs.length || 1);
  return { docs, postings, avgLength, idf, unseenIdf: Math.log(1 + (n + 0.5) / 0.5) };
}

/** Builds the in-memory BM25 index of a library once; matching many questions reuses it. */
export function buildMatchIndex(entries: readonly LibraryEntry[]): MatchIndex {
  const questionTexts = entries.flatMap((entry, i) =>
    [entry.question, ...entry.phrasings].map((text, ordinal) => ({ entry: i, ordinal, text })),
  );
  const answerTexts = entries.map((entry, i) => ({
    entry: i,
    ordinal: 0,
    text: `${entry.answer} ${entry.topic.replace(/-/g, " ")}`,
  }));
  const questions = buildField(questionTexts);
  const answers = buildField(answerTexts);
  const entryTerms = entries.map(() => new Set<string>());
  for (const field of [questions, answers]) {
    for (const doc of field.docs) for (const term of doc.tf.keys()) entryTerms[doc.entry]?.add(term);
  }
  const lexicon = buildLexicon([...questionTexts, ...answerTexts].map((t) => t.text));
  return { entries, questions, answers, entryTerms, lexicon, lexiconByLength: lexiconByLength(lexicon) };
}

export type { Doc, Field };
