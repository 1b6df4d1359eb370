import { withoutChoiceList } from "../matching/analyze.js";
import { isStopword, stem } from "../matching/tokenize.js";
import { memoByText } from "../text-memo.js";
import { polarityOf } from "./values.js";

/**
 * Whether a drafted value contradicts its own text, or the text the question's own terms: a "Yes" to
 * "backups stored in a separate region?" whose text says "in the same region", a "Yes" to "revoked
 * within 24 hours?" whose text says "within 48 hours". Such a draft goes to a person with the reason.
 * Deliberately narrow: it only speaks when the text states the opposite in so many words.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  "twenty-four": 24,
  thirty: 30,
  "thirty-five": 35,
  "forty-five": 45,
  sixty: 60,
  ninety: 90,
};

/** Hours per unit; characters are their own dimension. */
const UNITS: readonly { pattern: string; dimension: "time" | "chars"; size: number }[] = [
  { pattern: "minutes?|mins?", dimension: "time", size: 1 / 60 },
  { pattern: "hours?|hrs?|h", dimension: "time", size: 1 },
  // Five business days span a week: "within ten business days" does not meet "within 10 calendar days".
  { pattern: "(?:business|working) days?", dimension: "time", size: (24 * 7) / 5 },
  { pattern: "(?:calendar )?days?", dimension: "time", size: 24 },
  { pattern: "weeks?", dimension: "time", size: 168 },
  { pattern: "months?", dimension: "time", size: 730 },
  { pattern: "years?", dimension: "time", size: 8760 },
  { pattern: "characters?|chars?", dimension: "chars", size: 1 },
];

const QTY = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
const UNIT = `(${UNITS.map((u) => u.pattern).join("|")})`;
/** A length of time with its number, bound or not: "35 days", "12 months", "five business days". */
const DURATION = new RegExp(
  `\\b${QTY}[\\s-]?(?:${UNITS.filter((u) => u.dimension === "time")
    .map((u) => u.pattern)
    .join("|")})\\b`,
);
/** Whether a text states a length of time ("kept for 35 days", "within five business days"). */
export const statesDuration = (text: string): boolean => DURATION.test(text.toLowerCase());
const UPPER_CUES =
  "within|w/in|no (?:more|later|longer) than|not (?:more|later|longer) than|at most|less than|under|up to|maximum(?: of)?|not exceeding|limited to|capped at|(?:expires?|expiring|times? out|timing out|locks?) after|valid for";
const LOWER_CUES =
  "at least|no less than|not less than|no fewer than|not fewer than|minimum(?: of)?|a minimum of|more than|longer than|over|(?:kept|retained|stored|held|preserved) for|for";

type Bound = "upper" | "lower";
interface Quantity {
  readonly bound: Bound;
  readonly dimension: "time" | "chars";
  readonly amount: number;
  readonly phrase: string;
  /** What the quantity is said of, from the words just before it: "critical", "high", "rpo". */
  readonly labels: ReadonlySet<string>;
}

/**
 * Names a text gives one of several quantities: severities ("critical within 7 days, high within 30
 * days") and recovery objectives ("RTO 4 hours, RPO 1 hour"). A bound asked of some of them is
 * compared with the quantity stated for the same ones, not with whichever quantity meets it.
 */
const LABELS: readonly (readonly [RegExp, string])[] = [
  [/\b(rto|recovery time( objective)?)\b/, "rto"],
  [/\b(rpo|recovery point( objective)?)\b/, "rpo"],
  [/\bcritical\b/, "critical"],
  [/\bhigh\b/, "high"],
  [/\b(medium|moderate)\b/, "medium"],
  [/\blow\b/, "low"],
];

function labelsIn(segment: string): Set<string> {
  return new Set(LABELS.filter(([pattern]) => pattern.test(segment)).map(([, label]) => label));
}

