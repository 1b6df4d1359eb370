import type { Field, MatchIndex } from "./index.js";

/**
 * The arithmetic of matching, compiled once per index (issue 13: 1,000 distinct questions in
 * ≤ 200 ms). Each query term is looked up once, in one table that holds everything matching asks
 * of a term (its idf and scored postings in each field, whether the library knows it), instead of
 * a dozen map lookups per term per field per candidate; scores accumulate in scratch arrays that
 * live as long as the index, so a question allocates almost nothing.
 *
 * Results must stay bit-for-bit what the plain formulas give: every sum below adds the same terms
 * in the same order (the query's term order, then a document's term order) as the formulas it
 * replaced, because floating-point addition is not associative and the ranker reads these numbers.
 */

export const K1 = 1.2;
/** Phrasings are short and of similar length: weak length normalisation. */
export const B = 0.4;

/** One term's postings in one field with each document's BM25 contribution (question-independent). */
interface Postings {
  /** In the index's postings order (it decides which of equal phrasings is found first). */
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  /** The same documents in ascending order, for membership by binary search. */
  readonly sorted: Int32Array;
}

/** Everything matching needs to know about one term, in the three fields. */
export interface TermInfo {
  readonly term: string;
  /** idf in the question field, or the field's unseen idf: what coverage and Dice weigh by. */
  readonly qIdf: number;
  readonly aIdf: number;
  readonly cIdf: number;
  readonly q: Postings | null;
  readonly a: Postings | null;
  readonly c: Postings | null;
  /** Some field of the library has the term. */
  readonly known: boolean;
  /** Per entry, 1 when the term is among the entry's own terms (MatchIndex.entryTerms). */
  readonly inEntry: Uint8Array;
  /** Per entry, 1 when the term is among its topic's terms (MatchIndex.topicTerms). */
  readonly inTopic: Uint8Array;
}

/** A query as arrays: term i with its weight and its TermInfo, in the query's own term order. */
export interface CompiledQuery {
  readonly terms: readonly TermInfo[];
  readonly weights: Float64Array;
  /** Σ w·idf over the query's terms in each field (the best any document could score), never 0. */
  readonly selfQ: number;
  readonly selfA: number;
  readonly selfC: number;
  /** Σ w·qIdf: the query's information mass, what the coverage shares divide by. */
  readonly mass: number;
  /** The focus terms' TermInfos (for Dice), in focus order. */
  readonly focus: readonly TermInfo[];
}

/** Per-field state compiled from the index: document → entry, lengths, scratch score arrays. */
interface FieldState {
  readonly field: Field;
  readonly docEntry: Int32Array;
  /** Σ idf over each document's distinct terms, in the document's term order (Dice's document side). */
  readonly docMass: Float64Array;
  /** Scratch: per-document score of the current query; kept all-zero between queries. */
  readonly docScores: Float64Array;
  readonly touched: Int32Array;
}

export interface Scorer {
  readonly index: MatchIndex;
  readonly entryCount: number;
  compile(weights: ReadonlyMap<string, number>, focusTerms: readonly string[]): CompiledQuery;
  /**
   * BM25 of every entry in the three fields for a query: the best question-field document per entry
   * (and its score), and the answer and control fields' scores. Arrays are the scorer's scratch:
   * valid until the next call.
   */
  score(query: CompiledQuery): {
    bestDoc: Int32Array;
    bestScore: Float64Array;
    answer: Float64Array;
    control: Float64Array;
  };
  /** Dice mass of a question-field document (Σ idf of its distinct terms). */
  docMass(doc: number): number;
  /** Whether a question-field document (a phrasing) has the term. */
  inPhrasing(term: TermInfo, doc: number): boolean;
}

/** Terms the library never uses are not cached (any text could be asked): they share one shape. */
const MAX_CACHED_TERMS = 100_000;

function fieldState(field: Field): FieldState {
  const n = field.docs.length;
  const docEntry = new Int32Array(n);
  const docMass = new Float64Array(n);
  field.docs.forEach((doc, i) => {
    docEntry[i] = doc.entry;
    let mass = 0;
    for (const t of doc.tf.keys()) mass += field.idf.get(t) ?? field.unseenIdf;
    docMass[i] = mass;
  });
  return { field, docEntry, docMass, docScores: new Float64Array(n), touched: new Int32Array(n) };
}

