import type { Soc2Category } from "../library/types.js";
import { wordBeginnings } from "../matching/concept-finder.js";

/**
 * Frameworks, reports and questionnaire families a buyer's question can name or imply. Wider than the
 * library's mapping frameworks (ISO 27001, SOC 2, NIS2, GDPR): demand for HIPAA or DORA is worth
 * knowing even when no control is mapped to them yet.
 */
export const DETECTED_FRAMEWORKS = [
  "soc2",
  "iso27001",
  "iso27017",
  "iso27018",
  "iso27701",
  "nis2",
  "gdpr",
  "hipaa",
  "pci-dss",
  "dora",
  "caiq",
  "sig",
  "hecvat",
  "nist-csf",
  "nist-800-53",
  "cyber-essentials",
] as const;
export type DetectedFramework = (typeof DETECTED_FRAMEWORKS)[number];

export const DETECTED_FRAMEWORK_LABEL: Readonly<Record<DetectedFramework, string>> = {
  soc2: "SOC 2",
  iso27001: "ISO/IEC 27001",
  iso27017: "ISO/IEC 27017",
  iso27018: "ISO/IEC 27018",
  iso27701: "ISO/IEC 27701",
  nis2: "NIS2",
  gdpr: "GDPR",
  hipaa: "HIPAA",
  "pci-dss": "PCI DSS",
  dora: "DORA",
  caiq: "CSA CAIQ / STAR",
  sig: "SIG",
  hecvat: "HECVAT",
  "nist-csf": "NIST CSF",
  "nist-800-53": "NIST SP 800-53",
  "cyber-essentials": "Cyber Essentials",
};

export type MentionSource = "text" | "section" | "sheet";

/** One framework a question names ("ISO 27001 certified?") or implies ("Statement of Applicability"). */
export interface FrameworkMention {
  readonly framework: DetectedFramework;
  /** named: the text says the framework's name; implied: only words or ids that belong to it. */
  readonly how: "named" | "implied";
  /** Where the words were found: the question, its section heading or the sheet's name. */
  readonly source: MentionSource;
  /** The words that gave it away, as written. */
  readonly evidence: string;
  /** SOC 2: which report type is asked for (both when the question offers either). */
  readonly soc2Type?: "type1" | "type2" | "both";
  /** SOC 2: Trust Services Criteria categories the question names. */
  readonly soc2Categories?: readonly Soc2Category[];
  /** ISO 27001: the edition named, or implied by the Annex A numbering. */
  readonly isoEdition?: "2013" | "2022";
  /** GDPR: articles named (28 processor terms, 32 security of processing…). */
  readonly gdprArticles?: readonly string[];
}

interface Rule {
  readonly framework: DetectedFramework;
  readonly how: "named" | "implied";
  readonly pattern: RegExp;
}

