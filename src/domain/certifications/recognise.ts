/**
 * Which certification, attestation report or compliance framework a text names, and whether a
 * question asks if the vendor holds it. Pure and shared: matching reads it to keep a question about
 * one certification from being answered with another's entry ("SOC 1 Type II?" drafted from the SOC 2
 * entry is a false claim in front of a buyer). Insight's demand detector (insight/frameworks.ts)
 * answers a different question (which frameworks buyers ask about) and keeps its own rules.
 */

export const CERTIFICATIONS = [
  "soc1",
  "soc2",
  "soc3",
  "iso27001",
  "iso27017",
  "iso27018",
  "iso27701",
  "iso22301",
  "iso9001",
  "iso20000",
  "iso42001",
  "hitrust",
  "tisax",
  "bsi-c5",
  "csa-star",
  "cyber-essentials",
  "fedramp",
  "stateramp",
  "irap",
  "secnumcloud",
  "hds",
  "ens",
  "ismap",
  "k-isms",
  "mtcs",
  "cmmc",
  "psn",
  "pci-dss",
  "hipaa",
] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

export interface CertificationMention {
  readonly certification: Certification;
  /** The words that named it, as written. */
  readonly evidence: string;
  /** SOC 1 / SOC 2: the report type named. */
  readonly reportType?: "type1" | "type2";
  /** ISO 27001: the edition named. */
  readonly edition?: "2013" | "2022";
  /** CSA STAR: the level named. */
  readonly level?: "1" | "2" | "3";
  /** Cyber Essentials: the Plus (audited) scheme named. */
  readonly plus?: boolean;
}

// "SOC" alone is a security operations centre: every SOC report pattern needs its number.
// A number after a standard's name must not run on into another number (27001 vs 270012).
const RULES: readonly (readonly [Certification, RegExp])[] = [
  [
    "soc1",
    /\bSOC[\s-]?(?:1|one)\b(?![.\d])|\bSOC[\s-]?I\b(?![IV])|\bISAE[\s-]?3402\b|\bSSAE[\s-]?1[68]\b|\bAT-?C\s?320\b/i,
  ],
  ["soc2", /\bSOC[\s-]?(?:2|two)\b(?![.\d])|\bSOC[\s-]?II\b(?!I)|\bAT-?C\s?205\b/i],
  ["soc3", /\bSOC[\s-]?(?:3|three)\b(?![.\d])|\bSOC[\s-]?III\b/i],
  // The Statement of Applicability exists only under ISO 27001: a question about it is about the certificate.
  ["iso27001", /(?<![\d.])27001(?![\d])|\bISO\s?27k\b|\bstatement\s+of\s+applicability\b/i],
  ["iso27001", /\bSoA\b/],
  ["iso27017", /(?<![\d.])27017(?!\d)/],
  ["iso27018", /(?<![\d.])27018(?!\d)/],
  ["iso27701", /(?<![\d.])27701(?!\d)/],
  ["iso22301", /(?<![\d.])22301(?!\d)/],
  ["iso9001", /\bISO(?:\s*\/\s*IEC)?[\s-]*9001\b/i],
  ["iso20000", /\bISO(?:\s*\/\s*IEC)?[\s-]*20000(?:-1)?\b/i],
  ["iso42001", /(?<![\d.])42001(?!\d)/],
  ["hitrust", /\bHITRUST\b/i],
  ["tisax", /\bTISAX\b/i],
  ["bsi-c5", /\bBSI[\s-]?C5\b|\bC5\s+(?:attestation|report|audit|catalogue|criteria)\b/i],
  ["csa-star", /\bCSA\s+STAR\b|\bSTAR\s+(?:level|registry|attestation|certification)\b/i],
  ["cyber-essentials", /\bcyber\s+essentials\b|\bIASME\b/i],
  ["fedramp", /\bFed[\s-]?RAMP\b/i],
  ["stateramp", /\bState[\s-]?RAMP\b|\bGovRAMP\b|\bTX[\s-]?RAMP\b/i],
  ["irap", /\bIRAP\b/],
  // National cloud and sector schemes buyers outside the US and UK ask about: France's SecNumCloud
  // (ANSSI) and health-data hosting (HDS), Spain's Esquema Nacional de Seguridad, Japan's ISMAP,
  // Korea's K-ISMS, Singapore's MTCS, the US defence CMMC, the UK's Public Services Network.
  ["secnumcloud", /\bSecNumCloud\b/i],
  [
    "hds",
    /\bHDS\b(?![\s-]?(?:ssd|drive|disk))|\bh[ée]bergeu?r de donn[ée]es de sant[ée]|\bhealth data host(?:ing|er)\b/i,
  ],
  [
    "ens",
    /\bEsquema Nacional de Seguridad\b|\bENS\b(?=[\s-]+(?:certif|categor|level|high|medium|basic|alta|media|b[áa]sica|compliance|compliant|accredit))/i,
  ],
  ["ismap", /\bISMAP\b/],
  ["k-isms", /\bK[\s-]?ISMS(?:[\s-]?P)?\b/i],
  ["mtcs", /\bMTCS\b/],
  ["cmmc", /\bCMMC\b/],
  ["psn", /\bPSN\b|\bPublic Services Network\b/i],
  ["pci-dss", /\bPCI(?:[\s-]?DSS)?\b|\bpayment\s+card\s+industry\b/i],
  ["hipaa", /\bHIPAA\b/i],
];

