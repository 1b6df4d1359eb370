import type { LibraryEntry } from "../library/types.js";
import { isStopword, normalizeText, stem } from "../matching/tokenize.js";
import { entrySpeaksOf, entryTexts } from "./entry-texts.js";

/**
 * The standard or method a question asks a practice to follow: "Is your risk methodology based on
 * NIST SP 800-30?", "Is secure coding aligned with OWASP ASVS?". The entry on the practice that names
 * another basis (ISO/IEC 27005) or none does not say it follows that one: its Yes would vouch for it.
 */
const BASIS_CUE =
  /\b(based on|aligned (with|to)|in line with|follows?|following|according to|in accordance with|conforms? to|conforming to|derived from|built on|modell?ed on)\s+(the\s+)?$/;
/** Standards and methods by their ids, in normalised text. */
const STANDARD_ID =
  /\b(nist( sp)? ?\d{3}-\d+[a-z]?|nist (csf|cybersecurity framework)|iso(\/iec)? ?\d{4,5}(-\d+)?|fips ?140-?\d|owasp (asvs|samm|top ?10)|cis (benchmarks?|controls)|pci[ -]?dss|cobit|itil|octave|mitre att&ck)\b/g;

/** The id in a form two spellings share: "ISO/IEC 27005" and "iso 27005", "NIST SP 800-30" and "nist 800-30". */
const canonical = (id: string): string => id.replace(/\/iec|\bsp\b|\s+/g, "");

/** The standards the question asks the practice to follow: canonical ids with the question's words. */
export function askedBases(question: string): { id: string; words: string }[] {
  const text = normalizeText(question);
  const out: { id: string; words: string }[] = [];
  for (const m of text.matchAll(STANDARD_ID)) {
    const before = text.slice(0, m.index);
    const cue = BASIS_CUE.exec(before.slice(-40));
    if (!cue) continue;
    // "Following ISO 22301 principles, do you test…?": a frame set before the question, which asks
    // about the practice itself.
    const opening = before.slice(0, before.length - cue[0].length);
    if (/^\s*$|[.?!:;]\s*$/.test(opening)) continue;
    out.push({ id: canonical(m[0]), words: m[0] });
  }
  return out;
}

/**
 * A practice asked in a law's own terms: "FERPA-specific training", "HIPAA risk assessment", "a GDPR
 * training module". The entry on the general practice (security awareness training) that does not
 * name the law does not say its practice covers it.
 */
const LAW_PRACTICE =
  /\b(ferpa|hipaa|hitech|gdpr|ccpa|cpra|glba|coppa|sox|pci(?: dss)?|cjis|itar|cmmc|nis ?2|dora)(?:[\s-](?:specific|focused|related|oriented))?[\s-](training|awareness|courses?|modules?|risk assessments?|assessments?|audits?|officers?)\b/g;

/** The laws the question asks a practice to be specific to ("ferpa", "hipaa"), written without spaces. */
export function askedLawPractices(question: string): string[] {
  return [...normalizeText(question).matchAll(LAW_PRACTICE)].map((m) => (m[1] as string).replace(/\s+/g, ""));
}

/** A law as an entry may write it: "pcidss" as "PCI DSS", "nis2" as "NIS 2". */
const lawNamed = (law: string): RegExp =>
  new RegExp(`\\b${law.replace(/^pcidss$/, "pci ?dss").replace(/^nis2$/, "nis ?2")}\\b`);

/**
 * A professional credential held by people or firms: "Does your CISO hold a CISSP?", "Is your pen
 * test provider CREST accredited?", "Are your internal auditors qualified ISO 27001 Lead Auditors?".
 * The entry on the practice (testing, audits, leadership, the organisation's own ISO certificate)
 * that never names the credential does not say anyone holds it. "CISA" is left out: it is also the US
 * agency incidents are reported to.
 */
const CREDENTIAL =
  /\b(cissp|cism|crisc|ccsp|ceh|oscp|osce|oswe|crest|giac|gpen|gwapt|csslp|cipp(?:\/[a-z]+)?|cipm|cipt|iapp)\b|\b(?:qualified|certified|accredited|hold|holds|held|have|has|with) (?:an? |the |their |current )?(?:iso(?:\/iec)? ?27001(?::20\d\d)? )?(lead (?:auditor|implementer))s?\b|\b(?:iso(?:\/iec)? ?27001(?::20\d\d)? )?(lead (?:auditor|implementer)) (?:qualifications?|certificates?|certifications?|credentials?|courses?|training)\b/g;

/** The credentials a question names, in one spelling ("cipp/e" as "cipp", "lead auditors" as "lead auditor"). */
export function askedCredentials(question: string): string[] {
  const found = [...normalizeText(question).matchAll(CREDENTIAL)].map((m) =>
    (m[1] ?? m[2] ?? m[3] ?? "").replace(/\/[a-z]+$/, ""),
  );
  return [...new Set(found.filter((c) => c !== ""))];
}