/** Each unit with its pattern compiled once (quantities reads every answer a question stands on). */
const UNIT_TESTS = UNITS.map((u) => ({ unit: u, test: new RegExp(`^(?:${u.pattern})$`, "i") }));
function unitOf(unit: string): (typeof UNITS)[number] | null {
  return UNIT_TESTS.find((u) => u.test.test(unit))?.unit ?? null;
}

function amountOf(qty: string): number {
  return NUMBER_WORDS[qty.toLowerCase()] ?? Number(qty);
}

/**
 * A quantity with the words that bound it, in the order read: a cue before it ("within a further
 * 35 days" still bounds the span it adds to: the whole is longer, never shorter), then "… or more",
 * then "… or less".
 */
const BOUNDED: readonly (readonly [Bound, RegExp])[] = [
  ...(
    [
      ["upper", UPPER_CUES],
      ["lower", LOWER_CUES],
    ] as const
  ).map(
    ([bound, cues]) =>
      [
        bound,
        new RegExp(
          `(?<!\\bno |\\bnot )\\b(?:${cues})\\s+(?:a further |another |an additional |the |a |an |our |its |their )?${QTY}[\\s-]?${UNIT}\\b`,
          "g",
        ),
      ] as const,
  ),
  ["lower", new RegExp(`\\b${QTY}[\\s-]?${UNIT}\\s+or (?:more|longer|greater)\\b`, "g")],
  ["upper", new RegExp(`\\b${QTY}[\\s-]?${UNIT}\\s+or (?:less|fewer|sooner)\\b`, "g")],
];

/**
 * Durations and lengths with the word that bounds them ("within 24 hours", "at least 12 characters",
 * "14 days or more"). Remembered by text: the answers of a few entries are read for many questions.
 */
const quantities: (text: string) => readonly Quantity[] = memoByText(readQuantities);
function readQuantities(text: string): readonly Quantity[] {
  // Contracts write a number twice, in words and in digits: "ninety (90) days", "two (2) hours".
  const t = text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\b[a-z]+(?:-[a-z]+)? \((\d+(?:\.\d+)?)\)/g, "$1");
  const found: (Omit<Quantity, "labels"> & { readonly index: number; readonly of?: string })[] = [];
  const push = (bound: Bound, qty: string, unitText: string, phrase: string, index: number, of?: string) => {
    const unit = unitOf(unitText);
    if (!unit) return;
    // A span of inactivity that triggers the practice ("accounts not used for 45 days or more are
    // disabled", "has not signed in for 30 days"): the shorter the span, the sooner the practice acts,
    // so it is compared as an upper bound whatever words frame it.
    const trigger = INACTIVITY.test(t.slice(Math.max(0, index - 40), index + phrase.length));
    found.push({
      bound: trigger ? "upper" : bound,
      dimension: unit.dimension,
      amount: amountOf(qty) * unit.size,
      phrase: phrase.trim(),
      index,
      ...(of === undefined ? {} : { of }),
    });
  };
  for (const [bound, re] of BOUNDED) {
    for (const m of t.matchAll(re)) {
      push(bound, m[1] ?? "", m[2] ?? "", m[0], m.index ?? 0);
      // A second figure for some of the cases in parentheses just after ("no more than 15 minutes of
      // inactivity (2 minutes for mobile devices)", "within 30 days (7 for critical)") is bounded the
      // same way, in the same unit when it names none.
      const end = (m.index ?? 0) + m[0].length;
      const sub = SUBSET_FIGURE.exec(t.slice(end, end + 80));
      if (sub) {
        const at = end + sub[0].indexOf("(");
        push(bound, sub[1] ?? "", sub[2] ?? m[2] ?? "", sub[0].slice(sub[0].indexOf("(") + 1, -1), at, sub[3] ?? "");
      }
    }
  }
  // Each quantity's labels are read between the one before it (or its sentence's start) and itself.
  found.sort((a, b) => a.index - b.index);
  return found.map(({ index, of, ...q }, i) => {
    // A figure in parentheses is said of the cases it names after it ("(4 hours for critical)").
    if (of !== undefined) return { ...q, labels: labelsIn(of) };
    const previous = found[i - 1];
    const from = Math.max(previous ? previous.index + previous.phrase.length : 0, t.lastIndexOf(". ", index) + 1);
    return { ...q, labels: labelsIn(t.slice(from, index)) };
  });
}

