import { ISO27001_2022_ANNEX_A } from "../library/reference-iso27001.js";
import { SOC2_TSC } from "../library/reference-soc2.js";
import type { Control, LibraryEntry } from "../library/types.js";
import { buildGramIndex, type GramIndex } from "./char-grams.js";
import { buildLexicon, type Lexicon, lexiconByLength, properNames } from "./spelling.js";
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
  /**
   * The language of the controls each entry stands on: control titles and descriptions, and the
   * titles of the ISO 27001 Annex A controls and SOC 2 criteria they map to. Bridges formal control
   * wording ("equipment identification as connection authentication") to plain-English entries.
   */
  readonly controls: Field;
  /** Every token of each entry (question, phrasings, answer, topic): what confidence measures coverage against. */
  readonly entryTerms: readonly ReadonlySet<string>[];
  /**
   * Every token of all entries on the same topic (one per entry, shared): what the entry's
   * neighbourhood covers. A question about suppliers' criticality belongs with the supplier entries
   * even when a vulnerability entry happens to share "critical" and "prioritised".
   */
  readonly topicTerms: readonly ReadonlySet<string>[];
  /** Raw words of the library with their counts, and grouped by length: for typo correction. */
  readonly lexicon: Lexicon;
  readonly lexiconByLength: ReadonlyMap<number, readonly string[]>;
  /** Character 4-grams of each entry's question and phrasings: a second reading of closeness (char-grams.ts). */
  readonly grams: GramIndex;
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

const ANNEX_A_TITLE = new Map(ISO27001_2022_ANNEX_A.map((a) => [a.id, a.title]));
const SOC2_LABEL = new Map(SOC2_TSC.map((c) => [c.id, c.label]));

/** The control language of one entry (see MatchIndex.controls). */
function controlText(entry: LibraryEntry, controlsById: ReadonlyMap<string, Control>): string {
  const parts: string[] = [];
  for (const id of entry.controls) {
    const control = controlsById.get(id);
    if (!control) continue;
    parts.push(control.title, control.description);
    for (const r of control.refs) {
      const title =
        r.framework === "ISO27001:2022"
          ? ANNEX_A_TITLE.get(r.ref)
          : r.framework === "SOC2"
            ? SOC2_LABEL.get(r.ref)
            : undefined;
      if (title) parts.push(title);
    }
  }
  return [...new Set(parts)].join(". ");
}

/** Two words joined by a hyphen ("sub-processor", "back-up"): each also a word written joined. */
const JOINED_COMPOUND = /\b[A-Za-z]{2,}-[A-Za-z]{2,}\b/g;

/** Builds the in-memory BM25 index of a library once; matching many questions reuses it. */
export function buildMatchIndex(entries: readonly LibraryEntry[], controls: readonly Control[] = []): MatchIndex {
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
  const controlsById = new Map(controls.map((c) => [c.id, c]));
  const controlField = buildField(
    entries.map((entry, i) => ({ entry: i, ordinal: 0, text: controlText(entry, controlsById) })),
  );
  const entryTerms = entries.map(() => new Set<string>());
  for (const field of [questions, answers]) {
    for (const doc of field.docs) for (const term of doc.tf.keys()) entryTerms[doc.entry]?.add(term);
  }
  const byTopic = new Map<string, Set<string>>();
  entries.forEach((entry, i) => {
    const set = byTopic.get(entry.topic) ?? new Set<string>();
    for (const t of entryTerms[i] ?? []) set.add(t);
    byTopic.set(entry.topic, set);
  });
  const topicTerms = entries.map((entry) => byTopic.get(entry.topic) ?? new Set<string>());
  // A hyphenated compound is also a word joined ("sub-processor", "subprocessor"), so that a typo of the
  // joined spelling ("subprocesor") is one edit from a word the library writes.
  const libraryTexts = [...questionTexts, ...answerTexts].map((t) => t.text);
  const lexicon = buildLexicon([
    ...libraryTexts,
    ...libraryTexts.flatMap((text) => text.match(JOINED_COMPOUND)?.map((w) => w.replace("-", "")) ?? []),
  ]);
  return {
    entries,
    questions,
    answers,
    controls: controlField,
    entryTerms,
    topicTerms,
    lexicon,
    lexiconByLength: lexiconByLength(lexicon, properNames(libraryTexts)),
    grams: buildGramIndex(entries.map((entry) => [entry.question, ...entry.phrasings])),
  };
}

export type { Doc, Field };
