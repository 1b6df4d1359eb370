import { isStopword, normalizeText, stem } from "../matching/tokenize.js";

/**
 * The kind of fact a question asks for, when it asks for one ("How many…", "When was…", "What
 * percentage…"), and whether an answer text states a fact of that kind. An entry on the right topic
 * that states no such fact does not answer the question ("How many security incidents did you have
 * last year?" is not answered by the incident response plan): such a draft goes to a reviewer.
 * This reads the kind of fact, not the topic, so it holds for wordings nobody wrote a rule for.
 */
export type FactKind =
  | "count"
  | "date"
  | "percentage"
  | "amount"
  | "identifier"
  | "version"
  | "duration"
  | "length"
  | "classification";

/** Each kind in a reviewer's words. */
export const FACT_WORDS: Readonly<Record<FactKind, string>> = {
  count: "number",
  date: "date",
  percentage: "percentage",
  amount: "sum of money",
  identifier: "reference number",
  version: "version",
  duration: "length of time",
  length: "length in characters, digits or bits",
  classification: "classification under that law",
};

/** A law, regulation or act named after "under": "under the EU AI Act", "under Article 6 of the Regulation", "under NIS2". */
const UNDER_LAW = "\\bunder (the )?([\\w.()/-]+ ){0,5}?(act|regulation|directive|law|legislation|gdpr|nis ?2|dora)\\b";

/**
 * A document's or a finding's own number; group 1 is the noun, which statesFact reads too. Not one a
 * practice gives things ("users see a generic message and a reference ID", "each ticket number").
 */