// Order within a framework matters: the first named rule that matches gives the evidence.
const RULES: readonly Rule[] = [
  // SOC 2. "SOC 1" must not count: the negative look-ahead keeps "SOC 1 Type II" out.
  { framework: "soc2", how: "named", pattern: /\bSOC[\s-]?(?:2|II|two)\b(?![.\d])/i },
  { framework: "soc2", how: "implied", pattern: /\btrust[\s-]services?\s+(?:criteria|principles|categories)\b/i },
  { framework: "soc2", how: "implied", pattern: /\b(?:AICPA|SSAE[\s-]?1[68]|AT-?C\s?205)\b/i },
  { framework: "soc2", how: "implied", pattern: /\bCC[1-9]\.\d{1,2}\b|\b(?:A1|C1|PI1)\.\d\b/ },
  { framework: "soc2", how: "implied", pattern: /\btype\s*(?:ii|2|i|1)\s+(?:report|attestation|audit|examination)\b/i },
  // ISO/IEC 27001 and the family members buyers ask for by number.
  {
    framework: "iso27001",
    how: "named",
    pattern: /\bISO(?:\s*\/\s*IEC)?[\s:-]*27001\b|\bISO\s?27k\b|\b27001\s*:\s*20(?:13|22)\b/i,
  },
  { framework: "iso27001", how: "named", pattern: /\bIEC\s*27001\b|(?<![\d.])27001(?![\d])/i },
  {
    framework: "iso27001",
    how: "implied",
    pattern: /\bstatement\s+of\s+applicability\b|\binformation\s+security\s+management\s+system\b/i,
  },
  { framework: "iso27001", how: "implied", pattern: /\bSoA\b|\bISMS\b/ },
  { framework: "iso27001", how: "implied", pattern: /\bAnnex\s+A\b|\bA\.(?:[5-9]|1[0-8])\.\d{1,2}(?:\.\d{1,2})?\b/ },
  { framework: "iso27001", how: "implied", pattern: /\b(?:UKAS|ANAB|DAkkS|COFRAC)\b|\bsurveillance\s+audits?\b/i },
  { framework: "iso27017", how: "named", pattern: /(?<![\d.])27017(?!\d)/ },
  { framework: "iso27018", how: "named", pattern: /(?<![\d.])27018(?!\d)/ },
  { framework: "iso27701", how: "named", pattern: /(?<![\d.])27701(?!\d)/ },
  { framework: "iso27701", how: "implied", pattern: /\bprivacy\s+information\s+management\s+system\b|\bPIMS\b/i },
  // NIS2 (Directive (EU) 2022/2555) and its vocabulary.
  { framework: "nis2", how: "named", pattern: /\bNIS[\s-]?2\b|\bNIS\s+II\b|\b2022\/2555\b|\bNIS\s+directive\b/i },
  {
    framework: "nis2",
    how: "implied",
    pattern: /\b(?:essential|important)\s+entit(?:y|ies)\b|\bearly\s+warning\b[^.?]*\b(?:CSIRT|24\s*hours)\b/i,
  },
  // GDPR and its processor vocabulary.
  {
    framework: "gdpr",
    how: "named",
    pattern: /\b(?:UK\s+)?GDPR\b|\bgeneral\s+data\s+protection\s+regulation\b|\bRGPD\b|\bDSGVO\b|\b2016\/679\b/i,
  },
  {
    framework: "gdpr",
    how: "implied",
    pattern:
      /\bdata\s+processing\s+(?:agreement|addendum)\b|\bDPA\b|\bdata\s+subjects?\b|\bdata\s+protection\s+officer\b|\bDPO\b|\bstandard\s+contractual\s+clauses\b|\bSCCs?\b|\bright\s+to\s+(?:erasure|be\s+forgotten)\b|\btransfer\s+impact\s+assessment\b|\bSchrems\b|\bsecurity\s+of\s+processing\b|\bdata\s+protection\s+impact\s+assessment\b|\bDPIA\b|\b(?:EEA|EU)\s+representative\b/i,
  },
  // HIPAA.
  { framework: "hipaa", how: "named", pattern: /\bHIPAA\b|\bHITECH\b/i },
  {
    framework: "hipaa",
    how: "implied",
    pattern:
      /\bprotected\s+health\s+information\b|\bbusiness\s+associate(?:\s+agreement)?\b|\bcovered\s+entit(?:y|ies)\b/i,
  },
  // "ePHI|PHI", not "e?PHI" (the same matches): the words a match begins with can then be read, and
  // the rule is tried only on texts with one of them (detectIn).
  { framework: "hipaa", how: "implied", pattern: /\b(?:ePHI|PHI)\b|\bBAA\b/ },
  // PCI DSS.
  { framework: "pci-dss", how: "named", pattern: /\bPCI(?:[\s-]?DSS)?\b|\bpayment\s+card\s+industry\b/i },
  {
    framework: "pci-dss",
    how: "implied",
    pattern:
      /\bcardholder\s+data\b|\bprimary\s+account\s+numbers?\b|\bcard(?:holder)?\s+data\s+environment\b|\battestation\s+of\s+compliance\b/i,
  },
  { framework: "pci-dss", how: "implied", pattern: /\bPAN\b|\bCDE\b|\bASV\s+scans?\b|\bQSA\b|\bSAQ\b/ },
  // DORA (Regulation (EU) 2022/2554).
  { framework: "dora", how: "named", pattern: /\bDORA\b|\bdigital\s+operational\s+resilience\s+act\b|\b2022\/2554\b/i },
  {
    framework: "dora",
    how: "implied",
    pattern:
      /\bICT\s+third[\s-]party\b|\bregister\s+of\s+information\b|\bthreat[\s-]led\s+penetration\s+test(?:ing|s)?\b|\bTLPT\b|\bmajor\s+ICT[\s-]related\s+incidents?\b|\bcritical\s+or\s+important\s+functions?\b|\bICT\s+risk\s+management\s+framework\b/i,
  },
  // Questionnaire families and registries.
  {
    framework: "caiq",
    how: "named",
    pattern:
      /\bCAIQ\b|\bconsensus\s+assessments?\s+initiative\b|\bCSA\s+STAR\b|\bSTAR\s+(?:level|registry|attestation|certification)\b|\bcloud\s+controls\s+matrix\b|\bCCM\s*v?\d/i,
  },
  {
    framework: "caiq",
    how: "implied",
    pattern: /\b(?:A&A|AIS|BCR|CCC|CEK|DCS|DSP|GRC|HRS|IAM|IPY|IVS|LOG|SEF|STA|TVM|UEM)-\d{2}(?:\.\d{1,2})?\b/,
  },
  { framework: "caiq", how: "implied", pattern: /\bcloud\s+security\s+alliance\b/i },
  { framework: "sig", how: "named", pattern: /\bSIG(?:\s+(?:Lite|Core|Full))?\b(?!-)/ },
  { framework: "sig", how: "named", pattern: /\bstandardi[sz]ed\s+information\s+gathering\b/i },
  { framework: "sig", how: "implied", pattern: /\bshared\s+assessments\b/i },
  {
    framework: "hecvat",
    how: "named",
    pattern: /\bHECVAT\b|\bhigher\s+education\s+community\s+vendor\s+assessment\b/i,
  },
  { framework: "hecvat", how: "implied", pattern: /\bEDUCAUSE\b/i },
  {
    framework: "nist-csf",
    how: "named",
    pattern: /\bNIST\s*(?:CSF|cyber\s*security\s+framework)\b|\bCSF\s*(?:2\.0|1\.1)\b|\bcybersecurity\s+framework\b/i,
  },
  { framework: "nist-csf", how: "implied", pattern: /\b(?:GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{1,2}\b/ },
  { framework: "nist-800-53", how: "named", pattern: /\b(?:NIST\s*)?(?:SP\s*)?800-53\b/i },
  {
    framework: "nist-800-53",
    how: "implied",
    pattern:
      /\bFedRAMP\b|\bStateRAMP\b|\b(?:AC|AT|AU|CA|CM|CP|IA|IR|MA|MP|PE|PL|PM|PS|RA|SA|SC|SI|SR)-\d{1,2}(?:\(\d{1,2}\))?(?![\d.])/,
  },
  { framework: "cyber-essentials", how: "named", pattern: /\bcyber\s+essentials(?:\s+plus)?\b/i },
  { framework: "cyber-essentials", how: "implied", pattern: /\bIASME\b/i },
];

const SOC2_CATEGORY_WORDS: readonly [Soc2Category, RegExp][] = [
  ["security", /\bsecurity\b/i],
  ["availability", /\bavailability\b/i],
  ["confidentiality", /\bconfidentiality\b/i],
  ["processing-integrity", /\bprocessing\s+integrity\b/i],
  ["privacy", /\bprivacy\b/i],
];

/** "Type I" / "Type 1" and "Type II" / "Type 2", each only as whole words. */
function soc2Type(text: string): FrameworkMention["soc2Type"] {
  const type2 = /\btype\s*(?:ii|2)\b/i.test(text);
  const type1 = /\btype\s*(?:i|1)\b/i.test(text);
  if (type1 && type2) return "both";
  if (type2) return "type2";
  if (type1) return "type1";
  return undefined;
}

/** Categories are read only where the question talks about the criteria or names them as a list. */
function soc2Categories(text: string): Soc2Category[] {
  const aboutCriteria = /\b(?:trust\s+services?|criteria|categor(?:y|ies)|principles?|in\s+scope)\b/i.test(text);
  const found = SOC2_CATEGORY_WORDS.filter(([, re]) => re.test(text)).map(([c]) => c);
  // "security" alone is in every question; it counts when the text is about the criteria or lists others.
  if (aboutCriteria || found.length > 1) return found;
  return [];
}

/** The edition named ("27001:2013"), else the one the Annex A numbering belongs to. */
function isoEdition(text: string): FrameworkMention["isoEdition"] {
  const named = /27001\s*[:/-]?\s*(2013|2022)\b|\b(2013|2022)\s+(?:version|edition|revision)\b/i.exec(text);
  if (named) return (named[1] ?? named[2]) as "2013" | "2022";
  // 2013 ids have three levels (A.12.4.1) or clauses A.9..A.18; 2022 ids are A.5.1..A.8.34.
  if (/\bA\.(?:[5-9]|1[0-8])\.\d{1,2}\.\d{1,2}\b|\bA\.(?:9|1[0-8])\.\d{1,2}\b/.test(text)) return "2013";
  if (/\bA\.[5-8]\.\d{1,2}\b/.test(text)) return "2022";
  return undefined;
}

const ARTICLE = /\bArt(?:icle|\.)?\s*(\d{1,2})(?:\s*\(\d\))?/gi;
/** NIS2's own articles (21 measures, 23 reporting) when the question is about NIS2 rather than the GDPR. */
const NIS2_ARTICLES = new Set(["20", "21", "23"]);

function gdprArticles(text: string, nis2: boolean): string[] {
  const articles = new Set<string>();
  for (const m of text.matchAll(ARTICLE)) {
    const n = m[1] as string;
    if (nis2 && NIS2_ARTICLES.has(n)) continue;
    articles.add(n);
  }
  if (/\bsecurity\s+of\s+processing\b/i.test(text)) articles.add("32");
  if (/\bdata\s+processing\s+(?:agreement|addendum)\b|\bDPA\b/.test(text)) articles.add("28");
  return [...articles].sort((a, b) => Number(a) - Number(b));
}

/**
 * Which rules' patterns can match a text (issue 13: forty-odd expressions per text were ~8 % of a
 * 5,000-answer save, and most questions name no framework). Nearly every pattern begins at a word,
 * with one of a few beginnings ("SOC", "trust", "AICPA"; concept-finder.ts reads them from the
 * pattern's source), so it can match only where a word of the text begins with one of them. They
 * are compared in lower case: a case-insensitive pattern matches an ASCII letter in either case
 * (without the `u` flag no other character matches one), and for a case-sensitive one this only
 * lets more texts through. A rule whose beginnings cannot be read is always tried. So the rules
 * that match are exactly those a test of every rule finds; this only skips tests that cannot succeed.
 */
const RULE_BEGINNINGS: readonly (readonly string[] | null)[] = RULES.map(({ pattern }) => {
  const beginnings = wordBeginnings(new RegExp(pattern.source, pattern.flags.replace("i", "")), 16);
  return beginnings && [...new Set(beginnings.map((b) => b.toLowerCase()))];
});
/** The patterns tried on every text (their beginnings cannot be read): listed by a test. */
export const rulesAlwaysTried = (): string[] =>
  RULES.flatMap((rule, r) => (RULE_BEGINNINGS[r] ? [] : [rule.pattern.source]));
/** By a beginning's first character (lower case, ASCII): the beginnings and the rule each begins. */
const BEGINNINGS_BY_FIRST: readonly { beginning: string; rule: number }[][] = Array.from({ length: 128 }, () => []);
RULE_BEGINNINGS.forEach((beginnings, rule) => {
  for (const beginning of beginnings ?? []) BEGINNINGS_BY_FIRST[beginning.charCodeAt(0)]?.push({ beginning, rule });
});

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** An ASCII capital in lower case; any other character unchanged. */
const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** Per rule, the text (a call's number) at one of whose words a beginning of the rule was found. */
const mayMatchIn = new Int32Array(RULES.length);
let gateCall = 0;

/** Marks in mayMatchIn the rules one of whose beginnings begins a word of `text`. */
function markRulesThatMayMatch(text: string): number {
  if (++gateCall === 0x7fffffff) {
    gateCall = 1;
    mayMatchIn.fill(0);
  }
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) continue;
    const list = BEGINNINGS_BY_FIRST[lowerCode(c)];
    if (!list) continue;
    for (const { beginning, rule } of list) {
      if (mayMatchIn[rule] === gateCall || i + beginning.length > length) continue;
      let n = 1;
      while (n < beginning.length && lowerCode(text.charCodeAt(i + n)) === beginning.charCodeAt(n)) n++;
      if (n === beginning.length) mayMatchIn[rule] = gateCall;
    }
  }
  return gateCall;
}

