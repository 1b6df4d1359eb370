import type { LibraryEntry } from "../library/types.js";
import { type QuestionAnalysis, withoutChoiceList } from "../matching/analyze.js";
import { DRAFT_BAR } from "../matching/ranker-weights.js";
import { normalizeText } from "../matching/tokenize.js";
import type { Question } from "../questionnaire/types.js";
import { factAgainstBound } from "./consistency.js";
import {
  asksInBothSenses,
  invertedOnlyByIntensifier,
  isInverted,
  lapseNotAskedBy,
  weakPracticeSense,
  withoutDetailRequest,
  withoutSafeguardClauses,
} from "./inversion.js";
import { overseesWhatEntryDenies } from "./presupposed.js";
import {
  choiceFromText,
  invertYesNo,
  isStatusSet,
  isYesNoSet,
  mapShortAnswer,
  polarityOf,
  statesValue,
} from "./values.js";

export type AnswerStatus = "drafted" | "needs_review" | "no_match";

/** A period, frequency or number a question asks to exist without setting it. */
const UNSPECIFIED_PARAMETER =
  /\b(an? |the )?(defined|specified|set|documented|organi[sz]ation(al)?[- ]defined|fixed|predetermined|pre-determined|agreed|specific|established|minimum|required) (time |retention )?(periods?|frequenc(y|ies)|intervals?|timeframes?|time frames?|time|schedules?|durations?|deadlines?|number)\b|\b(regularly|periodically|on a (regular|periodic|scheduled) basis|routinely|on a schedule)\b/i;
/** A short answer that is a measure: a duration, a frequency or a count. */
const MEASURE =
  /\d|\b(hourly|daily|weekly|monthly|quarterly|annually|yearly|continuous(ly)?|real[- ]time|every|within|hours?|days?|weeks?|months?|years?)\b/i;

/**
 * A bound the question sets itself (a number, a period, a frequency, a deadline): an entry's measure
 * ("12 months", "Within 24 hours") may fall short of it, so only a reviewer can say Yes.
 */
const BOUND_IN_QUESTION = new RegExp(
  `${MEASURE.source}|\\b(annual|minutes?|same[\\s-]day|immediately|at least|no (longer|later|more) than|once|twice)\\b`,
  "i",
);
/** What a practice's measure does not answer: a restriction ("kept only on…") or a document asked for. */
const NOT_THE_PRACTICE =
  /\bonly\b|\b(share|provide|send|supply|give|submit|upload|attach)\b|\b(summary|results?|reports?|evidence|copy)\b/i;

export interface DraftThresholds {
  /** At or above: drafted. */
  readonly draft: number;
  /** At or above (and below draft): needs_review. Below: no_match. */
  readonly review: number;
  /**
   * At or above: a Yes/No question matched to an entry with no Yes/No answer (a "Describe…" entry)
   * is answered Yes from the entry's description. Absent: such questions always go to review.
   */
  readonly inferYes?: number;
}

/**
 * Confidence is the ranker's probability that the entry answers the question (matching/features.ts).
 * The draft bar is chosen by `npm run train` on cross-validated tuning probabilities; below the review
 * bar the best entry is so unlikely to be right that offering it to a reviewer only costs their time.
 */
export const DEFAULT_THRESHOLDS: DraftThresholds = { draft: DRAFT_BAR, review: 0.2, inferYes: DRAFT_BAR };

