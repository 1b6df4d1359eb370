import { askedFact, FACT_WORDS, statesFact } from "../drafting/asked-fact.js";
import { hasTwoAsks } from "../drafting/combine.js";
import { DEFAULT_THRESHOLDS, type Draft, type DraftThresholds, draftAnswer } from "../drafting/draft.js";
import { findingGradeNote } from "../drafting/finding-grade.js";
import { basisNote } from "../drafting/named-basis.js";
import { partyNote } from "../drafting/party.js";
import { recurrenceNote } from "../drafting/recurrence.js";
import { levelNote } from "../drafting/scheme-level.js";
import { draftSoc2Categories, soc2ScopeFit, withoutScopeVerdict } from "../drafting/soc2-categories.js";
import { soc2CategoryAsk } from "../drafting/soc2-category-ask.js";
import { polarityOf } from "../drafting/values.js";
import type { Control, Library, LibraryEntry } from "../library/types.js";
import { analyzeQuestion, type QuestionAnalysis } from "../matching/analyze.js";
import type { MatchIndex } from "../matching/index.js";
import { buildQuery, type Candidate, matchQuery, type Query, readsSection } from "../matching/match.js";
import { outOfScope } from "../matching/scope.js";
import { conceptsOf, normalizeText } from "../matching/tokenize.js";
import type { Question, Questionnaire } from "../questionnaire/types.js";
import type { CustomerContext } from "./customer.js";
import { finalizeAnswer } from "./finalize.js";
import {
  detailOfTheRowBefore,
  type FollowUpReading,
  followUpReading,
  pastTheRowBefore,
  rowBefore,
} from "./follow-up.js";
import { type AnswerReport, type ReportQuestion, summarize, withStaleWarnings } from "./report.js";
import { siblingStatingFact, siblingWithoutExtraAct } from "./siblings.js";

/** How close to one of an entry's phrasings a question must be for that entry to have been taught it. */
const TAUGHT_COVERAGE = 0.95;
const TAUGHT_DICE = 0.75;

export interface AnswerOptions {
  readonly thresholds?: DraftThresholds;
  /** How many alternatives to keep for the reviewer. */
  readonly alternatives?: number;
}

/** Everything answering needs, prepared once per library (the index is the costly part). */
export interface PreparedLibrary {
  readonly library: Library;
  readonly index: MatchIndex;
  readonly entriesById: ReadonlyMap<string, LibraryEntry>;
  readonly controlsById: ReadonlyMap<string, Control>;
}

/** An entry's answer text by id ("" for an id the library does not hold). */
const answerOf =
  (prepared: PreparedLibrary) =>
  (id: string): string =>
    prepared.entriesById.get(id)?.answer ?? "";

/** An entry's question and answer, as a follow-up reads what it states ("" for an id the library does not hold). */
const entryTextOf =
  (prepared: PreparedLibrary) =>
  (id: string): string => {
    const entry = prepared.entriesById.get(id);
    return entry ? `${entry.question} ${entry.answer}` : "";
  };

/** A second entry joins the first only when it is nearly as good a match in its own right. */
const COMBINE_RATIO = 0.7;

/**
 * The entries to answer from: the best candidate, plus the runner-up when the question has two
 * asks, the runner-up is strong on its own, stands on other controls, and its own question shares
 * words with the buyer's that the best candidate's question does not (it answers the other ask
 * rather than the same one again).
 */
export function chooseEntries(
  prepared: PreparedLibrary,
  text: string,
  candidates: readonly Candidate[],
  thresholds: DraftThresholds,
): { entries: LibraryEntry[]; candidates: Candidate[] } {
  const [top, second] = candidates;
  const first = top ? prepared.entriesById.get(top.entryId) : undefined;
  if (!top || !first) return { entries: [], candidates: [] };
  const states = bothDataStates(prepared, text, candidates, thresholds);
  if (states) return states;
  const sibling =
    siblingStatingFact(analyzeQuestion(text).ask, candidates, answerOf(prepared)) ??
    siblingWithoutExtraAct(text, candidates);
  const siblingEntry = sibling ? prepared.entriesById.get(sibling.entryId) : undefined;
  if (sibling && siblingEntry) return { entries: [siblingEntry], candidates: [sibling] };
  const other = second ? prepared.entriesById.get(second.entryId) : undefined;
  if (
    second &&
    other &&
    hasTwoAsks(text) &&
    second.confidence >= thresholds.review &&
    second.confidence >= COMBINE_RATIO * top.confidence &&
    other.controls.some((c) => !first.controls.includes(c)) &&
    second.phrasingTerms.some((t) => !t.startsWith("§") && !top.phrasingTerms.includes(t))
  ) {
    return { entries: [first, other], candidates: [top, second] };
  }
  return { entries: [first], candidates: [top] };
}