/** Mentions found in one piece of text; one per framework, named before implied. */
function detectIn(text: string, source: MentionSource): FrameworkMention[] {
  const found = new Map<DetectedFramework, FrameworkMention>();
  const call = markRulesThatMayMatch(text);
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r] as Rule;
    if (RULE_BEGINNINGS[r] && mayMatchIn[r] !== call) continue;
    const previous = found.get(rule.framework);
    if (previous && (previous.how === "named" || rule.how === "implied")) continue;
    const match = rule.pattern.exec(text);
    if (!match) continue;
    found.set(rule.framework, { framework: rule.framework, how: rule.how, source, evidence: match[0].trim() });
  }
  // A bare "Type II report" says SOC 2 only when no SOC 1 is named.
  const soc2 = found.get("soc2");
  if (soc2 && soc2.how === "implied" && /\bSOC[\s-]?(?:1|I|one)\b/i.test(text) && !/\bSOC[\s-]?2/i.test(text)) {
    found.delete("soc2");
  }
  // The GDPR articles go with the GDPR; a bare "Article 32" with "personal data" implies it.
  if (!found.has("gdpr") && /\bArt(?:icle|\.)?\s*(?:28|32|33|30)\b/i.test(text) && /\bpersonal\s+data\b/i.test(text)) {
    const m = /\bArt(?:icle|\.)?\s*(?:28|32|33|30)\b/i.exec(text);
    found.set("gdpr", { framework: "gdpr", how: "implied", source, evidence: m?.[0] ?? "Article" });
  }
  return DETECTED_FRAMEWORKS.flatMap((framework) => {
    const mention = found.get(framework);
    if (!mention) return [];
    return [withDetails(mention, text, found.has("nis2"))];
  });
}

