import { stemmer } from "stemmer";
import { conceptFinder } from "./concept-finder.js";
import { PLAIN_LEAST_PRIVILEGE, SECURITY_CONCEPTS } from "./vocabulary.js";

/**
 * Words that carry no meaning in a questionnaire: function words, and the filler buyers wrap
 * every question in ("Does your organization…", "Please describe…").
 */
const STOPWORDS = new Set(
  (
    "a an the and or nor but of to in on at by for from with without as into onto over under about " +
    "is are was were be been being am do does did done doing have has had having will would shall should " +
    "can could may might must it its this that these those there here their they them we our us you your " +
    "yours i me my he she his her who whom whose which what when where why how whether if then than " +
    "so such any all each every some other own same also only just very please describe explain provide " +
    "detail details list outline indicate state confirm specify give share briefly e g eg ie etc yes no " +
    "organization organisation company firm business entity applicable " +
    "currently current ensure ensures ensured ensuring place process processes procedure procedures happen happens " +
    // Control-framework filler: "the organization employs mechanisms…", "organizational systems".
    "employ employs employed employing mechanism mechanisms organizational organisational " +
    // "ICT" (information and communication technology) qualifies everything in DORA-style rows: "ICT risk", "ICT-related incidents".
    "ict " +
    // Indefinite and reflexive pronouns, "like" and "able", which name nothing ("infringing anyone's
    // rights", "whoever is on shift", "are you yourselves…", "records like audit logs", "be able to"):
    // the ask's words are around them. Not "one", "both", "too", "rather", "someone" or "else": the
    // library writes them with a sense ("one tenant … another", "rather than shared"), and each cost a
    // right draft or made a wrong one when tried.
    "anyone anybody anything everyone everybody everything whoever whatever whichever " +
    "like themselves yourselves ourselves itself himself herself able " +
    // Buyers' shorthand for please: "Hosting region(s) - pls specify".
    "pls plz " +
    // What is left of a contraction once the apostrophe parts the word ("aren't" -> "aren", "t"): the
    // negation itself is read from the text, and a stub would only count as a word the entry lacks.
    "aren isn doesn don won haven hasn hadn wasn weren shouldn couldn wouldn didn mustn needn re ve ll"
  ).split(/\s+/),
);

/** Whether a lower-case word is one of those: function words and questionnaire filler. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Real words the library never writes that the rewrites below read as the library's own ("router"
 * beside a firewall is a network device): no typo, so the spelling corrector leaves them for the
 * rewrite ("router" is one edit from "route").
 */
const REWRITTEN_WORDS = new Set(["router", "routers"]);

/** Whether a lower-case word is one the tokenizer's rewrites read (the corrector leaves it alone). */
export function isRewrittenWord(word: string): boolean {
  return REWRITTEN_WORDS.has(word);
}

/**
 * The subject buyers put before the verb ("does the vendor encrypt") is always us: drop it. Not when
 * it begins a compound about suppliers ("your vendor risk management policy", "the supplier
 * contracts"): there it is the topic.
 */
