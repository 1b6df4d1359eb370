/**
 * Follow-ups: rows that only mean something after the row before ("Is it tested?", "If yes, how
 * often?", "Method"). They are matched with the row before as context (matching/analyze.ts reads it);
 * here is decided whether the match may stand, and which entry answers when the best one answers the
 * row before instead. Pure: no I/O.
 */
import { statesDuration } from "../drafting/consistency.js";
import { BARE_ALTERNATIVES, type QuestionAnalysis, withoutChoiceList } from "../matching/analyze.js";
import type { MatchIndex } from "../matching/index.js";
import { buildQuery, type Candidate, matchQuery } from "../matching/match.js";
import { normalizeText, stem, tokenize } from "../matching/tokenize.js";

/**
 * How a follow-up ("Is it tested?", "If yes, how often?") stands after it was matched in the light
 * of the row before (its words read as context):
 * - `alone`: there is no row before to read it by, so its meaning is unknown;
 * - `unsure`: the library does not answer the row before with confidence ("If yes, which ones?"
 *   after a question it cannot answer), so the follow-up shares that doubt;
 * - `repeats`: a new yes/no whose best entry is the one that answers the row before, with no
 *   confident entry on its topic after it ("Is this enforced for all users?" after the MFA question
 *   finds the MFA entry again): that entry answers the previous question, not this one;
 * - `drifts`: its best entry is far from the row before, neither on that row's topic nor among the
 *   entries that row itself matches ("If yes, how are those components kept patched?" after the
 *   open-source question finds zero-day response): the follow-up's own words outweighed the row it
 *   points back to, so what it asks about is unsure;
 * - `ifNo`: it asks only when the row before is answered No ("If no, specify the countries.", "If
 *   not, describe compensating controls."): the library's entries state what is done, so the row is
 *   not theirs to answer, and whether it applies at all is the row before's answer;
 * - `namesOnly`: it asks only for a name ("The name of the application:", "SIEM product used:"): an
 *   entry's text gives one at most in passing, so a reviewer fills in the name;
 * - `inherits`: another entry of the same topic answers it ("Is it reviewed at least annually?"
 *   after the policy question finds the review cycle), or it asks for detail of the same entry
 *   ("Frequency", "Please describe"), which that entry's text gives.
 */
export type FollowUpReading = "alone" | "unsure" | "repeats" | "drifts" | "ifNo" | "namesOnly" | "inherits";

/** A row that is only a name field: "The name of the application:", "Provider name", "SIEM product used:". */
const NAME_FIELD =
  /^\W*((the |its |their )?names? of (the |your |this |that )?[\w\s-]{1,30}|([\w-]+ ){0,2}(names?|products? used|tools? used|vendors? used|providers? used|product|tool|vendor|provider))\W*$/i;

/** "If no, …", "If not, …", "If N, ETA?": a row for the negative answer of the row before. */
const IF_NO = /^\s*if (no|not|n)\b/i;

/** The row before a follow-up as matched on its own: its best entries, best first. */
export interface RowBefore {
  readonly best: Candidate | undefined;
  /** Entries the row before itself matches ("Are those backups encrypted?" after the backup row). */
  readonly near: readonly Candidate[];
}

/** How many of the row before's own candidates count as near it. */
const NEAR_ROW_BEFORE = 10;

export function followUpReading(
  analysis: QuestionAnalysis,
  entryId: string,
  previous: string | null | undefined,
  before: RowBefore | undefined,
  draftBar: number,
  topicOf: (entryId: string) => string | undefined,
  answerOf?: (entryId: string) => string,
): FollowUpReading | null {
  if (!analysis.followUp) return null;
  if (!previous) return "alone";
  if (IF_NO.test(analysis.ask)) return "ifNo";
  if (NAME_FIELD.test(analysis.ask)) return "namesOnly";
  const best = before?.best;
  // "If yes, which ones?" after a question the library cannot answer with confidence shares its doubt.
  if (!best || best.confidence < draftBar) return "unsure";
  if (analysis.closed && best.entryId === entryId)
    return answerOf && statesEveryWord(analysis.ask, answerOf(entryId)) ? "inherits" : "repeats";
  const near = topicOf(best.entryId) === topicOf(entryId) || before.near.some((c) => c.entryId === entryId);
  return near ? "inherits" : "drifts";
}

/** Words a follow-up uses around what it asks: "Does this also include…", "Does it cover…". */
const AROUND_THE_ASK = new Set(
  [
    "include",
    "includes",
    "including",
    "cover",
    "covers",
    "covered",
    "apply",
    "applies",
    "applied",
    "extend",
    "extends",
  ].map(stem),
);

/**
 * Whether an entry's answer states every word a follow-up asks about ("Does this include
 * contractors?" of a screening answer that names contractors; "Is it documented?" of one that says
 * documented): then the entry that answered the row before answers this one too. "Is it enforced
 * for all users?" of an answer that says neither stays with the reviewer.
 */
function statesEveryWord(ask: string, answer: string): boolean {
  const asked = tokenize(ask).filter((t) => !t.startsWith("§") && !AROUND_THE_ASK.has(t));
  if (asked.length === 0) return false;
  const stated = new Set(tokenize(answer));
  return asked.every((t) => stated.has(t));
}

/** The entries for the row before a follow-up, matched again as it was answered (follow-ups only). */
export function rowBefore(
  index: MatchIndex,
  analysis: QuestionAnalysis,
  previous: string | null | undefined,
  section: string | null | undefined,
): RowBefore | undefined {
  if (!analysis.followUp || !previous) return undefined;
  const near = matchQuery(index, buildQuery(index, previous, null, section), NEAR_ROW_BEFORE);
  // An entry that names none of the security concepts the row before names ("Date of last test"
  // after the pen-test row finds the disaster-recovery test) is not near it, however it ranks.
  return { best: near[0], near: near.filter((c) => c.features.conceptShare > 0) };
}

