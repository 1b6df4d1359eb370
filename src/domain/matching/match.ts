import { analyzeQuestion, type QuestionAnalysis } from "./analyze.js";
import { calibrationInput, type Features, probabilityOf, relevanceOf } from "./features.js";
import type { Doc, Field, MatchIndex } from "./index.js";
import { correctSpelling } from "./spelling.js";
import { tokenize } from "./tokenize.js";

export interface Candidate {
  readonly entryId: string;
  /** BM25 rank score (question field + weighted answer and control fields); comparable within one question only. */
  readonly score: number;
  /**
   * 0..1: the probability that this entry answers the question, from the calibration model fitted on
   * the tuning part of the eval set (features.ts). Comparable across questions: the draft bar reads it.
   */
  readonly confidence: number;
  /** The query tokens the entry matched (stems and §concepts): the explanation shown to reviewers. */
  readonly matchedTerms: readonly string[];
  /** The entry text (question or phrasing) that matched best. */
  readonly matchedText: string;
  /** The query tokens that best phrasing shares: what this entry's own question is about. */
  readonly phrasingTerms: readonly string[];
  /** How well the entry answers the question (orders one question's candidates). */
  readonly relevance: number;
  /** This entry's relevance minus the best other candidate's. */
  readonly lead: number;
  /** What matching read (for the eval's trainer and for explanations). */
  readonly features: Features;
}

const K1 = 1.2;
/** Phrasings are short and of similar length: weak length normalisation. */
const B = 0.4;
/** The answer text supports a match but is written for another purpose: it counts less. */
const ANSWER_WEIGHT = 0.3;
/** Control language is formal and shared by several entries: it supports, never decides. */
const CONTROL_WEIGHT = 0.3;
/** Context sentences around a long question's ask, and the previous row of a follow-up, count less. */
const CONTEXT_WEIGHT = 0.35;
/** An ask with fewer content tokens than this leans on its context. */
const THIN_ASK = 3;
/** How many leading candidates are asked whether they agree on the controls. */
const CONSENSUS_DEPTH = 5;
/** How many BM25 leaders the ranker re-orders. */
export const SHORTLIST = 10;

/** A question as matching reads it: each token with its weight (1 for the ask, less for context). */
export interface Query {
  readonly weights: ReadonlyMap<string, number>;
  readonly focusTerms: readonly string[];
  readonly analysis: QuestionAnalysis;
}

export function buildQuery(index: MatchIndex, text: string, previous?: string | null): Query {
  const analysis = analyzeQuestion(text, previous);
  const fix = (t: string) => correctSpelling(t, index.lexicon, index.lexiconByLength);
  let focus = [...new Set(tokenize(fix(analysis.focus)))];
  const context = analysis.context ? [...new Set(tokenize(fix(analysis.context)))] : [];
  // "If you do, please describe how.": an ask with (almost) no words of its own is about the
  // context's topic, which then counts in full.
  const contextWeight = focus.length < THIN_ASK ? 1 : CONTEXT_WEIGHT;
  if (contextWeight === 1) focus = [...new Set([...focus, ...context])];
  const weights = new Map<string, number>(focus.map((t) => [t, 1]));
  for (const t of context) if (!weights.has(t)) weights.set(t, contextWeight);
  return { weights, focusTerms: focus, analysis };
}

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
 * Weighted BM25 of every document sharing a term with the query, term at a time over the postings:
 * each posting is read once, instead of every query term being looked up in every touched document.
 */
function scoreField(field: Field, query: Query): { scores: Float64Array; touched: number[] } {
  const norm = normsOf(field);
  const scores = new Float64Array(field.docs.length);
  const touched: number[] = [];
  for (const [term, weight] of query.weights) {
    const idf = field.idf.get(term);
    const postings = field.postings.get(term);
    if (!idf || !postings) continue;
    for (const d of postings) {
      const tf = field.docs[d]?.tf.get(term) ?? 0;
      if (scores[d] === 0) touched.push(d);
      scores[d] = (scores[d] ?? 0) + (weight * idf * (tf * (K1 + 1))) / (tf + (norm[d] ?? K1));
    }
  }
  return { scores, touched };
}

const idfOf = (field: Field, term: string) => field.idf.get(term) ?? field.unseenIdf;

/** The best score any document of the field could reach for this query: every term once, average length. */
function selfScore(field: Field, query: Query): number {
  let s = 0;
  for (const [term, w] of query.weights) s += w * idfOf(field, term);
  return s || 1;
}

/** Share of the query's weighted information (idf mass) that a set of terms holds (0..1). */
function massShare(field: Field, query: Query, has: (t: string) => boolean, focusOnly = false): number {
  let shared = 0;
  let mass = 0;
  for (const [t, w] of query.weights) {
    if (focusOnly && w < 1) continue;
    const m = w * idfOf(field, t);
    mass += m;
    if (has(t)) shared += m;
  }
  return mass === 0 ? 0 : shared / mass;
}

/** Weighted Dice overlap of the query's focus and one document: how much each side shares with the other. */
function dice(field: Field, query: Query, doc: Doc): { dice: number; shared: string[] } {
  let shared = 0;
  let queryMass = 0;
  let docMass = 0;
  const sharedTerms: string[] = [];
  for (const t of query.focusTerms) {
    const w = idfOf(field, t);
    queryMass += w;
    if (doc.tf.has(t)) {
      shared += w;
      sharedTerms.push(t);
    }
  }
  for (const t of doc.tf.keys()) docMass += idfOf(field, t);
  return { dice: queryMass + docMass === 0 ? 0 : (2 * shared) / (queryMass + docMass), shared: sharedTerms };
}

export function questionTexts(index: MatchIndex, entry: number): string[] {
  const e = index.entries[entry];
  return e ? [e.question, ...e.phrasings] : [];
}

