import type { LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";
import { entrySpeaksOf, entryTexts } from "./entry-texts.js";

/**
 * Whose practice a question asks about. "Do your sub-processors perform background checks on their
 * own staff?", "Do you require all of your suppliers to hold ISO 27001?", "Do you share your
 * sub-processors' SOC 2 reports?" ask about the vendor's suppliers, and the entries on background
 * checks, certification or reports describe the vendor's own: their Yes would answer another question.
 */
const SUPPLIERS =
  "(sub-?processors?|suppliers?|vendors?|sub-?contractors?|service providers?|third parties|fourth parties|(payroll|e-?mail|hr|dns|telephony|sms|backup|managed security|it support|marketing|courier|shredding|cleaning) (service )?providers?|mssps?|outsourcers?)";

/** The hosting provider and its data centres, whose own people are a supplier's. */
const HOSTS =
  "aws|amazon|azure|gcp|(cloud|hosting|cloud hosting|infrastructure|colocation) (service )?providers?|data ?cent(er|re)s?|datacent(er|re)s?";

const ASKED_OF_SUPPLIERS = new RegExp(
  [
    // The suppliers as the subject: "Do your sub-processors perform…", "Are all of your vendors…".
    `\\b(do|does|are|is|have|has|will|must|can|would) (all |any |each )?(of )?your ${SUPPLIERS}\\b(?! (list|register|inventory|page)\\b)`,
    // What the vendor requires of them: "require all of your suppliers to hold…".
    `\\b(require|requires|required|ensure|ensures|oblige|obliges|mandate|mandates|expect|expects) (that )?(all |any |each )?(of )?your ${SUPPLIERS}\\b`,
    // Theirs: "your sub-processors' SOC 2 reports", "your vendors' own staff", "the staff of your key
    // suppliers", "reports from each of your sub-processors".
    `\\byour ${SUPPLIERS}'s? (own )?(staff|employees|personnel|people|soc ?2|iso|insurance|reports?|certificat\\w*|audits?|policies|background)\\b`,
    `\\b(staff|employees|personnel|people|workforce) of (your |their )?(key |critical |main |major )?${SUPPLIERS}\\b`,
    `\\b(reports?|certificat\\w*|attestations?|evidence) from (each of |all of |any of |all )?your ${SUPPLIERS}\\b`,
    // The hosting provider's own people: "background checks on AWS datacenter staff", "the staff of
    // your cloud provider". The vendor runs no data centre, so their staff are the provider's.
    `\\b((${HOSTS})'?s?|colo(cation)? facilit(y|ies)) (own )?(staff|employees|personnel|workers|technicians|engineers|operators|workforce)\\b`,
    `\\b(staff|employees|personnel|workers|technicians|workforce) (of|at) (your |the |their )?(${HOSTS})\\b`,
  ].join("|"),
);

/** The hosting provider as the one who acts or holds: "Is your data centre provider certified to ISO 27001?". */
const ASKED_OF_HOST = new RegExp(
  `\\b(do|does|are|is|have|has|will|can) (all |each )?(of )?(your |the )?(${HOSTS})\\b(?! (regions?|locations?|zones?|list)\\b)`,
);
/** Words that make an entry speak for the hosting provider. */
const ENTRY_OF_HOST = new RegExp(`\\b(${HOSTS})\\b`);

/** Words that make an entry about suppliers ("third-party audit report" names an auditor, not a supplier). */
const ENTRY_OF_SUPPLIERS = new RegExp(`\\b${SUPPLIERS}\\b|\\bfourth[\\s-]part`);

/** The question asks about a practice of the vendor's suppliers, not of the vendor. */
export function askedOfSuppliers(question: string): boolean {
  return ASKED_OF_SUPPLIERS.test(normalizeText(question));
}

/** The entry's question or a phrasing is about suppliers, sub-processors or vendors. */
export function entryOfSuppliers(entry: LibraryEntry): boolean {
  return [entry.question, ...entry.phrasings].some((t) => ENTRY_OF_SUPPLIERS.test(normalizeText(t)));
}

/**
 * The customer as the one who acts: "Can customers take part in your annual disaster recovery test?",
 * "Can customer administrators set their own rate limits?", "DLP as a feature customers can
 * configure". An entry on the vendor's own test, limits or DLP does not say the customer may.
 */
const CUSTOMER =
  "(customers?|clients?|tenants?|we|us|our (team|staff|auditors?|people|security team|administrators?|admins?)|customer (administrators?|admins?|users?))";
const CUSTOMER_ACTS =
  "(take part|participate|join|attend|observe|witness|be involved|set|configure|tune|adjust|customi[sz]e)";
const ASKED_OF_CUSTOMERS = new RegExp(
  `\\b(can|may|could|will|would) (the )?${CUSTOMER}( to)? ${CUSTOMER_ACTS}\\b|\\b(allow|let|permit|invite)s? (the )?${CUSTOMER} (to )?${CUSTOMER_ACTS}\\b|\\b(customers?|clients?|customer administrators?) can ${CUSTOMER_ACTS}\\b|\\bjoint ([\\w-]+ ){0,3}(exercises?|tests?|testing|drills?|simulations?|reviews?) with (your |our |the )?(customers?|clients?|us)\\b|\\b(jointly|together) with (your |our |the )?(customers?|clients?|customer [\\w-]+|us)\\b`,
);
/** The entry says what customers or their administrators may do. */
const ENTRY_OF_CUSTOMERS =
  /\b(customers?|clients?|tenants?|administrators?|admins?)\b[^.]{0,40}\b(can|may|are able to|choose|configure|set|take part|participate|join|attend|observe|invited)\b/;

/** The question asks what the customer may do or take part in, not what the vendor does. */
export function askedOfCustomers(question: string): boolean {
  return ASKED_OF_CUSTOMERS.test(normalizeText(question));
}

/**
 * Who performs it: "Is the risk assessment performed by an independent external party?", "Does an
 * external firm perform a secure code review before every release?". An entry on the vendor's own
 * assessment or review, that names no outside party, does not say one does it.
 */
/** Words for someone outside the organisation; "independent" may also be someone inside, independent of the work. */
const OUTSIDE_ONLY = "external|third[\\s-]party|outside|accredited";
const OUTSIDE = `(independent|${OUTSIDE_ONLY})`;
const BY_OUTSIDE = new RegExp(
  `\\b(performed|carried out|conducted|done|reviewed|assessed|audited|tested|signed|validated|verified|certified)( (?!by\\b)[\\w-]+){0,3} by (an? |the )?${OUTSIDE}\\b|\\b(an? |the )?${OUTSIDE} (firm|party|parties|auditor|assessor|consultancy|consultant|organi[sz]ation|company|reviewer|tester|specialist)s? (perform|performs|performed|carry out|carries out|carried out|conduct|conducts|conducted|review|reviews|reviewed|assess|assesses|assessed|audit|audits|audited|test|tests|tested|sign|signs|signed|verif(y|ies|ied)|certif(y|ies|ied))\\b|\\b(${OUTSIDE} )?third[\\s-]part(y|ies) (has |have )?(performed|carried out|conducted|reviewed|assessed|audited|tested|verified|certified)\\b|\\bsigned by the (audit|auditing|cpa) firm\\b`,
);
/**
 * The security programme asked to be reviewed independently (ISO/IEC 27001 A.5.35: "Independent review
 * of information security", "reviewed independently"); not "independent review of all production
 * changes", which is a second pair of eyes on each change.
 */
const INDEPENDENT_ASK =
  /\bindependent (review|reviews|audit|audits|assessment|assessments|evaluation|evaluations) of (the |your |its |our )?(information security|isms|security|controls?|compliance)\b|\b(reviewed|audited|assessed|evaluated) independently\b/;
/** Words that ask for someone outside the organisation, not only independent of the work. */
const OUTSIDE_WORDS = new RegExp(`\\b(${OUTSIDE_ONLY})\\b`);
/** An entry whose reviewers are independent of what they review (ISO/IEC 27001 A.5.35 allows internal ones). */
const ENTRY_INDEPENDENT = /\bindependent(ly)?\b/;

// A performer, not the act: "between external audits" says the vendor is audited, not who does
// the evaluation asked about, and "internal auditors" are the vendor's own.
const ENTRY_OUTSIDE = new RegExp(
  `\\b${OUTSIDE} (\\w+ )?(firms?|part(y|ies)|auditors?|assessors?|consultan\\w+|organi[sz]ations?|compan(y|ies)|reviewers?|testers?|specialists?|bod(y|ies)|cpa)\\b|\\b(audit firm|cpa firm|certification body)\\b|\\{\\{(pentest|soc2|iso27001)\\.(auditor|certifier|body)`,
);

/**
 * A visit in person: "Are fourth parties assessed through on-site visits?", "Does the assessment
 * include an on-site visit to every critical supplier's facilities?". An entry that assesses from
 * reports and questionnaires, and never speaks of going there, does not say anyone does.
 */
const ON_SITE_ASK =
  /\b(on-?site|in[\s-]person|physical) (visits?|audits?|inspections?|assessments?|reviews?)\b|\bsite (visits?|inspections?)\b|\b(audited|assessed|inspected|reviewed|checked|evaluated) (in[\s-]person|on-?site)\b|\bvisit(s|ing)? (to )?(the |their |each |every |all )?([\w'-]+ ){0,3}(premises|facilit(y|ies)|sites?|offices)\b/;
const ENTRY_ON_SITE = /\b(on-?site|in[\s-]person|visits?|visited|visiting|tours?|inspect(s|ed|ion|ions)?)\b/;

/** The question asks for a visit in person, and the entry never speaks of one. */
export function onSiteMissed(question: string, entry: LibraryEntry): boolean {
  return ON_SITE_ASK.test(normalizeText(question)) && !entrySpeaksOf(entry, ENTRY_ON_SITE);
}

/**
 * An entry that answers for the hosting provider in every one of its texts ("How do you obtain
 * assurance over your cloud provider's controls?", "Subservice organisation assurance") says nothing
 * of the vendor's own practice: "Is the mobile app covered by the scope of your ISO 27001 and SOC 2
 * audits?" shares its audit words, and its answer (the provider's reports, reviewed every year) would
 * stand for the vendor's own audit scope. Such an entry answers only a question that names the
 * provider, as an entry on one regulation answers only a question that names it (regulation-guard.ts).
 */
const HOST_OR_SUBSERVICE = new RegExp(
  `\\b(${HOSTS}|subservice organi[sz]ations?|carved[\\s-]out|iaas|paas|hyperscalers?)\\b`,
);
function speaksOnlyForHost(entry: LibraryEntry): boolean {
  return [entry.question, ...entry.phrasings].every((t) => HOST_OR_SUBSERVICE.test(normalizeText(t)));
}

/**
 * A regulator given rights over the vendor: "Will your cloud provider grant our regulator on-site
 * audit rights?", "our supervisory authority may examine your services". Financial regulation makes
 * these rights of the competent authority a term of their own (DORA Art. 30(3)(e), the EBA outsourcing
 * guidelines' access and audit rights); an entry that speaks only of customers' audits or visits,
 * and never of a regulator or authority, does not say one is granted them.
 */
const REGULATOR =
  "(regulators?|supervisors?|supervisory (authorit(y|ies)|bod(y|ies))|competent authorit(y|ies)|prudential regulators?|financial regulators?)";
const REGULATOR_AUDITS = new RegExp(
  `\\b${REGULATOR}\\b[^.?;]{0,60}\\b(audit\\w*|inspect\\w*|examin\\w*|rights? of access|access rights?|on-?site)\\b|\\b(audit|inspection|examination|access) rights?\\b[^.?;]{0,40}\\b(to|for|by) (the |our |its |their |any )?${REGULATOR}\\b`,
);
const ENTRY_OF_REGULATORS = /\b(regulat\w*|authorit(y|ies)|supervis\w*)\b/;

/**
 * Incidents reported to an authority: "Is there a process for reporting major incidents to
 * authorities?" (DORA Art. 19, NIS2 Art. 23). An entry on classifying incidents, or on telling
 * customers, that never speaks of a regulator or authority does not say they are told.
 */
const REPORTS_TO_AUTHORITY = new RegExp(
  `\\b((report\\w*|notif\\w*)\\b[^.?;]{0,60}\\b(incidents?|breach\\w*)\\b[^.?;]{0,30}|(incidents?|breach\\w*)\\b[^.?;]{0,40}\\b(reported|notified)\\b[^.?;]{0,20}\\b)to (the |its |any |all |relevant |competent |national |appropriate )*(authorit(y|ies)|${REGULATOR}|csirts?)\\b`,
);

/**
 * The buyer's own duty is context, not the ask: "We must report incidents to our regulator quickly.
 * Do you have forensic capability?" ("our" regulator is left out above, and "we" who report here).
 */
const BUYER_REPORTS = /\bwe\b[^.?;]{0,30}$/;

/** The question (normalised) asks that the vendor report incidents to authorities, not the buyer. */
function asksToReportToAuthority(q: string): boolean {
  const m = REPORTS_TO_AUTHORITY.exec(q);
  return m !== null && !BUYER_REPORTS.test(q.slice(0, m.index));
}

/** A note when the question is about another party than the entry: the vendor's suppliers, the customer acting, or an outside firm doing it. */
export function partyNote(question: string, entry: LibraryEntry): string | null {
  if (askedOfSuppliers(question) && !entryOfSuppliers(entry))
    return "the question asks about the practice of the vendor's suppliers or sub-processors, and the entry describes the vendor's own: please check it answers for them";
  const q = normalizeText(question);
  if (ASKED_OF_HOST.test(q) && !entrySpeaksOf(entry, ENTRY_OF_HOST))
    return "the question asks about the hosting provider, and the entry never speaks of it: please check it answers for the provider";
  if (speaksOnlyForHost(entry) && !HOST_OR_SUBSERVICE.test(q))
    return "the entry answers for the hosting provider, and the question does not name it: please check whose practice it asks about";
  if (REGULATOR_AUDITS.test(q) && !entrySpeaksOf(entry, ENTRY_OF_REGULATORS))
    return "the question asks for a regulator's audit or access rights, and the entry speaks of no regulator: please check they are granted";
  if (asksToReportToAuthority(q) && !entrySpeaksOf(entry, ENTRY_OF_REGULATORS))
    return "the question asks about reporting incidents to authorities or regulators, and the entry speaks of none: please check they are told";
  if (ON_SITE_ASK.test(q) && !entrySpeaksOf(entry, ENTRY_ON_SITE))
    return "the question asks for a visit in person, and the entry speaks of none: please check anyone goes there";
  const customers = ASKED_OF_CUSTOMERS.test(q);
  const outside = BY_OUTSIDE.test(q) || INDEPENDENT_ASK.test(q);
  if (!customers && !outside) return null;
  const texts = entryTexts(entry);
  if (customers && !texts.some((t) => ENTRY_OF_CUSTOMERS.test(t)))
    return "the question asks what the customer may do or take part in, and the entry describes the vendor's own practice: please check it allows this";
  // "External" asks for an outside party; "independent" alone is met by reviewers independent of the work.
  const named =
    texts.some((t) => ENTRY_OUTSIDE.test(t)) ||
    (!OUTSIDE_WORDS.test(q) && texts.some((t) => ENTRY_INDEPENDENT.test(t)));
  if (outside && !named)
    return "the question asks whether an independent or external party does it, and the entry names none: please check who does";
  return null;
}