/**
 * "(2 minutes for mobile devices)", "(7 days for critical)", "(15 for administrators)": a figure in
 * parentheses, a few words after a bounded one, said of some of the cases it bounds.
 */
const SUBSET_FIGURE = new RegExp(
  `^[^().;?\\d]{0,40}\\(\\s*${QTY}(?:[\\s-]?${UNIT})?\\s+(?:for|on|in|with|of)\\b([^()]{0,40})\\)`,
);

/** Words before a span that make it a span of inactivity, not a period something is kept for. */
const INACTIVITY =
  /\b(not (been )?(used|accessed|signed in|logged in|logged on)|unused|inactive|inactivity|dormant|idle|no (activity|sign-?ins?|log-?ins?))\b[^.;?]{0,25}$/;

/** Whether an amount keeps within a bound: at most an upper one, at least a lower one. */
function meetsBound(amount: number, bound: { readonly bound: Bound; readonly amount: number }): boolean {
  return bound.bound === "upper" ? amount <= bound.amount : amount >= bound.amount;
}

/**
 * A setting the answer says can be chosen within a range ("idle timeouts from 15 minutes up to 30
 * days"): it can be as short as the range's start, which an upper bound asked is compared with.
 */
const RANGE = new RegExp(`\\bfrom ${QTY}[\\s-]?${UNIT} (?:up )?to ${QTY}[\\s-]?${UNIT}`, "g");
function rangeStarts(answer: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of answer.toLowerCase().matchAll(RANGE)) {
    const unit = unitOf(m[2] ?? "");
    if (unit)
      out.push({
        bound: "upper",
        dimension: unit.dimension,
        amount: amountOf(m[1] ?? "") * unit.size,
        phrase: `from ${m[1]} ${m[2]}`,
        labels: new Set(),
      });
  }
  return out;
}

function quantityContradiction(question: string, answer: string): string | null {
  const asked = quantities(question);
  if (asked.length === 0) return null;
  const stated = [...quantities(answer), ...rangeStarts(answer)];
  for (const bound of asked) {
    // "for N" in a question is no bound ("kept for 12 months?" asks about that period, not a minimum).
    if (bound.bound === "lower" && /^for\b/.test(bound.phrase)) continue;
    const comparable = stated.filter((s) => s.dimension === bound.dimension && s.bound === bound.bound);
    if (comparable.length === 0) continue;
    const within = (s: Quantity): boolean => meetsBound(s.amount, bound);
    // "Critical and high within 14 days?" of "critical within 7 days, high within 30 days": each
    // severity asked about must meet the bound, not just one of the answer's quantities.
    const sameLabels = comparable.filter((s) => [...s.labels].some((l) => bound.labels.has(l)));
    if (sameLabels.length > 0) {
      const short = sameLabels.filter((s) => !within(s));
      if (short.length > 0)
        return `the question asks "${bound.phrase}" but the answer says "${short.map((s) => s.phrase).join('", "')}"`;
      continue;
    }
    const meets = comparable.some(within);
    if (!meets) {
      return `the question asks "${bound.phrase}" but the answer says "${comparable.map((s) => s.phrase).join('", "')}"`;
    }
  }
  return null;
}

