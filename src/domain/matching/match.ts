import type { LibraryEntry } from "../library/types.js";
import { analyzeQuestion, type QuestionAnalysis } from "./analyze.js";
import {
  answersCertification,
  askedCertifications,
  capWithoutCertification,
  certificationCap,
  OTHER_FORM_CAP,
} from "./certification-guard.js";
import { gramSimilarities } from "./char-grams.js";
import { calibrationInput, type Features, gramPart, probabilityOf, relevanceOf } from "./features.js";
import type { MatchIndex } from "./index.js";
import { citesArticlePoint, isRegulationEntry, regulationNotNamed } from "./regulation-guard.js";
import { type CompiledQuery, type Scorer, scorerFor, type TermInfo } from "./scorer.js";
import { correctSpelling } from "./spelling.js";
import { normalizeText, tokenize } from "./tokenize.js";
import { unknownNames } from "./unknown-names.js";

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
/** Where a yes/no question's part asked only on a Yes begins: "…? If so, …", "…? If yes, …". */
const CONDITIONAL_TAIL = /\?\s+(?=(if (so|yes)|and if so)\b)/i;
/** The section heading's words, added to a question that leans on its section, at this weight. */
const SECTION_WEIGHT = CONTEXT_WEIGHT;
/**
 * A question whose ask has at most this many content tokens is read in the light of its section
 * ("Is it tested?", "Frequency of testing"). Reading every question with its heading measured no
 * better on the sectioned tuning set (eval/README), and would make a question repeated under many
 * headings one question per heading for answerQuestionnaire's memo.
 */
const SECTION_MAX_ASK = 3;
/** Words of headings that name a place in the document, not a topic ("Section 4", "General", "Table 1 (cont.)"). */
const HEADING_NOISE =
  /\b(?:sections?|parts?|chapters?|appendix|annex|tables?|tabs?|sheets?|pages?|questions?|questionnaires?|general|additional|others?|misc\w*|cont(?:inued)?|[a-z]?\d+(?:\.\d+)*[a-z]?)\b/gi;

/** Whether a question's section heading is read with it: a short ask needs it, a self-contained one does not. */
function leansOnSection(analysis: QuestionAnalysis, askTokens: number): boolean {
  // A governance template's short topic is its own ("for all endpoints"): the heading adds nothing.
  return analysis.intent !== "governance" && askTokens <= SECTION_MAX_ASK;
}

/** A heading word only helps when some entry uses it; any other only dilutes the ask. */
function libraryKnows(index: MatchIndex, term: string): boolean {
  return index.questions.postings.has(term) || index.answers.postings.has(term);
}

/** Whether buildQuery reads this question with its section heading, wherever it sits. */
export function readsSection(index: MatchIndex, text: string): boolean {
  const analysis = analyzeQuestion(text);
  const focus = tokenize(correctSpelling(analysis.focus, index.lexicon, index.lexiconByLength));
  return leansOnSection(analysis, new Set(focus).size);
}

/** How many leading candidates are asked whether they agree on the controls. */
const CONSENSUS_DEPTH = 5;
/** How many BM25 leaders the ranker re-orders. */
export const SHORTLIST = 10;

/** A question as matching reads it: each token with its weight (1 for the ask, less for context). */
export interface Query {
  readonly weights: ReadonlyMap<string, number>;
  readonly focusTerms: readonly string[];
  readonly analysis: QuestionAnalysis;
  /** The question's own words for the character-gram reading: the ask and its context, not the row before. */
  readonly wording: string;
}

export function buildQuery(index: MatchIndex, text: string, previous?: string | null, section?: string | null): Query {
  const analysis = analyzeQuestion(text, previous);
  // No closure for the spelling step: under tsx (keepNames) a closure is named each time it is made.
  // "Do you hold Cyber Essentials Plus? If so, when was your last audit?": the part asked only on a
  // Yes says what the answer should add, not what the question is about: it weighs as context.
  const conditional = CONDITIONAL_TAIL.exec(analysis.focus);
  const head = conditional ? analysis.focus.slice(0, conditional.index + 1) : analysis.focus;
  let focus = [...new Set(tokenize(correctSpelling(head, index.lexicon, index.lexiconByLength)))];
  const tail = conditional
    ? tokenize(correctSpelling(analysis.focus.slice(conditional.index + 1), index.lexicon, index.lexiconByLength))
    : [];
  const leans = section ? leansOnSection(analysis, focus.length) : false;
  const context = analysis.context
    ? [...new Set(tokenize(correctSpelling(analysis.context, index.lexicon, index.lexiconByLength)))]
    : [];
  // "If you do, please describe how.": an ask with (almost) no words of its own is about the
  // context's topic, which then counts in full.
  // A governance template's topic is short by nature ("application security"): its purpose clause
  // stays context.
  const thin = focus.length < THIN_ASK && analysis.intent !== "governance";
  const contextWeight = thin ? 1 : CONTEXT_WEIGHT;
  if (contextWeight === 1) focus = [...new Set([...focus, ...context])];
  const weights = new Map<string, number>(focus.map((t) => [t, 1]));
  for (const t of context) if (!weights.has(t)) weights.set(t, contextWeight);
  for (const t of tail) if (!weights.has(t)) weights.set(t, CONTEXT_WEIGHT);
  // A governance template asks whether <topic> has a policy: of the topic's entries, the one that
  // states the policy answers it ("strong password policies…" is the password policy, not the
  // entry about changing default passwords to strong ones).
  if (analysis.intent === "governance")
    for (const t of GOVERNANCE_TERMS) if (!weights.has(t)) weights.set(t, POLICY_WEIGHT);
  // "Is it reviewed at least annually?" under "Firewall management": the section names the topic.
  // Only words the library uses: "Table 1" or "Section C" name no topic and would only dilute the ask.
  if (leans && section)
    for (const t of tokenize(
      correctSpelling(section.replace(HEADING_NOISE, " "), index.lexicon, index.lexiconByLength),
    ))
      if (!weights.has(t) && libraryKnows(index, t)) weights.set(t, SECTION_WEIGHT);
  // A follow-up's context ends with the row before (analyzeQuestion): its wording would make the
  // row before's own entry the closest.
  const own =
    previous && analysis.context.endsWith(previous)
      ? analysis.context.slice(0, -previous.length).trim()
      : analysis.context;
  const wording = own ? `${analysis.ask} ${own}` : analysis.ask;
  return { weights, focusTerms: focus, analysis, wording };
}