/**
 * "Is data encrypted at rest and in transit?" is the most common compound a buyer writes, and read
 * by words it went to the entry that names both states, the cryptography standard, whose answer
 * states the approved algorithms rather than the practice. It is answered by the entry on each state
 * (the vocabulary's §rest and §transit), when both are among the candidates and the question does not
 * ask for the policy or the standard document itself. The algorithms, protocols and key lengths
 * used ("Specify the encryption standards used") are in each state's answer.
 */
const ASKS_FOR_STANDARD =
  /\bpolic(y|ies)\b|\b(a|an|your|the|its) ((documented|written|formal|approved|cryptograph\w*|encryption) ){0,2}standard\b/;

function bothDataStates(
  prepared: PreparedLibrary,
  text: string,
  candidates: readonly Candidate[],
  thresholds: DraftThresholds,
): { entries: LibraryEntry[]; candidates: Candidate[] } | null {
  const t = normalizeText(text);
  const asked = conceptsOf(t);
  if (!asked.includes("§rest") || !asked.includes("§transit") || ASKS_FOR_STANDARD.test(t)) return null;
  const about = (c: Candidate, state: string, other: string) => {
    const named = conceptsOf(normalizeText(prepared.entriesById.get(c.entryId)?.question ?? ""));
    return named.includes(state) && !named.includes(other) && c.confidence >= thresholds.review;
  };
  const rest = candidates.find((c) => about(c, "§rest", "§transit"));
  const transit = candidates.find((c) => about(c, "§transit", "§rest"));
  if (!rest || !transit) return null;
  // The surer of the two leads: it sets the draft's status, as the best entry does for any two asks.
  const pair = rest.confidence >= transit.confidence ? [rest, transit] : [transit, rest];
  const entries = pair.map((c) => prepared.entriesById.get(c.entryId)).filter((e) => e !== undefined);
  return entries.length === 2 ? { entries, candidates: pair } : null;
}

/** Two entries' drafts as one answer: both texts, one value only when both agree on it. */
function combineDrafts(primary: Draft, secondary: Draft, entries: readonly LibraryEntry[]): Draft {
  const notes = [
    `answered from two entries (${entries.map((e) => e.id).join(" + ")}) because the question asks two things`,
    ...primary.notes,
  ];
  const text = `${primary.text}\n\n${secondary.text}`;
  if (primary.value !== null && secondary.value !== null && polarityOf(primary.value) !== polarityOf(secondary.value)) {
    notes.push(`the two entries answer differently ("${primary.value}" / "${secondary.value}")`);
    return { status: "needs_review", value: primary.value, text, notes };
  }
  return { status: primary.status, value: primary.value, text, notes };
}

/**
 * Questions no library entry should answer on its own, however well it matches: the buyer's own
 * systems, their tenant's data, follow-ups whose meaning the row before does not settle, a fact the
 * answer does not state, and (for a draft from one entry) another party or a standard the entry does
 * not speak for.
 */