/**
 * A feature asked of the product by its name, as one built into it: "Does your product include a
 * built-in Statement of Applicability generator…?", "Does the platform include a native audit
 * evidence collector?". The group 6 phrase is the feature, up to the first word that starts a clause
 * ("that we could use…", "for collecting…"). Asked without "built-in" ("Does the application offer
 * role-based permissions?"), an entry may well name the feature in other words.
 */
const FEATURE_ASK =
  /(?:^|[.?!:] )(does|do|will|can|could|would) (your|the|this) (product|application|app|platform|solution|service|software|tool|system|portal)s? (include|offer|provide|have|contain|come with|ship with|feature) (an? |any )?((?:built-?in|in-?built|native|out-of-the-box|embedded) [\w-]+(?: (?!(?:that|which|to|for|so|with|and|or|in|on|where|when|we|our|you|your|as|by|from)\b)[\w-]+){0,4})/;
/** Words that say what kind of thing the feature is, not which: "AI-driven features", "a reporting capability". */
const GENERIC_FEATURE =
  /^(features?|functionality|functionalities|capabilit(y|ies)|options?|abilit(y|ies)|tools?|modules?|support)$/;
/** Words that say how the feature comes, not what it is. */
const FEATURE_MANNER = /^(built-?in|in-?built|native|integrated|out-of-the-box|embedded)$/;

/**
 * The word naming the product feature a question asks for: the head of its phrase ("generator" in
 * "built-in Statement of Applicability generator"), or the word before a generic head ("ai" in
 * "AI-driven features" is read as "ai-driven"). Null when the question asks for no named feature.
 */
export function askedFeature(question: string): string | null {
  const m = FEATURE_ASK.exec(
    normalizeText(question)
      .replace(/\([^()]*\)/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  if (!m) return null;
  const words = (m[6] ?? "").split(" ").filter((w) => !FEATURE_MANNER.test(w) && !isStopword(w));
  while (words.length > 1 && GENERIC_FEATURE.test(words[words.length - 1] ?? "")) words.pop();
  const head = words[words.length - 1];
  return head && !GENERIC_FEATURE.test(head) ? head : null;
}

/** The entry's words, stemmed, hyphenated words also in their parts. */
const entryStems = (texts: readonly string[]): Set<string> =>
  new Set(texts.flatMap((t) => t.split(/[^a-z0-9-]+/).flatMap((w) => [w, ...w.split("-")])).map(stem));

/** A note when the question asks for a basis, a law's own practice, a credential or a product feature the entry does not name. */
/**
 * A party's financial condition: "Do you monitor the financial health of your critical suppliers?",
 * "Is the solvency of subcontractors assessed?". That is a review of accounts and credit, not of
 * security; an entry on supplier oversight that never speaks of finances does not say it is done.
 */
const FINANCIAL_CONDITION =
  /\bfinancial(ly)? (health|soundness|stability|viability|condition|standing|position|strength|resilience)\b|\b(financially (sound|stable|viable)|creditworthiness|credit[\s-]worthiness|solvency|insolvency risk)\b/;
const ENTRY_FINANCIAL = /\b(financ\w*|solven\w*|insolven\w*|creditworth\w*|credit ratings?)\b/;

export function basisNote(question: string, entry: LibraryEntry): string | null {
  const texts = entryTexts(entry);
  if (FINANCIAL_CONDITION.test(normalizeText(question)) && !entrySpeaksOf(entry, ENTRY_FINANCIAL))
    return "the question asks about a party's financial condition, which the entry does not speak of: please check";
  const feature = askedFeature(question);
  if (feature) {
    const named = entryStems(texts);
    if (!feature.split("-").some((part) => part.length > 1 && named.has(stem(part))))
      return `the question asks whether the product has a feature ("${feature}") the entry does not name: please check`;
  }
  const asked = askedBases(question);
  const laws = askedLawPractices(question);
  const credentials = askedCredentials(question);
  if (asked.length === 0 && laws.length === 0 && credentials.length === 0) return null;
  const unnamedCredentials = credentials.filter((c) => !texts.some((t) => new RegExp(`\\b${c}`).test(t)));
  if (unnamedCredentials.length > 0)
    return `the question asks whether people or firms hold ${unnamedCredentials.map((c) => (c.includes(" ") ? `an ISO 27001 ${c} qualification` : c.toUpperCase())).join(", ")}, which the entry does not name: please check`;
  const named = new Set(texts.flatMap((t) => [...t.matchAll(STANDARD_ID)].map((m) => canonical(m[0]))));
  const missing = asked.filter((a) => !named.has(a.id));
  if (missing.length > 0)
    return `the question asks whether the practice follows ${missing.map((a) => a.words.toUpperCase()).join(", ")}, which the entry does not name: please check`;
  const unnamed = laws.filter((law) => {
    const named = lawNamed(law);
    return !texts.some((t) => named.test(t));
  });
  return unnamed.length > 0
    ? `the question asks for a practice specific to ${unnamed.map((l) => l.toUpperCase()).join(", ")}, which the entry does not name: please check`
    : null;
}
