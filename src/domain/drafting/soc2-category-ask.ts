import type { Soc2Category } from "../library/types.js";

/**
 * Whether a question asks which Trust Services categories the vendor's SOC 2 report covers, and if
 * it names some, which. Such a question has one true answer, and it lives in artifacts.yaml (the
 * report's `categories`), not in an entry's fixed Yes/No: "Does your SOC 2 include Availability?" is
 * Yes today and "…Privacy?" becomes Yes the day a report with Privacy is in force.
 *
 * Deliberately narrow. A category word counts only in a SOC 2 / Trust Services context and only where
 * it is used as a category name ("the Availability category", "availability and confidentiality",
 * "is privacy covered"), so "availability of backups" or an uptime question never reads as one.
 */
export type Soc2CategoryAsk =
  /** "Which trust services categories are in scope?": answered by listing them. */
  | { readonly kind: "which" }
  /** "Does your SOC 2 cover Availability?": Yes only if every named category is in scope. */
  | { readonly kind: "covers"; readonly categories: readonly Soc2Category[] };

export const ALL_SOC2_CATEGORIES: readonly Soc2Category[] = [
  "security",
  "availability",
  "confidentiality",
  "processing-integrity",
  "privacy",
];

/** The question is about the vendor's SOC 2 report or the Trust Services Criteria themselves. */
const SOC2_CONTEXT = /\bsoc[\s-]?(?:2|ii|two)\b|\bsoc2\b|\btrust services?\b|\btrust criteria\b|\btscs?\b/i;
/** Another SOC report (SOC 1, SOC 3) without SOC 2 is not this vendor's SOC 2 scope. */
const OTHER_SOC = /\bsoc[\s-]?(?:1|3|i|iii|one|three)\b/i;

/** Words that name the categories as such; "trust services principles" is the pre-2017 name. */
const CATEGORY_WORD = "(?:categor(?:y|ies)|criteria|criterion|principles?|tscs?|tsps?)";
const CATEGORY_WORD_RE = new RegExp(String.raw`\b${CATEGORY_WORD}\b`, "i");

/** Words that ask about the report's coverage ("include", "in scope", "part of"). */
const COVERAGE =
  /\b(?:includ\w*|cover\w*|in[- ]scope|scope[sd]?|within|address\w*|encompass\w*|part of|examined|assessed|tested|audited|reports? on|reported on)\b/i;

/**
 * Questions about the report that are not about its scope today: plans for a later one, its findings,
 * opinion, carve-outs or bridge letter. "Were exceptions noted in the availability criteria?" is not answered by the scope.
 */
const NOT_SCOPE =
  /\b(?:plan(?:s|ned|ning)?|intend\w*|roadmap|future|upcoming|next (?:year|audit|report)|exceptions?|deviations?|findings?|qualified|opinion|carved?[- ]?outs?|subservice|bridge|complementary|cuecs?|ucecs?|mapp?(?:ed|ing|s)?\b)/i;

/**
 * Asked the other way round ("Is Privacy excluded…?", "…not covered?") or as the only one ("Does it
 * cover only Security?"): the report's Yes would be the wrong word, so such a question is left to the
 * ordinary path (and its reviewer) rather than answered from the categories.
 */
const NEGATED_OR_ONLY =
  /n't\b|\b(?:not|never|only|solely|exclusively|exclud\w*|out of scope|outside|omit\w*|except)\b/i;

const WHICH = new RegExp(
  String.raw`\b(?:which|what)\b[^.?]{0,60}\b${CATEGORY_WORD}\b|\b(?:list|name|specify|identify|indicate|enumerate|tell us)\b[^.?]{0,40}\b${CATEGORY_WORD}\b`,
  "i",
);
/** A question word anywhere: a statement row ("SOC 2 trust services categories in scope") has none. */
const ASKS = /\?|^\s*(?:do|does|did|is|are|was|were|has|have|can|will|which|what|please|list|describe)\b/i;

/** How each category is named; "PI" only in capitals (lower-case "pi" is not the category). */
const NAMES: readonly { category: Soc2Category; pattern: string; flags: string }[] = [
  { category: "security", pattern: "security", flags: "gi" },
  { category: "availability", pattern: "availability", flags: "gi" },
  { category: "confidentiality", pattern: "confidentiality", flags: "gi" },
  { category: "processing-integrity", pattern: String.raw`processing[\s-]integrity`, flags: "gi" },
  { category: "processing-integrity", pattern: "PI", flags: "g" },
  { category: "privacy", pattern: "privacy", flags: "gi" },
];