function routeToReview(
  draft: Draft,
  analysis: QuestionAnalysis,
  followUp: FollowUpReading | null,
  question: string,
  single: LibraryEntry | null,
): Draft {
  const reasons: string[] = [];
  if (analysis.buyerSpecific) reasons.push(`the question ${analysis.buyerSpecific}`);
  if (followUp === "alone") reasons.push("the question follows up on a row before it, and there is none");
  if (followUp === "unsure")
    reasons.push("the question follows up on the row before, which the library does not answer with confidence");
  if (followUp === "repeats")
    reasons.push("the question follows up on the row before, and the best entry answers that row, not this one");
  if (followUp === "ifNo")
    reasons.push("the question applies only if the row before is answered No, which the library's answer decides");
  if (followUp === "namesOnly")
    reasons.push(
      "the question asks only for a name, which the entry's text gives at most in passing: please fill it in",
    );
  if (followUp === "drifts")
    reasons.push(
      "the question follows up on the row before, but the best entry is far from that row's topic: please check what it asks about",
    );
  const fact = askedFact(analysis.ask, question);
  if (fact && draft.status === "drafted" && !statesFact(draft.text, fact, analysis.ask))
    reasons.push(`the question asks for a ${FACT_WORDS[fact]}, which the entry's answer does not state`);
  const other =
    draft.status === "drafted" && single
      ? (partyNote(question, single) ??
        basisNote(question, single) ??
        recurrenceNote(question, single) ??
        findingGradeNote(question, single) ??
        // A No holds at any level of a scheme ("Do you hold CMMC Level 2?" No).
        (draft.value !== null && polarityOf(draft.value) === "no" ? null : levelNote(question, single)))
      : null;
  if (other) reasons.push(other);
  if (reasons.length === 0)
    return followUp === "inherits"
      ? { ...draft, notes: [...draft.notes, "the question follows up on the row before and was read in its light"] }
      : draft;
  return {
    ...draft,
    status: draft.status === "no_match" ? "no_match" : "needs_review",
    notes: [...draft.notes, ...reasons],
  };
}

/**
 * The offline engine's reasons to hold a draft for review, applied to a draft made from `entries`
 * elsewhere (the LLM path, refine.ts): the buyer's own systems or tenant data, a follow-up the row
 * before does not settle, a fact the text does not state, another party or a standard the entry does
 * not speak for. A model's confidence does not lift any of them.
 */
export function reviewedDraft(
  prepared: PreparedLibrary,
  draft: Draft,
  question: { readonly text: string; readonly section: string | null },
  previous: string | null,
  entries: readonly LibraryEntry[],
  thresholds: DraftThresholds = DEFAULT_THRESHOLDS,
): Draft {
  const analysis = analyzeQuestion(question.text, previous);
  const before = rowBefore(prepared.index, analysis, previous, question.section);
  const [first] = entries;
  const followUp = first
    ? followUpReading(
        analysis,
        first.id,
        previous,
        before,
        thresholds.draft,
        (id) => prepared.entriesById.get(id)?.topic,
        answerOf(prepared),
      )
    : null;
  return routeToReview(draft, analysis, followUp, question.text, entries.length === 1 ? (first ?? null) : null);
}

function noMatch(
  base: Omit<
    ReportQuestion,
    "status" | "answer" | "confidence" | "entryId" | "controls" | "citations" | "withheld" | "notes" | "matchedTerms"
  >,
  confidence: number,
  note: string,
  matchedTerms: readonly string[],
): ReportQuestion {
  return {
    ...base,
    status: "no_match",
    answer: null,
    confidence,
    entryId: null,
    controls: [],
    citations: [],
    withheld: [],
    notes: [note],
    matchedTerms: [...matchedTerms],
  };
}

/**
 * A long question reads its context sentences too ("Session fixation still turns up in many of the
 * assessments we run… Is a brand-new session ID issued when a user authenticates?"): they name the
 * topic, but their words also dilute how much of the question the best entry covers. When the ask
 * read alone finds the same best entry, the two readings agree, and the surer one stands.
 */
function askAloneAgrees(
  prepared: PreparedLibrary,
  query: Query,
  question: Question,
  draftBar: number,
  candidates: readonly Candidate[],
): readonly Candidate[] {
  const top = candidates[0];
  const { analysis } = query;
  // Only where it can change what happens: an answer already drafted needs no second reading.
  if (
    !top ||
    top.confidence >= draftBar ||
    analysis.followUp ||
    analysis.ask === question.text ||
    analysis.context === ""
  )
    return candidates;
  const alone = matchQuery(prepared.index, buildQuery(prepared.index, analysis.ask, null, question.section), 1)[0];
  if (!alone || alone.entryId !== top.entryId || alone.confidence <= top.confidence) return candidates;
  return [{ ...top, confidence: alone.confidence }, ...candidates.slice(1)];
}

/**
 * Answers one question. `previous` is the question on the row before in the same sheet: a
 * follow-up ("If so, how often?") is matched in its light.
 */