const knownAnywhere = (index: MatchIndex, t: string) =>
  index.questions.idf.has(t) || index.answers.idf.has(t) || index.controls.idf.has(t);

/**
 * Ranks library entries for one question. Deterministic and explainable: BM25 over the entries'
 * questions, answers and control language shortlists; a small fitted model (features.ts) reads how
 * much of the question each shortlisted entry covers, and orders them by the probability that
 * they answer it. Each candidate carries the terms it matched and the phrasing that matched best.
 */
export function matchQuestion(index: MatchIndex, text: string, limit = 5, previous?: string | null): Candidate[] {
  return matchQuery(index, buildQuery(index, text, previous), limit);
}

export function matchQuery(index: MatchIndex, query: Query, limit = 5): Candidate[] {
  if (query.weights.size === 0) return [];

  // Best question-field doc per entry, found through the postings (never a scan of all docs).
  const best = new Map<number, { doc: number; score: number }>();
  const q = scoreField(index.questions, query);
  for (const d of q.touched) {
    const doc = index.questions.docs[d];
    const score = q.scores[d] ?? 0;
    if (!doc) continue;
    const prev = best.get(doc.entry);
    if (!prev || score > prev.score) best.set(doc.entry, { doc: d, score });
  }
  const perEntry = (field: Field) => {
    const out = new Map<number, number>();
    const s = scoreField(field, query);
    for (const d of s.touched) {
      const doc = field.docs[d];
      if (doc) out.set(doc.entry, s.scores[d] ?? 0);
    }
    return out;
  };
  const answerScores = perEntry(index.answers);
  const controlScores = perEntry(index.controls);

  const selfQ = selfScore(index.questions, query);
  const selfA = selfScore(index.answers, query);
  const selfC = selfScore(index.controls, query);
  const combined = (entry: number) =>
    (best.get(entry)?.score ?? 0) / selfQ +
    (ANSWER_WEIGHT * (answerScores.get(entry) ?? 0)) / selfA +
    (CONTROL_WEIGHT * (controlScores.get(entry) ?? 0)) / selfC;

  const entries = new Set([...best.keys(), ...answerScores.keys(), ...controlScores.keys()]);
  const shortlist = [...entries]
    .map((entry) => ({ entry, score: combined(entry) }))
    .sort((a, b) => b.score - a.score || a.entry - b.entry)
    .slice(0, Math.max(limit, SHORTLIST));
  if (shortlist.length === 0) return [];

  const concepts = [...query.weights.keys()].filter((t) => t.startsWith("§") && query.weights.get(t) === 1);
  const unknownShare = massShare(index.questions, query, (t) => !knownAnywhere(index, t));
  const longQuestion = query.analysis.context !== "" ? 1 : 0;
  const queryTerms = Math.min(1, Math.log1p(query.focusTerms.length) / Math.log1p(20));
  const governance = query.analysis.intent === "governance" ? 1 : 0;

  const scored = shortlist.flatMap(({ entry, score }) => {
    const libraryEntry = index.entries[entry];
    const terms = index.entryTerms[entry];
    if (!libraryEntry || !terms) return [];
    const bestDoc = best.get(entry);
    const qDoc = bestDoc ? index.questions.docs[bestDoc.doc] : undefined;
    const overlap = qDoc ? dice(index.questions, query, qDoc) : { dice: 0, shared: [] };
    const features: Features = {
      coverage: massShare(index.questions, query, (t) => terms.has(t)),
      topicCoverage: massShare(index.questions, query, (t) => index.topicTerms[entry]?.has(t) ?? false),
      phrasingCoverage: qDoc ? massShare(index.questions, query, (t) => qDoc.tf.has(t)) : 0,
      dice: overlap.dice,
      questionStrength: Math.min(1.5, (bestDoc?.score ?? 0) / selfQ),
      answerStrength: Math.min(1.5, (answerScores.get(entry) ?? 0) / selfA),
      controlStrength: Math.min(1.5, (controlScores.get(entry) ?? 0) / selfC),
      conceptShare: concepts.length === 0 ? 0.5 : concepts.filter((t) => terms.has(t)).length / concepts.length,
      unknownShare,
      queryTerms,
      longQuestion,
      governance,
    };
    const matched = new Set([...overlap.shared, ...[...query.weights.keys()].filter((t) => terms.has(t))]);
    return [
      {
        entry: libraryEntry,
        score,
        relevance: relevanceOf(features),
        features,
        matchedTerms: [...matched],
        matchedText: questionTexts(index, entry)[qDoc?.ordinal ?? 0] ?? libraryEntry.question,
        phrasingTerms: overlap.shared,
      },
    ];
  });
  scored.sort((a, b) => b.relevance - a.relevance || b.score - a.score);
  const leaders = scored.slice(0, CONSENSUS_DEPTH);
  return scored.slice(0, limit).map((c, i) => {
    // How far this entry leads the best other one: the leader's margin, or a runner-up's deficit.
    const rival = i === 0 ? scored[1] : scored[0];
    const lead = c.relevance - (rival?.relevance ?? 0);
    // Whether the other leaders stand on the same controls: an unambiguous area of the library.
    const others = leaders.filter((o) => o !== c);
    const consensus =
      others.length === 0
        ? 1
        : others.filter((o) => o.entry.controls.some((id) => c.entry.controls.includes(id))).length / others.length;
    return {
      entryId: c.entry.id,
      score: round(c.score),
      confidence: round(probabilityOf(calibrationInput(c.features, c.relevance, lead, consensus))),
      relevance: c.relevance,
      lead,
      matchedTerms: c.matchedTerms,
      matchedText: c.matchedText,
      phrasingTerms: c.phrasingTerms,
      features: c.features,
    };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