/** The answer's first sentence says no ("No.", "We do not…", "Nobody…" is a practice, not a no). */
function opensWithNegation(answer: string): boolean {
  const first = answer.split(/(?<=[.!?])\s/)[0] ?? answer;
  // What the practice achieves ("…run with that user's permissions, so the model cannot reach data
  // the user could not already see") is said with a negation; the sentence still states the practice.
  // A negation inside a relative clause says whom the practice is for ("Passwords for users who do
  // not sign in through SSO are hashed with Argon2id"), not that it is not done.
  const stated = withoutSafeguardClauses(first).replace(
    /\b(who|that|which|whom)\s+(\w+\s+){0,2}?((do|does|did|are|is|have|has) not|don't|doesn't|aren't|isn't)\b/g,
    "$1",
  );
  return (
    /^(no|not applicable|n\/a)\b/i.test(first.trim()) ||
    /\b(do|does|did|are|is|have|has) not\b|\b(don't|doesn't|isn't|aren't|cannot)\b/i.test(stated)
  );
}
/** "Ever" asked of the past: "has … ever been", "did you ever", "were … ever". */
const PAST_EVER = /\b(has|have|had|did|was|were)\b[^.?]*\bever\b|\bever (been|had|was|were|did)\b/i;
/** A time window an entry's question counts within ("in the last five years", "past 24 months"). */
const RECENT_WINDOW =
  /\b(last|past|previous|preceding) (\d+|one|two|three|four|five|six|seven|ten|twelve|twenty-four) (years?|months?)\b|\bin the (last|past) (year|months?)\b|\brecent(ly)?\b/i;
/**
 * An entry's No may not hold for a question that reaches further back than it: "ever" of the past
 * ("Has customer data ever been stored in China?"), or "ever" against an entry that counts only a
 * recent window ("…in the last five years?"). "Would your AI ever be used to decide…?" is the present.
 */
function everReachesFurther(ask: string, entry: LibraryEntry, matchedText: string): boolean {
  return PAST_EVER.test(ask) || (/\bever\b/i.test(ask) && RECENT_WINDOW.test(`${entry.question} ${matchedText}`));
}

/**
 * The answer text without its leading verdict ("Yes. Our plan…" → "Our plan…"), for a question that
 * asks who, where, how long or how: a "Yes." there answers a question nobody asked.
 */
