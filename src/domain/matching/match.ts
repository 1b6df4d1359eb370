import type { Doc, Field, MatchIndex } from "./index.js";
import { tokenize } from "./tokenize.js";

export interface Candidate {
  readonly entryId: string;
  /** BM25 rank score (question field + weighted answer field); comparable within one question only. */
  readonly score: number;
  /** 0..1, calibrated on the eval set: idf-weighted overlap between the question and the best phrasing. */
  readonly confidence: number;
  /** The query tokens the entry matched (stems and §concepts): the explanation shown to reviewers. */
  readonly matchedTerms: readonly string[];
  /** The entry text (question or phrasing) that matched best. */
  readonly matchedText: string;
}

const K1 = 1.2;
/** Phrasings are short and of similar length: weak length normalisation. */
const B = 0.4;
/** The answer text supports a match but is written for another purpose: it counts less. */
const ANSWER_WEIGHT = 0.3;

function bm25(field: Field, doc: Doc, terms: readonly string[]): number {
  let score = 0;
  const norm = K1 * (1 - B + (B * doc.length) / (field.avgLength || 1));
  for (const term of terms) {
    const tf = doc.tf.get(term);
    if (!tf) continue;
    score += (field.idf.get(term) ?? 0) * ((tf * (K1 + 1)) / (tf + norm));
  }
  return score;
}

const idfOf = (field: Field, term: string) => field.idf.get(term) ?? field.unseenIdf;

/** Weighted Dice overlap: how much of each side's information the other side shares. */
function overlap(field: Field, query: ReadonlySet<string>, doc: Doc): { dice: number; shared: string[] } {
  let shared = 0;
  let queryMass = 0;
  let docMass = 0;
  const sharedTerms: string[] = [];
  for (const t of query) {
    const w = idfOf(field, t);
    queryMass += w;
    if (doc.tf.has(t)) {
      shared += w;
      sharedTerms.push(t);
    }
  }
  for (const t of doc.tf.keys()) docMass += idfOf(field, t);
  const dice = queryMass + docMass === 0 ? 0 : (2 * shared) / (queryMass + docMass);
  return { dice, shared: sharedTerms };
}

/** How much of the query's information the answer text contains (0..1). */
function answerCoverage(field: Field, query: ReadonlySet<string>, doc: Doc | undefined): number {
  if (!doc) return 0;
  let shared = 0;
  let mass = 0;
  for (const t of query) {
    const w = idfOf(field, t);
    mass += w;
    if (doc.tf.has(t)) shared += w;
  }
  return mass === 0 ? 0 : shared / mass;
}

export function questionTexts(index: MatchIndex, entry: number): string[] {
  const e = index.entries[entry];
  return e ? [e.question, ...e.phrasings] : [];
}

/**
 * Ranks library entries for one question. Deterministic and explainable: each candidate carries
 * the terms it matched and the phrasing that matched best.
 */
export function matchQuestion(index: MatchIndex, text: string, limit = 5): Candidate[] {
  const tokens = tokenize(text);
  const terms = [...new Set(tokens)];
  if (terms.length === 0) return [];
  const querySet = new Set(terms);

  // Best question-field doc per entry, found through the postings (never a scan of all docs).
  const best = new Map<number, { doc: number; score: number }>();
  const touched = new Set<number>();
  for (const term of terms) for (const d of index.questions.postings.get(term) ?? []) touched.add(d);
  for (const d of touched) {
    const doc = index.questions.docs[d];
    if (!doc) continue;
    const score = bm25(index.questions, doc, terms);
    const prev = best.get(doc.entry);
    if (!prev || score > prev.score) best.set(doc.entry, { doc: d, score });
  }
  const answerScores = new Map<number, number>();
  const answerDocs = new Set<number>();
  for (const term of terms) for (const d of index.answers.postings.get(term) ?? []) answerDocs.add(d);
  for (const d of answerDocs) {
    const doc = index.answers.docs[d];
    if (doc) answerScores.set(doc.entry, bm25(index.answers, doc, terms));
  }

  const entries = new Set([...best.keys(), ...answerScores.keys()]);
  const ranked = [...entries]
    .map((entry) => ({
      entry,
      score: (best.get(entry)?.score ?? 0) + ANSWER_WEIGHT * (answerScores.get(entry) ?? 0),
    }))
    .sort((a, b) => b.score - a.score || a.entry - b.entry)
    .slice(0, limit);

  return ranked.flatMap(({ entry, score }) => {
    const libraryEntry = index.entries[entry];
    if (!libraryEntry) return [];
    const bestDoc = best.get(entry);
    const qDoc = bestDoc ? index.questions.docs[bestDoc.doc] : undefined;
    const aDoc = index.answers.docs[entry];
    const q = qDoc ? overlap(index.questions, querySet, qDoc) : { dice: 0, shared: [] };
    const a = answerCoverage(index.answers, querySet, aDoc);
    const matched = new Set([...q.shared, ...terms.filter((t) => aDoc?.tf.has(t))]);
    return [
      {
        entryId: libraryEntry.id,
        score: round(score),
        confidence: round(Math.min(1, 0.8 * q.dice + 0.2 * a)),
        matchedTerms: [...matched],
        matchedText: questionTexts(index, entry)[qDoc?.ordinal ?? 0] ?? libraryEntry.question,
      },
    ];
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