/** Days between occurrences, for frequencies said in a word. */
type Frequency = { readonly pattern: RegExp; readonly days: number; readonly label: string };
const FREQUENCIES: readonly Frequency[] = [
  {
    pattern: /\b(continuous(ly)?|real[- ]time|(a)?round[- ]the[- ]clock|24 ?(x|\/) ?7)\b/,
    days: 0,
    label: "continuously",
  },
  { pattern: /\b(hourly|(every|each) hour)\b/, days: 1 / 24, label: "hourly" },
  { pattern: /\b(daily|nightly|(every|each) (day|night)|once (a|per) day)\b/, days: 1, label: "daily" },
  { pattern: /\b(weekly|(every|each) week|once (a|per) week)\b/, days: 7, label: "weekly" },
  { pattern: /\b(monthly|(every|each) month|once (a|per) month)\b/, days: 30, label: "monthly" },
  {
    pattern: /\b(quarterly|(every|each) quarter|every (three|3) months|once (a|per) quarter)\b/,
    days: 91,
    label: "quarterly",
  },
  { pattern: /\b(semi-?annual(ly)?|twice a year|every (six|6) months)\b/, days: 182, label: "twice a year" },
  {
    // "annualy", "anually": the spellings buyers type.
    pattern: /\b(ann?ual(l?y)?|yearly|every year|once (a|per) year|each year|every (twelve|12) months)\b/,
    days: 365,
    label: "annually",
  },
  {
    pattern: /\b(every (two|2) years|every (24|twenty-four) months|biennial(ly)?)\b/,
    days: 730,
    label: "every two years",
  },
];

/** Days in a unit of a period said with a number. */
const PERIOD_DAYS: Readonly<Record<string, number>> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };
/** "every 30 days", "each 2 weeks", "every ninety days": a frequency said as a number of units. */
const EVERY_N = new RegExp(`\\b(?:every|each) ${QTY} (hours?|days?|weeks?|months?|years?)\\b`, "g");

/**
 * The frequencies a text names: in a word ("monthly", "each quarter") or as a period with a number
 * ("every 30 days", "every 90 days"), which is as strict a figure as its word would be.
 */
function frequenciesIn(text: string): Frequency[] {
  const t = text.toLowerCase();
  const named = FREQUENCIES.filter((f) => f.pattern.test(t));
  for (const m of t.matchAll(EVERY_N)) {
    if (FREQUENCIES.some((f) => f.pattern.test(m[0]))) continue;
    const days = amountOf(m[1] ?? "") * (PERIOD_DAYS[(m[2] ?? "").replace(/s$/, "")] ?? Number.NaN);
    if (!Number.isFinite(days) || days <= 0 || named.some((f) => f.days === days)) continue;
    named.push({ pattern: new RegExp(`\\b${m[0]}\\b`), days, label: m[0] });
  }
  return named;
}

/**
 * The minimum frequency a question sets ("at least monthly", "at least once a year"), with its words.
 * A question that names one frequency of its practice ("Are privileged access rights reviewed every
 * month?") sets it too: a practice done quarterly is no Yes to it. "Continuously" only with "at
 * least": a practice "monitored continuously" is not contradicted by alerts "reviewed daily".
 */
function askedMinimumFrequency(question: string): { bound: Frequency; phrase: string } | null {
  const q = question.toLowerCase();
  // "at least once every 12 months" and "at least every 6 months" name their period with a number.
  // "at least every six months": a period written in words is a number too.
  const asked =
    /\bat least (once (a|per|every) |every )?((\d+|one|two|three|four|six|twelve|eighteen|twenty-four) \w+|\w+)/.exec(
      q,
    );
  const bound = asked ? frequenciesIn(asked[0])[0] : undefined;
  if (asked && bound) return { bound, phrase: asked[0] };
  // A list of frequencies to choose from ("(Monthly / Quarterly / Annually)") sets none.
  const plain = withoutChoiceList(q);
  const named = frequenciesIn(plain).filter((f) => f.days > 0);
  if (named.length !== 1 || /\bhow often\b/.test(plain)) return null;
  const only = named[0] as Frequency;
  return { bound: only, phrase: only.pattern.exec(plain)?.[0] ?? only.label };
}

