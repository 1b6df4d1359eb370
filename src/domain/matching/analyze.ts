import { memoByText } from "../text-memo.js";
import { conceptFinder } from "./concept-finder.js";
import { STANDARD_NAMES } from "./standard-names.js";
import { normalizeText } from "./tokenize.js";

/**
 * What a buyer's question asks, before any library entry is looked at. Questionnaires wrap the
 * topic in boilerplate ("Are policies and procedures for <topic> established, documented,
 * approved…"), bury the ask after sentences of context, or ask a follow-up that only makes sense
 * after the previous row. Matching reads the topic and the ask; drafting reads the form (a value
 * or only words); routing reads whether the question is about the buyer's own systems.
 */
export type QuestionIntent =
  /** Is <topic> governed by a documented, approved, reviewed policy or procedure? */
  | "governance"
  /** How often is something done? */
  | "frequency"
  /** Who is responsible or accountable? */
  | "who"
  /** Where is something located, stored or processed? */
  | "where"
  /** How long / within what time? */
  | "duration"
  /** Asks for a document or a copy of one. */
  | "document"
  /** Open question: describe, explain, how, what, which. */
  | "describe"
  /** Closed question: is it so? */
  | "practice";

export interface QuestionAnalysis {
  /** The text matching should read: the topic of a governance template, the ask of a long question. */
  readonly focus: string;
  /** The sentences that ask, in the buyer's words (the whole text when nothing else is there). */
  readonly ask: string;
  /** Sentences around the ask: context that still names the topic, weighed less by matching. */
  readonly context: string;
  readonly intent: QuestionIntent;
  /** True when the question asks for a Yes/No (or a choice); false when it asks only for words. */
  readonly closed: boolean;
  /** A row that only makes sense after the previous one ("If so, how often?", "The name of the application:"). */
  readonly followUp: boolean;
  /** Why the question is about the buyer's own systems or asks for tenant-specific data, or null. */
  readonly buyerSpecific: string | null;
  /** The reference written before the question ("3.1.8", "Art. 21(2)(d)"), or "": it names the row, not the topic. */
  readonly reference: string;
}

/**
 * Governance verbs of control-framework boilerplate. Three or more of them in one question mean
 * the question asks whether the topic is governed, not about the verbs ("documented" etc.).
 */
const GOVERNANCE_VERBS =
  /\b(established|documented|approved|communicated|applied|evaluated|maintained|defined|implemented|enforced|reviewed|updated|published|disseminated|followed|monitored|adopted|tested|secured|operated)\b/g;

/** The nouns a governance template is about the existence of. */
const GOVERNANCE_NOUN = /\b(polic(y|ies)|procedures?|process(es)?|plans?|programs?|programmes?|standards?)\b/;

/** Boilerplate nouns and phrases around a governance template's topic. */
const GOVERNANCE_WORDS = [
  /\b(are|is|have|has|do|does)\b/g,
  /\b(policies|policy|procedures?|processes|process|standards?|guidelines?|programs?|programmes?|plans?)\b/g,
  /\b(and|or|,|&)\b/g,
  // "technical measures", "technical and organisational measures", "technical or contractual
  // measures" (the conjunction is gone by now): the template's object, not its topic.
  /\b((technical|administrative|organi[sz]ational|contractual|physical|procedural)\W+){1,3}(measures|controls|safeguards)\b/g,
  /\bby (senior |executive |top )?(management|leadership|the board|the ciso|its owners?)\b/g,
  // …said as one word: "management-approved", "board-endorsed".
  /\b(senior |executive |top )?(management|leadership|board|ciso)[\s-](approved|endorsed|signed[\s-]off|sanctioned)\b/g,
  // Whom the template's documents go to ("communicated to relevant staff") is boilerplate too.
  /\b(communicated|disseminated|published|made available|distributed) to (all |the )?(relevant |appropriate |affected |interested )?(staff|personnel|employees|workforce|users|stakeholders|parties)\b/g,
  /\b(at least )?(annually|yearly|once a year|every year|periodically|regularly|at planned intervals)\b/g,
  /\b(established|documented|approved|communicated|applied|evaluated|maintained|defined|implemented|enforced|reviewed|updated|published|disseminated|followed|monitored|adopted|tested|secured|operated)\b/g,
  /\b(for|to|of|the|a|an|that|which|in place|formally|relevant|all|appropriate|organi[sz]ation(al)?)\b/g,
  // "Has an access control policy, with supporting procedures, been approved…, and is it evaluated…?":
  // the documents that go with the policy, and the pronoun that points back to it.
  /\b((together|along) )?(with|including|plus) (its |their |any )?supporting\b|\bsupporting\b(?= (procedures?|standards?|guidelines?|guidance|documents?|documentation|processes))|\b(it|its|they|them|their|this|these)\b/g,
];

/** Openers of a row that continues the previous one. */
const FOLLOW_UP_OPENER =
  /^(if (so|yes|not|no|applicable|you do|you have|this is the case|answered yes|the answer is yes|yes to the above)\b|if\b.*\b(above|previous|prior) (question|answer|row)\b|(please )?(describe|explain|specify|list|provide|name) (the )?(other|them|these|those|it|this|such)\b|(and|also|otherwise)\b|(the )?name of the\b|other \(please specify\)|please specify\b|(how|when) (often|frequently)\?$|if other\b|(describe|explain|comments?|details?|frequency)\W*$|how is (it|this|that|the scope)\b)/;

/**
 * The words of an ask that names no topic of its own: "Please elaborate", "Which ones?", "Since
 * when?", "Any exceptions?", "Explain your answer". Such a row only means something after the one
 * before it.
 */
const BARE_ASK_WORDS = new Set(
  (
    "please kindly provide give share add include more further additional any some detail details information info " +
    "explain explanation elaborate describe description specify clarify justify your the a an answer response " +
    "evidence supporting documentation attach upload which ones one what how many much often since when by whom who " +
    "why not yes no if so exceptions exception comments comment notes note here below above list them it this that " +
    "these those there were was is are do does did have has been other others else " +
    // How often, or for how long, with no topic: "freq?", "For how long?", "Within how many days?".
    "for long within frequency freq frequently interval period days hours weeks months"
  ).split(" "),
);
function isBareAsk(normalized: string): boolean {
  const words = normalized.split(/[^a-z0-9]+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.every((w) => BARE_ASK_WORDS.has(w));
}

/**
 * A row that is nothing but the fact it wants, with no topic: "Method", "Protocols", "Tooling used",
 * "Provider", "Date last tested", "Which product(s) do you use?", "Which factors are accepted?". It asks for
 * that fact about the row before.
 */
const BARE_FACT =
  /^(which|what) (kinds? of |types? of )?(factors?|methods?|mechanisms?|protocols?|algorithms?|options?|values?|settings?|modes?)(\(s\))? (is|are|will be|would be|can be) (accepted|supported|used|permitted|allowed|enabled|offered|available|relied (up)?on|in use)\W*$|^(which|what) (methods?|tools?|products?|solutions?|vendors?|providers?|software|services?|brands?)(\(s\))? (do|does|did) (you|we) (use|employ|run|deploy|have)\W*$|^(which|what) (methods?|tools?|products?|solutions?|vendors?|providers?|software|brands?)(\(s\))? (is|are) (used|in use|deployed)\W*$|^(the )?(methods?|mechanisms?|protocols?|tools?|tooling|providers?|vendors?|products?|solutions?|versions?|algorithms?|standards?|types?|owners?|locations?|evidence|names?)( used| in use| applied)?\W*$|^((the )?date( of)?( the)? last|(the )?last|when last) (tested|reviewed|updated|performed|completed|audited|assessed|run|exercised|test|review|update|audit|assessment|exercise)( date| on)?\W*$/;

/**
 * A row that offers two one-word alternatives and at most one noun: "Public or private program?",
 * "Internal or external?", "If yes - manual or automated?". It asks which of them the row before's
 * practice is; the two alternatives are its groups 1 and 2 (follow-up.ts reads which one the row
 * before's entry states).
 */
export const BARE_ALTERNATIVES = /^(?:if (?:so|yes)\W+)?([a-z-]+) or ([a-z-]+)(?: [a-z-]+)?\W*$/;

/** Choices in parentheses at the end of a row, separated by slashes: "(Annually / Semi-annually / Never)". */
const CHOICE_LIST_AT_END = /\s*\([^()]*\/[^()]*\)\W*$/;
/**
 * An answer scale with its label at the end of a control-catalogue row: "… asset inventory. Status:
 * Implemented / Partially implemented / Planned", "… - implementation status: Fully implemented /
 * Not implemented", "… - status? (Implemented / Not implemented)". Label and scale say how to answer;
 * read as words, "implementation status" and four spellings of "implemented" outweighed the
 * safeguard, and "Not implemented" read as a question about a lapse. Without a parenthesis the
 * scale needs the label's colon or question mark ("Public status page for uptime / incidents?" is a topic).
 */
const STATUS_SCALE_AT_END =
  /(?:\s*[-–—:,;]\s*|(?<=[.?!])\s*|\s+)\b((implementation|maturity|compliance|adoption|current|control) )?status\b\s*(\??\s*:?\s*\([^()]*\/[^()]*\)|[?:]\s*[\w' -]{1,40}(\/[\w' -]{1,40}){1,})\W*$/i;