export function answerQuestion(
  prepared: PreparedLibrary,
  question: Question,
  customer: CustomerContext,
  options: AnswerOptions = {},
  previous?: string | null,
): ReportQuestion {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const query = buildQuery(prepared.index, question.text, previous, question.section);
  const before = rowBefore(prepared.index, query.analysis, previous, question.section);
  const topicOf = (id: string) => prepared.entriesById.get(id)?.topic;
  const answerOfEntry = answerOf(prepared);
  const candidates = detailOfTheRowBefore(
    query.analysis,
    previous,
    askAloneAgrees(
      prepared,
      query,
      question,
      thresholds.draft,
      pastTheRowBefore(
        topicOf,
        query.analysis,
        matchQuery(prepared.index, query, Math.max(2, (options.alternatives ?? 3) + 1)),
        before,
        thresholds.draft,
      ),
    ),
    before,
    thresholds.draft,
    topicOf,
    entryTextOf(prepared),
  );
  const base = {
    id: question.id,
    sheet: question.location.sheet,
    row: question.location.row,
    sourceId: question.sourceId,
    section: question.section,
    question: question.text,
    kind: question.kind,
    allowedValues: question.allowedValues,
    existingAnswer: question.existingAnswer,
    alternatives: candidates
      .slice(1)
      .map((c) => ({ entryId: c.entryId, score: c.score, confidence: c.confidence }))
      .sort((x, y) => y.confidence - x.confidence),
  };
  const top = candidates[0];
  // A scope rule yields to the library's own words: when an entry holds this question almost
  // verbatim as a phrasing ("How many employees does your company have?" in the company profile),
  // its owner decided the library answers it.
  const taught =
    top !== undefined && top.features.phrasingCoverage >= TAUGHT_COVERAGE && top.features.dice >= TAUGHT_DICE;
  const scope = taught ? null : outOfScope(question.text, query.analysis.focus);
  if (scope) return noMatch(base, 0, `not answered from the library: the question ${scope}`, []);
  const scoped = answerSoc2Scope(prepared, question, customer, candidates, base, query.analysis, (entryId) =>
    followUpReading(query.analysis, entryId, previous, before, thresholds.draft, topicOf, answerOfEntry),
  );
  if (scoped) return scoped;
  if (!top || top.confidence < thresholds.review) {
    return noMatch(
      base,
      top?.confidence ?? 0,
      top
        ? `best candidate "${top.entryId}" is too weak (confidence ${top.confidence.toFixed(2)})`
        : "no library entry shares a term with this question",
      top?.matchedTerms ?? [],
    );
  }

  const chosen = chooseEntries(prepared, question.text, candidates, thresholds);
  const [entry, extra] = chosen.entries;
  if (!entry) return noMatch(base, top.confidence, `best candidate "${top.entryId}" is not in the library`, []);
  const form = query.analysis;
  // The first chosen candidate is the best one, unless a rule chose a pair (bothDataStates).
  const lead = chosen.candidates[0] ?? top;
  let draft = withoutScopeVerdict(
    draftAnswer(question, entry, lead.matchedText, lead.confidence, thresholds, form),
    entry,
    prepared.library.artifacts,
  );
  const second = chosen.candidates[1];
  if (extra && second) {
    draft = combineDrafts(
      draft,
      draftAnswer(question, extra, second.matchedText, second.confidence, thresholds, form),
      [entry, extra],
    );
  }
  draft = routeToReview(
    draft,
    query.analysis,
    followUpReading(query.analysis, entry.id, previous, before, thresholds.draft, topicOf, answerOfEntry),
    question.text,
    extra ? null : entry,
  );
  const drafted: ReportQuestion = {
    ...base,
    status: draft.status,
    answer: { value: draft.value, text: draft.text },
    confidence: lead.confidence,
    entryId: entry.id,
    ...(extra ? { entryIds: [entry.id, extra.id] } : {}),
    // Decided by finalizeAnswer below, from the same entries (the policy runs once); the keys are
    // set here so that a row's fields keep their order in the report.
    controls: [],
    citations: [],
    withheld: [],
    notes: draft.notes,
    matchedTerms: [...new Set(chosen.candidates.flatMap((c) => c.matchedTerms))],
  };
  // Post-draft: placeholders filled, citations capped, nothing stale or self-contradicting drafted.
  return finalizeAnswer(prepared, drafted, chosen.entries, customer);
}