/** Stems of a text's content words, frequency words left out ("reviewed every month" → review). */
function contentStems(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^a-z]+/);
  return new Set(words.filter((w) => w.length > 2 && !isStopword(w) && !FREQUENCY_WORD.test(w)).map(stem));
}
const FREQUENCY_WORD =
  /^(every|each|once|twice|per|daily|nightly|weekly|monthly|quarterly|annual|annually|yearly|hourly|day|week|month|quarter|year|years|months|least|continuous|continuously)$/;

/**
 * The sentences of an answer that speak of what the question does: a frequency said of another
 * activity ("Completion is … reported to leadership monthly") does not meet one asked of training.
 * All of them when none shares a word with the question.
 */
function sentencesAbout(question: string, answer: string): string {
  const asked = contentStems(question);
  // A sentence may join two activities (", and automated monitoring tests key controls … every
  // day"): each clause joined by ", and" is read on its own.
  const sentences = answer.toLowerCase().split(/(?<=[.;!?])\s+|,\s+and\s+/);
  const about = sentences.filter((s) => [...contentStems(s)].some((w) => asked.has(w)));
  return (about.length > 0 ? about : sentences).join(" ");
}

function frequencyContradiction(question: string, answer: string): string | null {
  const asked = askedMinimumFrequency(question);
  if (!asked) return null;
  const { bound } = asked;
  const a = sentencesAbout(question, answer);
  // Round-the-clock monitoring meets any frequency asked, whichever sentence says it.
  const always = answer.toLowerCase();
  const stated = [
    ...frequenciesIn(a),
    ...FREQUENCIES.filter((f) => f.days === 0 && f.pattern.test(always) && !f.pattern.test(a)),
  ];
  if (stated.length === 0) return null;
  if (stated.some((f) => f.days <= bound.days)) return null;
  return `the question asks for at least ${bound.label} but the answer says ${stated.map((f) => f.label).join(", ")}`;
}

/** What an entry's fact answer ("12 months", "Annually", "Within 24 hours", "99.9%") says of a bound the question sets. */
export interface BoundVerdict {
  readonly verdict: "meets" | "falls short of";
  /** The question's words that set the bound ("at least 90 days"). */
  readonly asked: string;
}

const BARE_QUANTITY = new RegExp(
  `^\\s*(?:(within|up to|at most|at least|minimum(?: of)?)\\s+)?${QTY}[\\s-]?${UNIT}\\s*$`,
  "i",
);
const PERCENT_LOWER =
  /\b(?:at least|no less than|not less than|a minimum of|minimum(?: of)?)\s+(\d+(?:\.\d+)?)\s?%|\b(\d+(?:\.\d+)?)\s?%\s+or (?:more|higher|greater|above)\b/g;
const PERCENT_FACT = /^\s*(\d+(?:\.\d+)?)\s?%\s*$/;

/** The fact as one quantity: a point ("12 months"), or a bound of its own ("Within 24 hours"). */
function factQuantity(fact: string): { bound: Bound | "point"; dimension: "time" | "chars"; amount: number } | null {
  const m = BARE_QUANTITY.exec(fact.toLowerCase());
  const unit = m ? unitOf(m[3] ?? "") : null;
  if (!m || !unit) return null;
  const cue = m[1] ?? "";
  const bound = cue === "" ? "point" : /^(within|up to|at most)$/.test(cue) ? "upper" : "lower";
  return { bound, dimension: unit.dimension, amount: amountOf(m[2] ?? "") * unit.size };
}

/** A fact made of labelled quantities, "RTO 4 hours, RPO 1 hour", as one point per label. */
const LABELLED_PART = new RegExp(`^\\s*([a-z() ]+?)\\s*(?:is|of|:|-|–)?\\s*${QTY}[\\s-]?${UNIT}\\s*$`, "i");
function labelledFacts(fact: string): { label: string; dimension: "time" | "chars"; amount: number }[] {
  const parts = fact.split(/,|;|\band\b/);
  const facts: { label: string; dimension: "time" | "chars"; amount: number }[] = [];
  for (const part of parts) {
    const m = LABELLED_PART.exec(part);
    const labels = m ? [...labelsIn((m[1] ?? "").toLowerCase())] : [];
    const unit = m ? unitOf(m[3] ?? "") : null;
    if (!m || !unit || labels.length !== 1) return [];
    facts.push({ label: labels[0] ?? "", dimension: unit.dimension, amount: amountOf(m[2] ?? "") * unit.size });
  }
  return facts;
}