function postings(field: Field, term: string): Postings | null {
  const idf = field.idf.get(term);
  const list = field.postings.get(term);
  if (!idf || !list) return null;
  const docs = Int32Array.from(list);
  const scores = new Float64Array(list.length);
  list.forEach((d, i) => {
    const doc = field.docs[d];
    const tf = doc?.tf.get(term) ?? 0;
    const norm = K1 * (1 - B + (B * (doc?.length ?? 0)) / (field.avgLength || 1));
    scores[i] = (idf * (tf * (K1 + 1))) / (tf + norm);
  });
  let ascending = true;
  for (let i = 1; i < docs.length && ascending; i++) ascending = (docs[i - 1] as number) < (docs[i] as number);
  return { docs, scores, sorted: ascending ? docs : Int32Array.from(docs).sort() };
}

/**
 * Adds the weighted postings of every query term into the field's scratch `docScores`, term at a
 * time; returns how many documents were touched (listed in `touched` in first-touch order).
 */
function accumulate(state: FieldState, query: CompiledQuery, pick: (t: TermInfo) => Postings | null): number {
  const { docScores, touched } = state;
  let n = 0;
  const { terms, weights } = query;
  for (let t = 0; t < terms.length; t++) {
    const p = pick(terms[t] as TermInfo);
    if (!p) continue;
    const weight = weights[t] as number;
    const { docs, scores } = p;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      if (docScores[d] === 0) touched[n++] = d;
      docScores[d] = (docScores[d] as number) + weight * (scores[i] as number);
    }
  }
  return n;
}

const pickQ = (t: TermInfo) => t.q;
const pickA = (t: TermInfo) => t.a;
const pickC = (t: TermInfo) => t.c;

