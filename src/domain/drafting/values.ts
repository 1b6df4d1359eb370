import { isOpenOrSpanRange, rangeStated } from "./time-ranges.js";

/** What a cell value means, whatever the customer's wording ("Y", "Yes - Fully", "Not applicable"). */
export type Polarity = "yes" | "no" | "na" | "partial" | "other";

export function polarityOf(value: string): Polarity {
  const v = value.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^(n\/a|na|n\.a\.?|not applicable|none applicable|does not apply)$/.test(v)) return "na";
  if (
    /\bpartial(ly)?\b|^(largely|mostly|substantially|predominantly|somewhat)( implemented| in place| compliant| met| addressed)?$|\bin (progress|process)\b|\bunder ?way\b|\bplanned\b|\bsome\b|^(on (the )?)?roadmap$|^in development$|^coming soon$|^pending$|^alternative implementation$/.test(
      v,
    )
  )
    return "partial";
  if (
    /^(y|yes|true|1|x|((fully|completely) )?(compliant|implemented|in place|met|addressed|compl(y|ies))|fully|all (devices|systems|assets|endpoints|users|staff)|(will|we) comply|agree|confirmed|yes\b.*)$/.test(
      v,
    )
  )
    return "yes";
  if (
    /^(n|no|false|0|non[- ]?compliant|not (compliant|implemented|in place|met|addressed|started|begun|at all)|(do|does|will|can)( not|n't) comply|cannot comply|disagree|no\b.*)$/.test(
      v,
    )
  )
    return "no";
  return "other";
}

/** The allowed values that read as a plain yes/no set (with N/A and partial answers allowed alongside). */
export function isYesNoSet(values: readonly string[]): boolean {
  const kinds = new Set(values.map(polarityOf));
  return kinds.has("yes") && kinds.has("no") && !kinds.has("other");
}

/**
 * A state of implementation asked as a choice ("Implemented / Partially implemented / Planned / Not
 * applicable", "Yes / Partially / No"): a yes/no question in other words, whose Yes is the
 * implemented state. Every value is a yes, no, partial or N/A; none names anything else.
 */
export function isStatusSet(values: readonly string[]): boolean {
  // "All devices / Some devices / None": on a scale of states, "None" is the No.
  const kinds = new Set(values.map((v) => (/^\s*none\s*$/i.test(v) ? "no" : polarityOf(v))));
  return kinds.has("yes") && kinds.has("partial") && !kinds.has("other");
}

/**
 * Maps the library's short answer onto one of the question's allowed values. Returns null when
 * no allowed value means the same thing: the caller then sends the answer to review.
 */
export function mapShortAnswer(short: string, allowed: readonly string[] | null): string | null {
  if (!allowed || allowed.length === 0) {
    const p = polarityOf(short);
    return p === "yes" ? "Yes" : p === "no" ? "No" : p === "na" ? "N/A" : short;
  }
  const exact = allowed.find((a) => a.trim().toLowerCase() === short.trim().toLowerCase());
  if (exact) return exact;
  const wanted = polarityOf(short);
  if (wanted === "other") {
    const loose = allowed.filter(
      (a) => a.toLowerCase().includes(short.toLowerCase()) || short.toLowerCase().includes(a.toLowerCase()),
    );
    return loose.length === 1 ? (loose[0] ?? null) : null;
  }
  const same = allowed.filter((a) => polarityOf(a) === wanted);
  // A list of kinds ends with "None" ("HITRUST CSF certification held: r2 / i1 / e1 / None") or a
  // list of frequencies with "Never": with no plain No on offer, that is how it says No.
  if (same.length === 0 && wanted === "no") return allowed.find((a) => /^\s*(none|never)\s*$/i.test(a)) ?? null;
  // Prefer the plainest wording ("Yes" over "Yes - Fully") when several mean the same.
  return same.sort((a, b) => a.length - b.length)[0] ?? null;
}

export function invertYesNo(short: string): string | null {
  const p = polarityOf(short);
  return p === "yes" ? "No" : p === "no" ? "Yes" : null;
}