/**
 * Whether an entry's fact answer meets every bound a yes/no question sets that the fact can be
 * compared with: "Are audit logs kept for at least 90 days?" is answered by "12 months" (Yes), "Is the
 * plan tested at least quarterly?" is not by "Annually". Null when the question sets no such bound,
 * so the value stays a person's choice. Only the fact itself is read, never the rest of the answer.
 */
export function factAgainstBound(question: string, fact: string): BoundVerdict | null {
  const verdicts: BoundVerdict[] = [];
  const q = question.toLowerCase().replace(/\s+/g, " ");
  const quantity = factQuantity(fact);
  if (quantity) {
    for (const asked of quantities(question)) {
      if (asked.bound === "lower" && /^for\b/.test(asked.phrase)) continue;
      if (asked.dimension !== quantity.dimension) continue;
      // A fact that is itself a bound compares only with a bound of the same kind ("within 24 hours"
      // meets "within 48 hours"; it says nothing of "at least 24 hours").
      if (quantity.bound !== "point" && quantity.bound !== asked.bound) continue;
      const meets = meetsBound(quantity.amount, asked);
      verdicts.push({ verdict: meets ? "meets" : "falls short of", asked: asked.phrase });
    }
  }
  const labelled = quantity ? [] : labelledFacts(fact);
  if (labelled.length > 0) {
    // "The Supplier shall maintain an RPO of 24 hours or less" of "RTO 4 hours, RPO 1 hour": the
    // bound is compared with the quantity of the label it names; a bound naming none is left alone.
    for (const asked of quantities(question)) {
      for (const f of labelled) {
        if (!asked.labels.has(f.label) || f.dimension !== asked.dimension) continue;
        const meets = meetsBound(f.amount, asked);
        verdicts.push({ verdict: meets ? "meets" : "falls short of", asked: asked.phrase });
      }
    }
  }
  const frequency = frequenciesIn(fact)[0];
  const askedFrequency = askedMinimumFrequency(question);
  if (frequency && askedFrequency)
    verdicts.push({
      verdict: frequency.days <= askedFrequency.bound.days ? "meets" : "falls short of",
      asked: askedFrequency.phrase,
    });
  const percent = PERCENT_FACT.exec(fact);
  if (percent)
    for (const m of q.matchAll(PERCENT_LOWER)) {
      const floor = Number(m[1] ?? m[2]);
      verdicts.push({ verdict: Number(percent[1]) >= floor ? "meets" : "falls short of", asked: m[0].trim() });
    }
  if (verdicts.length === 0) return null;
  return verdicts.find((v) => v.verdict !== "meets") ?? verdicts[0] ?? null;
}

const SEPARATE_PLACE =
  /\b(separate|different|another|secondary|distinct|second|remote|geographically (separate|distinct|dispersed|diverse)|off-?site)\b[^.?]{0,40}?\b(geographic(al)? )?(regions?|locations?|sites?|data ?cent(er|re)s?|availability zones?|countr(y|ies)|facilit(y|ies)|geograph(y|ic\w*))\b|\bgeographically (separate|distinct|dispersed|diverse)\b|\boff-?site\b/;