/**
 * "Is it tested?" after "Is there a business continuity plan?" finds the plan first, which answers
 * the row before. The next entry on the same topic as that one (the continuity test), when it is
 * confident, answers this row; it is put first. Otherwise the order stays, and the row goes to review.
 */
export function pastTheRowBefore(
  topicOf: (entryId: string) => string | undefined,
  analysis: QuestionAnalysis,
  candidates: readonly Candidate[],
  rowBefore: RowBefore | undefined,
  draftBar: number,
): readonly Candidate[] {
  const [top] = candidates;
  const before = rowBefore?.best;
  if (!analysis.closed || !before || before.confidence < draftBar || top?.entryId !== before.entryId) return candidates;
  const topic = topicOf(before.entryId);
  const next = candidates.find((c) => c.entryId !== before.entryId);
  if (!next || next.confidence < draftBar || topicOf(next.entryId) !== topic) return candidates;
  return [next, ...candidates.filter((c) => c !== next)];
}

/** The detail of the row before's topic a follow-up asks for: how often it is done, or for how long. */
type Detail = "frequency" | "duration";

const DETAIL_ASKS: readonly { detail: Detail; pattern: RegExp }[] = [
  {
    detail: "frequency",
    pattern:
      /\bhow (often|frequently|regularly)\b|\bat what (frequency|intervals?)\b|\b(frequency|freq|interval|cadence)\b/,
  },
  {
    detail: "duration",
    pattern:
      /\b(for )?how long\b|\bwithin how (many|much) (\w+ )?(days|hours|weeks|months|time)\b|\b(retention|retention period|time ?frames?)\b/,
  },
];

/** A frequency stated in an answer: "every quarter", "twice a year", "annual", "weekly", "on every pull request". */
const STATES_FREQUENCY =
  /\b(once|twice|every|daily|weekly|fortnightly|monthly|quarterly|annual|annually|yearly|hourly|nightly|semi-annual(ly)?|bi-?annual(ly)?)\b|\b(each|per|a) (hour|day|night|week|month|quarter|year)\b/;

/**
 * The words a detail follow-up may use besides the topic's own: the detail it asks ("how often",
 * "retention period"), and the verbs of doing and keeping that name no practice of their own
 * ("how often are they performed / carried out / run", "how long are they kept / retained").
 */
const DETAIL_WORDS = new Set(
  (
    "often frequently frequency freq interval intervals cadence long many much period periods retention timeframe timeframes time frame " +
    "perform performed carry carried out conduct conducted run runs done happen take taken occur undertake undertaken complete completed execute executed " +
    "keep kept retain retained store stored hold held"
  )
    .split(" ")
    .flatMap((w) => tokenize(w)),
);

/**
 * "If yes, how often are reviews performed?", "For how long?", "If so, how frequently are they taken and
 * how long are they kept?": a follow-up that asks only how often, or for how long, the row before's
 * practice is done asks for a detail of that row's answer. When the entry that answers the row before
 * with confidence states that kind of detail (a frequency, a length of time), and every other word the
 * follow-up uses is in that entry or in the row before, that entry answers it, as surely as it answers
 * the row before; it is put first. So is a follow-up offering two alternatives ("Public or private
 * program?" after the bug bounty row) when that entry states one of them and not the other. Only where no confident entry near the row before answers the
 * follow-up on its own ("How often is it tested?" after the incident response plan finds the plan's
 * test; "How long are they retained?" after the backup row finds the retention schedule, far from it, and
 * goes to the backups, which say how long they are kept), and only for an open ask: "Is it reviewed
 * quarterly?" is a yes/no the entry may not settle.
 */
export function detailOfTheRowBefore(
  analysis: QuestionAnalysis,
  previous: string | null | undefined,
  candidates: readonly Candidate[],
  rowBefore: RowBefore | undefined,
  draftBar: number,
  topicOf: (entryId: string) => string | undefined,
  textOf: (entryId: string) => string,
): readonly Candidate[] {
  const before = rowBefore?.best;
  const [top] = candidates;
  if (!analysis.followUp || analysis.closed || !previous || !before || before.confidence < draftBar) return candidates;
  // A confident entry on the row before's topic, or among its own matches, answers the follow-up itself.
  if (
    top &&
    top.confidence >= draftBar &&
    (topicOf(top.entryId) === topicOf(before.entryId) || rowBefore.near.some((c) => c.entryId === top.entryId))
  )
    return candidates;
  const ask = normalizeText(analysis.ask);
  const details = DETAIL_ASKS.filter((d) => d.pattern.test(ask)).map((d) => d.detail);
  const text = textOf(before.entryId);
  const said = normalizeText(text);
  // "Public or private program?": the entry states one of the two, and not the other.
  const alternatives = BARE_ALTERNATIVES.exec(withoutChoiceList(ask))?.slice(1, 3) ?? [];
  const stated = (w: string) => new RegExp(`\\b${w}\\b`).test(said);
  if (details.length === 0 && alternatives.filter(stated).length !== 1) return candidates;
  if (!details.every((d) => (d === "frequency" ? STATES_FREQUENCY.test(said) : statesDuration(said))))
    return candidates;
  const known = new Set([...tokenize(text), ...tokenize(previous)]);
  const offered = new Set(alternatives.flatMap((w) => tokenize(w)));
  const own = tokenize(analysis.ask).filter((t) => !t.startsWith("§") && !DETAIL_WORDS.has(t) && !offered.has(t));
  if (!own.every((t) => known.has(t))) return candidates;
  return [before, ...candidates.filter((c) => c.entryId !== before.entryId)];
}
