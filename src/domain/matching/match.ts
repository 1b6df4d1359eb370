import type { Doc, Field, MatchIndex } from "./index.js";
import { correctSpelling } from "./spelling.js";
import { tokenize } from "./tokenize.js";

export interface Candidate {
  readonly entryId: string;
  /** BM25 rank score (question field + weighted answer field); comparable within one question only. */
  readonly score: number;
  /** 0..1, calibrated on the eval set (see confidenceOf): how much of the question the entry answers. */
  readonly confidence: number;
  /** The query tokens the entry matched (stems and §concepts): the explanation shown to reviewers. */
  readonly matchedTerms: readonly string[];
  /** The entry text (question or phrasing) that matched best. */
  readonly matchedText: string;
  /** The query tokens that best phrasing shares: what this entry's own question is about. */
  readonly phrasingTerms: readonly string[];
}

const K1 = 1.2;
/** Phrasings are short and of similar length: weak length normalisation. */
const B = 0.4;
/** The answer text supports a match but is written for another purpose: it counts less. */
const ANSWER_WEIGHT = 0.3;
/** How many BM25 leaders confidence re-orders. */
const RERANK_DEPTH = 8;

/** Per-document BM25 length normalisation, computed once per field. */
const norms = new WeakMap<Field, Float64Array>();
function normsOf(field: Field): Float64Array {
  let n = norms.get(field);
  if (!n) {
    n = Float64Array.from(field.docs, (doc) => K1 * (1 - B + (B * doc.length) / (field.avgLength || 1)));
    norms.set(field, n);
  }
  return n;
}

/**
 * BM25 of every document sharing a term with the query, term at a time over the postings: each
 * posting is read once, instead of every query term being looked up in every touched document.
 */
function scoreField(field: Field, terms: readonly string[]): { scores: Float64Array; touched: number[] } {
  const norm = normsOf(field);
  const scores = new Float64Array(field.docs.length);
  const touched: number[] = [];
  for (const term of terms) {
    const idf = field.idf.get(term);
    const postings = field.postings.get(term);
    if (!idf || !postings) continue;
    for (const d of postings) {
      const tf = field.docs[d]?.tf.get(term) ?? 0;
      if (scores[d] === 0) touched.push(d);
      scores[d] = (scores[d] ?? 0) + (idf * (tf * (K1 + 1))) / (tf + (norm[d] ?? K1));
    }
  }
  return { scores, touched };
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

/** How much of the query's information (idf mass) the entry's texts contain, all of them together (0..1). */
function entryCoverage(field: Field, query: readonly string[], terms: ReadonlySet<string> | undefined): number {
  if (!terms) return 0;
  let shared = 0;
  let mass = 0;
  for (const t of query) {
    const w = idfOf(field, t);
    mass += w;
    if (terms.has(t)) shared += w;
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
  const tokens = tokenize(correctSpelling(text, index.lexicon, index.lexiconByLength));
  const terms = [...new Set(tokens)];
  if (terms.length === 0) return [];
  const querySet = new Set(terms);

  // Best question-field doc per entry, found through the postings (never a scan of all docs).
  const best = new Map<number, { doc: number; score: number }>();
  const q = scoreField(index.questions, terms);
  for (const d of q.touched) {
    const doc = index.questions.docs[d];
    const score = q.scores[d] ?? 0;
    if (!doc) continue;
    const prev = best.get(doc.entry);
    if (!prev || score > prev.score) best.set(doc.entry, { doc: d, score });
  }
  const answerScores = new Map<number, number>();
  const a = scoreField(index.answers, terms);
  for (const d of a.touched) {
    const doc = index.answers.docs[d];
    if (doc) answerScores.set(doc.entry, a.scores[d] ?? 0);
  }

  const entries = new Set([...best.keys(), ...answerScores.keys()]);
  // BM25 shortlists; confidence (coverage of the whole question) orders the shortlist. BM25 alone
  // favours an entry that repeats one query word in many phrasings over one that covers the ask.
  const shortlist = [...entries]
    .map((entry) => ({
      entry,
      score: (best.get(entry)?.score ?? 0) + ANSWER_WEIGHT * (answerScores.get(entry) ?? 0),
    }))
    .sort((a, b) => b.score - a.score || a.entry - b.entry)
    .slice(0, Math.max(limit, RERANK_DEPTH));

  return shortlist
    .flatMap(({ entry, score }) => {
      const libraryEntry = index.entries[entry];
      if (!libraryEntry) return [];
      const bestDoc = best.get(entry);
      const qDoc = bestDoc ? index.questions.docs[bestDoc.doc] : undefined;
      const q = qDoc ? overlap(index.questions, querySet, qDoc) : { dice: 0, shared: [] };
      const coverage = entryCoverage(index.questions, terms, index.entryTerms[entry]);
      const matched = new Set([...q.shared, ...terms.filter((t) => index.entryTerms[entry]?.has(t))]);
      return [
        {
          entryId: libraryEntry.id,
          score: round(score),
          confidence: round(confidenceOf(q.dice, coverage, score)),
          matchedTerms: [...matched],
          matchedText: questionTexts(index, entry)[qDoc?.ordinal ?? 0] ?? libraryEntry.question,
          phrasingTerms: q.shared,
        },
      ];
    })
    .sort((a, b) => b.confidence - a.confidence || b.score - a.score)
    .slice(0, limit);
}

/**
 * Confidence blends three views of one match, weights calibrated on fixtures/eval/tuning.jsonl:
 * - coverage: the share of the question's information (idf mass) found anywhere in the entry. Buyer
 *   questions are long and carry detail no single phrasing repeats, so this weighs most;
 * - dice: how closely the best phrasing and the question say the same thing, both ways;
 * - strength: the BM25 score, saturating, since a few rare shared terms beat many common ones.
 * A question that shares only generic words ("policy", "security") with every entry scores low
 * on all three, which is what lets a threshold abstain on it.
 */
export const CONFIDENCE_WEIGHTS = { coverage: 0.5, dice: 0.25, strength: 0.25, strengthAt: 30 } as const;

function confidenceOf(dice: number, coverage: number, score: number): number {
  const w = CONFIDENCE_WEIGHTS;
  return Math.min(1, w.coverage * coverage + w.dice * dice + w.strength * Math.min(1, score / w.strengthAt));
}

const round = (n: number) => Math.round(n * 1000) / 1000;