const SAME_PLACE =
  /\b(same|single) (aws |cloud )?(region|location|site|data ?cent(er|re)|availability zone|country|facility)\b|\b(stays?|remains?|is kept|are kept) (in|within) (the |their |its )?(chosen|selected|customer's|home) region\b|\bnot replicated outside\b/;

function placeContradiction(question: string, answer: string): string | null {
  const q = question.toLowerCase();
  const asked = SEPARATE_PLACE.exec(q);
  if (!asked) return null;
  const said = SAME_PLACE.exec(answer.toLowerCase());
  return said ? `the question asks for "${asked[0]}" but the answer says "${said[0]}"` : null;
}

/**
 * Places a question can bound ("outside the United States", "any country other than the UK") and an
 * answer can name. Names are read in any case, the acronyms only in capitals ("US", not "us").
 */
const PLACES: readonly { readonly name: string; readonly words: RegExp; readonly acronyms: RegExp }[] = [
  { name: "the United States", words: /\b(united states|america)\b|\bu\.s\.(a\.)?(?!\w)/i, acronyms: /\b(US|USA)\b/ },
  {
    name: "the EU",
    words: /\b(european union|european economic area|europe|ireland|germany|france|netherlands|frankfurt|dublin)\b/i,
    acronyms: /\b(EU|EEA)\b/,
  },
  {
    name: "the United Kingdom",
    words: /\b(united kingdom|great britain|britain|england|london)\b/i,
    acronyms: /\bUK\b/,
  },
];
// Periods may belong to the place ("the U.S."): the bound reads on to the question mark.
const BEYOND = /\b(outside|other than|beyond)\s+(of\s+)?(the\s+)?([^?;:]{0,60})/i;

function placesNamed(text: string): Set<string> {
  return new Set(PLACES.filter((p) => p.words.test(text) || p.acronyms.test(text)).map((p) => p.name));
}

/**
 * A "No" to "Will our data be stored or accessed outside the United States?" from a text that names
 * the United Kingdom or the EU ("staff work in the US or the UK", "sub-processors in the US or the
 * EU") says the opposite of its own text: the places it names lie outside the bound asked about.
 */
function placeBoundContradiction(question: string, answer: string): string | null {
  const bound = BEYOND.exec(question);
  if (!bound) return null;
  const asked = placesNamed(bound[4] ?? "");
  if (asked.size === 0) return null;
  const beyond = [...placesNamed(answer)].filter((p) => !asked.has(p));
  return beyond.length > 0
    ? `the question asks about "${(bound[0].split(/[(,]/)[0] ?? "").trim()}" but the answer names ${beyond.join(" and ")}`
    : null;
}

/**
 * "Did your last surveillance audit raise any major nonconformities?" of a text that says "with no
 * major nonconformities": the question asks whether there are any of a thing, and the text says there
 * are none. A Yes would say the opposite of the text.
 */
const ANY_OF = /\bany ((?:[a-z][\w-]* ){0,2}[a-z][\w-]*)/gi;
const NONE_OF =
  /\b(?:no|without|zero|not any|nor any|never any|free of|free from)\s+((?:[a-z][\w-]* ){0,2}[a-z][\w-]*)/gi;
/** Words too general to name the thing ("any other…", "no further…"). */
const GENERAL = new Set([
  "other",
  "more",
  "such",
  "kind",
  "type",
  "form",
  "time",
  "longer",
  "further",
  "way",
  "matter",
]);
const thingStems = (phrase: string): string[] =>
  phrase
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !isStopword(w) && !GENERAL.has(w))
    .map(stem);
function deniedThing(question: string, answer: string): string | null {
  const asked = new Set([...question.matchAll(ANY_OF)].flatMap((m) => thingStems(m[1] ?? "")));
  if (asked.size === 0) return null;
  for (const m of answer.matchAll(NONE_OF)) if (thingStems(m[1] ?? "").some((w) => asked.has(w))) return m[0];
  return null;
}

/**
 * "Will you give customers advance notice before changing the model provider?" drafted "No" from an
 * entry whose text says "we would give 30 days' notice before adding any new AI sub-processor": the
 * entry's No answered its own question, and its text does the act asked. Read for a commitment asked
 * with "will / would / do / does / can" and a verb: the text does that verb to one of the next few
 * words the question names, with no negation in the words before it.
 */