/** The row without the choices it offers at its end ("Is the plan tested? (Implemented / Planned)"). */
export function withoutChoiceList(text: string): string {
  return text.replace(STATUS_SCALE_AT_END, "").replace(CHOICE_LIST_AT_END, "");
}

/** The row without a labelled answer scale at its end (STATUS_SCALE_AT_END), ending as a sentence. */
function withoutStatusScale(text: string): string {
  const m = STATUS_SCALE_AT_END.exec(text);
  if (!m || m.index < 12) return text;
  return text.slice(0, m.index).replace(/[\s,;:–—-]+$/, "");
}

/**
 * A row that opens on "that", "these" or "those" and a noun, after a verb or a question word only:
 * "Where is that person based…?" (after the DPO row), "Is that certificate against the 2022
 * revision?", "Does that approval step include…?", "Are all of these fourth parties…?". The noun is
 * the row before's, named again. Not a relative "that" after its noun ("Is email that contains PHI
 * encrypted?") nor one after a verb of asserting ("Please confirm that…"), which open otherwise.
 */
const DEMONSTRATIVE_SUBJECT =
  /^((is|are|was|were|does|do|did|has|have|had|can|could|will|would|should|must|where|how|who|whom|when|what|which|why|for|in|on|of|at|by|with|from|to|and|also|are all|is each) ){1,2}(that|these|those) (?!(is|are|was|were|has|have|had|will|can|would|could|should|may|might|must|does|do|did|year|quarter|month|week|time|day|years|months|weeks|days)\b)[a-z-]+/;

/** Pronouns standing for something the previous row named. */
const ANAPHORA = /\b(it|this|that|these|those|they|them|such|the above|above|said)\b/;

/**
 * A pronoun that stands for the row before: as the subject, in the first words ("Is it tested?",
 * "Are they encrypted?", "How is this enforced?"), or in a row of very few words ("Describe them.").
 * Not "IT" (information technology), not "this year", and not an object whose noun the row itself
 * names ("Are backups tested by restoring them?").
 */