/** Ways an answer text says a frequency or a timeframe that a choice list names in one word. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  annually: ["annual", "annually", "yearly", "once a year", "every year", "each year", "every twelve months"],
  "semi-annually": ["semi-annual", "semi-annually", "twice a year", "every six months", "biannual"],
  quarterly: ["quarterly", "every quarter", "each quarter", "every three months"],
  monthly: ["monthly", "every month", "each month", "once a month"],
  weekly: ["weekly", "every week", "each week", "once a week"],
  daily: ["daily", "every day", "each day", "nightly", "once a day"],
  hourly: ["hourly", "every hour", "each hour"],
  continuous: ["continuous", "continuously", "real time", "real-time", "point-in-time recovery"],
  // An authentication factor: a FIDO2 security key is the hardware key a list of factors names.
  "hardware key": ["hardware key", "hardware keys", "security key", "security keys"],
};
// The adverb a choice list writes ("Continuously") says what its adjective does.
// So does the adjective of an adverb ("Annual", "Semi-annual": "at least once a year" states "Annual").
const SYNONYM_ALIASES: Readonly<Record<string, string>> = {
  continuously: "continuous",
  annual: "annually",
  yearly: "annually",
  "semi annual": "semi-annually",
  "semi annually": "semi-annually",
  "every 6 months": "semi-annually",
  "every 12 months": "annually",
  "every 3 months": "quarterly",
  "hardware security key": "hardware key",
  "fido2 hardware key": "hardware key",
  "fido2 security key": "hardware key",
  "fido2 key": "hardware key",
  "security key": "hardware key",
};

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function phrasesFor(value: string): string[] {
  const v = squash(value);
  const syn = SYNONYMS[SYNONYM_ALIASES[v] ?? v] ?? SYNONYMS[v.replace(/ /g, "-")];
  // "14 or more characters" is stated as "14 characters"; "7 days" as "within 7 days".
  const quantity = /^(\d+(?: \d+)?) (?:or more |or less |plus )?([a-z]+)/.exec(v);
  const extra = quantity ? [`${quantity[1]} ${quantity[2]}`] : [];
  return [v, ...extra, ...(syn ?? []).map(squash)].filter((p) => p.length > 0);
}

/** Whether a text states this value in so many words (or a synonym: "yearly" for "Annually"). */
export function statesValue(text: string, value: string): boolean {
  const haystack = ` ${squash(text)} `;
  return phrasesFor(value).some((p) => haystack.includes(` ${p} `));
}

/** A clause that says what it names is switched off or refused: "SMS and voice factors are disabled". */
const SWITCHED_OFF =
  /\b(disabled|turned off|switched off|blocked|prohibited|forbidden|not (permitted|allowed|accepted|supported|used|offered|enabled|available)|never (permitted|allowed|accepted|supported|used|offered|enabled))\b/;

/**
 * Whether every clause that states a value says it is switched off or refused ("SMS and voice factors
 * are disabled"): the text names the value as what is not done, so it does not state it as the answer
 * to "Which factors are permitted? (SMS / …)".
 */
function statedOnlyAsOff(text: string, value: string): boolean {
  const clauses = text
    .split(/[,;.:]\s+|\.$/)
    .map((c) => ` ${squash(c)} `)
    .filter((c) => phrasesFor(value).some((p) => c.includes(` ${p} `)));
  return clauses.length > 0 && clauses.every((c) => SWITCHED_OFF.test(c));
}

/** A deadline told without a number: "Without undue delay", "Promptly", "As soon as possible". */
const MANNER_OF_TIME =
  /^(without (undue |unreasonable )?delay|promptly|as soon as (possible|practicable|reasonably practicable)|asap|immediately|in a timely manner)$/i;

/**
 * For a choice question whose entry has no matching short answer: the one allowed value the entry's
 * answer text states ("… reviewed quarterly …" → "Quarterly"). Several: a deadline in numbers over
 * one in words beside it; else the one stated for the class the question names, if exactly one is
 * (valueOfAskedClause). None, or no such class → null (review),
 * so a value is only chosen when the library text says it in so many words.
 */