export function withoutVerdict(answer: string): string {
  const m = /^(yes|no)\s*([.,;:!]|\s[-–—])\s*/i.exec(answer);
  if (!m) return answer;
  const rest = answer.slice(m[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * A row that is a label, not a sentence: "PCI DSS AOC", "Data retention post-termination", "Vuln scan
 * cadence (infra + containers)", "Sub-processor list pls". No verb of its own asks Yes or No, so in a
 * free-text cell its answer starts with the facts, not with "Yes." (a label that states a practice,
 * "Data encrypted at rest", reads as well without it).
 */
const FINITE_VERB =
  /\b(is|are|was|were|do|does|did|has|have|had|can|could|will|would|shall|should|must|may|might|isn't|aren't|don't|doesn't)\b/i;
function labelWithoutVerb(text: string): boolean {
  const t = text.replace(/\([^()]*\)/g, " ").trim();
  return t.length > 0 && !/\?\s*$/.test(t) && !FINITE_VERB.test(t) && t.split(/\s+/).length <= 10;
}

/** How the question asks: read by drafting to decide between a value and words only. */
export type QuestionForm = Pick<QuestionAnalysis, "closed" | "intent"> & { readonly ask?: string };

const CLOSED_FORM: QuestionForm = { closed: true, intent: "practice" };

export interface Draft {
  readonly status: AnswerStatus;
  readonly value: string | null;
  readonly text: string;
  /** Why the draft needs a person, in words a reviewer can act on. */
  readonly notes: string[];
}

/**
 * "Have you received any subpoenas for customer data?", "Has your company ever been fined?": a Yes
 * would say the event happened, which a description of how such events are handled never implies
 * ("…we have received no such request to date" had been drafted Yes).
 */
const PAST_EVENT_ASK =
  /^(have|has)\b[^?]*\b(received|had|experienced|suffered|been (subject|served|issued|fined|sued|breached|hacked|compromised|investigated))\b/;

/**
 * A yes/no list with one way of saying Yes ("Yes / No / N/A", "Implemented / Not implemented"). A
 * list whose Yes options differ ("Yes, within 7 days / Yes, within 30 days / No") asks for a fact.
 */
const plainYesNoSet = (values: readonly string[]) =>
  isYesNoSet(values) && values.filter((v) => polarityOf(v) === "yes").length === 1;

/** A cell that offers Yes/No: a yes_no question's, or a choice of Yes/No-like options. */
export const isYesNoCell = (question: Pick<Question, "kind" | "allowedValues">): boolean =>
  question.kind === "yes_no" || isYesNoSet(question.allowedValues ?? []);

/** One plain Yes, one plain No, and at least one option that qualifies them ("Configurable", "Only with opt-in"). */
const qualifiedYesNoSet = (values: readonly string[]) => {
  const kinds = values.map(polarityOf);
  return (
    kinds.filter((k) => k === "yes").length === 1 &&
    kinds.filter((k) => k === "no").length === 1 &&
    kinds.includes("other") &&
    !kinds.includes("partial")
  );
};

/**
 * Drafts one answer from the chosen entry in the question's own format. Never invents: a value
 * that cannot be mapped onto the allowed values, or a question phrased against the entry,
 * goes to review rather than out.
 */
export function draftAnswer(
  question: Pick<Question, "text" | "kind" | "allowedValues">,
  entry: LibraryEntry,
  matchedText: string,
  confidence: number,
  thresholds: DraftThresholds = DEFAULT_THRESHOLDS,
  form: QuestionForm = CLOSED_FORM,
): Draft {
  const notes: string[] = [];
  let status: AnswerStatus = confidence >= thresholds.draft ? "drafted" : "needs_review";
  if (status === "needs_review") notes.push(`match confidence ${confidence.toFixed(2)} is below ${thresholds.draft}`);

  if (question.kind === "free_text") {
    const open = !form.closed || labelWithoutVerb(question.text);
    return { status, value: null, text: open ? withoutVerdict(entry.answer) : entry.answer, notes };
  }
  const allowed = question.allowedValues ?? [];
  if (question.kind === "choice" && (isStatusSet(allowed) || plainYesNoSet(allowed))) {
    // "…tested? (Implemented / Partially implemented / Planned / Not applicable)" and "…tested at
    // least annually? (Yes / No / N/A)": a yes/no question whatever the cell is called, so the yes/no
    // rules decide (senses, lapses, bounds), and the Yes is written in the list's own words.
    // The option list is left out: "not" or "partially" in an option is no lapse.
    const text = withoutChoiceList(question.text);
    // The options are the answer, however the question is worded ("To what extent…? (Fully /
    // Partially / Not addressed)"): it is read as closed.
    return draftAnswer({ ...question, text, kind: "yes_no" }, entry, matchedText, confidence, thresholds, {
      ...form,
      closed: true,
      ask: form.ask === undefined ? undefined : withoutChoiceList(form.ask),
    });
  }
  // "Prompts retained by the LLM vendor? (Yes / No / Configurable)", "…used to train models? (Yes / No /
  // Only with opt-in)": a yes/no question with a qualified answer offered besides. An entry whose flat
  // No the yes/no rules keep (senses, lapses, bounds) rules out every qualified Yes, so it is the list's
  // No; a Yes could be the qualified option, which stays the reviewer's.
  if (
    question.kind === "choice" &&
    entry.short !== null &&
    polarityOf(entry.short) === "no" &&
    qualifiedYesNoSet(allowed)
  ) {
    const plain = draftAnswer(
      { ...question, text: withoutChoiceList(question.text), kind: "yes_no" },
      entry,
      matchedText,
      confidence,
      thresholds,
      { ...form, closed: true, ask: form.ask === undefined ? undefined : withoutChoiceList(form.ask) },
    );
    const no = allowed.find((v) => polarityOf(v) === "no");
    if (plain.value !== null && polarityOf(plain.value) === "no" && no !== undefined) return { ...plain, value: no };
  }
  // An open question ("Where will our data be stored?") in a column that offers Yes/No: a value
  // would answer a question nobody asked. The words go in the comment, the value stays empty.
  if (!form.closed && isYesNoCell(question)) {
    notes.push("the question asks for a description, not Yes/No: the value is left empty and the answer is the text");
    return { status, value: null, text: withoutVerdict(entry.answer), notes };
  }

  if (question.kind === "choice") {
    const mapped = entry.short ? mapShortAnswer(entry.short, question.allowedValues) : null;
    // A "Yes" short answer only maps onto a choice list that is itself a yes/no set.
    const yesNoList = isYesNoSet(question.allowedValues ?? []);
    const direct = mapped !== null && (yesNoList || polarityOf(mapped) === "other") ? mapped : null;
    const stated = direct ?? choiceFromText(question.allowedValues, entry.answer, question.text);
    if (stated === null) {
      notes.push(`none of the allowed values (${(question.allowedValues ?? []).join(", ")}) is stated by the entry`);
      return { status: "needs_review", value: null, text: entry.answer, notes };
    }
    if (stated !== direct) notes.push(`"${stated}" is the allowed value the entry's answer states`);
    return { status, value: stated, text: entry.answer, notes };
  }

  let short = entry.short;
  // "Are audit logs kept for at least 90 days?" of an entry whose answer is "12 months": the fact
  // meets the question's bound, which is a Yes whatever else the question's form says.
  const bound = short !== null && polarityOf(short) === "other" ? factAgainstBound(question.text, short) : null;
  if (short !== null && bound?.verdict === "meets") {
    notes.push(`the entry's answer "${short}" meets what the question asks ("${bound.asked}"), so it is answered Yes`);
    short = "Yes";
  } else if (short !== null && bound) {
    notes.push(
      `the entry's answer "${short}" falls short of what the question asks ("${bound.asked}"); please choose the value`,
    );
    return { status: "needs_review", value: null, text: entry.answer, notes };
  }
  // "Is the DR plan tested? Describe the last exercise and its results.": the request for detail is
  // answered by the comment; whether the question sets a bound is read from the question before it.
  const ask = withoutDetailRequest(form.ask ?? question.text);
  // "Are processes defined … for reviewing and retaining audit logs?" of "12 months", "Is the DR
  // plan documented and tested?" of "Annually": an entry that states how the practice is done, to a
  // question that sets no bound of its own, says the practice is defined (answered Yes below).
  const definedPractice =
    short !== null && MEASURE.test(short) && !BOUND_IN_QUESTION.test(ask) && !NOT_THE_PRACTICE.test(ask);
  if (form.intent === "governance" && short !== null && polarityOf(short) !== "yes" && !definedPractice) {
    // "Are policies for <topic> established…?" asks whether the topic is governed. An entry that
    // answers the practice with No ("Is removable media allowed? No") says nothing either way.
    notes.push(
      `the question asks whether the topic is governed by a documented policy; the entry answers the practice "${short}": please choose the value`,
    );
    return { status: "needs_review", value: null, text: entry.answer, notes };
  }
  if (!short) {
    // A descriptive entry ("How do you manage privileged access?") matched strongly by a question
    // that asks whether the practice is in place: its answer describes the practice, so it says Yes,
    // unless it opens with a negation or the question asks about the weaker practice.
    const inferAt = thresholds.inferYes ?? Number.POSITIVE_INFINITY;
    if (
      confidence < inferAt ||
      opensWithNegation(entry.answer) ||
      weakPracticeSense(form.ask ?? question.text) ||
      PAST_EVENT_ASK.test(normalizeText(form.ask ?? question.text))
    ) {
      notes.push("the library entry has no Yes/No answer for this Yes/No question; please choose the value");
      return { status: "needs_review", value: null, text: entry.answer, notes };
    }
    notes.push("Yes inferred from an entry that describes the practice without a Yes/No answer");
    short = "Yes";
  }

  if (polarityOf(short) === "other") {
    // A choice-style short ("Annually", "Within 24 hours") answers a yes/no question only when the
    // question itself names that value ("Is the DR plan tested at least annually?").
    if (statesValue(question.text, short)) {
      notes.push(`the question names the entry's own answer ("${short}"), so it is answered Yes`);
    } else if (UNSPECIFIED_PARAMETER.test(question.text) && MEASURE.test(short)) {
      // "Are audit records retained for a defined time period?" of an entry that answers "12 months":
      // the question sets no bound, only asks that there be one, and the entry states it.
      notes.push(
        `the question asks for a defined period or frequency, which the entry states ("${short}"): answered Yes`,
      );
    } else if (definedPractice) {
      // "Are recovery time objectives defined?" of "RTO 4 hours, RPO 1 hour", "Is a leaver's access
      // revoked promptly?" of "Within 24 hours": the question asks whether the practice is in place,
      // sets no bound of its own, and the entry states how it is done.
      notes.push(
        `the entry states how the practice is done ("${short}") and the question sets no bound of its own: answered Yes`,
      );
    } else {
      notes.push(`the entry answers "${short}", not Yes/No; please choose the value`);
      return { status: "needs_review", value: null, text: entry.answer, notes };
    }
    short = "Yes";
  }
  if (question.kind === "yes_no" && asksInBothSenses(form.ask ?? question.text)) {
    // "Environments separated? Live data ever used for testing?": one value answers one part wrongly.
    notes.push("the question asks several things, some about the practice and some about a lapse; please answer each");
    return { status: "needs_review", value: null, text: entry.answer, notes };
  }
  if (question.kind === "yes_no" && overseesWhatEntryDenies(form.ask ?? question.text, entry, short)) {
    // "Is outsourced development supervised?" of "Do you rely on outsourced development?" No: the
    // honest answer is that there is none to supervise, not a Yes flipped from the No.
    const na = mapShortAnswer("N/A", question.allowedValues);
    notes.push(
      `the question asks how a practice is overseen, and the entry "${entry.question}" says it is not done at all ("${short}"): ${na === null ? "please choose the value" : `answered ${na}`}; please confirm`,
    );
    return { status: "needs_review", value: na, text: entry.answer, notes };
  }
  if (question.kind === "yes_no" && invertedOnlyByIntensifier(form.ask ?? question.text, matchedText, entry.question)) {
    // The entry's No holds whatever "ever" adds to the present ("Is customer data ever used to train
    // AI models?" of "Do you train AI on customer data?" No), but not for the past ("Has customer data
    // ever been stored in China?" reaches back further than "Do you store…?"), nor when the entry
    // counts only a recent window ("…in the last five years?"). Its Yes may not hold: to a person.
    if (polarityOf(short) !== "no" || everReachesFurther(form.ask ?? question.text, entry, matchedText)) {
      notes.push(
        `the question may be phrased in the opposite sense of the library entry (only "ever" sets it apart): "${short}" is the entry's own answer; please confirm`,
      );
      status = "needs_review";
    }
  } else if (question.kind === "yes_no" && isInverted(form.ask ?? question.text, matchedText, entry.question)) {
    const flipped = invertYesNo(short);
    if (flipped) {
      // The senses are read by patterns, and a wrong flip puts the opposite of the truth in the
      // customer's file: the flipped value is offered to a reviewer, never drafted on its own.
      notes.push(
        `the question is phrased in the opposite sense of the library entry: "${short}" was turned into "${flipped}"; please confirm`,
      );
      short = flipped;
    } else {
      notes.push("the question may be phrased in the opposite sense of the library entry");
    }
    status = "needs_review";
  } else if (
    question.kind === "yes_no" &&
    (polarityOf(short) !== "no" || everReachesFurther(form.ask ?? question.text, entry, matchedText)) &&
    lapseNotAskedBy(form.ask ?? question.text, [entry.question, matchedText])
  ) {
    // "Are any passwords shared…?", "… accounts that do not use MFA?": the entry states the practice,
    // the question asks whether there are exceptions to it. Its Yes may be the wrong answer. Its No
    // holds: what is not done at all is not done anywhere ("Is any personal data stored in China?"
    // of the entry "Do you store customer data in China?" No), unless the question reaches further
    // back in time than the entry may (everReachesFurther).
    notes.push(
      `the question asks whether there are exceptions to the practice ("any", "not", "without"…), which the entry "${entry.question}" does not: please check the value`,
    );
    status = "needs_review";
  }

  const value = mapShortAnswer(short, question.allowedValues);
  if (value === null) {
    notes.push(`"${short}" is not one of the allowed values (${(question.allowedValues ?? []).join(", ")})`);
    return { status: "needs_review", value: null, text: entry.answer, notes };
  }
  return { status, value, text: entry.answer, notes };
}