export function questionTexts(index: MatchIndex, entry: number): string[] {
  const e = index.entries[entry];
  return e ? [e.question, ...e.phrasings] : [];
}

/**
 * A shortlisted entry as the ranker orders it: what relevance reads, nothing more. What only a
 * returned candidate shows (its matched terms and phrasing, the phrasing's coverage) is read later,
 * for the `limit` candidates returned, not for the whole shortlist (explain, below).
 */
interface Ranked {
  readonly entry: number;
  readonly libraryEntry: LibraryEntry;
  readonly score: number;
  readonly relevance: number;
  /**
   * What the rules on a question's form took off relevance (an entry about past events for a
   * question about a practice). It decides which entry answers, not which area of the library the
   * question is in: consensus reads the leaders without it.
   */
  readonly penalty: number;
  /** Features without phrasingCoverage, which relevance does not read (0 here until explained). */
  readonly features: Features;
}

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

  const scorer = scorerFor(index);
  const compiled = scorer.compile(query.weights, query.focusTerms);
  // Per entry: its best question-field doc (a phrasing) and that doc's score, then the answer and
  // control fields' scores (the scorer's scratch arrays, read before the next question).
  const scores = scorer.score(compiled);
  const top = shortlist(scorer, compiled, scores, Math.max(limit, SHORTLIST));
  if (top.size === 0) return [];

  const shape = shapeOf(index, query, compiled);
  const grams = gramSimilarities(index.grams, query.wording, top.entries.subarray(0, top.size));
  const ranked: Ranked[] = [];
  for (let k = 0; k < top.size; k++) {
    const candidate = rank(
      index,
      scorer,
      compiled,
      scores,
      shape,
      top.entries[k] as number,
      top.scores[k] as number,
      grams[k] ?? 0,
    );
    if (candidate) ranked.push(candidate);
  }
  ranked.sort((a, b) => b.relevance - a.relevance || b.score - a.score);
  const pointCited = citesArticlePoint(`${query.analysis.reference} ${query.analysis.ask}`);
  if (pointCited) demoteRegulationEntries(index, ranked);
  const leaders = ranked.some((r) => r.penalty > 0)
    ? [...ranked].sort((a, b) => b.relevance + b.penalty - (a.relevance + a.penalty) || b.score - a.score)
    : ranked;
  const asked = askedCertifications(query.analysis.ask);
  if (!asked) {
    const out = calibrated(index, scorer, compiled, scores, ranked, leaders, limit);
    const capOf = capWithoutCertification(index, query.analysis.ask);
    const unnamed = unknownNames(index, query.analysis.ask).length > 0;
    // The regulation may be named in a sentence before the ask ("We are an essential entity under
    // NIS2. Describe how…"): the whole question names it.
    const wholeQuestion = `${query.analysis.reference} ${query.analysis.ask} ${query.analysis.context}`;
    return out.map((c) => {
      const held =
        unnamed ||
        regulationNotNamed(index, wholeQuestion, c.entryId) ||
        (pointCited && isRegulationEntry(index, c.entryId));
      const cap = held ? Math.min(OTHER_FORM_CAP, capOf(c.entryId)) : capOf(c.entryId);
      // A copy every time, not only over the cap: a branch first taken after matchQuery was
      // optimised (a cap under the candidate's confidence) sent the whole function back to the
      // interpreter, as it did in the bench's matchQuestion pass.
      return { ...c, confidence: Math.min(c.confidence, cap) };
    });
  }
  // A question that names a certification: the entries that may answer it come first, the others
  // follow; each keeps at most the confidence certification-guard.ts allows it. Lead and consensus
  // are read against the whole ranking, as without the guard, so the guard only ever lowers one.
  const order: number[] = [];
  for (let i = 0; i < ranked.length; i++)
    if (answersCertification(index, asked, (ranked[i] as Ranked).entry)) order.push(i);
  for (let i = 0; i < ranked.length; i++)
    if (!answersCertification(index, asked, (ranked[i] as Ranked).entry)) order.push(i);
  const out: Candidate[] = [];
  for (const i of order.slice(0, limit)) {
    const c = ranked[i] as Ranked;
    const rival = i === 0 ? secondOf(ranked) : ranked[0];
    const shown = candidate(
      index,
      scorer,
      compiled,
      scores,
      c,
      c.relevance - (rival?.relevance ?? 0),
      consensusOf(c, leaders),
    );
    const cap = certificationCap(index, asked, c.entry);
    out.push(shown.confidence <= cap ? shown : { ...shown, confidence: cap });
  }
  return out;
}

/**
 * A question citing one point of an article is about that measure (regulation-guard.ts): the entries
 * on the regulation as a whole go after the others, in place, so lead and consensus are read as if
 * the measure's entries led.
 */
