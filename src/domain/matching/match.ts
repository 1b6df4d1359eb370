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
/** The words of a policy, added to a governance template's topic at this weight. */
const POLICY_WEIGHT = 0.35;
const GOVERNANCE_TERMS = tokenize("policy");
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
  // A governance template's topic is short by nature ("application security"): its purpose clause
  // stays context.
  const thin = focus.length < THIN_ASK && analysis.intent !== "governance";
  const contextWeight = thin ? 1 : CONTEXT_WEIGHT;
  if (contextWeight === 1) focus = [...new Set([...focus, ...context])];
  const weights = new Map<string, number>(focus.map((t) => [t, 1]));
  for (const t of context) if (!weights.has(t)) weights.set(t, contextWeight);
  // A governance template asks whether <topic> has a policy: of the topic's entries, the one that
  // states the policy answers it ("strong password policies…" is the password policy, not the
  // entry about changing default passwords to strong ones).
  if (analysis.intent === "governance")
    for (const t of GOVERNANCE_TERMS) if (!weights.has(t)) weights.set(t, POLICY_WEIGHT);
  return { weights, focusTerms: focus, analysis };
}

/** One term's postings with each document's BM25 contribution, computed once per field. */
interface ScoredPostings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

const scoredPostings = new WeakMap<Field, Map<string, ScoredPostings>>();

/**
 * BM25 of a term in a document depends on the term, the document and the field only, never on the
 * question: each posting's score is computed the first time a question uses the term, then reused.
 */
function postingsOf(field: Field, term: string): ScoredPostings | null {
  let cache = scoredPostings.get(field);
  if (!cache) {
    cache = new Map();
    scoredPostings.set(field, cache);
  }
  const hit = cache.get(term);
  if (hit) return hit;
  const idf = field.idf.get(term);
  const postings = field.postings.get(term);
  if (!idf || !postings) return null;
  const docs = Int32Array.from(postings);
  const scores = new Float64Array(postings.length);
  postings.forEach((d, i) => {
    const doc = field.docs[d];
    const tf = doc?.tf.get(term) ?? 0;
    const norm = K1 * (1 - B + (B * (doc?.length ?? 0)) / (field.avgLength || 1));
    scores[i] = (idf * (tf * (K1 + 1))) / (tf + norm);
  });
  const scored = { docs, scores };
  cache.set(term, scored);
  return scored;
}

/**
 * Weighted BM25 of every document sharing a term with the query, term at a time over the postings:
 * each posting is read once, instead of every query term being looked up in every touched document.
 */
function scoreField(field: Field, query: Query): { scores: Float64Array; touched: number[] } {
  const scores = new Float64Array(field.docs.length);
  const touched: number[] = [];
  for (const [term, weight] of query.weights) {
    const postings = postingsOf(field, term);
    if (!postings) continue;
    const { docs, scores: contribution } = postings;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      if (scores[d] === 0) touched.push(d);
      scores[d] = (scores[d] as number) + weight * (contribution[i] as number);
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
  const entryCount = index.entries.length;
  // Per entry: its best question-field doc (a phrasing) and that doc's score, then the answer and
  // control fields' scores, in flat arrays indexed by entry (no maps, no allocation per entry).
  const bestDoc = new Int32Array(entryCount).fill(-1);
  const bestScore = new Float64Array(entryCount);
  const q = scoreField(index.questions, query);
  for (const d of q.touched) {
    const doc = index.questions.docs[d];
    const score = q.scores[d] ?? 0;
    if (!doc) continue;
    if (bestDoc[doc.entry] === -1 || score > (bestScore[doc.entry] as number)) {
      bestDoc[doc.entry] = d;
      bestScore[doc.entry] = score;
    }
  }
  const perEntry = (field: Field) => {
    const out = new Float64Array(entryCount);
    const s = scoreField(field, query);
    for (const d of s.touched) {
      const doc = field.docs[d];
      if (doc) out[doc.entry] = s.scores[d] ?? 0;
    }
    return out;
  };
  const answerScores = perEntry(index.answers);
  const controlScores = perEntry(index.controls);

  const selfQ = selfScore(index.questions, query);
  const selfA = selfScore(index.answers, query);
  const selfC = selfScore(index.controls, query);
  const depth = Math.max(limit, SHORTLIST);
  // A running top-k by the combined score: the shortlist, without sorting every entry.
  const shortlist: { entry: number; score: number }[] = [];
  for (let entry = 0; entry < entryCount; entry++) {
    const score =
      (bestScore[entry] as number) / selfQ +
      (ANSWER_WEIGHT * (answerScores[entry] as number)) / selfA +
      (CONTROL_WEIGHT * (controlScores[entry] as number)) / selfC;
    if (score <= 0) continue;
    if (shortlist.length === depth && score <= (shortlist[depth - 1]?.score ?? 0)) continue;
    let at = shortlist.length;
    while (at > 0 && (shortlist[at - 1]?.score ?? 0) < score) at--;
    shortlist.splice(at, 0, { entry, score });
    if (shortlist.length > depth) shortlist.pop();
  }
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
    const docIndex = bestDoc[entry] ?? -1;
    const qDoc = docIndex >= 0 ? index.questions.docs[docIndex] : undefined;
    const overlap = qDoc ? dice(index.questions, query, qDoc) : { dice: 0, shared: [] };
    const features: Features = {
      coverage: massShare(index.questions, query, (t) => terms.has(t)),
      topicCoverage: massShare(index.questions, query, (t) => index.topicTerms[entry]?.has(t) ?? false),
      phrasingCoverage: qDoc ? massShare(index.questions, query, (t) => qDoc.tf.has(t)) : 0,
      dice: overlap.dice,
      questionStrength: Math.min(1.5, (bestScore[entry] as number) / selfQ),
      answerStrength: Math.min(1.5, (answerScores[entry] as number) / selfA),
      controlStrength: Math.min(1.5, (controlScores[entry] as number) / selfC),
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