function withDetails(mention: FrameworkMention, text: string, nis2: boolean): FrameworkMention {
  switch (mention.framework) {
    case "soc2": {
      const type = soc2Type(text);
      const categories = soc2Categories(text);
      return {
        ...mention,
        ...(type ? { soc2Type: type } : {}),
        ...(categories.length > 0 ? { soc2Categories: categories } : {}),
      };
    }
    case "iso27001": {
      const edition = isoEdition(text);
      return edition ? { ...mention, isoEdition: edition } : mention;
    }
    case "gdpr": {
      const articles = gdprArticles(text, nis2);
      return articles.length > 0 ? { ...mention, gdprArticles: articles } : mention;
    }
    default:
      return mention;
  }
}

export interface QuestionPlace {
  readonly text: string;
  readonly section?: string | null | undefined;
  readonly sheet?: string | null | undefined;
}

/**
 * The frameworks a question names or implies, from its text first, then its section heading, then the
 * sheet's name ("CAIQ v4.0.3", "SIG Lite 2024"): a question under a "GDPR" section asks about the GDPR
 * even when its own words do not say so. One mention per framework, in DETECTED_FRAMEWORKS order.
 */
export function detectFrameworks(place: QuestionPlace): FrameworkMention[] {
  const byFramework = new Map<DetectedFramework, FrameworkMention>();
  const sources: [string | null | undefined, MentionSource][] = [
    [place.text, "text"],
    [place.section, "section"],
    [place.sheet, "sheet"],
  ];
  for (const [text, source] of sources) {
    if (!text) continue;
    for (const mention of detectIn(text, source)) {
      const previous = byFramework.get(mention.framework);
      if (!previous || (previous.how === "implied" && mention.how === "named" && previous.source === source)) {
        byFramework.set(mention.framework, mention);
      }
    }
  }
  return DETECTED_FRAMEWORKS.flatMap((f) => {
    const m = byFramework.get(f);
    return m ? [m] : [];
  });
}

/** Just the framework ids, for counting. */
export const frameworksOf = (place: QuestionPlace): DetectedFramework[] =>
  detectFrameworks(place).map((m) => m.framework);