function demoteRegulationEntries(index: MatchIndex, ranked: Ranked[]): void {
  const whole = ranked.filter((r) => isRegulationEntry(index, r.libraryEntry.id));
  if (whole.length === 0 || whole.length === ranked.length) return;
  const rest = ranked.filter((r) => !isRegulationEntry(index, r.libraryEntry.id));
  ranked.splice(0, ranked.length, ...rest, ...whole);
}

// matchQuery's steps are separate functions on purpose: as one function it was the largest thing
// V8 optimised in a run, compiled two or three times (a fifth of a cold run's CPU, on other threads).

type Scores = ReturnType<Scorer["score"]>;

/** The `depth` best entries by the combined field score, as a running top-k (no sort of every entry). */
function shortlist(
  scorer: Scorer,
  compiled: CompiledQuery,
  scores: Scores,
  depth: number,
): { entries: Int32Array; scores: Float64Array; size: number } {
  const { bestScore, answer: answerScores, control: controlScores } = scores;
  const { selfQ, selfA, selfC } = compiled;
  const entryCount = scorer.entryCount;
  const topEntry = new Int32Array(depth);
  const topScore = new Float64Array(depth);
  let size = 0;
  for (let entry = 0; entry < entryCount; entry++) {
    const score =
      (bestScore[entry] as number) / selfQ +
      (ANSWER_WEIGHT * (answerScores[entry] as number)) / selfA +
      (CONTROL_WEIGHT * (controlScores[entry] as number)) / selfC;
    if (score <= 0) continue;
    if (size === depth && score <= (topScore[depth - 1] as number)) continue;
    let at = size < depth ? size : depth - 1;
    while (at > 0 && (topScore[at - 1] as number) < score) {
      topEntry[at] = topEntry[at - 1] as number;
      topScore[at] = topScore[at - 1] as number;
      at--;
    }
    topEntry[at] = entry;
    topScore[at] = score;
    if (size < depth) size++;
  }
  return { entries: topEntry, scores: topScore, size };
}

/**
 * What the ranker reads of the question itself, the same for every candidate, read once per
 * question rather than once per shortlisted entry. Each term's share (w·qIdf) is the very product
 * the coverage sums added per candidate, so the sums, still in query order, are unchanged.
 */
interface QueryShape {
  readonly conceptCount: number;
  readonly unknownShare: number;
  readonly longQuestion: number;
  readonly queryTerms: number;
  readonly governance: number;
  /** 1 when the question is a governance template or asks for a process, procedure, policy or plan. */
  readonly asksForPolicy: number;
  /** 1 when that question names processes ("Are processes, procedures and technical measures defined…"). */
  readonly asksForProcess: number;
  /**
   * Per entry, 1 for an entry about past events, when the question names none (it is then held
   * back); null when the question is about the past. Read once per question, not per candidate.
   */
  readonly pastEntries: Uint8Array | null;
  /**
   * Per entry, 1 for an entry about what the product offers its customers' users, when the question
   * asks about such a capability (then it is preferred); null otherwise.
   */
  readonly productEntries: Uint8Array | null;
  /**
   * The same flags, when the question asks about the vendor's own workforce ("everyone on your
   * team", "your engineers") and not the product's users: those entries are then held back; null
   * otherwise.
   */
  readonly workforceAsked: Uint8Array | null;
  /** Contrasts the ask names one side of: [the side it names, the side it does not]. */
  readonly contrasts: readonly (readonly [readonly string[], readonly string[]])[];
  /** Per query term: w·qIdf, its part of the coverage sums. */
  readonly termMass: Float64Array;
  /** Per query term: 1 for a concept the ask names in full (weight 1), which conceptShare counts. */
  readonly askedConcept: Uint8Array;
  /** Σ qIdf over the focus terms in focus order: the query side of Dice. */
  readonly focusMass: number;
  /** Per entry, 1 when one of its questions names the thing an existence question asks for; null when none is asked. */
  readonly namesThing: Uint8Array | null;
  /** When an existence question asks for a programme ("Is there an access control program?"), the question's terms; else null. */
  readonly programmeAsked: ReadonlyMap<string, number> | null;
}

function shapeOf(index: MatchIndex, query: Query, compiled: CompiledQuery): QueryShape {
  const { terms, weights } = compiled;
  const termMass = new Float64Array(terms.length);
  const askedConcept = new Uint8Array(terms.length);
  let conceptCount = 0;
  // massShare(compiled, (t) => !t.known), summed here in the same order: no closure per question.
  let unknownMass = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as TermInfo;
    termMass[i] = (weights[i] as number) * t.qIdf;
    if (!t.known) unknownMass += termMass[i] as number;
    if (t.term.startsWith("§") && weights[i] === 1) {
      askedConcept[i] = 1;
      conceptCount++;
    }
  }
  let focusMass = 0;
  for (const t of compiled.focus) focusMass += t.qIdf;
  return {
    conceptCount,
    unknownShare: compiled.mass === 0 ? 0 : unknownMass / compiled.mass,
    longQuestion: query.analysis.context !== "" ? 1 : 0,
    queryTerms: Math.min(1, Math.log1p(query.focusTerms.length) / Math.log1p(6)),
    governance: query.analysis.intent === "governance" ? 1 : 0,
    asksForPolicy: query.analysis.intent === "governance" || ASKS_FOR_POLICY.test(query.analysis.ask) ? 1 : 0,
    asksForProcess: query.analysis.intent === "governance" && PROCESS_NOUN.test(query.analysis.ask) ? 1 : 0,
    pastEntries: PAST_EVENTS.test(`${query.analysis.ask} ${query.analysis.context}`) ? null : aboutThePast(index),
    productEntries: PRODUCT_CAPABILITY.test(query.analysis.ask) ? forProductUsers(index) : null,
    workforceAsked:
      WORKFORCE.test(query.analysis.ask) && !NAMES_THE_BUYER.test(query.analysis.ask) ? forProductUsers(index) : null,
    contrasts: contrastsOf(query),
    namesThing: entriesNamingThing(index, query.analysis.ask),
    programmeAsked: asksForProgramme(query.analysis.ask) ? query.weights : null,
    termMass,
    askedConcept,
    focusMass,
  };
}