function reportTypeOf(text: string): CertificationMention["reportType"] {
  if (/\btype\s*(?:ii|2|two)\b/i.test(text)) return "type2";
  if (/\btype\s*(?:i|1|one)\b/i.test(text)) return "type1";
  return undefined;
}

/** The words around one SOC mention, up to the next report named: "SOC 1 and SOC 2 Type II" types only SOC 2. */
function aroundReport(text: string, at: number, length: number): string {
  const after = text.slice(at + length, at + length + 25);
  const next = after.search(/\b(?:SOC|ISAE|SSAE)\b/i);
  return text.slice(Math.max(0, at - 12), at + length) + (next < 0 ? after : after.slice(0, next));
}

/**
 * A mention with what it names of its certification's form. Every mention has the same keys, in the
 * same order, the details not named left undefined: objects of one shape, so the code that reads
 * them (the certification guard, inlined into matchQuery) is not deoptimised by a question that
 * names a form not seen before in the process (each detail used to add its own key).
 */
function mentionOf(
  certification: Certification,
  evidence: string,
  text: string,
  at: number,
  length: number,
): CertificationMention {
  let reportType: CertificationMention["reportType"];
  let edition: CertificationMention["edition"];
  let level: CertificationMention["level"];
  let plus: CertificationMention["plus"];
  switch (certification) {
    case "soc1":
    case "soc2":
      reportType = reportTypeOf(aroundReport(text, at, length));
      break;
    case "iso27001": {
      const m = /27001\s*[:/-]?\s*(2013|2022)\b|\b(2013|2022)\s+(?:version|edition|revision|standard)\b/i.exec(text);
      const named = m ? (m[1] ?? m[2]) : undefined;
      if (named) edition = named as "2013" | "2022";
      break;
    }
    case "csa-star": {
      const m = /\blevel\s*(1|2|3|one|two|three)\b/i.exec(text);
      const word = m?.[1]?.toLowerCase();
      const named = word === "one" ? "1" : word === "two" ? "2" : word === "three" ? "3" : word;
      if (named) level = named as "1" | "2" | "3";
      break;
    }
    case "cyber-essentials":
      if (/\bcyber\s+essentials\s+plus\b|\bCE\+/i.test(text)) plus = true;
      break;
  }
  return { certification, evidence, reportType, edition, level, plus };
}

/**
 * Something every rule above needs: one test that most questions fail, so matching does not pay for
 * twenty-odd patterns on every question (it reads this once per question).
 */
const ANY_CERTIFICATION =
  /SOC|ISAE|SSAE|AT-?C|27\d{3}|22301|42001|ISO|HITRUST|TISAX|C5|STAR|essentials|IASME|RAMP|IRAP|SecNumCloud|\bHDS\b|h[ée]bergeu?r|health data host|\bENS\b|Esquema|ISMAP|K[\s-]?ISMS|MTCS|CMMC|\bPSN\b|Public Services Network|PCI|payment\s+card|HIPAA|applicability|SoA/i;

/** Every certification the text names, in CERTIFICATIONS order. */
export function recogniseCertifications(text: string): CertificationMention[] {
  if (!ANY_CERTIFICATION.test(text)) return [];
  const found: CertificationMention[] = [];
  for (const [certification, pattern] of RULES) {
    if (found.some((f) => f.certification === certification)) continue;
    const m = pattern.exec(text);
    if (m) found.push(mentionOf(certification, m[0].trim(), text, m.index, m[0].length));
  }
  // "SSAE 18" is the standard SOC 1 and SOC 2 are both reported under: with SOC 2 named, it is SOC 2's.
  const soc1 = found.find((m) => m.certification === "soc1");
  if (soc1 && /^SSAE/i.test(soc1.evidence) && found.some((m) => m.certification === "soc2")) {
    return found.filter((m) => m !== soc1);
  }
  return found;
}