/**
 * A question about the SOC 2 report's Trust Services categories ("Does your SOC 2 include
 * Availability?"): its Yes/No is a fact of the report in force on the day, so it is decided from
 * artifacts.yaml, whatever the matched entry's own Yes/No says. The words around the verdict come
 * from the best-ranked candidate that speaks of the SOC 2 report (one naming its categories first);
 * null when the question is not such a question or no candidate speaks of the report.
 */
function answerSoc2Scope(
  prepared: PreparedLibrary,
  question: Question,
  customer: CustomerContext,
  candidates: readonly Candidate[],
  base: Omit<
    ReportQuestion,
    "status" | "answer" | "confidence" | "entryId" | "controls" | "citations" | "withheld" | "notes" | "matchedTerms"
  >,
  analysis: QuestionAnalysis,
  followUp: (entryId: string) => FollowUpReading | null,
): ReportQuestion | null {
  const ask = soc2CategoryAsk(question.text);
  if (!ask) return null;
  const { artifacts } = prepared.library;
  let chosen: { candidate: Candidate; entry: LibraryEntry; fit: number } | null = null;
  for (const candidate of candidates) {
    const entry = prepared.entriesById.get(candidate.entryId);
    const fit = entry ? soc2ScopeFit(entry, artifacts) : 0;
    if (entry && fit > (chosen?.fit ?? 0)) chosen = { candidate, entry, fit };
  }
  if (!chosen) return null;
  const { candidate, entry } = chosen;
  const draft = routeToReview(
    draftSoc2Categories(question, ask, entry, artifacts, customer.asOf, analysis),
    analysis,
    followUp(entry.id),
    question.text,
    // The categories are read from the report's own scope, not from an entry's texts.
    null,
  );
  const drafted: ReportQuestion = {
    ...base,
    alternatives: candidates
      .filter((c) => c !== candidate)
      .map((c) => ({ entryId: c.entryId, score: c.score, confidence: c.confidence }))
      .sort((x, y) => y.confidence - x.confidence),
    status: draft.status,
    answer: { value: draft.value, text: draft.text },
    confidence: candidate.confidence,
    entryId: entry.id,
    controls: [],
    citations: [],
    withheld: [],
    notes: draft.notes,
    matchedTerms: [...candidate.matchedTerms],
  };
  return finalizeAnswer(prepared, drafted, [entry], customer);
}

/**
 * A repeated question's row: the answer's fields with this question's place (id, sheet, row,
 * source id, section) and its own allowed values (equal, they are part of the key). Its arrays
 * and their items are the first row's, frozen (`frozenAnswer`): nothing changes a report's row in
 * place (refine, finalize and the review services build new rows), and a change attempted anyway
 * throws instead of reaching the other copies. Copying them one level deep was about a tenth of a
 * cold 5,000-row run (4,548 copies, ~70,000 objects, their GC), and the save then compared every
 * copy with its first row field by field to encode each draft once; shared, it finds them by
 * identity. Every key is one the answer already has, so the row's keys keep its order.
 */
function repeatOf(q: ReportQuestion, at: Question): ReportQuestion {
  return {
    ...q,
    id: at.id,
    sheet: at.location.sheet,
    row: at.location.row,
    sourceId: at.sourceId,
    section: at.section,
    allowedValues: at.allowedValues,
  };
}

/** Freezes what the copies of an answer share: its answer object, its arrays and their items. */
function frozenAnswer(q: ReportQuestion): ReportQuestion {
  const items = <T extends object>(list: readonly T[] | undefined) => {
    if (!list) return;
    for (const item of list) Object.freeze(item);
    Object.freeze(list);
  };
  if (q.answer) Object.freeze(q.answer);
  if (q.entryIds) Object.freeze(q.entryIds);
  items(q.controls);
  items(q.citations);
  items(q.onRequest);
  items(q.withheld);
  items(q.stale);
  items(q.alternatives);
  Object.freeze(q.notes);
  Object.freeze(q.matchedTerms);
  return q;
}

/** What else than its text an answer depends on (answerQuestionnaire's key, field by field). */
interface Asked {
  readonly previous: string | null;
  readonly section: string | null;
  readonly kind: Question["kind"];
  readonly allowedValues: readonly string[] | null;
  readonly existingAnswer: string | null;
}