/** massShare over the terms a question-field document (a phrasing) has. */
function phrasingShare(scorer: Scorer, compiled: CompiledQuery, doc: number): number {
  if (compiled.mass === 0) return 0;
  let shared = 0;
  const { terms, weights } = compiled;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as TermInfo;
    if (scorer.inPhrasing(t, doc)) shared += (weights[i] as number) * t.qIdf;
  }
  return shared / compiled.mass;
}

/** The best question-field document of a shortlisted entry, or -1 when it has none. */
function bestPhrasing(index: MatchIndex, scores: Scores, entry: number): number {
  const docIndex = scores.bestDoc[entry] ?? -1;
  return docIndex >= 0 && index.questions.docs[docIndex] !== undefined ? docIndex : -1;
}

/** One shortlisted entry: the features relevance reads, and its relevance. */
function rank(
  index: MatchIndex,
  scorer: Scorer,
  compiled: CompiledQuery,
  scores: Scores,
  shape: QueryShape,
  entry: number,
  score: number,
  gramSimilarity: number,
): Ranked | null {
  const { bestScore, answer: answerScores, control: controlScores } = scores;
  const libraryEntry = index.entries[entry];
  if (!libraryEntry || !index.entryTerms[entry]) return null;
  const docIndex = bestPhrasing(index, scores, entry);
  // Weighted Dice of the query's focus and the best phrasing: how much each side shares with the other.
  let diceValue = 0;
  if (docIndex >= 0) {
    let sharedMass = 0;
    for (const t of compiled.focus) if (scorer.inPhrasing(t, docIndex)) sharedMass += t.qIdf;
    const queryMass = shape.focusMass;
    const docMass = scorer.docMass(docIndex);
    diceValue = queryMass + docMass === 0 ? 0 : (2 * sharedMass) / (queryMass + docMass);
  }
  // Coverage in the entry and in its topic, and the asked concepts it holds: one pass over the terms.
  const { terms } = compiled;
  const { termMass, askedConcept } = shape;
  let inEntry = 0;
  let inTopic = 0;
  let conceptsHeld = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as TermInfo;
    if (t.inEntry[entry] === 1) {
      inEntry += termMass[i] as number;
      conceptsHeld += askedConcept[i] as number;
    }
    if (t.inTopic[entry] === 1) inTopic += termMass[i] as number;
  }
  const { selfQ, selfA, selfC, mass } = compiled;
  const features: Features = {
    coverage: mass === 0 ? 0 : inEntry / mass,
    topicCoverage: mass === 0 ? 0 : inTopic / mass,
    phrasingCoverage: 0,
    dice: diceValue,
    questionStrength: Math.min(1.5, (bestScore[entry] as number) / selfQ),
    answerStrength: Math.min(1.5, (answerScores[entry] as number) / selfA),
    controlStrength: Math.min(1.5, (controlScores[entry] as number) / selfC),
    conceptShare: shape.conceptCount === 0 ? 0.5 : conceptsHeld / shape.conceptCount,
    unknownShare: shape.unknownShare,
    queryTerms: shape.queryTerms,
    longQuestion: shape.longQuestion,
    governance: shape.governance,
    gramSimilarity,
  };
  const policyBonus =
    shape.asksForPolicy === 1 &&
    (statesPolicy(index)[entry] === 1 || (shape.asksForProcess === 1 && statesProcess(index)[entry] === 1))
      ? GOVERNANCE_POLICY_BONUS * features.coverage ** 2
      : 0;
  const historyPenalty = shape.pastEntries !== null && shape.pastEntries[entry] === 1 ? HISTORY_PENALTY : 0;
  const audienceBonus = shape.productEntries !== null && shape.productEntries[entry] === 1 ? AUDIENCE_BONUS : 0;
  const workforcePenalty = shape.workforceAsked !== null && shape.workforceAsked[entry] === 1 ? AUDIENCE_BONUS : 0;
  // Most questions name no contrast: the phrasing's counts are then not read at all.
  const contrastPenalty =
    shape.contrasts.length > 0 && docIndex >= 0 && contradicts(shape, index.questions.docs[docIndex]?.tf)
      ? CONTRAST_PENALTY
      : 0;
  const thingBonus = shape.namesThing !== null && shape.namesThing[entry] === 1 ? THING_BONUS : 0;
  const otherProgramme =
    shape.programmeAsked !== null && docIndex >= 0 && namesOtherProgramme(index, docIndex, shape.programmeAsked)
      ? CONTRAST_PENALTY
      : 0;
  // An entry the rules read as the wrong kind (about past events, the other side of a contrast, an
  // internal control for a question about the product's users) gets no credit for reading like the
  // question: its phrasing is close in letters ("Is audit logging enabled on enterprise assets?" for
  // "Is audit logging enabled for customer admin actions…?") because it is the sibling the rule is for.
  const wrongKind =
    historyPenalty > 0 ||
    contrastPenalty > 0 ||
    otherProgramme > 0 ||
    workforcePenalty > 0 ||
    (shape.productEntries !== null && shape.productEntries[entry] === 0);
  return {
    entry,
    libraryEntry,
    score,
    relevance:
      relevanceOf(features) -
      (wrongKind ? gramPart(features) : 0) +
      policyBonus +
      audienceBonus +
      thingBonus -
      historyPenalty -
      contrastPenalty -
      otherProgramme -
      workforcePenalty,
    penalty: historyPenalty,
    features,
  };
}