function buildScorer(index: MatchIndex): Scorer {
  const entryCount = index.entries.length;
  const questions = fieldState(index.questions);
  const answers = fieldState(index.answers);
  const controls = fieldState(index.controls);
  const infos = new Map<string, TermInfo>();
  const bestDoc = new Int32Array(entryCount);
  const bestScore = new Float64Array(entryCount);
  const answerScores = new Float64Array(entryCount);
  const controlScores = new Float64Array(entryCount);

  // A word no field has is in no entry's or topic's terms (they are built from the fields).
  const nowhere = new Uint8Array(entryCount);
  // Which entries hold a term: read from the sets once, not by asking every entry's set per term
  // (~13,000 memberships against 291 lookups for each of the ~2,000 terms a workbook brings).
  const holders = new Map<string, number[]>();
  index.entryTerms.forEach((terms, e) => {
    for (const t of terms) {
      const list = holders.get(t);
      if (list) list.push(e);
      else holders.set(t, [e]);
    }
  });
  const inEntries = (term: string) => {
    const out = new Uint8Array(entryCount);
    for (const e of holders.get(term) ?? []) out[e] = 1;
    return out;
  };
  // Topic sets are shared by the entries of a topic (about 20 sets for 291 entries): each set asked once.
  const topics = new Map<ReadonlySet<string>, number[]>();
  index.topicTerms.forEach((terms, e) => {
    const list = topics.get(terms);
    if (list) list.push(e);
    else topics.set(terms, [e]);
  });
  const inTopics = (term: string) => {
    const out = new Uint8Array(entryCount);
    for (const [terms, entries] of topics) if (terms.has(term)) for (const e of entries) out[e] = 1;
    return out;
  };
  const infoOf = (term: string): TermInfo => {
    const hit = infos.get(term);
    if (hit) return hit;
    const qIdf = index.questions.idf.get(term);
    const aIdf = index.answers.idf.get(term);
    const cIdf = index.controls.idf.get(term);
    const known = qIdf !== undefined || aIdf !== undefined || cIdf !== undefined;
    const info: TermInfo = {
      term,
      qIdf: qIdf ?? index.questions.unseenIdf,
      aIdf: aIdf ?? index.answers.unseenIdf,
      cIdf: cIdf ?? index.controls.unseenIdf,
      q: postings(index.questions, term),
      a: postings(index.answers, term),
      c: postings(index.controls, term),
      known,
      inEntry: known ? inEntries(term) : nowhere,
      inTopic: known ? inTopics(term) : nowhere,
    };
    if (info.known || infos.size < MAX_CACHED_TERMS) infos.set(term, info);
    return info;
  };

  /** Per-entry score of a field with one document per entry (answers, controls). */
  const perEntry = (
    state: FieldState,
    query: CompiledQuery,
    pick: (t: TermInfo) => Postings | null,
    out: Float64Array,
  ) => {
    out.fill(0);
    const n = accumulate(state, query, pick);
    const { docScores, touched, docEntry } = state;
    for (let i = 0; i < n; i++) {
      const d = touched[i] as number;
      out[docEntry[d] as number] = docScores[d] as number;
      docScores[d] = 0;
    }
  };

  return {
    index,
    entryCount,
    compile(weights, focusTerms) {
      const terms = objectArray<TermInfo>();
      const w = new Float64Array(weights.size);
      let selfQ = 0;
      let selfA = 0;
      let selfC = 0;
      for (const [term, weight] of weights) {
        const info = infoOf(term);
        w[terms.length] = weight;
        terms.push(info);
        selfQ += weight * info.qIdf;
        selfA += weight * info.aIdf;
        selfC += weight * info.cIdf;
      }
      const focus = objectArray<TermInfo>();
      for (const term of focusTerms) focus.push(infoOf(term));
      return {
        terms,
        weights: w,
        selfQ: selfQ || 1,
        selfA: selfA || 1,
        selfC: selfC || 1,
        // The same sum as selfQ before its `|| 1`: the coverage shares' denominator.
        mass: selfQ,
        focus,
      };
    },
    score(query) {
      bestDoc.fill(-1);
      bestScore.fill(0);
      const n = accumulate(questions, query, pickQ);
      const { docScores, touched, docEntry } = questions;
      for (let i = 0; i < n; i++) {
        const d = touched[i] as number;
        const entry = docEntry[d] as number;
        const score = docScores[d] as number;
        docScores[d] = 0;
        if (bestDoc[entry] === -1 || score > (bestScore[entry] as number)) {
          bestDoc[entry] = d;
          bestScore[entry] = score;
        }
      }
      perEntry(answers, query, pickA, answerScores);
      perEntry(controls, query, pickC, controlScores);
      return { bestDoc, bestScore, answer: answerScores, control: controlScores };
    },
    docMass(doc) {
      return questions.docMass[doc] as number;
    },
    inPhrasing(term, doc) {
      const docs = term.q?.sorted;
      if (!docs) return false;
      let lo = 0;
      let hi = docs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const d = docs[mid] as number;
        if (d === doc) return true;
        if (d < doc) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/**
 * An empty array already of the kind that holds objects. A `[]` (or an empty `map` result) has
 * another hidden class than the same array holding objects, so a question with no focus terms
 * handed the ranker an array it had not been optimised for: V8 threw the optimised code away
 * ("wrong map") and compiled matchQuery again on another thread, CPU the bench counts.
 */
function objectArray<T extends object>(): T[] {
  const out = [{}] as T[];
  out.length = 0;
  return out;
}

const scorers = new WeakMap<MatchIndex, Scorer>();

/** The index's scorer, compiled the first time a question is matched against it. */
export function scorerFor(index: MatchIndex): Scorer {
  let scorer = scorers.get(index);
  if (!scorer) {
    scorer = buildScorer(index);
    scorers.set(index, scorer);
  }
  return scorer;
}

/**
 * Share of the query's information (Σ w·qIdf) held by the terms for which `has` is true, summed in
 * query order: the coverage features.
 */
export function massShare(query: CompiledQuery, has: (t: TermInfo) => boolean): number {
  if (query.mass === 0) return 0;
  let shared = 0;
  const { terms, weights } = query;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as TermInfo;
    if (has(t)) shared += (weights[i] as number) * t.qIdf;
  }
  return shared / query.mass;
}