function pointsBack(text: string, contentWords: number): boolean {
  const withoutIt = text.replace(/\bIT\b/g, " ").toLowerCase();
  // "Confirm that data is encrypted at rest.": the conjunction after a verb of asserting points nowhere.
  const plain = withoutIt
    .replace(/\b(this|that|these|next|last) (year|quarter|month|week|time|day)s?\b/g, " ")
    .replace(/\b(confirm|ensure|verify|state|indicate|certify|attest|guarantee|warrant)s? that\b/g, "$1")
    // "Is email that contains PHI encrypted?": a relative pronoun after its noun points nowhere.
    .replace(
      /\b([a-z]{3,}) (that|which) (?=(contains?|holds?|has|have|includes?|stores?|processes?|handles?|carries|carry|is|are|was|were|can|could|may|might|will|would|must|should|do|does|did)\b)/g,
      "$1 ",
    );
  if (!ANAPHORA.test(plain)) return false;
  if (contentWords <= 4) return true;
  // "How often is it tested?", "How long are they kept?": the subject follows a two-word opener.
  const lead = plain
    .trim()
    .replace(/^(how (often|long|frequently|regularly|soon|quickly)|for how long|at what (frequency|intervals?))\s+/, "")
    .split(/[^a-z0-9']+/)
    .slice(0, 3)
    .join(" ");
  return ANAPHORA.test(lead);
}

const CLOSED_OPENER =
  /^(do|does|did|is|are|was|were|has|have|had|can|could|will|would|shall|should|may|must|might|please (confirm|indicate|state) (if|whether|that)|confirm (if|whether|that)|indicate (if|whether))\b/;
const OPEN_OPENER =
  /^(what|which|who|whom|whose|where|when|why|how|describe|explain|list|provide|detail|outline|specify|summari[sz]e|name|identify|give|share|(please |kindly )(describe|explain|list|provide|detail|outline|specify|summari[sz]e|name|identify|give|share|tell)|tell us|walk us|let us know|elaborate|clarify|comment on|(please |kindly )?(state|indicate|enter|insert|supply|note|quote|cite) (the|your|any|all|each)\b|(please |kindly )?(state|indicate|quote)\b(?! (if|whether|that|of|the art)\b)(?=\s+[a-z])|(please |kindly )?(upload|attach|send( us)?|supply|furnish|submit|enclose|forward) (a |an |the |your |us |copies |a copy )*)\b/;

/** An ask for words anywhere in a statement-style row. */
const OPEN_ANYWHERE =
  /\b(who|what|which|where|when|how)\b|\b(specify|describe|explain|summary|summarise|summarize|details|detail)\b|\b(frequency|period|timeframe|time ?frame|interval|duration|version|regions?|locations?|rto|rpo|providers?|vendors? used|tools? used|products? used|algorithms?|protocols? (used|supported)|certifications? held|name of \w+|owners?|contacts?|formats?|methods? used|standards? used)\W*$|\s[-–—:]\s*(timeframe|time ?frame|frequency|duration|period|interval|regions?|locations?|tools?|products?|versions?|owners?|contacts?)\b/;

/**
 * A question that offers two alternatives, each with its own verb ("Are error messages generic, or do
 * they show stack traces?", "Is data held in Australia, or will it leave the country?"): a Yes or No
 * answers neither, whatever the second clause's subject ("…, or is hosting provided by a third party?",
 * "…, or is a human always in the loop?"). Without the comma the "or" mostly joins near-synonyms
 * ("committed to confidentiality or under a statutory obligation"), which a Yes answers, and so does
 * a second clause offering an equivalent ("Is IMDSv2 enforced, or are equivalent protections in place?").
 */
const ALTERNATIVE_ASK =
  /,\s*or (is|are|was|were|do|does|did|will|would|can|could|should|has|have) (?!not\b|(an? )?(equivalent|similar|comparable|compensating|alternative|other)\b)[a-z]/;
/**
 * "Is your SOC run in-house or by a managed provider?", "Is the service hosted in a vendor-owned data
 * center or by a third-party cloud provider?": a choice between who does it, asked in a yes/no shape.
 * A Yes or No answers neither side, so the question asks for words.
 */
const WHO_DOES_IT =
  /\b(in[\s-]house|internally|your own (staff|team|employees|people))\b[^?]*\bor\b[^?]*\b(outsourc\w*|third[\s-]part(y|ies)|externally|external (firm|provider|party|company)|(managed )?(service )?providers?|contractors?|vendors?|mssps?)\b|\b(outsourc\w*|third[\s-]part(y|ies)|externally|(managed )?(service )?providers?|mssps?)\b[^?]*\bor\b[^?]*\b(in[\s-]house|internally)\b|\b(vendor|company|self|privately|your)[\s-]owned\b[^?]*\bor\b[^?]*\b(third[\s-]part(y|ies)|cloud|hosting|colocation|colo)\b/;

/**
 * A statement row that opens with the fact it wants: "Frequency of user access reviews", "Retention
 * period for audit logs", "Owner of the security programme", "Time to notify customers of a breach".
 * RFP tabs are full of these noun phrases; the head noun names a fact (how often, where, how long,
 * who, which, how many), and the rest says of what. "Encryption of data at rest" or "Use of
 * customer data for training" open with a practice instead, and ask to confirm it.
 */
const OPEN_HEAD =
  /^(the |your |current |typical |average |maximum |minimum |max |min |expected |approximate )?(\w+ ){0,2}(frequency|locations?|regions?|countr(y|ies)|periods?|time ?frames?|timelines?|durations?|intervals?|times?|number|count|types?|kinds?|owners?|methods?|standards?|dates?|scope|lists?|sizes?|reporting lines?|job titles?|titles?|lengths?|versions?|tools?|products?|providers?|vendors?|names?|levels?|percentage|share|algorithms?|protocols?|approach|description|overview|summary|breakdown|timing|retention|cadence|schedule|slas?|windows?|objectives?|mechanisms?|notice periods?)( used| in use| applied| followed| accepted| supported| required| enforced)? (of|for|used|to|in|after|at|on|between|per|by|behind)\b|^(rto|rpo|sla|slas)\b|^(time|point of contact|contact (details|person)|name and (role|title)) (of|for|to)\b/;

/**
 * Statement rows ending in the fact they want: "Security team size", "Minimum password length", "TLS
 * versions supported". A bare tool noun ("Vulnerability scanning tool") may only ask to confirm that
 * one is used; "… tool used" asks which.
 */
const OPEN_TAIL =
  /\b(options|ver|vers)(\s*\([^()]*\))?\W*$|\b(dates?|names?|list) of (the |your )?(last|latest|most recent|previous|next|current)( [\w-]+){1,3}\W*$|\b(list|lists|policy|report|diagram|certificate)\s*\((link|url|or link|or url)\b[^)]*\)\W*$|\b(size|length|headcount|count|list|lists|cadence|(support|business|working|office|operating) hours|slas?|timelines?|schedules?|commitments?|e-?mail( address)?|dates?|deadlines?|percentage)\W*$|\b(tools?|products?|solutions?|platforms?|software|vendors?|suppliers?|providers?)(\(s\))? (used|in use)\W*$|\b(versions?|protocols?|ciphers?|cipher suites|algorithms?|browsers?|languages?|frameworks?|operating systems?|methods?|factors?|integrations?|formats?)(\(s\))? (supported|used|in use|accepted|enabled|offered|available)\W*$|\b(slas?|objectives?|rto|rpo)\s*[-–—:]\s*[\w /,+&-]{0,40}$|\b(objectives?|rto|rpo|slas?)\b[^?]{0,60}:\s*$|^supported (\w+ )?(versions?|protocols?|browsers?|languages?|methods?|integrations?|formats?|regions?)\b|\((days|hours|hrs?|months|years|yrs|weeks|minutes|mins|%|percent|(please )?(list|name|specify|describe)( all| them| each| below)?|names?)\)\W*$|\b(tooling|toolset|tool ?chain)\W*$|\b(frequency|freq|period|cadence|timeframe|retention|duration|interval|timeline|date|version|name)\s*(\/|&|\+|\band\b)|\b(valid (until|through|to)|expiry( date)?|expiration( date)?|(\w+ )?retention( period)?|(notification|notice) (window|period)|(cert|certificate|report|rpt|policy|document|letter|attestation|plan|minutes) (copy|copies)|(attach|send|forward)( us)?( a)? cop(y|ies)|(pls |please )?attach(ed)?( (the )?(latest|most recent|current))?)(,? (pls|please))?\W*$/;

/**
 * A buyer's shorthand label for a figure, a party, an address or a list: "Pen test freq", "ISO 27001
 * cert #", "Insurance policy no.", "Breach notif. window", "Secure SDLC approach?", "EDR vendor",
 * "Subprocessor list URL", "Categories of personal data". A Yes would not answer it.
 */
const TERSE_ASK_FOR_WORDS =
  /\b(cert(ificate)?|certification|policy|licen[cs]e|registration|contract|account) (no\.|number|#)(?=\s|$)|\b(freq|approach|methodology|window|url|urls|link|links|web ?address)(,? (pls|please))?\W*$|\s(#|no\.)\s*$|^(\w+ ){1,2}(vendors?|providers?|suppliers?)\W*$|(^|\s[-–—:]\s*)(the )?categories of\b/;

/** Patterns of questions about the buyer's own systems or asking for data only the buyer's tenant holds. */
/**
 * "our <system>" as the thing asked about ("Does our firewall allow…", "whether our Okta tenant
 * enforces…"), not as a destination of the vendor's feature ("export to our SIEM", "sign in through
 * our identity provider"): a preposition before it makes it the latter.
 */
const OUR = "(?<!\\b(to|through|with|from|into|via|using|by|against|for|in|on|onto|within|inside) )\\b(our|my)";
const BUYER_SYSTEMS =
  "((guest |corporate |office )?wi-?fi|wireless (network|lan)|web proxy|okta|azure( ad)?|entra( id)?|active directory|google workspace|o365|office 365|microsoft 365|idp|identity provider|firewalls?|wafs?|web application firewalls?|(waf |firewall |proxy )?rule ?sets?|edr( agents?)?|mdm|email gateways?|(e-?mail |mail )domains?|network|proxy|vpn|environment|endpoints?|laptops?|workstations?|devices|it (team|department|staff)|domain controllers?|siem|helpdesk|service desk|email (server|system)|mail server|on[\\s-]?prem\\w*|isms|enclaves?|((windows|linux|server|desktop) )*(servers?|estate|fleet))";

/** The buyer named in the third person: "the customer's", "the Institution's", "the agency's". */
const THE_BUYERS =
  "the (buyer|customer|client|institution|agency|university|college|hospital|bank|school|district|purchaser|tenant|council|trust|department)('s|s')";

/** Patterns of questions about the buyer's own systems or asking for data only the buyer's tenant holds. */
const BUYER_SPECIFIC: readonly { reason: string; pattern: RegExp }[] = [
  {
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern: new RegExp(
      `${OUR} (own |internal |corporate |company'?s? |existing |current |campus )*${BUYER_SYSTEMS}( tenant| instance| account)?\\b`,
    ),
  },
  {
    // "our CUI enclave's boundary firewall", "our London office's network": a possessive chain that
    // starts with the buyer still names the buyer's system.
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern: new RegExp(`${OUR} (\\w+ ){0,2}\\w+'s (\\w+ ){0,2}${BUYER_SYSTEMS}\\b`),
  },
  {
    // "Is the tenant's own legal hold process integrated with its records system?", "In our risk
    // register, risk R-114 lists your service as the treatment…": the buyer's own process or record,
    // however the buyer is named. Not the place a product option puts something ("keys held in the
    // client's own AWS account", "hosted in the customer's own infrastructure"): that asks about the
    // product.
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern:
      /(?<!\b(in|on|within|inside|into|to) )\bthe (tenant|customer|client|buyer|institution|university|bank|controller)'?s own\b|\b(in|on|from) (our|my) (risk|asset|vendor|supplier|third[\s-]party) (register|inventory|list)\b|\bthe same ([\w-]+ ){1,4}as (ours|our|my)\b|\b(what|which|how)\b[^?]{0,60}\bshould (we|i) (record|enter|note|put|write|rate|score|assign|select|choose|mark|log)\b/,
  },
  {
    // "Is there a risk register entry for our company as your customer?", "Are the screening records
    // of the individuals who will access our CUI available to inspect individually?": this buyer's own
    // record or its particular people.
    reason: "asks for the people or configuration of the buyer's own account",
    pattern:
      /\b(for|about|on) (our|my) (company|organi[sz]ation|institution|firm|business|district|school|bank) as (your|a) (customer|client)\b|\brecords of the (individuals|people|persons|staff|employees) who\b|\b(inspect|review|see) (them |each )?individually\b|\binstance (identifier|id)s? of\b/,
  },
  {
    // The buyer's own activities, which the vendor may be asked to join by contract ("Will your team
    // take part in the University's annual tabletop exercise?", "participate in our awareness
    // programme"), what applies to the buyer ("the CUECs … that apply to our organisation"), a tenant
    // not yet provisioned for the buyer, and the controller's own regulator.
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern:
      /\b(take part|participate|join|attend|contribute) in (our|my|the [\w-]+'s) \b|\b(that|which) (apply|applies|are relevant|is relevant) to (our|us|my)\b|\b(apply|applies) to (our|my) (company|organi[sz]ation|firm|institution|business|tenant|account|environment)\b|\b(tenant|instance|environment|account|workspace) (that |which )?(will be |is to be |to be )?(provisioned|created|set up) for (us|our)\b|\b(name|identify) (the )?controller'?s\b/,
  },
  {
    // "the URL-filtering categories configured on our web proxy", "web filtering applied on our
    // corporate proxy", "configure DMARC enforcement on our email domain": settings of the buyer's own
    // device or domain.
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern: new RegExp(
      `\\b(configur(e|ed|es|ing)|set( up)?|enabled|applied|enforced|categories|rules|settings|policies) (([\\w-]+ ){1,3}(?=on|in|within))?(on|in|within) (our|my) (own |corporate |office |campus )*(dns filter\\w*|${BUYER_SYSTEMS})\\b`,
    ),
  },
  {
    // "Under our institutional data classification policy, which risk level will the data be
    // assigned?": a level in the buyer's own scheme is the buyer's to assign.
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern:
      /\b(under|per|according to|using|in line with|based on|against|within) (our|my|the (institution|university|bank|hospital|client|customer|buyer)'?s) (own |institutional |internal |corporate |organi[sz]ational )*(data |information )?(classification|sensitivity|risk[\s-]rating|data[\s-]risk) (polic(y|ies)|schemes?|standards?|framework|matrix|levels?|tiers?|model)\b/,
  },
  {
    // The buyer's own records, named by its kind ("in our Trust's own Statement of Applicability", "our
    // Group's own risk register") or as its own ISMS documents ("our own SoA", "our own record of
    // processing"), whatever preposition leads to them; and a system the buyer itself will run on its
    // own premises ("the on-premises integration server that we will host in our own data centre").
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern:
      /\b(our|my) [\w-]+'s own\b|\b(our|my) own (statement of applicability|soa|isms|information security management system|records? of processing( activities)?|risk (register|profile|treatment plan))\b|\b(that|which) (we|i) (will |would |shall |are going to |plan to |intend to )?(host|run|operate|install) (ourselves |it )?(in|on|at|within) (our|my) (own )?(data ?cent(er|re)s?|premises|server rooms?|infrastructure|servers?)\b/,
  },
  {
    // "Are the disks in the customer's data centre wiped by your engineers?", "Is the equipment at our
    // premises maintained by you?": the buyer's own equipment, kept on the buyer's own site, is looked
    // after under the buyer's own practices. The vendor's entries state what it does to its own (and
    // "deployed in our own data centre" asks about the product, not about equipment already there).
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern: new RegExp(
      `\\bthe ([\\w-]+ ){0,2}(media|equipment|hardware|servers?|devices|disks?|drives?|tapes?|racks?|assets?|appliances?|machines|workstations|laptops|desktops|printers|cabling|storage) (located |installed |housed |held |kept |stored |used )?(in|at|on|within|inside) (${THE_BUYERS}|our|my) (own )?([\\w-]+ ){0,2}(data cent(er|re)s?|premises|server rooms?|facilit(y|ies)|sites?|offices?|campus(es)?|buildings?|branch(es)?|clinics?|hospitals?)\\b`,
    ),
  },
  {
    // "Have you reviewed the client's own third-party risk policy?": the buyer's own document or practice.
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern:
      /\b(the )?(client|customer|buyer|institution|purchaser|university|hospital|school)('s|s') own ([\w-]+ ){0,4}(polic(y|ies)|procedures?|program(me)?s?|standards?|requirements|assessments?|questionnaires?|controls?|contracts?|audits?|reviews?)\b/,
  },
  {
    reason: "asks for identifiers or details of the buyer's tenant, which are not answered in a questionnaire",
    pattern:
      /\b(which|what|list|provide|give|name|specify)\b.*\b(instance ids?|account ids?|ip addresses|ip (address )?ranges|cidr (ranges?|blocks?)|hostnames?|server names?|bucket names?|arns?|resource ids?|subscription ids?|database names?|cluster names?)\b|\b(acct|account|vpc|subnet|instance|resource|subscription|project|cluster|bucket|tenant) (ids?|arns?|names?)\b[^?]*\b(our|hosting|for us)\b/,
  },
  {
    // "the retention setting currently configured for event data in our workspace": what is set now
    // in the buyer's account, named before it ("Can SSO be enabled for our workspace?" asks about the
    // product, and is not this).
    reason: "asks for the people or configuration of the buyer's own account",
    pattern:
      /\b(current(ly)?|existing|present)\b.*\b(settings?|configuration|configured|set up|enabled)\b.*\b(in|for|of|on|within) (our|my) (tenant|account|instance|workspace|subscription|org|organi[sz]ation|project|environment)('s)?\b|\b(what|which)\b(?![^?]*\b(can|could|may|might|will|would)\b)[^?]*\b(configured|set|enabled) (for|on|in) (our|my) (tenant|account|instance|workspace|subscription|org|organi[sz]ation|project|environment)('s)?\b/,
  },
  {
    reason: "asks for the people or configuration of the buyer's own account",
    // "Can our tenant administrators make MFA mandatory?" asks what the product lets them do: a
    // modal before the buyer's account makes it the subject of a capability, not a record.
    pattern: new RegExp(
      `(?<!\\b(can|could|may|will|would) )${OUR} (tenant|account|instance|workspace|subscription|org|organi[sz]ation)('s)? (\\w+ ){0,3}(config\\w*|settings?|admins?|administrators|users with|ids?|database|db|hosts?|servers?)\\b|\\bnames? of (your |the )?(staff|employees|engineers|people|personnel|individuals)\\b.*\\b(access|our)\\b|\\b(list|provide|give|name|identify|share)\\b (\\w+ )?(named )?(individuals|people|persons|staff|employees|engineers)\\b.*\\b(access|rights|our)\\b`,
    ),
  },
  {
    // "Please list which of our users currently hold the Admin role", "the exact per-minute API quota
    // that will apply to our tenant": the people or the figures of this buyer's own account.
    reason: "asks for the people or configuration of the buyer's own account",
    pattern:
      /\b(which|who|list|name|identify)\b.*\b(our|my) (users|admins?|administrators|staff|people|employees|members|team members)\b.*\b(holds?|has|have|assigned)\b.*\b(roles?|permissions?|rights|privileges)\b|\b(which|who|list|name|identify)\b.*\b(users|admins?|administrators|members)\b (in|of|on) (our|my) (tenant|account|instance|workspace|subscription|org|organi[sz]ation)\b.*\b(holds?|has|have|assigned)\b.*\b(roles?|permissions?|rights|privileges)\b|\b(exact|precise|specific)\b.*\b(quota|limit|threshold|value|setting|figure)\b.*\bapply to (our|my) (tenant|account|instance|workspace|subscription)\b/,
  },
  {
    // "the number of personal data records held on behalf of our organisation", "the DPIA you have
    // carried out specifically for our organisation's use", "…specifically for the processing to be
    // performed on our behalf", "a penetration test specifically targeting our SSO integration":
    // figures, documents and work of this buyer's engagement, not a practice the library states.
    reason: "asks for figures or documents of the buyer's own engagement, which are not answered in a questionnaire",
    pattern:
      /\b(number|count|volume|quantity|how many)\b.*\b(hold|held|store[sd]?|process(es|ed)?|host(s|ed)?|keep|kept)\b.*\b(on behalf of|for) (our|my) (organi[sz]ation|company|business|firm|tenant|account)\b|\b(carried out|performed|conducted|done|prepared|completed|produced|written)\b (\w+ ){0,2}(specifically|especially|solely|only) for ((our|my)\b|the [^?.]{0,60}\b(on our behalf|for us)\b)|\b(specifically|especially|solely|exclusively) (targeting|covering|against|scoped to|tailored to|for) (our|my)\b/,
  },
  {
    // "Which of our customers' records have been uploaded to your service so far?", "What data have we
    // entered into the platform to date?": what this buyer has put into its own account until now is
    // a record of the tenant, not a practice the library states ("What personal data do you process?"
    // asks about the service, and is not this).
    reason: "asks for identifiers or details of the buyer's tenant, which are not answered in a questionnaire",
    pattern: new RegExp(
      `\\b((our|my|${THE_BUYERS}) ([\\w'-]+ ){0,3}(data|records|files|documents|information|content|details|uploads|events)\\b[^?.]{0,40}\\b(have|has|had) (already )?been |(have|has) (we|i|our (\\w+ )?(users|staff|employees|team|admins?|administrators)) (already )?)(entered|uploaded|imported|submitted|loaded|stored|added|input|ingested|processed|transferred|sent|shared|migrated|collected|synced|put)\\b[^?.]{0,60}\\b(to date|so far|thus far|until now|up to now|as of (today|now))\\b`,
    ),
  },
  {
    // "Will we have to open inbound firewall ports…?", "Which directives should we add to our CSP?":
    // what the buyer must change on its own side, which depends on the buyer's own set-up.
    reason: "asks what the buyer must change on its own systems, which only the buyer can decide",
    pattern:
      /\b(should|must|shall|will|would|do|does) we (have to |need to |be required to )?(add|open|allow|whitelist|allowlist|configure|change|update|modify|reconfigure)\b/,
  },
  {
    // "Will the AI features be enabled in our sandbox tenant during the pilot?": an arrangement of
    // this engagement, agreed for it, not a practice the library states.
    reason: "asks about an arrangement for this engagement (a pilot, a trial, its sandbox), which is agreed for it",
    pattern:
      /\b(during|for|in|throughout|after) (the|our|this|a) (pilot|trial|proof of concept|poc|evaluation period)\b|\bour (sandbox|trial|pilot|demo|evaluation) (tenant|instance|account|environment|workspace)\b/,
  },
  {
    // "Would you let us observe your next surveillance audit?", "Can we have read access to your risk
    // register?": an arrangement with this buyer over the vendor's own audits and records.
    reason: "asks about an arrangement for this engagement (a pilot, a trial, its sandbox), which is agreed for it",
    pattern:
      /\b(let|allow|permit|invite) (us|our (\w+ ){0,2}(staff|auditors?|team|people|representatives?)) (to )?(observe|attend|join|sit in on|shadow|participate in) (your|the) (next|upcoming|annual|internal|external|certification|surveillance|recertification)\b|\b(can|could|may) we (have|get|be given) (read |read-only |direct |live )?access to your (risk register|internal audit|ticketing|jira|siem|log)/,
  },
  {
    // "Has our DPO already signed off your sub-processor list?", "Is our internal AI acceptable use
    // policy compatible with your assistant?": the buyer's own people, approvals and policies.
    reason: "asks about the buyer's own systems, which only the buyer can confirm",
    pattern:
      /\b(has|have|did) (our|my) ([\w-]+ ){0,2}(dpo|ciso|cio|cto|legal|procurement|security|privacy|compliance|risk|it|board|team|department|office|committee|officer|counsel|lawyers?)\b (already |yet |formally )?(signed off|approved|reviewed|accepted|validated|assessed|cleared|agreed)\b|\b(is|are) (our|my) (own |internal |corporate |company'?s? |institutional )+([\w-]+ ){0,4}(polic(y|ies)|standards?|procedures?|rules|guidelines)\b (\w+ ){0,2}(compatible|consistent|aligned|in line|compliant|met|satisfied|followed)\b/,
  },
  {
    // "Which lawful basis applies to our processing of staff data in your tool?", "the legal basis on
    // which the Controller relies for processing its records": under GDPR Art. 6 the controller
    // determines the lawful basis of its own processing; the processor states none for it.
    reason: "asks for the lawful basis of the buyer's own processing, which only the buyer as controller can state",
    pattern:
      /\b(lawful|legal) bas(is|es)\b[^?.]{0,80}?\b(our (\w+ )?|we |the (controller|customer|client)('s)? )(collects?|process(es)?|processing|relies|rely|relied|uses?|holds?)\b|\b(our|the (controller|customer|client)'s) (own )?(processing|collection|use) of\b[^?.]{0,80}\b(lawful|legal) bas(is|es)\b/,
  },
  {
    // "Have you checked that our record of processing lists you…": the vendor is asked to vouch
    // for the buyer's own documents or settings, which only the buyer can confirm.
    reason: "asks the vendor to confirm the buyer's own records or settings, which only the buyer can confirm",
    pattern: new RegExp(
      `\\b(have|has|did) you (already )?(checked|verified|confirmed|validated|reviewed|ensured) (that |whether |if )?${OUR}\\b`,
    ),
  },
  {
    // "Send us the list of our end users whose records were erased last quarter": rows of the
    // buyer's own tenant.
    reason: "asks for identifiers or details of the buyer's tenant, which are not answered in a questionnaire",
    pattern:
      /\b(list|names?|export|report|log) of (our|my) (end[\s-]users|users|customers|employees|staff|members|patients|students|accounts|records|data subjects)\b (who|whose|that|which)\b/,
  },
  {
    // "list the session cookie values currently issued to our users": the live values of the
    // buyer's tenant, not a practice.
    reason: "asks for identifiers or details of the buyer's tenant, which are not answered in a questionnaire",
    pattern:
      /\b(list|provide|give|send|share|show|tell us)\b.*\b(issued|applied|assigned|configured|set) (to|for|on) (our|my) (users|workspace|tenant|account|instance|subscription)\b/,
  },
];

/**
 * Which of BUYER_SPECIFIC's patterns match a text, in the list's order, each tried only at the
 * words that can begin a match of it (concept-finder.ts): testing all of them at every position
 * of every question was a twentieth of matching one. The first is what `find` would return.
 */
const buyerSpecificMatches = conceptFinder(
  BUYER_SPECIFIC.map((b, k) => ({ token: String(k), patterns: [b.pattern], test: b.pattern })),
);

/** The reason of the first BUYER_SPECIFIC pattern the normalized ask matches, or null. */
function buyerSpecificReason(askNormalized: string): string | null {
  const first = buyerSpecificMatches(askNormalized)[0];
  return first === undefined ? null : (BUYER_SPECIFIC[Number(first)]?.reason ?? null);
}

// After "?" or "!" a sentence may start in lower case ("Will you sign a BAA? a few of our customers
// are clinics"); after "." a lower-case word is more often an abbreviation's ("e.g. laptops"). An
// abbreviation's full stop ends no sentence, even before a name ("(e.g. Shield Advanced, Cloudflare)").
const splitSentences = (text: string): string[] =>
  text
    .split(
      /(?<=[.?!:;])(?<!\b(?:[eE]\.[gG]|[iI]\.[eE]|vs|incl|approx|esp|cf|viz|Inc|Ltd|Corp)\.)\s+(?=[A-Z(])|(?<=[?!])\s+(?=[a-z])|\n+/,
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** A sentence that asks: ends in "?", or opens with an ask verb or a question word. */
function isAsk(sentence: string): boolean {
  const s = normalizeText(sentence).replace(/^(\(?[a-z0-9]{1,3}[.)]\s*)+/, "");
  if (/\?\s*$/.test(sentence)) return true;
  // "Where an application parses XML supplied by users, a misconfigured parser can…" sets a scene;
  // "If your application uses JWTs, explain how…" asks after its condition. A sentence that opens
  // with a subordinate clause asks only when its main clause does.
  const clause = SUBORDINATE_OPENER.exec(s);
  if (clause) {
    const main = s.slice(clause[0].length).replace(/^[^,]*,\s*/, "");
    return main !== s.slice(clause[0].length) && (CLOSED_OPENER.test(main) || OPEN_OPENER.test(main));
  }
  return CLOSED_OPENER.test(s) || OPEN_OPENER.test(s) || /^if (so|yes|you)\b/.test(s);
}

/**
 * A subordinate clause before the main one: a condition or a scene ("If your application uses…",
 * "Where an application parses…", "When users connect…"), not a question word ("Where is…", "When did…").
 */
const SUBORDINATE_OPENER =
  /^(if|where|when|whenever|while|once|because|since|although|though|unless)\s+(?!(so|yes|no|not|applicable|relevant|is|are|was|were|do|does|did|can|could|will|would|shall|should|has|have|had|you|and|or)\b)/;

/** "Are <topic> policies reviewed and updated at least annually?": the review-cycle template. */
const REVIEW_TEMPLATE =
  /\b(polic(y|ies)|procedures?|standards?|plans?|programs?|programmes?)\b.*\b(reviewed|updated|revised|re-?evaluated)\b.*\b(annually|yearly|(at least )?(once )?(a|per|every|each) year|at least annually|periodically|regularly|at planned intervals|every \w+ (months|years))\b/;

const REVIEW_VERBS = new Set(["reviewed", "updated", "approved"]);
/** The security policy set as a whole, not one topic's policy: "(your) (information) security". */
const WHOLE_POLICY_SET =
  /^((your|our|the|company|corporate|overall|organi[sz]ation'?s?) )*((information|it|cyber) )?security$|^(infosec|cybersecurity)$/;

/** The text minus governance boilerplate, or "" when nothing of substance is left. */
function stripGovernance(text: string): string {
  let topic = text;
  for (const p of GOVERNANCE_WORDS) topic = topic.replace(p, " ");
  topic = topic
    .replace(/[^a-z0-9' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return topic.split(" ").filter((w) => w.length > 1).length >= 1 ? topic : "";
}

/**
 * A purpose clause after the template's last verb: "… evaluated and maintained to guide appropriate
 * planning, delivery, and support of the organization's application security capabilities". It
 * restates the topic in generic words ("planning", "support", "capabilities") that match product
 * entries; the topic itself came before the verbs.
 */
const TRAILING_PURPOSE =
  /^\W*((in order |so as )?to (guide|ensure|support|enable|provide|help|facilitate|govern|direct|drive|maintain|meet|achieve|address|inform|establish)|such that|so that|in a (way|manner) that|whereby|which|that)\b/;

/**
 * A relative clause between a template's topic and its verbs: "a security incident response plan
 * that includes relevant internal departments, impacted customers and other business-critical
 * relationships … established, documented…". It lists what the topic covers; the topic came first.
 */
const INNER_CLAUSE =
  /\b(that|which) (includes?|covers?|involves?|address(es)?|considers?|incorporates?|specif(y|ies)|outlines?|describes?)\b.*?(?=\b(is|are|be|been|has|have)? ?(established|documented|approved|communicated|applied|evaluated|maintained|defined|implemented|enforced)\b)/;

/** A parenthesis, unless it is a short note on how to answer ("(if applicable)", "(yes/no)"): an aside. */
const PARENTHESIS =
  /\((?!\s*(?!(if|optional|required|mandatory|please|yes|no|specify|describe|explain|select|see|note|where|when|as)\b)(?:[a-z'-]+\s*){1,3}\))[^()]*\)/gi;

/**
 * Asides that do not change what is asked: a parenthesis ("(including any relevant supply chain
 * breaches)", "(regardless of whether asset management is internal or external)") and the
 * compliance qualifier every control framework appends ("as per applicable SLAs, laws, and
 * regulations", "in accordance with industry best practices"). They stay context: a parenthesis
 * sometimes spells out the topic ("(SSRM)"), and the qualifier's words are shared by every
 * compliance entry, so read in full they pull the question towards them.
 */
const ASIDES = [
  // The standard or clause a question is framed by ("In line with SOC 2 CC6.1, is access…", "…, in
  // line with NIS2 Art. 21(2)(d)?", "consistent with ISO 27001 control A.8.5"): where the buyer took
  // the question from, not what it asks. A standard asked about ("Is your SOC 2 report…") is not framed so.
  /\b(in line with|in accordance with|pursuant to|consistent with|as required by|aligned with|as per|per|under)( the)? ((soc ?2|iso(\/iec)? ?27001(:2022)?|iso|nis ?2|gdpr|dora|hipaa|pci[ -]?dss|nist( (sp )?[\w.-]+)?)( ((control|criterion|requirement|article|art\.?|section|clause|§) ?)?[a-z]{0,3}\.?\d[\d.()a-z]*)?|(art\.?|article|section|§) ?\d[\d.()a-z]*( (and|&) \d[\d.()a-z]*)?( (gdpr|dora|nis ?2|hipaa))?)(?=\W|$)/gi,
  // A short gloss that names the topic ("subcontractors (fourth parties)", "(SSRM)", "(BYOD)") is not
  // an aside: up to three words, letters only, it stays in what is asked. Numbers, lists and
  // examples ("(last 12 months)", "(access / erasure)", "(e.g. AWS, GCP)") remain asides.
  PARENTHESIS,
  // The security triad qualifies anything ("the confidentiality, integrity and availability of
  // backup data"): the topic is what follows it.
  /\b(the )?confidentiality,? integrity,? (and|&) availability( of)?\b/gi,
  /\b(as per|per|according to|in accordance with|as required by|as permitted by|consistent with|in line with|as deemed appropriate by|as determined by|as justified by)( (all|any|the|its|their|respective|relevant|applicable|organi[sz]ational|local))* (slas?|laws?|regulations?|legal|statutory|contractual|standards?|industry|best practices?|requirements|the business|the organi[sz]ation|risk)\b[^.?;:]*/gi,
  // How often qualifies what is done ("network configurations reviewed at least annually"): the
  // practice is the topic. A frequency question ("how often…") is read by its intent, not here.
  /\b(at least |no less than |a minimum of )(once )?(annually|yearly|quarterly|monthly|weekly|daily|(a|per|every) (year|quarter|month|week)|every \w+ (months|years|weeks))\b|\b(and )?(periodically|on a (regular|periodic) basis)\b|\b(on )?(an? )?(daily|weekly|monthly|quarterly|annual|yearly|regular|periodic|ongoing|continuous)\s+basis\b/gi,
  // The contents NIST's "-1" controls list for every policy ("an access control policy that addresses
  // purpose, scope, roles, responsibilities, management commitment, coordination … and compliance"):
  // the same for every topic, so the policy's topic is what is asked.
  /,? ?\b(that|which) (addresses|covers|includes|defines|sets out|describes|specifies|documents|states|establishes|contains) (the |its )?(purpose|scope),? (and )?(scope|purpose|roles)\b[^?;]*/gi,
  // The sign-off SIG-style rows put on every programme ("Is there an asset management program
  // that has been approved by management, communicated to constituents and an owner to maintain and
  // review the program?"): the programme's topic is what is asked. The owner clause is written many
  // ways ("and assigned an owner responsible for its maintenance and review", "has a named owner
  // accountable for reviewing it"); read as words, "owner" and "responsible" took it to the roles entry.
  /,? ?\b((that|which) )?((has|have) )?(been )?(formally )?(approved|endorsed|sanctioned) by (senior |executive |top )?(management|leadership|the board)(,? (communicated|distributed|disseminated) to (its |all |appropriate |relevant )*(constituents|staff|employees|personnel|stakeholders))?(,? (and )?(with |has |have )?(been )?(assigned )?(an|a designated|a named) owner( assigned)?( (to|responsible for|accountable for) (its |their |the )?(maintaining|maintenance|maintain|reviewing|review)( (and|&) (maintaining|maintenance|maintain|reviewing|review))?( (of )?(it|them|the program|the programme|the policy|the plan|this program))?)?)?/gi,
  // The owner clause alone after a programme, policy or plan ("Is there a documented privacy program
  // with an assigned owner?"): the sign-off above without its approval; read as words, "assigned
  // owner" took the question to the roles entry. A register's or asset's owners stay what is asked.
  /(?<=\b(programs?|programmes?|polic(y|ies)|plans?)),? (with|and has|that has) (an? |its )?(assigned |designated |named |accountable |responsible )?owner( assigned)?( (to|responsible for|accountable for) (its |their |the )?(maintaining|maintenance|maintain|reviewing|review)( (and|&) (maintaining|maintenance|maintain|reviewing|review))?( (of )?(it|them|the program|the programme|the policy|the plan))?)?(?=\W|$)/gi,
  // NIST's "throughout the (respective) system development life cycle(s)" after a practice (3.4.1
  // baselines, SA-11 testing): when the practice holds, not what it is.
  /,? ?\b(throughout|across) the (respective |entire |whole |full )?system development life ?cycles?\b/gi,
  /\b(at (pre-?)?(planned|defined|regular|scheduled) intervals|((and|or|and\/or) )?(after|upon|following|when|whenever|in response to|if) (any )?(significant|major|material) ([\w-]+ ){0,3}changes?( (occur|occurs|take place|happen))?|for (continual|continuing|continued|ongoing) (effectiveness|suitability|adequacy)|(to ensure|ensuring) (their |its )?(continu\w+ )?(effectiveness|suitability|adequacy))\b/gi,
];

/**
 * Per ASIDES pattern, in its order: literals (lower case) one of which every match of it contains,
 * read off its source by hand. A non-unicode case-insensitive pattern matches ASCII letters only
 * as ASCII letters, so a match is one of these in the lower-cased text as well. A pattern added to
 * ASIDES needs its literals here (checked when the module loads).
 */
const ASIDE_LITERALS: readonly (readonly string[])[] = [
  [
    "per",
    "under",
    "in line with",
    "in accordance with",
    "pursuant to",
    "consistent with",
    "as required by",
    "aligned with",
  ],
  ["("],
  ["confidentiality"],
  [
    "per",
    "according to",
    "in accordance with",
    "as required by",
    "as permitted by",
    "consistent with",
    "in line with",
    "as deemed appropriate by",
    "as determined by",
    "as justified by",
  ],
  ["at least ", "no less than ", "a minimum of ", "periodically", "basis"],
  ["purpose", "scope"],
  ["approved by", "endorsed by", "sanctioned by"],
  ["owner"],
  ["system development life"],
  ["intervals", "change", "effectiveness", "suitability", "adequacy"],
];

if (ASIDE_LITERALS.length !== ASIDES.length) throw new Error("ASIDE_LITERALS must list literals for each of ASIDES");

/** Per ASIDES pattern: whether lower-cased text holds one of its literals, as one case-sensitive scan. */
const ASIDE_NEEDS = ASIDE_LITERALS.map(
  (literals) => new RegExp(literals.map((l) => l.replace(/[()]/g, "\\$&")).join("|")),
);

/**
 * The hedges control catalogues (CIS, NIST, PCI) put on a safeguard ("where supported", "where
 * appropriate", "at a minimum") say how far it applies, never what it is. Unlike an aside they are
 * dropped, not kept as context: as words they lowered the coverage of the safeguard's own entry
 * ("Is traffic filtered between network segments where appropriate?").
 */
const HEDGES =
  /,? ?\b((where|when|wherever|whenever) ((it|that|this) is |(it|that|this)'s |they are )?(technically )?(appropriate|possible|feasible|supported|available|offered|applicable|practicable|practical|necessary|needed|required|relevant)|(where|wherever) (the |a |an )?(device|service|system|platform|software|product|application|app|vendor|provider|tool)s? (allows?|supports?|offers?|permits?|enables?) (it|this|that|them)|as (appropriate|needed|necessary|applicable|required)(?! by\b)|if (applicable|appropriate|possible|feasible|supported)|to the (extent|degree) (possible|practicable|feasible)|at a minimum)\b,?/gi;

/** A word every hedge ends with: most questions have none, and then the hedge pass is skipped. */
const ANY_HEDGE =
  /appropriate|possible|feasible|supported|available|offered|applicable|practica|necessary|needed|required|relevant|minimum|where/i;

/** A control reference followed by its title in parentheses: "safeguard 6.4 (…)", "control AC-2 (…)". */
const CONTROL_TITLE =
  /\b(safeguards?|controls?|sub-?controls?|requirements?|practices?|measures?|articles?|clauses?) ((\w{1,4}[.-]?)?\d+(\.\d+)*(\([a-z0-9]+\))*) \(([^()]*)\)/gi;

/**
 * Which systems a practice covers, in a regime's words ("…when accessing systems that contain
 * ePHI", "…for the systems that would hold our data", "systems housing cardholder data", NIST SP
 * 800-171's "organizational systems containing Controlled Unclassified Information (CUI)"): the
 * scope of every question in such a questionnaire, not its topic.
 */
const SYSTEMS_IN_SCOPE =
  /\b((on|to|for|in|within|across|of|into) |when accessing |accessing )(the |any |all |your )?(organi[sz]ational |information |it |production )?(systems?|environments?|applications?|servers?|workstations?|devices|endpoints|databases?|laptops)( (that|which) (would |will |may |might |can )?)?( ?(hold|holds|contain|contains|containing|house|houses|housing|store|stores|storing|process|processes|processing|handle|handles|handling|host|hosts|hosting|access|accesses|accessing|transmit|transmits|transmitting))\b (our |the |any |customer |client |patient |patients' |member |institutional )?(e-?phi|phi|cardholder data|chd|cui|fci|controlled unclassified information( \(cui\))?|federal contract information( \(fci\))?|personal data|(patient |customer |client |institutional )?(data|information|records))(?!\w)/gi;
/** What SYSTEMS_IN_SCOPE needs, tried first: the system and its verb (the prepositions it starts with are everywhere). */
const SYSTEM_HOLDING =
  /\b(systems?|environments?|applications?|servers?|workstations?|devices|endpoints|databases?|laptops) (that |which )?(would |will |may |might |can )?(hold|contain|hous|stor|process|handl|host|access|transmit)/i;

/**
 * The asides one splitAsides call has taken off, gathered by a function made once (not a closure per
 * call: two per question were a measurable part of analysing one).
 */
let collected: string[] = [];
function collectAside(match: string): string {
  collected.push(match.replace(/^\(|\)$/g, ""));
  return " ";
}

/**
 * One kind of device or system a practice is applied to, as scope lists name them ("desktop
 * computers", "thin clients", "mobile phones", "virtual servers", "cloud services").
 */
const SCOPE_ITEM =
  "(?:(?:desktop|laptop|virtual|physical|mobile|smart|thin|personal|company|staff|end[\\s-]?user|user|work|office|corporate|hosted|cloud|windows|mac|linux|android|ios)\\s+)?(?:desktops?|laptops?|computers?|pcs|notebooks?|workstations?|servers?|tablets?|smartphones?|phones?|mobile devices|devices|thin clients?|clients|virtual desktops?|virtual machines|vms|hypervisors?|end[\\s-]?points|cloud services?|ipads?|iphones?|chromebooks?|macs)";
/**
 * A scope enumeration: three or more kinds of device joined as a list ("on all your desktop
 * computers, laptops, thin clients, servers, tablets and smartphones"). Cyber Essentials style
 * question sets repeat the full list in every row to say where a practice applies; read in full,
 * its five to seven rare words outweighed the practice asked about. It is read as "all devices",
 * the list kept as context. Two kinds ("company phones and tablets") are often the topic itself and stay.
 */
const SCOPE_ENUMERATION = new RegExp(
  `(?:\\b(?:on|for|across|to|in|of|within|from|by) )?(?:\\b(?:all|each|any|every)\\s+)?(?:\\bof\\s+)?(?:\\b(?:your|the|its|company|organisation'?s|organization'?s)\\s+)?\\b${SCOPE_ITEM}(?:\\s*,\\s*${SCOPE_ITEM}){1,}\\s*,?\\s+(?:and|or|and\\/or)\\s+${SCOPE_ITEM}\\b`,
  "gi",
);
function collectScope(match: string): string {
  collected.push(match);
  return " on all devices ";
}

/**
 * Where the tidying below has anything to do: space before punctuation, a run of spaces or another
 * white space, space at either end. Most texts have none (a normalized text with no aside taken off).
 */
const UNTIDY = /\s[\s,.?;:]|[^\S ]|^\s|\s$/;

/** Splits asides off a text: what it asks, and the asides (for context). */
export function splitAsides(text: string): { core: string; asides: string } {
  // "Implementation status of safeguard 6.4 (MFA for remote network access)": a parenthesis after a
  // control reference is the control's title, the topic itself, not an aside.
  // Each pass below that needs a character most questions lack (a parenthesis, a comma) is
  // skipped without it: a replace that cannot match still scanned the whole text.
  let core = text.includes("(") ? text.replace(CONTROL_TITLE, "$1 $2 $6") : text;
  if (ANY_HEDGE.test(core)) core = core.replace(HEDGES, " ");
  collected = [];
  // The aside patterns are case-insensitive, which the engine scans position by position: each is
  // run only when the lower-cased text holds one of the literals every match of it contains
  // (lower-cased again after a replacement, which may join two pieces into one).
  let lower = core.toLowerCase();
  for (let k = 0; k < ASIDES.length; k++) {
    if (!(ASIDE_NEEDS[k] as RegExp).test(lower)) continue;
    const replaced = core.replace(ASIDES[k] as RegExp, collectAside);
    if (replaced === core) continue;
    core = replaced;
    lower = core.toLowerCase();
  }
  if (SYSTEM_HOLDING.test(core)) core = core.replace(SYSTEMS_IN_SCOPE, collectAside);
  if (core.includes(",")) core = core.replace(SCOPE_ENUMERATION, collectScope);
  const asides = collected;
  if (UNTIDY.test(core))
    core = core
      .replace(/\s+([,.?;:])/g, "$1")
      .replace(/\s+/g, " ")
      .trim();
  // Nothing but asides (a row that is one parenthesis): keep the text as it is.
  if (!/[a-z]{3}/i.test(core)) return { core: text, asides: "" };
  return { core, asides: asides.join(" ") };
}

/** Qualifiers of control-framework wording that name where, not what ("on organizationally managed assets"). */
const SCOPE_QUALIFIERS =
  /\b(on|for|across|of|within|throughout) (all |the )?(organi[sz]ationally[ -]|organi[sz]ation[ -])?(owned( or| and)? )?managed (physical and virtual |physical or virtual )?(assets|endpoints|devices)\b|\b(for|of|within|throughout) the (cloud service offering|organi[sz]ation)\b|\bthroughout the supply chain\b/g;

/**
 * Plain-English forms of the control verbs: a template in a buyer's own words ("defined, put into
 * practice and checked for effectiveness") is the same template as "defined, implemented and
 * evaluated", and its topic is read the same way.
 */
const PLAIN_TEMPLATE_VERBS: readonly (readonly [RegExp, string])[] = [
  [/\bput into (practice|effect|operation)\b/g, "implemented"],
  [/\b(checked|assessed|reviewed|tested|measured) for (their |its )?effectiveness\b/g, "evaluated"],
  [/\bkept (up[\s-]to[\s-]date|current)\b/g, "maintained"],
  [/\b(written down|set down in writing|recorded in writing)\b/g, "documented"],
  [/\bsigned off\b/g, "approved"],
  // NIST SP 800-53's "-1" controls: "develop, document, and disseminate a <topic> policy".
  [/\bdevelops?,? documents?,? and disseminates?\b/g, "established, documented and communicated"],
  [
    /\b(made known|explained|shared) (to|with) (all )?(relevant |appropriate |affected )?(staff|personnel|employees|the workforce)\b/g,
    "communicated",
  ],
  // "written" in the list of control verbs ("… for logging and monitoring written, approved,
  // communicated and reviewed"), not "written in Go" or "a written policy".
  [
    /\bwritten(?=\s*,|\s+(and|or)\s+(established|approved|communicated|applied|evaluated|maintained|defined|implemented|enforced|reviewed|updated|published|disseminated|followed|adopted|tested)\b)/g,
    "documented",
  ],
];
/** Any of the phrases above: most questions have none, and then no replacement runs. */
const ANY_PLAIN_TEMPLATE_VERB =
  /\b(put into|effectiveness|kept (up|current)|written down|set down|recorded in writing|signed off|made known|explained to|shared with|written|disseminates?)\b/;
const canonicalTemplateVerbs = (text: string): string =>
  ANY_PLAIN_TEMPLATE_VERB.test(text)
    ? PLAIN_TEMPLATE_VERBS.reduce((t, [pattern, verb]) => t.replace(pattern, verb), text)
    : text;

/** A template whose subject is changes ("all changes to the production environment", "system changes"). */
const CHANGES_AS_SUBJECT =
  /^((all|any|every|the) )*((system|software|application|infrastructure|code|configuration|network|emergency|production|normal|standard|proposed|significant|major) )*changes\b/;
/** What change control does to a change: the verbs that are the practice, not boilerplate. */
const CHANGE_CONTROL_VERBS = new Set(["documented", "approved", "tested", "reviewed", "implemented"]);

/**
 * The topic of a governance template, split into what it is about (matched in full) and the
 * template's purpose clause and scope qualifiers (matched at context weight), or null.
 */
function governanceTopic(
  plainNormalized: string,
  plainWhole = plainNormalized,
): { topic: string; rest: string } | null {
  const normalized = canonicalTemplateVerbs(plainNormalized);
  const whole = canonicalTemplateVerbs(plainWhole);
  const verbs = [...normalized.matchAll(GOVERNANCE_VERBS)];
  const distinct = new Set(verbs.map((v) => v[0])).size;
  // Three control verbs make a template; two do when the subject is a policy, process or plan
  // ("Is a user access provisioning process defined and implemented which…").
  const template = distinct >= 3 || (distinct === 2 && GOVERNANCE_NOUN.test(normalized));
  if (!template && !REVIEW_TEMPLATE.test(whole)) return null;
  const last = verbs.at(-1);
  const tailAt = last ? (last.index ?? 0) + last[0].length : normalized.length;
  const purpose = TRAILING_PURPOSE.test(normalized.slice(tailAt)) ? normalized.slice(tailAt) : "";
  const head = normalized.slice(0, normalized.length - purpose.length);
  const inner = head.match(INNER_CLAUSE)?.[0] ?? "";
  const withoutInner = inner ? head.replace(inner, " ") : head;
  const qualifiers = [...(withoutInner.match(SCOPE_QUALIFIERS) ?? []), inner].join(" ");
  const core = stripGovernance(withoutInner.replace(SCOPE_QUALIFIERS, " "));
  // Keep the whole text as the topic when the purpose clause or a qualifier is all there is.
  if (core === "") {
    const whole = stripGovernance(normalized);
    return whole === "" ? null : { topic: whole, rest: "" };
  }
  // "Are (information) security policies reviewed and updated annually?" asks about the review cycle
  // of the policy set: its topic would be only "security", which every policy entry shares, so the
  // review is kept as what is asked. A topic's own policy ("change management policies reviewed…")
  // is still answered from that topic's entry.
  const reviewCycle =
    WHOLE_POLICY_SET.test(core) && REVIEW_TEMPLATE.test(whole) && verbs.every((v) => REVIEW_VERBS.has(v[0]));
  // "Is the incident response plan tested and updated…?": with one or two verbs, testing is the practice
  // asked about (the plan's test, not the plan), not a verb of the long boilerplate list.
  const tested = distinct <= 2 && verbs.some((v) => v[0] === "tested");
  // "Are changes to production systems documented, tested and approved?": for changes, the verbs are
  // the practice (change control), not a template's boilerplate around a policy.
  const changeControl = CHANGES_AS_SUBJECT.test(core)
    ? verbs.map((v) => v[0]).filter((v) => CHANGE_CONTROL_VERBS.has(v))
    : [];
  const asked = [
    reviewCycle ? "reviewed" : "",
    tested && changeControl.length === 0 ? "tested" : "",
    ...new Set(changeControl),
  ]
    .filter(Boolean)
    .join(" ");
  return { topic: asked ? `${core} ${asked}` : core, rest: stripGovernance(`${purpose} ${qualifiers}`) };
}

function intentOf(normalized: string, closed: boolean, governance: boolean): QuestionIntent {
  if (governance) return "governance";
  if (/\b(how (often|frequently)|frequency|at what interval|how regularly)\b/.test(normalized)) return "frequency";
  if (
    /^(who|whom|which (person|role|team|individual|function))\b|\bwho (is|are) (responsible|accountable)\b/.test(
      normalized,
    )
  )
    return "who";
  if (
    /^where\b|\bin which (country|countries|region|regions|location|locations|data ?cent(er|re)s?)\b/.test(normalized)
  )
    return "where";
  if (
    /^how (long|soon|quickly|fast)\b|\bwithin (what|how many)\b|\bwhat is the (retention|notification) (period|time)/.test(
      normalized,
    )
  )
    return "duration";
  if (
    /^(please )?(provide|share|attach|upload|send|submit) (a |the |your )?(copy|copies|latest|current|most recent)\b/.test(
      normalized,
    )
  )
    return "document";
  return closed ? "practice" : "describe";
}

/**
 * Questions already read, by text alone. Answering reads a question several times (whether it is
 * a follow-up, its query, whether a Yes admits a lapse), and a questionnaire repeats its
 * questions; the reading depends on the text, and on the row before only for a follow-up's
 * context. Frozen, since every caller shares them; cleared when full, so memory stays bounded.
 */
const readAlone = memoByText((text) => Object.freeze(readQuestion(text)), 10_000);

/**
 * Reads one question. `previous` is the text of the row before it in the same sheet, when known:
 * a follow-up is matched in the light of it.
 */
export function analyzeQuestion(text: string, previous?: string | null): QuestionAnalysis {
  const alone = readAlone(text);
  // The row before is read as the end of a follow-up's context, and nowhere else.
  if (!alone.followUp || !previous) return alone;
  return { ...alone, context: alone.context ? `${alone.context} ${previous}` : previous };
}

/**
 * A reference written before the question in its own cell: "3.1.8 Does…", "A.5.35 - Is…", "HAPP-02
 * Are…", "A&A-01.1 Are…", "CIS 4.7 - Manage…", "PR.AA - Is…", "1) Do…". It names the row, not the topic: read as
 * words, its numbers matched "TLS 1.2" and "SOC 1" and diluted the ask. A certification or standard
 * named first ("SOC 2 Type II - current?", "ISO 27001 certified?") is the topic and stays.
 */
const FRAMEWORK_BEFORE_REFERENCE =
  "(NIST\\s+)?(CSF(\\s*(v|version\\s*)?2(\\.0)?)?|(SP\\s*)?800-(53|171)[AB]?(\\s*(r|rev\\.?\\s*)\\d)?)";
const LEADING_REFERENCE = new RegExp(
  [
    // A framework's name before its own reference ("CSF PR.AA-01 –", "NIST SP 800-53 AC-2:",
    // "800-171 3.1.1") belongs to the reference: only the reference after it makes it one.
    `^\\s*(${FRAMEWORK_BEFORE_REFERENCE}\\s+)?(?!(${STANDARD_NAMES})(\\b|\\d))(`,
    [
      // "1) ", "2. ", "(3) ", "(b) "
      "(\\(?(\\d{1,3}|[a-z]{1,2})[.)])+",
      // "3.1.8", "4.2.1)"
      "\\d{1,3}(\\.\\d{1,3})+[a-z]?\\)?",
      // "A.5.35", "HAPP-02", "A&A-01.1", "CIS 4.7", "Q17", "IR-4(1)"
      "[A-Z]{1,8}([.&][A-Z]{1,8})?[-_. ]?\\d{1,3}([.\\-_]\\d{1,3})*[a-z]?(\\([a-z0-9]{1,4}\\))*",
      // "PR.AA", "PR.AA-01"
      "[A-Z]{2}\\.[A-Z]{2}(-\\d{1,3})?",
      // "Annex I.B", "Schedule II", "Appendix IV.2"
      "([Aa]nnex|[Aa]ppendix|[Ss]chedule) [IVX]{1,5}\\b(\\.[A-Z0-9]{1,3})*",
      // "§164.308(a)(1)", "Req 8.3.1", "Art. 21(2)(d)", "Section 4.2", "Control 5.1"
      "(§+|([Rr]eq(uirement)?|[Aa]rt(icle)?|[Ss]ec(tion)?|[Cc]ontrol|[Cc]lause|[Pp]ara(graph)?|[Ii]tem|[Qq]uestion|[Nn]o)\\.?)\\s?\\d{1,3}(\\.\\d{1,3})*[a-z]?(\\([a-z0-9]{1,4}\\))*",
    ].join("|"),
    ')\\s*([-–—:.)]\\s*)?(?=[A-Z"“(])',
  ].join(""),
);

/**
 * The law an article reference is of, before the question ("Art. 30(2)(e) DORA – Describe…",
 * "Art. 21(2)(c) NIS2 – business continuity…", "Article 28(3) of the GDPR: does…"): part of the row's
 * reference. The question may go on in lower case after the dash.
 */
const LAW_OF_ARTICLE =
  /^(of (the )?)?(UK GDPR|GDPR|DORA|NIS ?2|HIPAA|CCPA|CPRA|FERPA|GLBA|PSD2)\s*[-–—:]\s*(?=[A-Za-z"“(])/;
const ARTICLE_REFERENCE = /^\s*(§|art(icle)?\b|sec(tion)?\b)/i;

export function withoutLeadingReference(text: string): string {
  const m = LEADING_REFERENCE.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  const law = ARTICLE_REFERENCE.test(m[0]) ? LAW_OF_ARTICLE.exec(rest) : null;
  return law ? rest.slice(law[0].length) : rest;
}

function readQuestion(original: string): QuestionAnalysis {
  const unreferenced = withoutLeadingReference(original);
  const text = withoutStatusScale(unreferenced);
  const normalized = normalizeText(text);
  const sentences = splitSentences(text);
  const asks = sentences.filter(isAsk);
  // A long question: context first, the ask last. Matching reads the ask in full and the context
  // at a lower weight (the context often names the topic: "… protect against clickjacking. If you do, how?").
  const focusSentences = sentences.length > 1 && asks.length > 0 && asks.length < sentences.length ? asks : sentences;
  const contextSentences = sentences.filter((s) => !focusSentences.includes(s));
  const askText = focusSentences.join(" ");
  const firstAsk = normalizeText(asks[0] ?? text).replace(/^(\(?[a-z0-9]{1,3}[.)]\s*)+/, "");

  // A template is read in the ask: context sentences around it ("We are interested in the
  // practical steps, not only the policy.") do not make a "Describe how…" ask a template.
  const askNormalized = normalizeText(askText);
  const plain = splitAsides(askNormalized);
  const topic = governanceTopic(plain.core, askNormalized);
  const askParts = splitAsides(askText);
  // Closed when it opens like a yes/no question. Otherwise closed unless it asks for words somewhere:
  // buyers' statements ("Encryption at rest - please confirm", "SSO supported") ask to confirm, while
  // "Key mgmt - who holds the keys, rotation period" or "Hosting region(s) - pls specify" ask for words.
  // A list of choices at the end ("Frequency (Monthly / Quarterly / Annually)", "How often? (Annually /
  // Never)") says how to answer, not what about: the row is read without it.
  const asked = withoutChoiceList(normalized);
  const closed =
    !(
      asked.includes(" or ") &&
      (WHO_DOES_IT.test(asked) || ALTERNATIVE_ASK.test(asked) || BARE_ALTERNATIVES.test(asked))
    ) &&
    (topic !== null ||
      CLOSED_OPENER.test(firstAsk) ||
      (!OPEN_OPENER.test(firstAsk) &&
        !OPEN_ANYWHERE.test(normalized) &&
        !OPEN_HEAD.test(firstAsk) &&
        !OPEN_TAIL.test(normalized) &&
        !TERSE_ASK_FOR_WORDS.test(normalized) &&
        !BARE_FACT.test(asked) &&
        !/^if\b/.test(firstAsk)));
  const contentWords = asked.split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  const followUp =
    FOLLOW_UP_OPENER.test(asked) ||
    BARE_FACT.test(asked) ||
    (contentWords.length <= 6 && pointsBack(text, contentWords.length) && !/\b(you|your)\b/.test(normalized)) ||
    isBareAsk(asked) ||
    BARE_ALTERNATIVES.test(asked) ||
    (contentWords.length <= 12 && DEMONSTRATIVE_SUBJECT.test(asked));
  // Read on the ask: a context sentence about the buyer's own policy ("our procurement policy asks
  // vendors for…") sets the scene, the ask is still about the vendor.
  const buyerSpecific = buyerSpecificReason(askNormalized);

  return {
    focus: topic?.topic ?? askParts.core,
    ask: askText.split(/\s+/).length >= 4 ? askText : text,
    context: [
      topic !== null ? [topic.rest, plain.asides].join(" ").trim() : askParts.asides,
      contextSentences.join(" "),
    ]
      .filter(Boolean)
      .join(" "),
    intent: intentOf(firstAsk, closed, topic !== null),
    closed,
    followUp,
    buyerSpecific,
    reference: original.slice(0, original.length - unreferenced.length).trim(),
  };
}