/**
 * An entry about what happened ("Have you ever experienced a data breach?": "No") answers only a
 * question about the past. "Are customers notified of incidents?" shares its words (notification,
 * customers, incidents) but asks about a practice: drafted from it, the answer was "No". Such an
 * entry loses this much relevance when the question has no word of past events, enough for the
 * practice's entry to lead. An entry is about the past when its question and half its phrasings are.
 *
 * This and the other rule adjustments below (contrast, audience, thing, governance policy) were set
 * by hand before relevance had its character-gram part, which widens the gaps between entries; they
 * count 1.5 times what they were (0.3, 0.15, 0.15, 0.1, 0.15), which left tuning and strict-tuning as
 * they were and keeps every rule example in test/matching.
 */
const HISTORY_PENALTY = 0.45;
const PAST_EVENTS =
  /\b(in recent (years|months)|recently|ever|to date|historically|previously|experienced|suffered|have there been|has there been|were there|did you (have|suffer|experience|notify|report)|have you (had|notified|reported|suffered|experienced|disclosed)|(has|have) (your|the) (company|organi[sz]ation|firm) had|had any|(in|during|over) the (past|last|previous) (year|twelve months|\d+ (yrs?|years?|months?))|(past|last|previous|preceding) (\d+|few|two|three|five|twelve|twenty-four|thirty-six) (yrs?|years?|months?)|last (year|twelve months)|in the past|so far|until now|up to now|before(?=\s*\??\s*$)|^any (data |security )?(breach|breaches|incidents?|compromises?))\b/i;
const pastEntries = new WeakMap<MatchIndex, Uint8Array>();
/** Per entry: 1 when its question and at least half of its phrasings ask about past events. */
const aboutThePast = (index: MatchIndex): Uint8Array =>
  flagsPerEntry(
    pastEntries,
    index,
    (e) =>
      PAST_EVENTS.test(e.question) && 2 * e.phrasings.filter((t) => PAST_EVENTS.test(t)).length >= e.phrasings.length,
  );

/**
 * Words that name one of two opposite things: "restrict physical access to facilities" is not
 * answered by the phrasing "restrict logical access to protected information assets", however many
 * other words they share. An entry whose best phrasing names the other side, and not the asked one,
 * loses this much relevance (an entry that names both, or neither, loses nothing).
 */
const CONTRAST_PENALTY = 0.225;
/** Each contrast's two sides, a side being the tokens that name it. */
type Side = readonly string[];
const CONTRASTS: readonly (readonly [Side, Side])[] = [
  [["physic"], ["logic"]],
  [["inbound"], ["outbound"]],
  [["§rest"], ["§transit"]],
  // Whose location or conduct is asked: the staff's, or the sub-processors'.
  [["personnel", "staff", "employe"], ["§subprocessor"]],
  // Who did it: the organisation itself, or an outside party ("the internal audit report" is not the
  // third-party audit report; "external scans" are not the internal ones).
  [["intern"], ["extern", "third"]],
  // What is watched: the networks and systems, or the premises ("Are networks monitored to find
  // potentially adverse events?" is not "Is the physical environment monitored…?").
  [["network"], ["physic"]],
  // What is done to a drive: protecting the data on it, or getting rid of it ("Is the hard drive
  // encrypted on every laptop?" is not "how hard drives and laptops are wiped or destroyed").
  [["encrypt"], ["wipe", "dispos", "shred", "degauss"]],
  // What went wrong: a weakness found in the software, or an incident that happened ("Is root cause
  // analysis performed on vulnerabilities found in applications?" is not "root cause analysis after
  // incidents").
  [["vulner"], ["incid"]],
];
/** Whether the terms (a query's weights, a phrasing's counts) hold one of the side's tokens. */
function namesSide(terms: ReadonlyMap<string, number>, side: Side): boolean {
  for (const t of side) if (terms.has(t)) return true;
  return false;
}
/** Whether the ask itself (weight 1) names one of the side's tokens. */
function asksSide(weights: ReadonlyMap<string, number>, side: Side): boolean {
  for (const t of side) if (weights.get(t) === 1) return true;
  return false;
}
/**
 * The contrasts whose one side the ask names and whose other side the question does not: [named,
 * other]. Plain loops, no closure per question (each was made, and under tsx named, per call).
 */
function contrastsOf(query: Query): (readonly [Side, Side])[] {
  const { weights } = query;
  const out: (readonly [Side, Side])[] = [];
  for (const [a, b] of CONTRASTS) {
    if (asksSide(weights, a) && !namesSide(weights, b)) out.push([a, b]);
    else if (asksSide(weights, b) && !namesSide(weights, a)) out.push([b, a]);
  }
  return out;
}
function contradicts(shape: QueryShape, phrasing: ReadonlyMap<string, number> | undefined): boolean {
  if (!phrasing) return false;
  for (const [named, other] of shape.contrasts)
    if (namesSide(phrasing, other) && !namesSide(phrasing, named)) return true;
  return false;
}

/**
 * A question about what the product lets its customers' users do ("Do you support RBAC for
 * end-users?", "Does your company provide customers with the ability to run their own scans?")
 * shares its words with the internal control of the same name (staff RBAC, our own scanning), whose
 * phrasings are often the closer match. Such a question prefers, by this much relevance, the entries
 * written about customers and their users: "customers" as actors, not "customer data".
 */
