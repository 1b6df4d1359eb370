import type { IsoDate } from "../dates.js";
import { contradiction, dropContradictingLead } from "../drafting/consistency.js";
import { asksAboutLapse, lapseNotAskedBy } from "../drafting/inversion.js";
import { soc2CategoryContradiction } from "../drafting/soc2-categories.js";
import { type StaleReason, staleReasons } from "../freshness/answer-freshness.js";
import { fillPlaceholders } from "../freshness/placeholders.js";
import type { LibraryEntry } from "../library/types.js";
import { analyzeQuestion } from "../matching/analyze.js";
import type { PreparedLibrary } from "./answer-questions.js";
import { citeEntries } from "./cite.js";
import type { CustomerContext } from "./customer.js";
import { libraryMemo, ownEntries } from "./library-memo.js";
import type { ReportQuestion } from "./report.js";

/** The drafter's note on a Yes/No it flipped for a question asked in the opposite sense. */
const FLIPPED = /was turned into/;

/**
 * The last step before an answer can leave, after the engine (or the LLM) drafted it: what it says
 * must be true on the as-of date.
 * - Placeholders in the text are filled from the artifacts as they stand (a renewed report's period).
 * - Citations are decided by the policy for the entries (never taken from a drafter): at most two,
 *   the rest on request, nothing stale, nothing a product feature cannot be proven by.
 * - An answer resting on a lapsed entry or artifact is never drafted: it goes to review with the reason.
 * - A value that contradicts its own text, or the SOC 2 report's categories, goes to review with the reason.
 * Pure and idempotent; the same for every runtime and for the offline and LLM paths.
 */
export function finalizeAnswer(
  prepared: PreparedLibrary,
  question: ReportQuestion,
  entries: readonly LibraryEntry[],
  customer: CustomerContext,
): ReportQuestion {
  if (question.answer === null || entries.length === 0) return question;
  const { artifacts } = prepared.library;
  const notes = [...question.notes];
  let status = question.status;
  const review = (note: string) => {
    if (status === "drafted") status = "needs_review";
    if (!notes.includes(note)) notes.push(note);
  };

  const filled = fillPlaceholders(question.answer.text, artifacts, customer.asOf);
  let text = filled.text;
  if (filled.problems.length > 0)
    review(`the answer names facts the library cannot fill: ${filled.problems.join("; ")}`);
  const value = question.answer.value;
  if (notes.some((n) => FLIPPED.test(n))) text = dropContradictingLead(value, text);

  const cited = citeEntries(prepared, entries, question.question, customer);
  const stale = staleReasonsFor(prepared, entries, text, customer.asOf);
  for (const reason of stale) review(`not drafted as current on ${customer.asOf}: ${reason.reason}`);
  const contradicts = contradiction({ text: question.question, kind: question.kind }, value, text);
  if (contradicts) review(contradicts);
  // A SOC 2 scope question has one true Yes/No, the report's: a model (or an entry written before the
  // report changed) that says otherwise is checked by a person.
  const againstReport = soc2CategoryContradiction(question.question, value, artifacts, customer.asOf);
  if (againstReport) review(againstReport);
  // A Yes to a question about a lapse or an exception ("Are any passwords shared?"), standing on
  // entries that state the practice, is a claim nobody checked: whoever drafted it (the engine or a
  // model), it goes to a reviewer. The offline drafter already routes these; this holds for both.
  if (value === "Yes" && claimsWeakPractice(question.question, entries)) {
    review("a Yes to a question about a lapse or an exception to the practice: please check it is true");
  }

  const { stale: _previous, ...rest } = question;
  return {
    ...rest,
    status,
    answer: { value, text },
    controls: cited.refs,
    citations: cited.citations,
    onRequest: cited.onRequest,
    withheld: cited.withheld,
    notes,
    ...(stale.length > 0 ? { stale } : {}),
  };
}

/**
 * The question asks about a lapse or an exception, and no entry it stands on is asked that way in its
 * question or any phrasing (an entry taught "Are any staff exempt from…?" answers it).
 */
function claimsWeakPractice(question: string, entries: readonly LibraryEntry[]): boolean {
  if (!asksAboutLapse(question)) return false; // the cheap test first: most questions stop here
  const texts = entries.flatMap((e) => [e.question, ...e.phrasings]);
  // Read on the ask: a long question's context sentences ("some of our users will have admin
  // rights…") describe the risk, the ask is whether the practice is in place.
  return lapseNotAskedBy(analyzeQuestion(question).ask, texts);
}

/**
 * Stale reasons already found: they read only the entries, the answer's text and the day, and the
 * answers of one questionnaire stand on the same few entries with the same texts. Each answer gets
 * its own copies; an edited copy of an entry is checked afresh.
 */
const staleFound = libraryMemo<StaleReason[]>(5_000);

function staleReasonsFor(
  prepared: PreparedLibrary,
  entries: readonly LibraryEntry[],
  text: string,
  asOf: IsoDate,
): StaleReason[] {
  const key = ownEntries(prepared, entries)
    ? JSON.stringify([entries.map((e) => e.id), text, asOf, prepared.library.artifacts.length])
    : null;
  let found = key === null ? undefined : staleFound.get(prepared, key);
  if (!found) {
    found = staleReasons({ library: prepared.library, entries, text, asOf });
    if (key !== null) staleFound.set(prepared, key, found);
  }
  return found.map((r) => ({ ...r }));
}
