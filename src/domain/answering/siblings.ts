import { askedFact, statesFact } from "../drafting/asked-fact.js";
import { gramPart } from "../matching/features.js";
import type { Candidate } from "../matching/match.js";
import { tokenize } from "../matching/tokenize.js";

/**
 * Sibling entries asked in nearly the same words ("Is your incident response plan tested?", "Do you
 * have a documented incident response plan?") tie on a question that names neither act ("Do you have
 * a written incident response plan?"), and the answer texts decided. The best phrasing's words that
 * the question does not have tell them apart: a further act (tested, reviewed, encrypted) is a
 * different question; a governance qualifier (documented, formal, defined) is the same one.
 */
const NEAR_TIE = 0.99;
const QUALIFIER_STEMS = new Set([
  "document",
  "written",
  "formal",
  "defin",
  "establish",
  "have",
  "exist",
  "place",
  "maintain",
  "current",
]);

export function siblingWithoutExtraAct(text: string, candidates: readonly Candidate[]): Candidate | null {
  const [top, second] = candidates;
  // Tied on the words: the character-gram part of relevance favours the phrasing that repeats the
  // question's wording, the extra act included ("Attach your incident response plan" reads closer to
  // "Is your incident response plan tested?"), so it is left out here.
  const words = (c: Candidate) => c.relevance - gramPart(c.features);
  if (!top || !second || words(second) < NEAR_TIE * words(top)) return null;
  const asked = new Set(tokenize(text));
  const extra = (c: Candidate) => tokenize(c.matchedText).filter((t) => !t.startsWith("§") && !asked.has(t));
  const topExtra = extra(top);
  const secondExtra = extra(second);
  return topExtra.some((t) => !QUALIFIER_STEMS.has(t)) && secondExtra.every((t) => QUALIFIER_STEMS.has(t))
    ? second
    : null;
}

/**
 * How far behind the best entry (in relevance) a runner-up may be and still answer a question that
 * asks for a fact in its place.
 */
const FACT_MARGIN = 0.1;

/**
 * "What is the expiry date of your ISO certificate?" ties the certification's scope entry with the
 * certificate entry; only the second states a date. When the question asks for a fact (a date, a
 * number, a version…) that the best entry's answer does not state and a runner-up close behind states
 * it, the runner-up answers.
 */
export function siblingStatingFact(
  ask: string,
  candidates: readonly Candidate[],
  answerOf: (entryId: string) => string,
): Candidate | null {
  const fact = askedFact(ask);
  const [top, ...rest] = candidates;
  if (!fact || !top || statesFact(answerOf(top.entryId), fact, ask)) return null;
  return (
    rest.find((c) => top.relevance - c.relevance <= FACT_MARGIN && statesFact(answerOf(c.entryId), fact, ask)) ?? null
  );
}