const AUDIENCE_BONUS = 0.225;
// "End-user devices" are staff laptops and phones (CIS wording), not the product's users.
const PRODUCT_CAPABILITY =
  /\bin[\s-]app\b|\b(end[\s-]?users?(?! (devices?|workstations?|computing|endpoints?|systems?|equipment|hardware|laptops?|machines?))|(customer|client|tenant|institution|institutional|application|app|platform|product) (users?|admins?|administrators?)|(allow|allows|enable|enables|let|lets|permit|permits) (customers|clients|users|tenants|institutions|the institution|the customer|the client|us|our (users|admins|administrators)) to|provides? (customers|clients|users|tenants|institutions|the institution|the customer|the client|us) with|(does|do|can|will|is|are) (your|the) (product|application|app|solution|platform|software|saas) (support|supports|offer|provide|allow|enable|enforce|have|include|integrate|expose|let)|(enforceable|configurable|available|enabled|managed|controlled) by (the |our )?(customer|client|hospital|institution|university|school|district|tenant|organi[sz]ation|admins?|administrators)|(can|does|will) (your|the) (product|application|app|solution|platform|software|saas) (automatically )?((sign|log|time) (\w+ )?(out|off)|lock|end|force|restrict|mask|redact)|(can|could|may|will) our (own )?(users|admins?|administrators|staff|team|people) (configure|set|change|adjust|choose|define|manage|control|enable|disable|turn)|(can|could|may) we (require|enforce|mandate|force|make)\b[^?]{0,30}\b(our|all) (\w+ ){0,2}(users|admins?|administrators|staff|employees|people|managers|members)|\bour (own )?(team|staff|users|people|employees)('?s|')? (logins?|log-?ins|accounts?|sessions?|sign[\s-]?ins?|passwords?)|(how|where|whom?) (do|can|should|would|may) (we|customers|clients|our (\w+ )?(team|staff|users|people)) (reach|contact|report|notify|escalate))\b/i;
/**
 * The vendor's own people, named as such: "everyone on your team", "your engineers", "all your
 * staff". The entries written about the product's users answer the other audience.
 */
const WORKFORCE =
  /\b(everyone|everybody|anyone|all|each)( of)? (on|at|in|across) your (team|company|organi[sz]ation|business|firm)\b|\byour (own |whole |entire )?((system|it|cloud|platform|database|network) )?(team|staff|employees|people|engineers|developers|workforce|personnel|contractors|admins|administrators|sysadmins|support (staff|team|engineers))\b|\ball (of )?your (staff|employees|people|engineers|team)\b/i;
/**
 * The buyer, its data or its users named: the vendor's staff then act on the customer's side
 * ("Can your support team log into our account?"), where the customer-facing entries answer.
 */