const IDENTIFIER_ASK =
  /(?<!\b(?:a|an|with a|with an|each|every|its|their) )\b(certificate|certification|accreditation|registration|licen[cs]e|reference|finding|ticket|case|policy|contract|report|tax|vat|duns|company) (?:numbers?|no|ids?|identifiers?|#)(?=\W|$)/;

const DURATION_ASK =
  /(\(|[-–—:]\s*)(in |number of |no\.? of |# ?)?(seconds|minutes|mins|hours|hrs|days|weeks|months|years)\)?\W*$/;

const ASKS: readonly { kind: FactKind; pattern: RegExp }[] = [
  {
    // How a law classifies the vendor or its product: "which risk category do your AI features fall
    // into", "how are they classified under the EU AI Act", "your role under the Act (provider,
    // deployer…)", "which entity type under NIS2". An entry that says it follows the law but names no
    // class does not answer.
    kind: "classification",
    pattern: new RegExp(
      `\\b(which|what) (risk )?(categor(y|ies)|tiers?|class(es)?|classifications?|entity types?|type of entity)\\b[^?]{0,80}(${UNDER_LAW}|\\bfall(s)? (into|within|under)\\b)|\\b(classif(y|ied|ication)|categori[sz](e|ed|ation))\\b[^?]{0,60}${UNDER_LAW}|\\b(your|its|the vendor'?s|the supplier'?s|the provider'?s) roles? (as \\w+ )?${UNDER_LAW}|\\brisk (categor(y|ies)|tiers?|class(es)?|classifications?|levels?) (under|of|in|defined by) (the )?([\\w.()/-]+ ){0,4}?(act|regulation)\\b`,
    ),
  },
  {
    kind: "percentage",
    pattern: /\b(what|which) (percentage|percent|proportion|share)\b|\bwhat %|\bhow many percent\b/,
  },
  {
    kind: "amount",
    // A sum asked for, or a sum the question sets as a floor ("insurance of at least $5M"): an entry
    // that names no sum does not say whether the floor is met. An insurance policy's excess,
    // deductible or premium is a sum too, and so is its "level of cover" (the sum insured, as British
    // and insurance usage writes it; "cover" alone may be a rota's: "out-of-hours cover").
    pattern:
      /\bhow much (money|budget|revenue|do you spend|is spent|does it cost|coverage|cover)\b|\bhow much (did|does|do|will|would) [^?]*\b(cost|spend|pay|charge)\b|\b(policy|coverage|cover|liability|aggregate|indemnity|insurance|dollar|monetary) (limits?|amounts?)\b|\blimits? (per|of each) (occurrence|claim)\b|\blimits? of (your |the |its )?([\w-]+ ){0,2}(insurance|cover|coverage|policy|liability)\b|\bamount of (cover|coverage|insurance)\b|\blevels? of (indemnity|insurance)\b|\b(insurance|indemnity) cover(age)? levels?\b|\b(insur\w*|indemnit\w*)\b[\s\S]*\blevels? of cover\b|\blevels? of cover\b[\s\S]*\b(insur\w*|indemnit\w*)|\b(excess|deductible|premium)s? (on|of|for|under|in) (the |your |its |each )?([\w-]+ ){0,3}(insurance|cover|coverage|polic(y|ies))\b|\b(insurance|policy|cover|coverage)( [-–—:] |: | )(excess|deductible|premium)s?\b|\bwhat (is|was|were) (the|your) (total |annual |yearly |approximate )?([\w-]+ ){0,2}(cost|price|fee|budget|spend|spending)\b|\b(at least|a minimum of|minimum(?: of)?|no less than|not less than|more than|over|exceeding|in excess of|limits? of)\s+(us|usd |eur |gbp )?[$€£]\s?\d|[$€£]\s?\d[\d,.]*\s?(m|mm|k|million|billion)?\s+or (more|higher|greater|above)\b/,
  },
  {
    // A document's or a finding's own number ("Quote your certificate number", "list the findings by
    // finding number"): a text that names the document but no code of it does not answer.
    kind: "identifier",
    pattern: IDENTIFIER_ASK,
  },
  {
    // "List the libraries loaded on the login page, with versions", "Which version of the agent runs?"
    kind: "version",
    pattern:
      /\b(with|and|including|plus) (their |the |its )?(exact |current )?versions?( numbers?)?\b|\b(with|and|including|plus) (their|its) (?!(latest|newest|current|supported|most recent|up[\s-]to[\s-]date)\b)([\w-]+ ){1,3}versions?\b|\bversion numbers?\b|\b(which|what) (exact |current )?([\w-]+ ){0,4}versions?\b|^(specify|state|provide|give|list|enter|quote)\b[^?]*\b(exact|current|specific|installed|deployed) ([\w-]+ ){0,2}versions?\b|^(the )?(current |exact |installed |deployed )?(version|build)s?( ?\/ ?(version|build))?( numbers?)? of\b|\b(version|build)s? (that is |that are |which is )?(currently |now )?(running|installed|deployed|in use)\b/,
  },
  {
    // The length of a secret asked as a figure: "What is the minimum PIN length you allow?", "Minimum
    // password length for staff accounts?", "What maximum key length…?". A text that gives no length
    // in characters, digits or bits does not answer it (a five-minute screen lock is no PIN length).
    kind: "length",
    pattern:
      /\b(minimum|maximum|min|max)\.? (?!(session|time|retention|idle|lock|upload|file|message|request|payload|queue|url|video|audio|recording)\b)([\w-]+ ){0,2}lengths?\b|\b(pin|password|passphrase|passcode|key|token|secret)s? lengths?\b[^?]{0,30}\b(minimum|maximum|at least|no (less|fewer|more) than)\b/,
  },
  {
    // A row labelled with the unit its answer is to be given in: "CCTV retention period at your hosting
    // data centre (days)", "Max time to revoke access - hours". A text that names no length of time
    // does not answer it.
    kind: "duration",
    pattern: DURATION_ASK,
  },
  {
    kind: "count",
    // Also a count asked as part of what to give: "Provide the results of the last audit, including
    // the number of findings", "…, with the number of devices on each".
    pattern:
      /\bhow many\b|\b(what|which) (is|was|are) the (total )?number of\b|\bnumber of \w+ (do|does|did|have|has)\b|(^|[-–—:]\s*)(the )?(total )?number of\b|\b(including|with|along with|together with|plus) (the )?(total |exact |approximate )?number of\b|\bsample sizes?\b/,
  },
  {
    kind: "date",
    pattern:
      /(^|:\s*)(the )?dates? (of|on which|when)\b|^(when (exactly |precisely )?(was|were|did)|on what date|what (date|year|month))\b|\b(date|year|month) (of|when) (your |the )?(last|latest|most recent|next|first)\b|^(date|year|month) (last|latest|most recently) [a-z]+ed\b|\bwhen (was|were|did) (your|the) (last|latest|most recent|first)\b|\b(what|which) (is|are|was|were) (the |your |its |their )?([\w-]+ ){0,3}(expiry|expiration|renewal|issue|issuance|effective|completion) dates?\b|\b(give|state|provide|quote|enter) (us )?(the|your) ([\w-]+ ){0,3}(expiry|expiration|renewal|issue|issuance|effective|completion) dates?\b|^([\w-]+ ){0,3}(expiry|expiration|renewal|issue|issuance) dates?\W*$|\bwhen (does|do|will) (your|the|its|their) ([\w-]+ ){0,4}(expire|lapse|run out)\b|(^|[-–—:]\s*)(the )?(target|planned|expected|estimated) (completion |go-live |certification |audit )?dates?\W*$|\bwhat (is|are) (the |your )?(target|planned|expected|estimated) ([\w-]+ )?dates?\b/,
  },
];

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|thousand|dozen|single|none|no one|nobody|zero)\b/;
/**
 * How often something happens: a count only of times ("How many times a year…?" is answered by
 * "quarterly"), never of things ("How many controls did the auditor test?" is not answered by "we are
 * audited every year").
 */
const FREQUENCY_WORDS = /\b(once|twice|every|daily|weekly|monthly|quarterly|annually|yearly)\b/;
const COUNTS_THINGS = /\b(how many|number of) (?!times\b|rounds\b|occasions\b)\w+/;
// A month's name or its abbreviation, not any word that begins like one ("approved", "separate",
// "decision", "market"); "may" only beside a day or a year, since it is mostly the verb.
const MONTHS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b|\bmay (\d{1,2}(st|nd|rd|th)?,? )?(19|20)\d{2}\b|\b\d{1,2}(st|nd|rd|th)? may\b/;

/**
 * Numbers that name something rather than count it: standards and versions ("SOC 2", "ISO/IEC
 * 27001:2022", "TLS 1.2", "AES-256", "Article 32", "A.8.15", "CC6.1", "24/7") and dates. "How many
 * controls were tested in your SOC 2 report?" is not answered by a text that says "SOC 2" and a year.
 */
const NAMED_NUMBERS =
  /\b(soc ?[123]|iso(\/iec)? ?\d+(:\d{4})?|tls ?v?1(\.\d)?|ssl ?v?\d|aes-?\d+|sha-?\d+|rsa-?\d+|fips ?140-?\d|nist( sp)? ?[\d.-]+|pci( dss)? ?v?[\d.]*|article ?\d+|art\. ?\d+|annex a|a\.\d+(\.\d+)*|cc ?\d+(\.\d+)?|24 ?(x|\/) ?7(\/365)?|type (1|2|i|ii)|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|(19|20)\d{2}|us-east-\d|eu-west-\d)\b|\{\{[^}]*\}\}/g;

const STATES: Record<Exclude<FactKind, "count">, (t: string) => boolean> = {
  // A year, a month, an ISO date, or a placeholder the library fills with an artifact's date.
  // Not the edition of a standard ("ISO/IEC 27001:2022"), which dates the standard, not the fact.
  date: (t) => {
    const u = t.replace(/\b\d{4,5}(-\d+)?:(19|20)\d{2}\b/g, " ");
    return /\b(19|20)\d{2}\b/.test(u) || MONTHS.test(u) || /\{\{/.test(u);
  },
  percentage: (t) => /%|\bper ?cent\b/.test(t),
  // Any code or placeholder; statesFact reads it after the asked noun when the ask names one.
  identifier: (t) => /\{\{[^}]*\}\}|\b([a-z]+[-/]?\d{3,}|\d{4,})\b/.test(t.replace(NAMED_NUMBERS, " ")),
  // A dotted number ("TLS 1.2", "v3.4.1"): named numbers are versions here, so nothing is removed.
  version: (t) => /\bv?\d+(\.\d+)+\b|\bversion \d/.test(t),
  // A length ("90 days", "twelve months", "within 24 h"), not how often something is done ("reviewed annually").
  duration: (t) =>
    /\b\d+(\.\d+)?\s?-?\s?(seconds?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|years?|yrs?)\b/.test(t) ||
    /\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|ninety|a|an) (full )?(calendar )?(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/.test(
      t,
    ) ||
    /\b(immediately|same[\s-]day)\b/.test(t),
  length: (t) =>
    /\b\d+[\s-]?(characters?|chars?|digits?|bits?|bytes?|letters?)\b|\b(four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty|thirty-two|sixty-four) (characters|chars|digits|bits|bytes|letters)\b|\b(aes|rsa|ecdsa|ecc|sha)-?\d{3,4}\b|\{\{/.test(
      t,
    ),
  amount: (t) => /[$€£]\s?\d|\b\d[\d,.]*\s?(usd|eur|gbp|dollars|euros|pounds|million|thousand|k)\b/.test(t),
  // A class the law defines, or the words that say one was given.
  classification: (t) =>
    /\b(classif\w*|categori[sz]\w*|risk (category|tier|class|level)|tiers?|(high|limited|minimal|unacceptable)[\s-]risk (ai|systems?|categor\w*|tiers?|class\w*|use cases?)|deployers?|importers?|distributors?|essential entit\w*|important entit\w*|general[\s-]purpose ai)\b/.test(
      t,
    ),
};

/** The kind of fact the ask asks for, or null when it asks for none in particular. */
export function askedFact(ask: string, row: string = ask): FactKind | null {
  const t = normalizeText(ask);
  const kind = ASKS.find((a) => a.pattern.test(t))?.kind ?? null;
  // The unit a row asks in often sits in a parenthesis the ask leaves out as context: "(days)".
  return kind ?? (row !== ask && DURATION_ASK.test(normalizeText(row)) ? "duration" : null);
}

/**
 * Whether an answer text states a fact of that kind. For a reference number, the text must give a
 * code (or the library's placeholder for one) right after the same noun the question asks about:
 * "under certificate {{iso27001.certificateNumber}}" answers the certificate number, not the
 * accreditation number of the body that issued it.
 */
export function statesFact(answer: string, kind: FactKind, ask = ""): boolean {
  const text = normalizeText(answer);
  if (kind === "count") {
    const counted = text.replace(NAMED_NUMBERS, " ");
    const askText = normalizeText(ask);
    const things = countedThings(askText);
    if (things.length > 0) return countsThing(counted, things);
    return (
      /\d/.test(counted) ||
      NUMBER_WORDS.test(counted) ||
      (!COUNTS_THINGS.test(askText) && FREQUENCY_WORDS.test(counted))
    );
  }
  if (kind !== "identifier") return STATES[kind](text);
  const noun = IDENTIFIER_ASK.exec(normalizeText(ask))?.[1];
  if (!noun) return STATES.identifier(text);
  const stem = noun.slice(0, Math.max(4, noun.length - 2));
  return new RegExp(
    `\\b${stem}\\w* (?:(?:numbers?|no|ids?|identifiers?) )?(?:is |of )?(?:\\{\\{[^}]*\\}\\}|[a-z]*[-/]?[a-z]*[-/]?\\d{3,})`,
  ).test(text);
}

/**
 * What a count ask counts: the words after "how many" / "number of", up to a verb or a filler, or
 * the sample of a "sample size" ("What sample sizes did your auditor use…?" counts samples).
 */
const COUNTED = /\b(?:(?:how many|number of)\s+|(?=sample sizes?\b))([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})/;
/** Words that end the counted phrase besides stop words: "how many times", "how many approximately". */
const NOT_A_THING = new Set(["times", "rounds", "occasions", "approximately", "exactly", "roughly", "total"]);

/**
 * The stems of the things a count ask counts ("How many CCTV cameras cover…" → cctv, camera), or
 * none when it counts times ("how many times a year") or names nothing.
 */
function countedThings(ask: string): string[] {
  const words = COUNTED.exec(ask)?.[1]?.split(/\s+/) ?? [];
  const things: string[] = [];
  for (const w of words) {
    if (isStopword(w) || NOT_A_THING.has(w)) break;
    things.push(stem(w));
  }
  return things;
}

const COUNT_TOKEN =
  /^(\d[\d,.]*\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|thousand|dozen|single|none|zero)$/;

/**
 * Whether a number in the text counts one of those things, within three words of it ("about 180
 * employees", "critical fixes within 7 days", "employees: 320"). "How many erasure requests did you
 * process last year?" is not answered by "requests are completed within 7 days": the number counts
 * days, not requests.
 */
function countsThing(text: string, things: readonly string[]): boolean {
  const words = text.split(/[^a-z0-9,.+]+/).map((w) => w.replace(/[,.]+$/, ""));
  for (let i = 0; i < words.length; i++) {
    if (!COUNT_TOKEN.test(words[i] ?? "")) continue;
    for (let j = Math.max(0, i - 3); j <= Math.min(words.length - 1, i + 3); j++)
      if (j !== i && things.includes(stem(words[j] ?? ""))) return true;
  }
  return false;
}