/** True when the two asks would write the same key: equal strings, equal allowed values in order. */
function sameAsk(a: Asked, b: Asked): boolean {
  if (a.previous !== b.previous || a.section !== b.section || a.kind !== b.kind) return false;
  if (a.existingAnswer !== b.existingAnswer) return false;
  const x = a.allowedValues;
  const y = b.allowedValues;
  if (x === y) return true;
  if (x === null || y === null || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Per row, the text a follow-up is read in the light of: the row before in the same sheet, or,
 * when that row is itself a follow-up ("Are they encrypted?", then "Are they stored apart?"), the
 * last row of the sheet that was not one, then the row before. Null on a sheet's first row.
 * answerQuestionnaire and the LLM path (refine.ts) read follow-ups the same way.
 */
export function previousRows(
  rows: readonly { readonly text: string; readonly sheet: string | null }[],
): (string | null)[] {
  let topicRow: { readonly text: string; readonly sheet: string | null } | null = null;
  return rows.map((row, i) => {
    const before = rows[i - 1];
    const sameSheet = before !== undefined && before.sheet === row.sheet;
    // analyzeQuestion keeps its reading of each text: asking again costs a lookup.
    const beforeFollowsUp = sameSheet && analyzeQuestion(before.text).followUp;
    const previous = !sameSheet
      ? null
      : beforeFollowsUp && topicRow && topicRow.sheet === row.sheet
        ? `${topicRow.text} ${before.text}`
        : before.text;
    if (!analyzeQuestion(row.text).followUp) topicRow = row;
    return previous;
  });
}

/** Answers every question of a questionnaire: the pure heart of Quire (no I/O, same in every runtime). */
export function answerQuestionnaire(
  prepared: PreparedLibrary,
  questionnaire: Questionnaire,
  customer: CustomerContext,
  options: AnswerOptions = {},
  onProgress?: (done: number, total: number) => void,
): AnswerReport {
  const questions: ReportQuestion[] = [];
  // Large questionnaires repeat the same question in many sections (5,000 rows, ~500 texts). An
  // answer depends on the question's text, form and existing answer, and on the row before only
  // when the question is a follow-up (analyzeQuestion reads `previous` for nothing else); never on
  // where it sits. So an identical question is answered once and its answer copied to the others.
  const answered = new Map<string, ReportQuestion>();
  // Per text, the last row's ask beside its answer: the common repeat is found without the key.
  const lastAsked = new Map<string, { asked: Asked; answer: ReportQuestion }>();
  // Per text: whether its answer depends on its section (decided once; a short ask always does).
  const sections = new Map<string, boolean>();
  const previousOf = previousRows(questionnaire.questions.map((q) => ({ text: q.text, sheet: q.location.sheet })));
  questionnaire.questions.forEach((q, i) => {
    const followUp = analyzeQuestion(q.text).followUp;
    const previous = previousOf[i] ?? null;
    // A short ask is read with its section heading ("Is it tested?" under "Disaster recovery"):
    // the same words under another heading are another question.
    let leans = q.section ? sections.get(q.text) : false;
    if (leans === undefined) {
      leans = readsSection(prepared.index, q.text);
      sections.set(q.text, leans);
    }
    const asked: Asked = {
      previous: followUp ? previous : null,
      section: leans ? q.section : null,
      kind: q.kind,
      allowedValues: q.allowedValues,
      existingAnswer: q.existingAnswer,
    };
    // Most repeats ask exactly what the text's last row asked: compared field by field, without
    // writing the key (JSON of the whole text, per row, was most of a repeat's cost).
    const last = lastAsked.get(q.text);
    let answer = last && sameAsk(last.asked, asked) ? last.answer : undefined;
    let first = false;
    if (!answer) {
      const key = JSON.stringify([
        q.text,
        asked.previous,
        asked.section,
        asked.kind,
        asked.allowedValues,
        asked.existingAnswer,
      ]);
      answer = answered.get(key);
      if (!answer) {
        answer = frozenAnswer(answerQuestion(prepared, q, customer, options, previous));
        answered.set(key, answer);
        first = true;
      }
      lastAsked.set(q.text, { asked, answer });
    }
    questions.push(first ? answer : repeatOf(answer, q));
    onProgress?.(i + 1, questionnaire.questions.length);
  });
  return {
    source: questionnaire.source,
    customer: { region: customer.region, ndaOnFile: customer.ndaOnFile, asOf: customer.asOf },
    questions,
    summary: summarize(questions),
    warnings: withStaleWarnings(questionnaire.warnings, questions),
  };
}