const NAMES_THE_BUYER = /\b(we|us|our|customers?|clients?|tenants?|end[\s-]?users?)\b/i;
const CUSTOMER_SIDE =
  /\b((customers?|clients?|tenants?|institutions?)(?!'?s? (data|information|records|content|files|personal|environment))|end[\s-]?users?|(your|their|our|application|app|platform|product|customer) users|(the|your) (application|app|product|solution|platform)|in-app|in the app)\b/i;
const productUserEntries = new WeakMap<MatchIndex, Uint8Array>();
/** Per entry: 1 when its question, or at least half its phrasings, speak of customers or their users. */
const forProductUsers = (index: MatchIndex): Uint8Array =>
  flagsPerEntry(productUserEntries, index, (e) => {
    const side = e.phrasings.filter((p) => CUSTOMER_SIDE.test(p)).length;
    return CUSTOMER_SIDE.test(e.question) || side * 2 >= e.phrasings.length;
  });

/**
 * "Is there a risk register in which each risk is assigned an owner…?", "Do you have a disciplinary
 * process…?": an existence question names the thing it asks for. The entry whose own question or a
 * phrasing names that thing answers it, rather than one that only mentions it in its answer ("risks
 * are recorded in the risk register"). That entry gains this much relevance.
 */
const THING_BONUS = 0.15;
const EXISTENCE_ASK =
  /^(?:is there|are there|do you have|does (?:the|your) (?:company|organi[sz]ation|vendor|supplier|firm|provider) have|do you maintain|does (?:the|your) (?:company|organi[sz]ation|vendor|supplier|firm|provider) maintain|have you (?:established|implemented|adopted|defined)|has (?:the|your) (?:company|organi[sz]ation|vendor|supplier) (?:established|implemented|adopted|defined))\s+(?:an?\s+|any\s+)?(?:(?:formal|formally|documented|written|defined|current|dedicated|designated|established|approved|central|centrali[sz]ed|up-to-date|organi[sz]ation-wide|company-wide|enterprise-wide)[,\s]+(?:and\s+)?)*((?:[a-z0-9-]+\s+){0,2}?[a-z0-9-]+?)(?=\s+(?:in|of|for|with|that|which|where|to|on|covering|including|approved|maintained|established|defined|documented|and|or|who|whose|at|by|from|per|across)\b|\s*[,?.;:(]|\s*$)/;
/** "Is an incident response plan in place…?": the same ask, the thing first. */
const IN_PLACE_ASK =
  /^(?:is|are) (?:an?|the|your) ((?:[a-z0-9-]+\s+){0,3}?[a-z0-9-]+?) (?:in place|established|maintained|documented|defined|implemented)\b/;

/** The thing an existence question asks for ("risk register", "incident response plan"), or null. */
export function askedThing(ask: string): string | null {
  const t = normalizeText(ask);
  return EXISTENCE_ASK.exec(t)?.[1] ?? IN_PLACE_ASK.exec(t)?.[1] ?? null;
}

/**
 * "Is there an access control program?", "Is there a documented privacy programme…?": the word
 * "program" is rare in the library, so an entry whose phrasing names a programme of something else
 * ("an audit and assurance programme that checks your security controls", "security and privacy
 * awareness program", "insider threat program") outranked the topic's own entry. A programme is of
 * the word before it; when the question never names that word, the phrasing is about another programme.
 */
const ASKS_FOR_PROGRAMME = /^(.+?) program$/;
/** The words before each "program(s)" in a text, up to four. */
const PROGRAMME_OF = /((?:[a-z0-9-]+ ){0,3}[a-z0-9-]+) programs?\b/g;
/**
 * Words before "program" that say how it is run, not what it is of ("a planned programme", "risk
 * management program", "incident response programme", "audit and assurance programme"): the
 * programme is of the word before them.
 */
const RUNS_A_PROGRAMME =
  /^(management|governance|compliance|assurance|oversight|response|handling|formal|documented|defined|established|dedicated|overall|comprehensive|annual|ongoing|planned)$/;
/** A word that ends the phrase before "program": the programme names nothing it is of ("according to a planned programme"). */
const NO_PROGRAMME_TOPIC =
  /^(a|an|the|this|that|your|our|its|their|any|such|own|whole|entire|to|of|by|in|with|for|under|from)$/;

/** Whether an existence question asks for a programme ("an access control program"). */
function asksForProgramme(ask: string): boolean {
  const thing = askedThing(ask);
  return thing !== null && ASKS_FOR_PROGRAMME.test(thing);
}
/**
 * What a programme is of: the last word before "program" that is not how it is run, and the last
 * word before an "and" ("business continuity and disaster recovery program" is of both); none
 * when the phrase names nothing it is of.
 */
function programmeHeads(phrase: string): string[] {
  const words = phrase.split(" ");
  const heads: string[] = [];
  let wanted = true;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as string;
    if (NO_PROGRAMME_TOPIC.test(word)) break;
    if (word === "and" || word === "or") wanted = true;
    else if (wanted && !RUNS_A_PROGRAMME.test(word)) {
      heads.push(word);
      wanted = false;
    }
  }
  return heads;
}
/** Whether a phrasing names only programmes of things the question does not name. */
function namesOtherProgramme(index: MatchIndex, docIndex: number, weights: ReadonlyMap<string, number>): boolean {
  const doc = index.questions.docs[docIndex];
  if (!doc) return false;
  const text = normalizeText(questionTexts(index, doc.entry)[doc.ordinal] ?? "");
  let other = false;
  for (const m of text.matchAll(PROGRAMME_OF)) {
    const heads = programmeHeads(m[1] as string);
    if (heads.some((h) => tokenize(h).some((t) => weights.has(t)))) return false;
    if (heads.length > 0) other = true;
  }
  return other;
}

function entriesNamingThing(index: MatchIndex, ask: string): Uint8Array | null {
  const thing = askedThing(ask);
  if (!thing) return null;
  // "an access control program": a programme is named by its topic, which the library rarely calls
  // a programme. Its words must then stand together ("access control policy", not "patch management
  // … on enterprise assets" for "asset management").
  const topic = ASKS_FOR_PROGRAMME.exec(thing)?.[1];
  const terms = tokenize(topic ?? thing).filter((t) => !t.startsWith("§"));
  if (terms.length === 0) return null;
  const flags = new Uint8Array(index.entries.length);
  const docs = index.questions.postings.get(terms[0] as string) ?? [];
  for (const d of docs) {
    const doc = index.questions.docs[d];
    if (!doc || !terms.every((t) => doc.tf.has(t))) continue;
    if (topic === undefined || namesInOrder(questionTexts(index, doc.entry)[doc.ordinal] ?? "", terms))
      flags[doc.entry] = 1;
  }
  return flags;
}

/** Whether a text's words include the terms one after another. */
function namesInOrder(text: string, terms: readonly string[]): boolean {
  const words = tokenize(text).filter((t) => !t.startsWith("§"));
  for (let i = 0; i + terms.length <= words.length; i++) if (terms.every((t, k) => words[i + k] === t)) return true;
  return false;
}

/** A flag per entry of an index, worked out once and kept with the index. */
function flagsPerEntry(
  cache: WeakMap<MatchIndex, Uint8Array>,
  index: MatchIndex,
  flagged: (entry: LibraryEntry) => boolean,
): Uint8Array {
  let flags = cache.get(index);
  if (!flags) {
    flags = Uint8Array.from(index.entries, (e) => (flagged(e) ? 1 : 0));
    cache.set(index, flags);
  }
  return flags;
}

/**
 * A governance template ("Are identity and access management policies and procedures established,
 * documented…?"), or a question that asks for a process, procedure, policy or plan, asks whether the
 * topic is governed, and how: of the entries on the topic, the one whose own
 * questions name a policy, procedure, plan or programme answers it, not the IAM system or the team.
 * Relevance gains this much, scaled by the square of the entry's coverage of the question, so that an
 * entry naming a policy on another topic gains next to nothing. Fitted by hand on tuning (0.1–0.2 drafted
 * the same questions right); both holdouts' precision held or rose.
 */
const GOVERNANCE_POLICY_BONUS = 0.225;
/** "Describe your process for responding to incidents": the entry that states the process answers it too. */
const ASKS_FOR_POLICY = /\b(process(es)?|procedures?|polic(y|ies)|plans?)\b/i;
const POLICY_NOUN = /\b(polic(y|ies)|procedures?|plans?|programs?|programmes?|standards?)\b/i;
const policyEntries = new WeakMap<MatchIndex, Uint8Array>();
/** Per entry: 1 when its question or a phrasing names a policy, procedure, plan, programme or standard. */
const statesPolicy = (index: MatchIndex): Uint8Array =>
  flagsPerEntry(policyEntries, index, (e) => [e.question, ...e.phrasings].some((t) => POLICY_NOUN.test(t)));
/**
 * A governance template that asks for processes ("Are processes, procedures and technical measures
 * defined, implemented and evaluated for <topic>?") is answered as well by the entry whose own
 * questions state the process ("Are processes defined to manage security risks
 * associated with the ICT products and services supply chain?") as by one naming a policy: without
 * it, the topic's neighbour that named a "programme" or "policy" took the bonus alone. The noun
 * only ("systems that process our data" states no process), and only for a template: outside one,
 * "Describe your process for…" keeps the policy nouns (with every process, a blind set lost a right draft).
 */
const PROCESS_NOUN =
  /(?<!\b(to|can|will|may|who|which|that|or|and|it|they|we|you) )\bprocess(es)?\b(?! (our|the|your|their|its|customer|personal|protected|sensitive|health|card|payment|data|information|it|them|on)\b)/i;
const processEntries = new WeakMap<MatchIndex, Uint8Array>();
/** Per entry: 1 when its question or a phrasing names a process. */
const statesProcess = (index: MatchIndex): Uint8Array =>
  flagsPerEntry(processEntries, index, (e) => [e.question, ...e.phrasings].some((t) => PROCESS_NOUN.test(t)));

/** What a returned candidate shows: the terms it matched, its best phrasing and that phrasing's coverage. */
function explain(
  index: MatchIndex,
  scorer: Scorer,
  compiled: CompiledQuery,
  scores: Scores,
  c: Ranked,
): { features: Features; matchedTerms: string[]; matchedText: string; phrasingTerms: string[] } {
  const { entry, libraryEntry } = c;
  const docIndex = bestPhrasing(index, scores, entry);
  const shared: string[] = [];
  if (docIndex >= 0) for (const t of compiled.focus) if (scorer.inPhrasing(t, docIndex)) shared.push(t.term);
  const matched = new Set(shared);
  for (const t of compiled.terms) if (t.inEntry[entry] === 1) matched.add(t.term);
  const f = c.features;
  // The same keys in the same order as ever: reports serialise this object.
  const features: Features = {
    coverage: f.coverage,
    topicCoverage: f.topicCoverage,
    phrasingCoverage: docIndex >= 0 ? phrasingShare(scorer, compiled, docIndex) : 0,
    dice: f.dice,
    questionStrength: f.questionStrength,
    answerStrength: f.answerStrength,
    controlStrength: f.controlStrength,
    conceptShare: f.conceptShare,
    unknownShare: f.unknownShare,
    queryTerms: f.queryTerms,
    longQuestion: f.longQuestion,
    governance: f.governance,
    gramSimilarity: f.gramSimilarity,
  };
  const ordinal = docIndex >= 0 ? (index.questions.docs[docIndex]?.ordinal ?? 0) : 0;
  return {
    features,
    matchedTerms: [...matched],
    matchedText: (ordinal === 0 ? libraryEntry.question : libraryEntry.phrasings[ordinal - 1]) ?? libraryEntry.question,
    phrasingTerms: shared,
  };
}

/** The first `limit` candidates (sorted by relevance) with their lead, consensus and calibrated confidence. */
function calibrated(
  index: MatchIndex,
  scorer: Scorer,
  compiled: CompiledQuery,
  scores: Scores,
  ranked: readonly Ranked[],
  leaders: readonly Ranked[],
  limit: number,
): Candidate[] {
  const out: Candidate[] = [];
  // As many as ranked.slice(0, limit) holds, whatever `limit` is (it was a slice).
  const shown = ranked.slice(0, limit).length;
  for (let i = 0; i < shown; i++) {
    const c = ranked[i] as Ranked;
    // How far this entry leads the best other one: the leader's margin, or a runner-up's deficit.
    const rival = i === 0 ? secondOf(ranked) : ranked[0];
    const lead = c.relevance - (rival?.relevance ?? 0);
    out.push(candidate(index, scorer, compiled, scores, c, lead, consensusOf(c, leaders)));
  }
  return out;
}

/**
 * The runner-up, or undefined for a ranking of one. Not `ranked[1]`: a read past the end of an
 * array is a deopt in optimised code that had not seen one (a one-candidate ranking is rare), and
 * `calibrated` was then compiled a second time in some runs.
 */
function secondOf(ranked: readonly Ranked[]): Ranked | undefined {
  return ranked.length > 1 ? ranked[1] : undefined;
}

/**
 * Whether the other leaders stand on the same controls: an unambiguous area of the library. The
 * share of the first CONSENSUS_DEPTH candidates other than `c` that share a control with it
 * (counted in loops: the filter/some/includes closures were a tenth of matching a question).
 */
function consensusOf(c: Ranked, ranked: readonly Ranked[]): number {
  const controls = c.libraryEntry.controls;
  let others = 0;
  let agreeing = 0;
  const depth = Math.min(CONSENSUS_DEPTH, ranked.length);
  for (let j = 0; j < depth; j++) {
    const o = ranked[j] as Ranked;
    if (o === c) continue;
    others++;
    for (const id of o.libraryEntry.controls)
      if (controls.includes(id)) {
        agreeing++;
        break;
      }
  }
  return others === 0 ? 1 : agreeing / others;
}

/** A returned candidate: its explanation and its calibrated confidence. */
function candidate(
  index: MatchIndex,
  scorer: Scorer,
  compiled: CompiledQuery,
  scores: Scores,
  c: Ranked,
  lead: number,
  consensus: number,
): Candidate {
  const shown = explain(index, scorer, compiled, scores, c);
  return {
    entryId: c.libraryEntry.id,
    score: round(c.score),
    confidence: round(probabilityOf(calibrationInput(shown.features, c.relevance, lead, consensus))),
    relevance: c.relevance,
    lead,
    matchedTerms: shown.matchedTerms,
    matchedText: shown.matchedText,
    phrasingTerms: shown.phrasingTerms,
    features: shown.features,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
