/**
 * Follow-ups: rows that only mean something after the row before ("Is it tested?", "If yes, how
 * often?", "Method"). They are matched with the row before as context (matching/analyze.ts reads it);
 * here is decided whether the match may stand, and which entry answers when the best one answers the
 * row before instead. Pure: no I/O.
 */
import type { QuestionAnalysis } from "../matching/analyze.js";
import type { MatchIndex } from "../matching/index.js";
import { buildQuery, type Candidate, matchQuery } from "../matching/match.js";
import { stem, tokenize } from "../matching/tokenize.js";

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