const SUBJECT =
  /\b(the|your) (vendor|supplier|service provider|provider|company|organi[sz]ation|firm|contractor|bidder)('s)?\b(?! (risk|management|assessments?|due diligence|contracts?|agreements?|inventory|list|register|onboarding|offboarding|program|programme|polic(y|ies)|reviews?|monitoring|security|relationships?|selection|oversight)\b)/g;

/**
 * A public-sector RFP writes its requirements with a bare subject: "Vendor must notify…", "Contractor
 * shall encrypt…", "Offeror will provide…". That subject is us too: not a word to match, like "the
 * vendor" (only at the start of a sentence and before the requirement's verb: "vendor risk" stays the
 * topic). Dropped from the words only: the form of the sentence (a statement, not a question) is
 * read as written.
 */
const REQUIREMENT_SUBJECT =
  /(^|[.;:!?]\s+)(vendor|supplier|contractor|bidder|offeror|respondent|proposer|service provider|provider)(?= (must|shall|should|will|agrees to|is required to|warrants|certifies)\b)/g;

/**
 * Cloud questionnaires (CSA's among them) call the vendor "the CSP" and the buyer "the CSC" or
 * "cloud service customer": the provider is always us (dropped like the subject above), the
 * customer is the customer. "CSP" alone also means Content Security Policy, so only the plural
 * and "the CSP" before a verb are read as the provider; "cloud service provider" is kept, since
 * it names our hosting provider as often as us.
 */
const CLOUD_PROVIDER =
  /\bcsps\b|\bthe csp(?= (has|have|had|is|are|was|give|gives|provide|provides|maintain|maintains|perform|performs|conduct|conducts|ensure|ensures|notify|notifies|offer|offers|support|supports|allow|allows|use|uses|retain|retains|describe|describes|review|reviews|in place)\b)/g;
const CLOUD_CUSTOMER = /\b(cloud service customers?|cscs?)\b('s)?/g;

/**
 * British spellings Porter does not merge with the American ones, one-word "datacenter", and the
 * other words read as the library writes them, each pass in order. Exported for the fast-path test,
 * which runs every pass where normalizeText skips those a text cannot need.
 */
export const SPELLINGS: readonly [RegExp, string][] = [
  [/\bdata-?cent(er|re)(s?)\b/g, "data center$2"],
  [/\bcentre(s?)\b/g, "center$1"],
  [/\blicence(s?)\b/g, "license$1"],
  [/\bdefence\b/g, "defense"],
  [/\bbehaviour/g, "behavior"],
  [/\bprogramme(s?)\b/g, "program$1"],
  [/\banalys(e|ed|es|ing)\b/g, "analyz$1"],
  // "personal e-mail" is "personal email": read apart, the weak-practice marker missed it and an entry
  // asked the same way was answered in the opposite sense.
  [/\be-mail(s|ed|ing)?\b/g, "email$1"],
  // "3rd-party risk assessments done annually?": the concepts of suppliers read "third party".
  [/\b3rd([\s-]?)part(y|ies)\b/g, "third$1part$2"],
  // A protocol's version run on ("TLSv1.3", "SSLv3", "WPA2") is the protocol and its version.
  [/\b(tls|ssl|wpa)v?(\d)/g, "$1 $2"],
  // A writer whose first language counts data gives it a plural: "our datas", "the datas of the clients".
  [/\bdatas\b/g, "data"],
  // False friends of French, Spanish and Italian writers: "a formation about security" is training,
  // "secure programmation" coding, "the informatic systems" IT, "the politic for access control" a
  // policy, "cryptage" encryption, "double factor" two-factor, RGPD/DSGVO the GDPR, "antecedents
  // (penal record)" a background check, "a violation of datas" a data breach.
  [/\bformations?\b/g, "training"],
  [/\bprogrammation\b/g, "programming"],
  [/\binformatics?\b/g, "it"],
  [/\bpolitic\b/g, "policy"],
  [/\bcryptage\b/g, "encryption"],
  [/\bcrypt(ed|ing)\b/g, "encrypt$1"],
  [/\bdouble[\s-]factor\b/g, "two-factor"],
  [/\b(rgpd|dsgvo)\b/g, "gdpr"],
  [/\bantecedents\b/g, "background"],
  [/\bviolations? of (the )?(personal )?data\b/g, "data breach"],
];

/**
 * Texts already normalized. One question's text (and its ask, and its sentences) is normalized by
 * analysis, tokenizing, scope rules, drafting checks and citing, each a dozen regex passes; the
 * result depends on the text alone. Cleared when full, so memory stays bounded on a server.
 */
const normalizedTexts = new Map<string, string>();
const MAX_NORMALIZED = 10_000;

export function normalizeText(text: string): string {
  let t = normalizedTexts.get(text);
  if (t === undefined) {
    t = normalize(text);
    if (normalizedTexts.size >= MAX_NORMALIZED) normalizedTexts.clear();
    normalizedTexts.set(text, t);
  }
  return t;
}

/** Any character outside ASCII: only such a text has anything for NFKD and accent stripping to do. */
const NON_ASCII = /[\u0080-\uffff]/;
/** Two spaces in a row, or a space other than " " (tab, new line, no-break space): `\s+` has work to do. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;
/** Every SPELLINGS pattern contains one of these: a text without any needs none of them. */
const ANY_SPELLING =
  /3rd|cent|licence|defence|behaviour|programme|analys|e-mail|tls|ssl|wpa|datas|formation|programmation|informatic|politic\b|cryptage|\bcrypt(ed|ing)\b|double[\s-]factor|rgpd|dsgvo|antecedent|violation/;

/** A CRM field's API name as a row's only text: "vuln_scan_cadence", "Encryption_At_Rest__c", "mfaEnforced". */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*(?:(?:_+|(?<=[a-z0-9]{2})(?=[A-Z][a-z]{2}))[A-Za-z0-9]+)+(?:__c)?\??$/;

/** The words of a field's API name: underscores and the humps of camelCase become spaces. */
function fieldNameWords(text: string): string {
  return text
    .replace(/__c\b/, "")
    .replace(/_+/g, " ")
    .replace(/(?<=[a-z0-9]{2})(?=[A-Z][a-z]{2})/g, " ");
}

function normalize(text: string): string {
  // A sentence keeps its words as written ("JavaScript"), only "tenant_id" is parted.
  if (text.includes("_") || FIELD_NAME.test(text))
    text = /\s/.test(text.trim()) ? text.replace(/(?<=[A-Za-z0-9])_+(?=[A-Za-z0-9])/g, " ") : fieldNameWords(text);
  // Most questions are plain ASCII, which NFKD leaves as it is: the ICU call is skipped for them.
  const decomposed = NON_ASCII.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
  // Each pass runs only on a text that holds what it rewrites (its literal, checked first): most
  // questions hold none, and a pass with nothing to rewrite still scanned the whole text (`\s+`
  // rewrote every single space with one).
  let t = decomposed.toLowerCase();
  // "Backups w/o encryption?" asks about the lapse: the shorthand must read as the word.
  if (t.includes("w/"))
    t = t
      .replace(/\bw\/\s?o(ut)?\b/g, "without")
      .replace(/\bw\/in\b/g, "within")
      .replace(/\bw\/(?=\s|[a-z])/g, "with ");
  if (t.includes("&")) t = t.replace(/&/g, " and ");
  if (t.includes("’") || t.includes("‘")) t = t.replace(/[’‘]/g, "'");
  t = t.replace(SUBJECT, " ");
  if (t.includes("csp")) t = t.replace(CLOUD_PROVIDER, " ");
  if (t.includes("csc") || t.includes("cloud service customer")) t = t.replace(CLOUD_CUSTOMER, "customers");
  // Spaces are tidied only where a run of them, or another kind of space, is left to tidy.
  if (UNTIDY_SPACE.test(t)) t = t.replace(/\s+/g, " ");
  t = t.trim();
  if (ANY_SPELLING.test(t)) for (const [pattern, replacement] of SPELLINGS) t = t.replace(pattern, replacement);
  return t;
}

/** Concept tokens (§mfa, §transit…) found in already-normalized text. */
export function conceptsOf(normalized: string): string[] {
  return findConcepts(normalized);
}

/** One alternation per concept: a quarter of the regex runs of testing each pattern apart. */
const COMBINED = SECURITY_CONCEPTS.map((c) => ({
  token: c.token,
  patterns: c.patterns,
  test: new RegExp(c.patterns.map((p) => `(?:${p.source})`).join("|")),
}));
/** Runs only the concepts whose patterns could match one of the text's words (concept-finder.ts). */
const findConcepts = conceptFinder(COMBINED);

/**
 * Porter leaves some verb and noun of one family apart: "identified" / "identification"
 * (identifi / identif), "recovered" / "recovery" (recov / recoveri), "retained" / "retention". A
 * control framework writes the noun ("notification of breaches"), a buyer the verb ("are customers
 * notified"): one stem. Families whose verb is generic filler are left apart on purpose
 * ("maintained" is not "maintenance", "permitted" is not "permissions", "responsible" already
 * shares "response"'s stem).
 */
const NOUN_TO_VERB = new Map([
  ["retent", "retain"],
  ["destruct", "destroi"],
  ["revoc", "revok"],
  ["analysi", "analyz"],
  ["complianc", "compliant"],
  ["transmiss", "transmit"],
  // Plain English chooses what control language selects ("users choose passwords", "the selection
  // and use of passwords"): one stem for both verbs.
  ["choos", "select"],
  ["chose", "select"],
  ["chosen", "select"],
]);
function sameFamily(stemmed: string): string {
  if (stemmed.endsWith("ifi")) return stemmed.slice(0, -1);
  if (stemmed.endsWith("veri") && stemmed.length > 5) return stemmed.slice(0, -3);
  return NOUN_TO_VERB.get(stemmed) ?? stemmed;
}

/**
 * Irregular past forms, which Porter leaves apart from their verb ("written" / "write", "given" /
 * "giving", "held" / "hold"): a buyer asks "who writes your code?" of an entry that says "code is
 * written by our employees", "giving people access" of one where access "is given". Only verbs whose
 * past form has no other common sense: "left", "found", "broken", "led" and "saw" are words of their
 * own, a build is a version, and "kept" and "taken" are read in phrases of their own ("kept up to
 * date" is patching, "backups taken" their schedule).
 */
const IRREGULAR_FORMS = new Map([
  ["written", "write"],
  ["wrote", "write"],
  ["rewritten", "rewrite"],
  ["overwritten", "overwrite"],
  ["given", "give"],
  ["gave", "give"],
  ["held", "hold"],
  ["sent", "send"],
  ["told", "tell"],
  ["sold", "sell"],
  ["stolen", "steal"],
  ["stole", "steal"],
  ["lost", "lose"],
  ["sought", "seek"],
  ["brought", "bring"],
  ["taught", "teach"],
  ["withdrawn", "withdraw"],
  ["forgotten", "forget"],
  ["understood", "understand"],
  ["undertaken", "undertake"],
  ["overridden", "override"],
]);

const stemCache = new Map<string, string>();
/** The stem a lower-case word is indexed by. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // British -ise/-isation spellings share a stem with the American ones.
    s = stemmer((IRREGULAR_FORMS.get(word) ?? word).replace(/is(e|ed|es|ing|ation|ations)$/, "iz$1"));
    // Porter gives "utilities" and "utilization" one stem: power and cooling are not CPU load.
    if (/^utili[sz]/.test(word)) s = "utiliz";
    // Nor "production" and "product": production systems are not the product sold.
    if (/^productions?$/.test(word)) s = "production";
    s = sameFamily(s);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/**
 * Shorthand of one-line rows for the nouns of access and the environments ("Shared admin accts?",
 * "pwds", "creds", "Prod data in dev/QA?"): read as the words, both by the tokens and by drafting's
 * reading of a lapse (`inversion.ts`). A QA team is people, not an environment.
 */
export const ROW_SHORTHAND: readonly [RegExp, string][] = [
  [/\bpwds?\b/g, "password"],
  [/\baccts?\b/g, "account"],
  [/\bcreds\b/g, "credentials"],
  [/\bprod\b/g, "production"],
  [/\bdev\b/g, "development"],
  [/\b(qa|uat)\b(?! (team|engineers?|analysts?|staff)\b)/g, "test"],
];
const ANY_ROW_SHORTHAND = /\b(pwds?|accts?|creds|prod|dev|qa|uat)\b/;
/** The text with the row shorthand written out. */
export function expandRowShorthand(text: string): string {
  if (!ANY_ROW_SHORTHAND.test(text)) return text;
  for (const [pattern, word] of ROW_SHORTHAND) text = text.replace(pattern, word);
  return text;
}

/**
 * A non-specialist's everyday words for what the library names in its own terms ("the live system",
 * "staff who break the rules", "try changes out", "get their laptop back"): read as those terms, so a
 * plain-English question shares words with the entry that answers it. Each is bound to the context
 * that gives it that sense ("live" before a system, "break" before rules), not rewritten everywhere.
 */
const PLAIN_WORDS: readonly [RegExp, string][] = [
  // A university's questionnaire calls the customer "the Institution" and its data "institutional data".
  [/\binstitution(?:al|'s)? (data|information|records|content)\b/g, "customer $1"],
  [/\bthe institution(s?)\b/g, "the customer$1"],
  // The same questionnaires' other forms of the word: "institutional administrators", "an
  // institutional identity provider", "institution-provided credentials", "affected institutions".
  // "Financial", "credit" or "higher-education institutions" name a kind of organisation, not the customer.
  [/\binstitutional\b/g, "customer"],
  [
    /(?<!\b(?:financial|credit|education|educational|academic|k-12|peer|other)[\s-])\binstitution(s?)(?:'s|s')?\b/g,
    "customer$1",
  ],
  [REQUIREMENT_SUBJECT, "$1 "],
  // A public-sector RFP calls the buyer "the Agency" and its data "Agency data" ("Vendor must notify the
  // Agency of any incident involving Agency data"). "A government agency", "law enforcement agencies"
  // and "our agency's" official stay as written.
  [/(?<!\bour )\bagency (data|information|records|content)\b/g, "customer $1"],
  // A contract "available for signature" or "ready for execution" is one the vendor will sign ("DPA
  // available for signature?"); a malware or token signature is another word.
  [/\b(?:available|ready|offered|provided|sent) for (?:signature|signing|execution)\b/g, "available to sign"],
  // Buyers' one-word "anytime" is the library's "at any time".
  [/\banytime\b/g, "any time"],
  // A GDPR processor questionnaire names the parties by their roles under Article 28: "the Processor"
  // is the vendor answering (filler, like "the vendor"), "the Controller" and "Controller Personal
  // Data" are the customer and its data ("a processor agreement", "another processor", "acts as a
  // processor or as a controller" keep the word).
  [/\bthe processor(?:'s)?\b(?! (?:agreements?|terms|contracts?|clauses?|obligations|role)\b)/g, " "],
  [/\bthe controller(s?)(?:'s|s')?\b/g, "the customer$1"],
  [/\bcontroller(?= (?:personal )?data\b)/g, "customer"],
  // Its students' data, and the education records FERPA names, are personal data ("a student
  // information system" is a product).
  [
    /\bstudents?(?:'s|s')?(?: (?:and|or) (?:staff|employees?|faculty))? (?:data|records|identifiers|pii|information(?! systems?\b))\b|\beducation records\b/g,
    "personal data",
  ],
  // SIG's "Scoped Data" (and "client-scoped data", "scoped systems and data") is the data the
  // assessed service holds for the client: customer data.
  [/\b(?:client[\s-])?scoped (data|information)\b/g, "customer $1"],
  [/\bscoped systems and data\b/g, "systems and customer data"],
  [
    /\blive (systems?|platforms?|environments?|servers?|services?|data|databases?|infrastructure|site)\b/g,
    "production $1",
  ],
  [
    /\b(?:break|breaks|breaking|broke|broken)\b(?=(?: (?:the|your|our|its|their|any|company|security|information|internal))* (?:rules?|polic(?:y|ies)|procedures?|standards?)\b)/g,
    "breach",
  ],
  [/\b(?:try|tries|tried|trying) ((?:[\w-]+ ){0,2})out\b/g, "test $1"],
  [
    /\b(?:mak(?:e|es|ing)|made) (?:things|stuff|facts|answers|information) up\b|\bmade[\s-]up (?:answers|facts|information)\b/g,
    "hallucination",
  ],
  // "Do you get their laptop and badge back?" is the return of assets; "get back to you" is a reply.
  [
    /\b(?:get|gets|got|getting)\b((?: (?:their|the|his|her|its|all|any|company|work|old)\b[^.?;]{0,50}?)?) back\b(?! to\b)/g,
    "get$1 returned",
  ],
  [/\bpolice\b/g, "law enforcement"],
  // To "tell us" of a change, to be "told" before it: notified, the library's word.
  [/\b(?:tell|tells|telling|told) (us|you|customers?|the customers?|clients?|users|end users)\b/g, "notify $1"],
  [/\b(are|is|be|being|been|get|gets|got|were|was)((?: [\w-]+ly)?) told\b/g, "$1$2 notified"],
  // "Important data", "important records", the UK regulators' "important business services": what the
  // library calls critical. Not DORA's "critical or important functions" nor NIS2's "important entity",
  // each a defined term.
  [/\bimportant (data|records|information|files|documents|systems?|assets|business|services)\b/g, "critical $1"],
  // Plain verbs for control language's: to "stop someone from" doing a thing, or "stop it being done",
  // is to prevent it ("stops supporting" is to cease); to "deal with" a thing is to handle it.
  [
    /\bstop(?:s|ped|ping)?\b(?= (?:[\w'-]+ ){0,4}?(?:from|being|getting)\b)|\bstop(?:s|ped|ping)?\b(?= (?:people|users|staff|employees|someone|anyone|attackers|hackers|malware)\b)/g,
    "prevent",
  ],
  [/\b(?:deal|deals|dealt|dealing) with\b/g, "handle"],
  // "How do you make sure…" is "how do you ensure…": filler around the practice.
  [/\b(?:make|makes|making|made) sure\b/g, "ensure"],
  // Least privilege in plain words: "staff only have the privileges they need to do their current
  // job", "people are given only the access they require for their role".
  [
    new RegExp(
      `${PLAIN_LEAST_PRIVILEGE}(?: (?:to do|for|in) (?:their|his or her|the) (?:current )?(?:jobs?|roles?|work|duties))?\\b`,
      "g",
    ),
    "only have least privilege access",
  ],
  // A password "hard to guess", "that cannot easily be guessed" is what the library calls a strong one.
  [
    /\b(?:(?:hard|difficult|impossible)[\s-]to[\s-]guess|(?:(?:cannot|can't|can not|could not|couldn't|won't|will not|is not|isn't|not) (?:be )?(?:easily )?(?:be )?guessed)|not (?:easily )?guessable)\b/g,
    "strong",
  ],
  // A hard drive or hard disk is the disk the library writes of ("disk encryption", "the disk has been wiped").
  [/\bhard[\s-]?(?:drive|disk)(s?)\b/g, "disk$1"],
  // A router named beside a firewall ("firewalls and internet routers", "router / boundary firewall":
  // Cyber Essentials' "internet routers and hardware firewall devices") is a network device at the
  // boundary, as the library writes it; the library never writes "router". Alone ("which broadband
  // routers do your home workers use?") it stays a word the library does not know.
  // Two rewrites, each opening on a word: a lookbehind first made every scan of every text slow.
  [/\brouter(s?)\b(?=(?: [\w-]+){0,2}?(?:,| and| or| \/|\/| &) (?:[\w-]+ ){0,3}?firewalls?\b)/g, "network device$1"],
  [/\b(firewalls?(?:,| and| or| \/|\/| &) (?:[\w-]+ ){0,3}?)router(s?)\b/g, "$1network device$2"],
  // "Are admin rights taken away when no longer needed?", "take their access away": removed.
  [/\b(?:take|takes|taking|took|taken) ((?:[\w-]+ ){0,3}?)away\b/g, "remove $1"],
  [/\bethical hack(ers?|ing)\b/g, "pentest$1"],
  // A "non-proprietary" format or tool is a standard one, the word the library writes ("a standard,
  // machine-readable format"); split as "non" and "proprietary" it was two words no entry holds.
  [/\bnon[\s-]?proprietary\b/g, "standard"],
  // A "risk management framework" (DORA Art. 6's ICT risk management framework, an enterprise or
  // operational one) is the risk programme the library writes of as a "risk management program":
  // "framework" alone was a word only the AI entry's "AI risk management framework" held.
  [/\brisk management frameworks?\b/g, "risk management program"],
  // Operational-resilience rules (DORA, the PRA, Basel) test continuity against "severe but
  // plausible" scenarios: the regulator's qualifier of any scenario, not a topic of its own.
  [/\bsevere,? (but|yet|and) plausible\b/g, " "],
  // DORA's scope of a service, supplier or subcontractor: one "that supports critical or important
  // functions" (Art. 28-30) is the service itself; the clause says which services, never what is done
  // for them, and is words no entry writes. Only as that relative clause: "a critical or important
  // function of our firm" named on its own stays (the buyer's classification is its ask).
  [
    /\b(?:(?:that|which) (?:supports?|underpins?|delivers?)|supporting|underpinning) (?:any |our |the |your |its |a |one or more )?(?:of (?:our|the|your) )?critical or important functions?(?: (?:for us|of ours|we perform|we provide))?/g,
    " ",
  ],
  // To "subcontract any part of the services" is to use subcontractors for it, the library's words
  // ("Do you use subcontractors who process our data?"); the verb's stem is a word no entry writes.
  [
    /\bsub-?contracts? (?=(?:out |any |some |all |a |parts? |portions? |the |work |services? |functions? ))/g,
    "use subcontractors for ",
  ],
  // NIST SP 800-53/800-171 place a safeguard "at designated locations within organizational systems"
  // (SI-3, 3.14.2): where it applies, never what it is, and words no entry writes.
  [
    /\b(?:at|in) (?:designated|appropriate|defined|specified|selected) locations(?: (?:within|in|across|throughout) (?:the |its |all )?(?:organi[sz]ational |information )?(?:systems?|networks?))?/g,
    " ",
  ],
  // "…updated when new releases are available" (3.14.4, SI-3): kept up to date, as the library writes it.
  [
    /\bwhen(?:ever)? new (?:releases|versions|updates|signatures|definitions) (?:are|become|is|becomes) (?:made )?available\b/g,
    "kept up to date",
  ],
  [/\bkeep(s|ing)? ((?:[\w-]+ ){0,4}?)(?:secret|private)\b/g, "keep$1 $2confidential"],
  // Higher education's single sign-on by its names: Shibboleth is the SAML identity provider campuses
  // run, InCommon (US) and eduGAIN (international) the SAML federations they join; a campus identity
  // provider or directory is the customer's. The library writes "SAML" and "federated".
  [/\bshibboleth\b/g, "saml"],
  [/\b(?:incommon|edugain)(?: federation)?\b/g, "saml federation"],
  [
    /\bcampus(?=(?: saml| sso| single sign-on)? (?:identity providers?|idps?|directory|directories|credentials|accounts?|logins?|sso|single sign-on|saml)\b)/g,
    "customer",
  ],
];

/**
 * Compound words buyers write joined, hyphenated or spaced ("allowlist", "allow-list", "allow list";
 * "sub processor"; "life cycle"): each becomes one word, so the three spellings are one token. Only these compounds: most hyphenated phrases ("third-party", "role-based") are already
 * the same two tokens either way. "white"/"black"/"deny" lists are the allow and block lists.
 */
export const COMPOUNDS: readonly [RegExp, string][] = [
  [/\b(allow|white)[\s-]?list(s|ed|ing)?\b/g, "allowlist$2"],
  [/\b(block|black|deny)[\s-]?list(s|ed|ing)?\b/g, "blocklist$2"],
  // "anti-malware" is about malware: the joined spelling is split so that all three share "malware".
  [/\banti-?(virus|viruses|malware|spam|phishing|spyware)\b/g, "anti $1"],
  [/\be-mail/g, "email"],
  [/\bsub[\s-]?(processors?|processing|contractors?|contracting|contracted)\b/g, "sub$1"],
  [/\bpen[\s-]?(tests?|testing|testers?)\b/g, "pen$1"],
  [/\b(on|off)[\s-](boarding|boarded)\b/g, "$1$2"],
  [/\bback(ed|ing|s)?[\s-]ups?\b/g, "backup"],
  [/\btime[\s-](stamps?|stamped|stamping)\b/g, "time$1"],
  [/\bwork[\s-](stations?)\b/g, "work$1"],
  [/\bend[\s-](points?)\b/g, "end$1"],
  [/\blife[\s-](cycles?)\b/g, "life$1"],
  [/\bdata[\s-](bases?)\b/g, "data$1"],
  [/\bweb[\s-](sites?)\b/g, "web$1"],
  [/\b(up|down)[\s-]time\b/g, "$1time"],
  [/\bpass[\s-](phrases?)\b/g, "pass$1"],
  [/\bkey[\s-](loggers?|logging)\b/g, "key$1"],
  [/\bgeo[\s-](locations?|location|locating|fencing)\b/g, "geo$1"],
  [/\bcyber[\s-](security|attacks?|threats?|incidents?|risks?)\b/g, "cyber$1"],
  [/\b(de|re)-(provision\w*|certif\w*|validat\w*|authenticat\w*)\b/g, "$1$2"],
  [/\bpre-(employment|hire|hiring)\b/g, "pre$1"],
  [/\bmulti-(tenant\w*)\b/g, "multi$1"],
  [/\bransom[\s-]ware\b/g, "ransomware"],
  [/\bset[\s-]up\b/g, "setup"],
  // "own" as a verb ("Do you own and operate the data centres?") is the question's point; as an
  // adjective ("our own systems") it is filler and stays a stopword.
  [/\b(you|we|they|vendor|supplier|company|organi[sz]ation) own\b/g, "$1 owned"],
  // A Content Security Policy is a browser header, not a security policy: one token, so that "an
  // application security policy" does not match it on "security" and "policy".
  [/\bcontent[\s-]security[\s-]polic(y|ies)\b/g, "csp"],
  // The web platform's own names for what the library writes in plain words. HTTP spells the header
  // "Referer" (RFC 9110), the policy that governs it "Referrer-Policy": one word.
  [/\breferers?\b/g, "referrer"],
  // The frameworks' raw-HTML sinks (React's dangerouslySetInnerHTML, Vue's v-html, Angular's
  // bypassSecurityTrustHtml, the DOM's innerHTML and document.write, Rails' html_safe, Django's
  // mark_safe, Svelte's {@html}) are what the library calls raw HTML rendering.
  [
    /\b(?:dangerouslysetinnerhtml|v-html|(?:inner|outer)[\s-]?html|bypasssecuritytrusthtml|document\.write(?:ln)?|html[\s_]safe|mark[\s_]safe|@html)\b/g,
    "raw html rendering",
  ],
  // A CAPTCHA (reCAPTCHA, hCaptcha) is a challenge that tells people from bots: bot protection.
  [/\b(?:re|h)?captchas?\b/g, "captcha bot protection"],
  // IaC is infrastructure as code, the words the library writes.
  [/\biac\b/g, "infrastructure as code"],
  // Spreadsheet files by their formats: "CSV/XLSX exports" are the library's spreadsheet exports.
  [/\b(?:xlsx|xlsm|xls|ods)\b/g, "spreadsheet"],
  // A session that ends "regardless of activity" has an absolute timeout (OWASP's Session Management
  // Cheat Sheet), the library's word.
  [/\b(?:regardless|irrespective) of (?:any |user |session |their |the user'?s )?activity\b/g, "absolute"],
  // "Contextually encoded", "contextual output escaping": output encoded for its context.
  [/\bcontextual(?:ly)?\b/g, "context"],
  // Ending a session: "log out", "logout", "logs out", "sign-out", "signed out" are one word ("log off"
  // stays: the library writes HIPAA's "automatic logoff", and "sign-off" is an approval).
  [/\b(?:log|sign)(?:s|ged|ging|ed|ing)?[\s-]?outs?\b/g, "signout"],
  [/\bplug[\s-](ins?)\b/g, "plug$1"],
  // Abbreviations of buyers' one-line rows ("Key mgmt", "Min. TLS version", "prod env access"). "min"
  // and "max" after a number are minutes and a maximum count, left alone.
  [/\bmgm?t\b/g, "management"],
  [/\bcert\b/g, "certificate"],
  [/\b(iso|ssl|tls|pci|x\.?509) certs\b/g, "$1 certificates"],
  [/\bon[\s-]?prem\b/g, "on premises"],
  [/\btscs?\b/g, "trust services criteria"],
  // "ISO27001", "SOC2" written as one word are the standard and its number.
  [/\b(iso|soc)-?(\d{1,5})\b/g, "$1 $2"],
  // A SOC without a number or report is a security operations centre, not a SOC 1/2/3 report.
  [
    /\bsocs?\b(?![\s-]?(1|2|3|i|ii|iii|type|reports?|audits?|examinations?|attestations?|compliance|certif\w*)\b)/g,
    "security operations center",
  ],
  [/\bsrc\b/g, "source"],
  [/\bfde\b/g, "full disk encryption"],
  [/\bfreq\b/g, "frequency"],
  [/\binfo\b/g, "information"],
  [/\b(\d+) ?d\b/g, "$1 days"],
  [/\b(\d+) ?(hrs?|h)\b/g, "$1 hours"],
  // "Sec headers", "sec team"; "30 sec" is seconds.
  [/(?<!\d\s?)\bsec\b(?=\W+[a-z])/g, "security"],
  // "Emp bkgrnd checks".
  [/\b(bkgrnd|bkgrd|bkgd|backgrnd)\b/g, "background"],
  [/\bemps?\b/g, "employee"],
  [/\benvs?\b/g, "environment"],
  [/\bvulns?\b/g, "vulnerability"],
  // One-line RFP shorthand: "Log retention (yrs)", "last 12 mths".
  [/\b(yrs|yr)\b/g, "years"],
  [/\b(mos|mths)\b/g, "months"],
  [/\binfra\b/g, "infrastructure"],
  // "Unapproved apps", "a web app": an app is an application, the word the library writes.
  [/\bapps?\b/g, "application"],
  // "Hosting DCs", "Multi-AZ", "pentest exec summary": a data centre, an availability zone, an
  // executive summary. "Washington DC" and an Active Directory's domain controller are not.
  [
    /(?<!\bwashington,? )\bdc(s?)\b(?! (area|metro|office|region)\b)(?<!\b(ad|active directory|domain) dcs?)/g,
    "data center$1",
  ],
  [/\b(multi|single|across|per|each|one|two|three|separate|different|other|an?)[\s-]azs?\b/g, "$1 availability zones"],
  [/\bazs\b/g, "availability zones"],
  [/\bexec\b(?=\.? summar)/g, "executive"],
  // "Prod access JIT only", "Vuln scan cadence": the words the library writes.
  [/\bjit\b/g, "just-in-time"],
  [/\bcadence\b/g, "frequency"],
  // "Background chks", "API auth method", "Role based acces": shorter than the spelling corrector reads.
  [/\bchk(s?)\b/g, "check$1"],
  [/\bauth\b/g, "authentication"],
  [/\bacces\b/g, "access"],
  // "IR plan tested in last 12 months", "IR documented + tested": in a security questionnaire IR is
  // incident response (a governance template's topic may be the bare "IR").
  [/\bir\b/g, "incident response"],
  [/\bdepts?\b/g, "department"],
  ...ROW_SHORTHAND,
  [/\bauthn\b/g, "authentication"],
  [/\bauthz\b/g, "authorization"],
  [/(?<!\d\s?)\bmin\b(?=\W+[a-z])/g, "minimum"],
  [/(?<!\d\s?)\bmax\b(?=\W+[a-z])/g, "maximum"],
  // Plain English for a setting: "automatic updating switched on", "auto-run turned off" say what
  // the library writes as enabled and disabled (every form stems the same).
  [/\b(switch(ed|es)?|turn(ed|s)?) on\b/g, "enable"],
  [/\b(switch(ed|es)?|turn(ed|s)?) off\b/g, "disable"],
  // Wi-Fi is wireless networking: entries say either.
  [/\bwi[\s-]?fi\b|\bwlans?\b/g, "wireless"],
  // An account lockout is an account locked: "lockout" shares "lock" with "locked after five tries".
  [/\block[\s-]?outs?\b/g, "lock"],
  // "24/7", "24x7", "24 x 7", "24/7/365", "round-the-clock" and "around the clock" say one thing.
  [/\b24\s*(x|\/|-|by)\s*7(\s*(x|\/|-)\s*365)?\b|\b(around|round)[\s-]the[\s-]clock\b/g, "24x7"],
  ...PLAIN_WORDS,
];

/**
 * Which COMPOUNDS patterns match a text, in the list's order, each tried only at the words that can
 * begin a match of it (concept-finder.ts). Scanning the whole text for each group of a dozen patterns,
 * then with each pattern of a group that matched, was three quarters of reading a text's words.
 */
const findCompounds = conceptFinder(
  COMPOUNDS.map(([pattern], k) => ({
    token: String(k),
    patterns: [pattern],
    test: new RegExp(pattern.source, pattern.flags.replace("g", "")),
  })),
);
const matchingCompounds = (text: string): number[] => findCompounds(text).map(Number);

/**
 * The text with every COMPOUNDS rewrite made, in the list's order, each on the text as rewritten so
 * far: only the patterns that match are run, and after a rewrite the later ones are read again from
 * the new text (a rewrite can make or unmake their match), so the result is that of running them all.
 */
function joinCompounds(normalized: string): string {
  let text = normalized;
  let pending = matchingCompounds(text);
  for (let m = 0; m < pending.length; m++) {
    const k = pending[m] as number;
    const [pattern, joined] = COMPOUNDS[k] as [RegExp, string];
    const rewritten = text.replace(pattern, joined);
    if (rewritten === text) continue;
    text = rewritten;
    pending = matchingCompounds(text).filter((later) => later > k);
    m = -1;
  }
  return text;
}

/** Stemmed content words of normalized text, in order, duplicates kept (BM25 counts them). */
export function wordsOf(normalized: string): string[] {
  const out: string[] = [];
  const text = joinCompounds(normalized);
  for (const raw of text.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 && !/\d/.test(raw)) continue;
    if (STOPWORDS.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

/** The tokens a text is indexed and queried by: its stemmed words plus the concepts it names. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return [...wordsOf(normalized), ...conceptsOf(normalized)];
}