/** Words that ask about holding a certification, or only name it: what is left is the question's topic. */
const HOLDING_WORDS =
  /\b(?:do|does|did|is|are|was|were|has|have|had|hold|holds|held|you|your|yours|we|our|organi[sz]ation|company|vendor|supplier|service|platform|currently|current|valid|active|an?|the|to|of|for|on|in|at|by|with|or|and|any|its|it|please|pls|provide|share|attach|send|copy|latest|recent|most|status|certified|certification|certificate|certificates|certs?|accredited|accreditation|registered|registration|registry|listed|list|attested|attestation|attestations|audited|audit|audits|auditor|report|reports|rpt|letter|compliant|compliance|complies|comply|conform|conformance|authori[sz]ed|authori[sz]ation|ATO|assessed|assessment|validated|validation|label|labels|level|type|edition|version|scheme|standard|framework|independent|third[\s-]?party|external|obtained|achieved|possess|possesses|qualification|qualified|evidence|available|can|could|will|would|yes|no|if|so|which|what|when|i|ii|iii|iv|one|two|three|csf|dss|iec|iso|bsi|csa|plus|moderate|high|low|tailored|li-saas|saas|202\d|201\d|\d)\b/gi;

/**
 * Whether the question is about holding `mentions` rather than naming them in passing: once the
 * certifications' names and the words of holding one are taken away, (almost) nothing is left.
 * "Is your organisation ISO 22301 certified?" is; "Is MFA enforced, as required by ISO 27001
 * A.8.5?" is not (MFA is its topic).
 */
export function asksAboutHolding(text: string, mentions: readonly CertificationMention[]): boolean {
  if (mentions.length === 0) return false;
  let rest = text;
  for (const m of mentions) rest = rest.split(m.evidence).join(" ");
  for (const [, pattern] of RULES) rest = rest.replace(new RegExp(pattern.source, `${pattern.flags}g`), " ");
  const left = rest
    .replace(HOLDING_WORDS, " ")
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length >= 3);
  return left.length <= 2;
}

/** Words that make what follows a yardstick, not the subject: "as required by ISO 27001 A.8.5". */
const YARDSTICK_BEFORE =
  /\b(?:required\s+by|expected\s+by|set\s+out\s+in|consistent\s+with|in\s+line\s+with|in\s+accordance\s+with|according\s+to|aligned\s+(?:with|to)|mapped\s+to|following|per|as\s+(?:your|our|their|the))\s+(?:the\s+|your\s+|our\s+)?$/i;
const YARDSTICK_AFTER =
  /^(?:[\s-]*(?:aligned|based|principles|requirements?|controls?)\b|\s+(?:control\s+)?(?:A\.\d|CC\d))/i;

/**
 * Whether a certification is named only as the yardstick of another topic ("as required by ISO
 * 27001 A.8.5", "in line with SOC 2 CC6.1", "HITRUST-aligned customers", "following ISO 22301
 * principles"): the question is about that topic, which no certification entry answers.
 */
export function namedAsYardstick(text: string, mentions: readonly CertificationMention[]): boolean {
  if (mentions.length === 0) return false;
  return mentions.every((m) => {
    const at = text.indexOf(m.evidence);
    if (at < 0) return false;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + m.evidence.length);
    return YARDSTICK_BEFORE.test(before) || YARDSTICK_AFTER.test(after);
  });
}

/**
 * "Is your cloud service attested according to the BSI C5 catalogue?", "certified in accordance with
 * ISO 27001?": the yardstick words follow a word of holding, so the scheme is what is held, not the
 * measure of another topic (unless a control of it follows: "audited in accordance with ISO 27001 A.8.15").
 */
const HELD_UNDER =
  /\b(?:certified|attested|audited|accredited|assessed|qualified|authori[sz]ed|validated|registered)\s+(?:according\s+to|in\s+accordance\s+with|against|under)\s+(?:the\s+)?(?:ISO(?:\s*\/\s*IEC)?\s*)?$/i;

function heldUnder(text: string, mentions: readonly CertificationMention[]): boolean {
  return mentions.every((m) => {
    const at = text.indexOf(m.evidence);
    if (at < 0) return false;
    return (
      HELD_UNDER.test(text.slice(Math.max(0, at - 50), at)) && !YARDSTICK_AFTER.test(text.slice(at + m.evidence.length))
    );
  });
}

/** How a question names certifications: asking whether they are held, as a yardstick, or otherwise. */
export type CertificationRole = "holding" | "yardstick" | "mention";

export interface CertificationReading {
  readonly mentions: readonly CertificationMention[];
  readonly role: CertificationRole;
}

/** The certifications a question names and how, or null when it names none. */
export function readCertifications(text: string): CertificationReading | null {
  const mentions = recogniseCertifications(text);
  if (mentions.length === 0) return null;
  if (asksAboutHolding(text, mentions) || heldUnder(text, mentions)) return { mentions, role: "holding" };
  return { mentions, role: namedAsYardstick(text, mentions) ? "yardstick" : "mention" };
}

/** The certifications a question asks whether the vendor holds ([] when it names them only in passing). */
export function certificationsAskedAbout(text: string): CertificationMention[] {
  const reading = readCertifications(text);
  return reading?.role === "holding" ? [...reading.mentions] : [];
}