export function choiceFromText(allowed: readonly string[] | null, text: string, question = ""): string | null {
  if (!allowed || allowed.length === 0) return null;
  const found = allowed.filter((a) => {
    // "Never", "None", "Not performed", "Other": absences and catch-alls are never read off a text.
    if (polarityOf(a) !== "other" || /^(never|none|not\b|no\b|other|ad hoc)/i.test(a.trim())) return false;
    // "> 72 hours" and "24–72 hours" are ranges: their numbers in a text ("within 72 hours") do not
    // state them (rangeStated reads them).
    if (isOpenOrSpanRange(a)) return false;
    return statesValue(text, a) && !statedOnlyAsOff(text, a);
  });
  if (found.length === 1) return found[0] ?? null;
  // "…without undue delay and in any case within 48 hours": the deadline in numbers is the
  // commitment; the manner of words beside it says less.
  const measured = found.filter((a) => /\d/.test(a));
  if (measured.length === 1 && found.every((a) => a === measured[0] || MANNER_OF_TIME.test(a.trim())))
    return measured[0] ?? null;
  return found.length > 1
    ? valueOfAskedClause(found, text, question)
    : rangeStated(allowed, text, askedClasses(question));
}

/**
 * Several allowed values stated, each for its own class of thing ("critical within 7 days, high
 * within 30 days"): the one whose clause names the class the question names and no other value's
 * clause does ("…critical security patches…" → "Within 7 days"). Only ranked classes (severities,
 * priorities, tiers) are read: a topic word ("vulnerabilities") tells no clause apart from the rest.
 * Otherwise none, for review.
 */
const RANKED_CLASS =
  /^(critical|high|medium|moderate|low|severe|urgent|emergency|informational|p[0-4]|sev[0-4]|tier|privileged|production|confidential|restricted|internal|public)$/;
/** The ranked classes a question names ("critical", "high", "p1"…). */
const askedClasses = (question: string): string[] =>
  squash(question)
    .split(" ")
    .filter((w) => RANKED_CLASS.test(w));

function valueOfAskedClause(found: readonly string[], text: string, question: string): string | null {
  const asked = new Set(askedClasses(question));
  if (asked.size === 0) return null;
  // The class named in the value's own clause ("critical within 7 days, high within 30 days",
  // "quarterly for production, yearly elsewhere") decides; when no clause names one, a list of classes
  // before a value belongs to it ("Access to production, customer data and privileged roles is
  // reviewed every quarter, and other systems twice a year").
  return distinctValue(found, byClause(found, text, asked)) ?? distinctValue(found, bySegment(found, text, asked));
}

/** The asked classes in each value's clause, the text cut at commas, semicolons and "and". */
function byClause(found: readonly string[], text: string, asked: ReadonlySet<string>): Map<string, Set<string>> {
  const clauses = text.split(/[,;.:]\s+|\s+and\s+/).map((c) => ` ${squash(c)} `);
  const out = new Map<string, Set<string>>();
  for (const value of found) {
    const words = new Set<string>();
    for (const c of clauses)
      if (phrasesFor(value).some((p) => c.includes(` ${p} `)))
        for (const w of c.trim().split(" ")) if (asked.has(w)) words.add(w);
    out.set(value, words);
  }
  return out;
}

/** The asked classes between each stated value and the one stated before it in the same sentence. */
function bySegment(found: readonly string[], text: string, asked: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map(found.map((value) => [value, new Set<string>()]));
  for (const sentence of text.split(/[.;:]\s+/)) {
    const s = ` ${squash(sentence)} `;
    const hits: { at: number; value: string }[] = [];
    for (const value of found)
      for (const p of phrasesFor(value))
        for (let i = s.indexOf(` ${p} `); i >= 0; i = s.indexOf(` ${p} `, i + 1))
          hits.push({ at: i + p.length + 1, value });
    hits.sort((a, b) => a.at - b.at);
    let start = 0;
    for (const hit of hits) {
      for (const w of s.slice(start, hit.at).trim().split(" ")) if (asked.has(w)) out.get(hit.value)?.add(w);
      start = hit.at;
    }
  }
  return out;
}

/** The one value with an asked class that no other value has, or null. */
function distinctValue(found: readonly string[], words: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  const perValue = found.map((value) => ({ value, words: words.get(value) ?? new Set<string>() }));
  const distinct = perValue.filter(({ value, words }) =>
    [...words].some((w) => perValue.every((o) => o.value === value || !o.words.has(w))),
  );
  return distinct.length === 1 ? (distinct[0]?.value ?? null) : null;
}