const COMMITMENT_ASK =
  /^(will|would|do|does|can|could|shall)\s+(you|we|your (company|organi[sz]ation|team|firm)|the (vendor|supplier|provider|company|service))\s+(\w+ly\s+)?([a-z]+)\s+((?:[\w'-]+\s*){1,5})/;
const WEAK_VERBS = new Set(["be", "have", "has", "had", "do", "does", "use", "make", "get", "allow", "permit", "let"]);
// A rule against the act negates it as well as "not" does: "our SDLC standard prohibits outsourcing
// development" says the vendor does not outsource.
const NEGATION_BEFORE =
  /\b(not|never|no|without|nor|cannot|prohibits?|prohibited|prohibiting|forbids?|forbidden|forbidding|bans?|banned|banning|disallows?|disallowed|disallowing)\b|n't\b/;

function affirmedAct(question: string, answer: string): string | null {
  const m = COMMITMENT_ASK.exec(question.toLowerCase());
  const verbWord = m?.[6];
  if (!m || !verbWord || WEAK_VERBS.has(verbWord)) return null;
  const verb = stem(verbWord);
  const objects = (m[7] ?? "")
    .split(/\s+/)
    .filter((w) => w && !isStopword(w))
    .slice(0, 3)
    .map(stem);
  if (objects.length === 0) return null;
  const words = answer.toLowerCase().split(/[^a-z0-9']+/);
  for (let i = 0; i < words.length; i++) {
    if (stem(words[i] ?? "") !== verb) continue;
    const after = words.slice(i + 1, i + 6).map((w) => stem(w.replace(/'$/, "")));
    if (!objects.some((o) => after.includes(o))) continue;
    if (NEGATION_BEFORE.test(words.slice(Math.max(0, i - 5), i).join(" "))) continue;
    return words.slice(i, i + 6).join(" ");
  }
  return null;
}

const LEADING = /^\s*(yes|no)\b[.,;:!]?\s*/i;

/** The text's leading Yes/No when it says the opposite of the value, else null. */
function contradictingLead(value: string, text: string): string | null {
  const lead = LEADING.exec(text)?.[1];
  if (!lead) return null;
  const v = polarityOf(value);
  const l = polarityOf(lead);
  return (v === "yes" || v === "no") && v !== l ? lead : null;
}

/**
 * A drafted value flipped for a question asked in the opposite sense keeps the entry's text, which may
 * open with the entry's own "Yes."; that word now contradicts the value, while the rest of the text
 * states the practice truly. Drop the word, keep the practice.
 */
export function dropContradictingLead(value: string | null, text: string): string {
  if (value === null || contradictingLead(value, text) === null) return text;
  const rest = text.replace(LEADING, "");
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Why this drafted value contradicts its own text or the question's terms, or null when it does not. */
export function contradiction(
  question: { readonly text: string; readonly kind: string },
  value: string | null,
  text: string,
): string | null {
  if (question.kind === "free_text" || value === null) return null;
  const lead = contradictingLead(value, text);
  if (lead) return `the value "${value}" contradicts the answer text, which begins "${lead}"`;
  if (polarityOf(value) === "no") {
    const beyond = placeBoundContradiction(question.text, text);
    if (beyond) return `"${value}" contradicts the answer: ${beyond}`;
    const done = affirmedAct(question.text, text);
    return done ? `"${value}" contradicts the answer, which says it does this ("${done}")` : null;
  }
  if (polarityOf(value) !== "yes") return null;
  const denied = deniedThing(question.text, text);
  if (denied) return `"${value}" contradicts the answer, which says "${denied}"`;
  const why =
    placeContradiction(question.text, text) ??
    quantityContradiction(question.text, text) ??
    frequencyContradiction(question.text, text);
  return why ? `"${value}" contradicts the answer: ${why}` : null;
}
