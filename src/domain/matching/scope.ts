import { normalizeText } from "./tokenize.js";

/**
 * Questions an answer library must not answer however well their words match: commercial terms,
 * roadmap dates, financials, team sizes, the buyer's own environment, and operational specifics
 * nobody should put in a questionnaire (serial numbers, IP addresses, personal phone numbers).
 * A word match there is a false friend ("When is your next pen test?" shares every word with the
 * pen-test entry), so these go straight to no_match with the reason.
 */
interface OutOfScope {
  readonly reason: string;
  readonly patterns: readonly RegExp[];
}

const RULES: readonly OutOfScope[] = [
  {
    reason: "asks about pricing or commercial terms",
    patterns: [
      /\b(prices?|pricing|priced|list prices?|discounts?|rebates?|invoic\w*|payment terms|net \d{2}|per[\s-]seat cost|licen[cs]e fees?|quote for|cost per)\b/,
      /\b(annual|yearly|monthly) (premium|fee|subscription cost)\b/,
      /\bhow much (does|do|will|would) (it|you|the \w+) (cost|charge)\b/,
      /\b(liability cap|limitation of liability|indemnif\w+|payment|billing currency|renewal uplift)\b/,
    ],
  },
  {
    reason: "asks about the product roadmap or release dates",
    patterns: [
      /\broadmap\b/,
      /\bgenerally available\b/,
      /\bwhen (will|do you plan|are you planning)\b.*\b(release|launch|ship|available|support)\b/,
      /\b(planned|upcoming|future) (release|feature)s?\b/,
    ],
  },
  {
    reason: "asks for company financials",
    patterns: [
      /\bfinancial statements?\b/,
      /\b(revenue|profit|ebitda|balance sheet|burn rate|runway|valuation|funding rounds?|investors?|credit rating|annual report)\b/,
    ],
  },
  {
    reason: "asks for a headcount",
    patterns: [/\bhow many (people|engineers|developers|employees|staff|members|designers|sales\w*)\b.*\bteam\b/],
  },
  {
    reason: "asks about the buyer's own environment, which only the buyer can answer",
    patterns: [
      /\b(our|my) (own |internal |company'?s? |current )+(firewall|network|policy|policies|environment|systems?|users?|staff|employees|it team|procurement)\b/,
      /\bdoes our (internal )?(firewall|network|proxy|it|environment)\b/,
      /\b(meets?|meet|satisf\w+) (your|our) requirements\b/,
    ],
  },
  {
    reason: "asks for operational specifics that are never disclosed in a questionnaire",
    patterns: [
      /\bserial numbers?\b/,
      /\b(ip address(es)?|hostnames?|mac address(es)?)\b.*\b(of|for) (your|the)\b/,
      /\b(exact|specific) (date|time|ip|hostname|location)s?\b/,
      /\b(personal|private|home|mobile|cell)\b.*\b(phone|mobile|number|address)\b.*\b(of|for)\b/,
      /\bhome address(es)?\b/,
      /\b(names?|phone numbers?) of (the )?(people|staff|engineers|employees) (on call|on-call)\b/,
      /\bon[\s-]call\b.*\bnext week\b/,
      /\blist (of )?(all |every )?(open|unpatched|outstanding) (cves?|vulnerabilit\w+)\b.*\b(by|per|with) (host|hostname|ip|server)/,
    ],
  },
  {
    reason: "asks about a product feature unrelated to security",
    patterns: [
      /\bdark mode\b/,
      /\bexport (to|as|into) (excel|csv|pdf|powerpoint)\b/,
      /\b(keyboard shortcuts?|custom themes?|emoji|font size)\b/,
    ],
  },
];

/** The reason a question is out of scope for the library, or null when it may be answered. */
export function outOfScope(text: string): string | null {
  const t = normalizeText(text);
  for (const rule of RULES) if (rule.patterns.some((p) => p.test(t))) return rule.reason;
  return null;
}