/**
 * After a name, what makes it a category: the end of the question or a list separator, a category
 * word ("…Availability category", "…is a trust services category"), or a coverage word ("…is covered").
 */
const AFTER_NAME = new RegExp(
  String.raw`^\s*(?:$|[,;:?.!)/&]|(?:and|or|as well|plus|nor)\b|(?:(?:is|are)\s+)?(?:(?:a|an|one of the)\s+)?(?:trust services?\s+)?${CATEGORY_WORD}\b|(?:is|are)?\s*(?:covered|included|in[- ]scope|within|part of|examined|assessed|addressed|tested|audited)\b)`,
  "i",
);
/** Before a name: "the criteria for Privacy", "the TSC of availability". */
const BEFORE_NAME = new RegExp(String.raw`\b${CATEGORY_WORD}\s+(?:of|for|on)\s+(?:the\s+)?$`, "i");
/** A word that makes the name part of a compound noun: "high availability", "data privacy". */
const COMPOUND_BEFORE =
  /\b(?:high|data|service|system|platform|network|application|customer|user|employee|consumer|information|online|personal|continuous)\s+$/i;
/** Before a name: a list separator, so "security, availability and privacy" reads as one list. */
const LISTED_BEFORE = /(?:,|\band|\bor|\bnor|\bas well as|&)\s*(?:the\s+)?$/i;

const ALL_FIVE =
  /\ball (?:five|5|of the|the)?\s*(?:trust services?\s+)?(?:categories|criteria|principles|tscs)\b|\bevery (?:trust services?\s+)?(?:category|principle)\b/i;

/** The categories a question names as categories, in the order of ALL_SOC2_CATEGORIES. */
export function namedSoc2Categories(text: string): Soc2Category[] {
  const found = new Set<Soc2Category>();
  if (/\bcommon criteria\b/i.test(text)) found.add("security");
  if (ALL_FIVE.test(text)) for (const c of ALL_SOC2_CATEGORIES) found.add(c);
  const listed: Soc2Category[] = [];
  for (const { category, pattern, flags } of NAMES) {
    for (const m of text.matchAll(new RegExp(String.raw`\b${pattern}\b`, flags))) {
      const before = text.slice(0, m.index);
      const after = text.slice((m.index ?? 0) + m[0].length);
      if (COMPOUND_BEFORE.test(before)) continue;
      if (AFTER_NAME.test(after) || BEFORE_NAME.test(before)) found.add(category);
      else if (LISTED_BEFORE.test(before)) listed.push(category);
    }
  }
  // "…Availability and security of…": a name after "and" joins a list only when the list has
  // another category named as one, so "your SOC 2 and security policy" names none.
  if (found.size > 0) for (const c of listed) found.add(c);
  return ALL_SOC2_CATEGORIES.filter((c) => found.has(c));
}

/** What the question asks of the SOC 2 report's categories, or null when it is not such a question. */
export function soc2CategoryAsk(text: string): Soc2CategoryAsk | null {
  if (!SOC2_CONTEXT.test(text)) return null; // the cheap test first: most questions stop here
  if (OTHER_SOC.test(text) && !/\bsoc[\s-]?(?:2|ii|two)\b|\bsoc2\b/i.test(text)) return null;
  if (NOT_SCOPE.test(text) || NEGATED_OR_ONLY.test(text)) return null;
  const categoryWord = CATEGORY_WORD_RE.test(text);
  const coverage = COVERAGE.test(text) || /\b(?:are|is) in (?:your|the|its)\b/i.test(text);
  if (WHICH.test(text) && coverage) return { kind: "which" };
  const named = namedSoc2Categories(text);
  // Two categories named together in a SOC 2 question are a scope question however terse
  // ("SOC 2 Type II (Security, Availability, Privacy)?"); one needs a word of coverage or category.
  if (named.length > 0)
    return coverage || categoryWord || named.length >= 2 ? { kind: "covers", categories: named } : null;
  // A statement row that names no category: "SOC 2 report scope and trust services categories".
  if (categoryWord && coverage && !ASKS.test(text)) return { kind: "which" };
  return null;
}
