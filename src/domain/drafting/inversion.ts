import { withoutChoiceList, withoutLeadingReference } from "../matching/analyze.js";
import { expandRowShorthand, normalizeText } from "../matching/tokenize.js";
import { memoByText } from "../text-memo.js";

/** Secrets, and the code that runs on the user's side: "api keys … in the front end js". */
const SECRETS = "(tokens?|api keys?|credentials|secrets|passwords?)";
/** What a model may be trained on: the customer's data in its usual names. */
const TRAINED_ON = "(data|content|inputs?|prompts?|information|records|files|uploads)";
/** People who are trained (on a subject), not a model trained on data. */
const TRAINEES =
  "(staff|employees?|personnel|workforce|workers?|members|developers|engineers|contractors|hires|people|everyone|individuals|teams?|administrators|admins|managers|agents|analysts)";
/** What "data" or "information" is a subject of training in: "data protection", "information security". */
const DATA_SUBJECT_MATTER =
  "(protection|handling|privacy|security|classification|governance|management|hygiene|breach(es)?|stewardship|confidentiality|ethics|literacy)";
const IN_CLIENT_CODE =
  "\\b(in|within) (your |the |any |our |their )?([\\w-]+'s )?(browser|client[\\s-]?side|front[\\s-]?end|javascript|js|mobile app)\\b";

/**
 * Whether a text asks about the weaker practice, so that its "Yes" is the bad answer ("Do admins
 * share accounts?", "Is TLS 1.0 still accepted?"). A question and the entry that answers it can be
 * phrased in opposite senses; when their senses differ the entry's Yes/No must be flipped.
 *
 * Each text gets one sense: does it describe a weak practice (any marker below, counted once,
 * however many there are), flipped by an explicit negation of the main verb ("Do you NOT…",
 * "… are prohibited"). Counting markers instead of asking "any?" made two descriptions of the same
 * weak practice ("BYOD devices not enrolled in MDM" vs "personal devices") look opposite.
 */
/**
 * What hardening turns off or disables ("auto-run turned off", "debug mode disabled", "unused accounts
 * are disabled"): switching such a thing off is the safeguard, not a lapse.
 */
const HARDENED =
  "auto-?run|auto-?play|macros?|debug( modes?)?|debugging|verbose errors?|directory listings?|guest accounts?|(unused|unnecessary|legacy) [\\w-]+";

/** Words that name a lapse whatever the practice (EXCEPTION_SHAPES). */
const LAPSE_WORD =
  "missing|lacking|absent|untested|unencrypted|unpatched|unreviewed|unmonitored|unmanaged|unsupported|unresolved|unaddressed|outdated|obsolete|stale|overdue|insecure|weak|leaked|lost|stolen|compromised|breached";
/** What a safeguard does to a lapse it finds: "weak ciphers disabled", "lost devices wiped". */
const REMOVED_BY_SAFEGUARD =
  "(disabl|block|reject|remov|prohibit|refus|forbid|forbidden|ban|banned|replac|retir|decommission|wip|revok|rotat|deactivat|uninstall|quarantin)\\w*";

const WEAK_PRACTICE = [
  // Software left to each user's choice: "let users install any apps they want", "whatever software they like".
  /\b(install|download|run|add|use)\b ([\w-]+ ){0,2}?(any|whatever|whichever) ([\w-]+ ){0,2}?(software|apps?|applications?|programs?|tools?|extensions?|plug-?ins?|add-?ons?)\b[^.;?]{0,30}\b(they|he|she) (want|wants|like|likes|choose|chooses|wish|wishes|please|pleases)\b/,
  /\bshar(e|ed|ing) (\w+ )?(accounts?|credentials|passwords?|logins?)\b/,
  /\bgeneric (accounts?|ids?|logins?)\b/,
  // …and in a list of their kinds: "shared, generic or group user IDs", "shared or generic admin credentials".
  /\b(shar(e|ed|ing)|generic)\b,? (((or|and|\/) )?(generic|group|team|common|shared|administrator|admin|administrative|service|root|privileged|user|login|system)\b,? ){0,4}((or|and) )?(accounts?|credentials|passwords?|logins?|ids?|authenticators?)\b/,
  /\b(plain ?text|clear ?text|unencrypted|unhashed|unpatched|unmanaged)\b/,
  /\bwithout (encryption|mfa|approval|review|authentication|testing|a? ?background|being)/,
  /\bwithout (a |an |the |any )?(valid |proper |appropriate |prior |formal )?(licen[cs]es?|authori[sz]ation|consent|permission|vetting|oversight|logging|monitoring)\b/,
  // "…engaging another processor without our prior specific or general written authorisation".
  /\bwithout (our|your|the (customer|client|controller)'?s?|their) (prior |specific |general |written |express |explicit |or )*(authori[sz]ation|consent|approval|permission|notice)\b/,
  // "…view our data without us granting access first?"
  /\bwithout (us|the (customer|client|controller)|our (admins?|administrators)) (first |explicitly |expressly )?(granting|giving|approving|authori[sz]ing|consenting|agreeing|allowing|knowing)\b/,
  // Customer data pasted into public AI tools.
  /\b(past(e|es|ed|ing)|upload(s|ed|ing)?|enter(s|ed|ing)?|put(s|ting)?|shar(e|es|ed|ing)) (\w+ ){0,3}(customer|client|personal|confidential|sensitive|company) (data|information)\b[^.?;]{0,20}\b(into|in|to|with) (chatgpt|public (ai|llms?|generative)|generative ai|ai (tools?|chatbots?)|llms?|gpt)/,
  // …or public AI tools used with it: "Are employees allowed to use public generative AI tools with customer
  // information?" (not a subject of training or policy: "trained on using public AI tools with customer data").
  /(?<!\b(on|about|in|against|for|of) )\b(use|using)\b (\w+ ){0,2}(public|consumer|free|personal) (generative )?(ai|llms?|chatbots?|gpt|chatgpt)( tools?| services?| models?| assistants?)?\b[^.;?]{0,20}\b(with|on|for) ((customer|client|personal|confidential|sensitive|company|our|your) ){1,3}(data|information|content)\b/,
  // "…root (or break-glass) account used for routine administrative work?"
  /\b(root|master|owner)( \(?or (root|master|owner|super[\s-]?admin\w*|global admin\w*|break[\s-]?glass)\)?)? (user |account|accounts|credentials)\b.*\bused (for|in|to) (day|everyday|daily|routine|regular|normal|do)/,
  // "Admin accounts are used only for admin work, never for reading email": the weak use named after
  // its "never" (which the negations then count), so the sentence reads as the safeguard.
  /\badmin(istrator|istrative)? (accounts?|ids?|credentials|tasks|work)\b[^.?;]{0,50}\bnever (used )?(for|to) (read(ing)? |check(ing)? )?(e-?mails?|web browsing|brows\w*|the internet)\b/,
  /\bwithout (any )?(restrictions?|limits?|controls?|supervision|a (ticket|change request)|being (approved|reviewed|logged))\b|\b(freely|at will)\b/,
  // "Is MFA optional (for users)?", not "Are optional AI features off by default?".
  /\b(is|are) (\w+ ){0,3}optional\b(?! (?!(for|to|on|in|at|and|or|by|when|if|during)\b)[a-z])/,
  /\bever (been )?(transferred|sent|moved|copied|disclosed|sold|exported|accessed by)\b/,
  /\b(subject to|(the )?subject of|received|paid|incurred|been issued) (any )?(regulatory |legal )?(fines?|penalt\w+|sanctions|enforcement actions?|litigation|lawsuits?|investigations?|regulatory enforcement)\b/,
  /\b(investigated|sued|prosecuted|fined|sanctioned) by\b|\bparty to (any )?(legal proceedings|litigation|lawsuits?)\b/,
  // A regulator's fine or order imposed on the vendor: "Has a supervisory authority imposed a fine, an
  // order or another corrective measure on you?", "Have any penalties been imposed?", "…ever issued
  // you a reprimand, a fine or a corrective order?"
  /\b(imposed|levied)\b[^.;?]{0,60}\b(on|against) (you|your (organi[sz]ation|company|firm|business))\b|\b(fines?|penalt\w+|sanctions|corrective (measures?|actions?))\b[^.;?]{0,40}\b(been |were |was )?(imposed|levied)\b|\b(issued|served|given) (to )?(you|your (organi[sz]ation|company|firm|business))\b[^.;?]{0,40}\b(fines?|penalt\w+|reprimands?|sanctions|orders?|corrective (measures?|actions?)|enforcement notices?)\b/,
  /\b(pending|ongoing|threatened|outstanding|open) ([\w/-]+,? ){0,3}(claims?|lawsuits?|litigation|legal (actions?|proceedings)|regulatory (actions?|proceedings|investigations?)|investigations?|enforcement actions?)\b/,
  /\b(older than \d+ days|overdue|past (their|the|its) (sla|due date|deadline))\b/,
  /\b(are|is|were|was|have|has) there (been )?(any )?(pending |ongoing |open |current )?(claims?|lawsuits?|litigation|legal (actions?|proceedings)|regulatory (actions?|investigations?|proceedings))\b/,
  // Not what hardening turns off: "turned off auto-run", "debug mode turned off", "Is autoplay disabled?",
  // "whether TLS 1.0 and 1.1 are disabled", "so that local passwords are disabled".
  new RegExp(
    `(?<!\\b(${HARDENED})( is| are| was| were| be| been)? )\\b(turn(ed)? off|bypass(ed|es|ing)?)\\b(?! (the )?(auto-?run|auto-?play|macros?|debug|verbose|directory listings?|guest|unused|unnecessary|legacy)\\b)`,
  ),
  // Not what inactivity triggers: "Accounts not used for a defined period are disabled automatically."
  new RegExp(
    `(?<!\\b(${HARDENED}|(deprecated|insecure|weak|obsolete|older) [\\w-]+|(local )?passwords?( logins?| sign-?ins?)?|basic auth\\w*|(tls ?v?|ssl ?v?)?\\d(\\.\\d)?( and (tls ?v?)?\\d(\\.\\d)?)?) |\\b(accounts?|ids?|users?|logins?) (that are |which are |that have been |which have been )?(not used|unused|inactive|dormant|idle)\\b[^.;?]{0,40})\\b(is|are|be|been|get|gets) disabled\\b`,
  ),
  // "default passwords left in place" is weak; "default passwords are changed" is the good practice.
  /(?<!\b(chang|disabl|remov|replac|rotat)\w* ((all|any|the|every|built-in) )*)\bdefault (vendor |factory )?(passwords?|credentials)\b(?!.*\b(chang|disabl|remov|replac|rotat)\w*)/,
  /\bever (been|had|suffered|experienced|copied|used|shared|stored|kept|held|saved|left|disabled)\b/,
  // "…suffered a material cyber security incident", "had a cybersecurity event", "reported any
  // personal data breach to the ICO": the event asked about, with up to three words naming it.
  /\b(had|suffered|experienced|sustained|reported|notified) (a|an|any|some) ([\w-]+ ){0,3}(breach|breaches|incidents?|compromises?|events?)\b/,
  /\b(had|suffered|sustained) (breaches|incidents|compromises)\b/,
  // The vendor itself hacked, asked first thing: "Have you been hacked before?", "Was your company
  // ever breached?" (normalised, "your company" is gone: "was ever breached?").
  /(^|[.?!] )((have|has) (you )?(ever )?been|(was|were) (you )?(ever )?) ?(hacked|breached|compromised|pwned|popped)\b/,
  /\bbeen (breach|breaches|incidents?|fines?|lawsuits?|litigation|penalt)/,
  /(^any|\b(were there|was there|have there been|has there been)( any| a| an)?( [\w-]+){0,3}) (breach|breaches|incidents?|fines?|lawsuits?|litigation|penalt)/,
  // A form's label for the event and its window: "Breach in last 3 yrs?", "Breaches (last 3 yrs)?".
  /\b(breach|breaches|incidents?)\b (in|within|during|over|\()? ?(the )?(last|past|previous|prior) (\d+|one|two|three|four|five|few)? ?(years?|yrs?|months?|mos?)\b/,
  /\bexempt(ed|ions?)? from\b/,
  // Rights or access wider than the service needs: "claim any … rights to use … beyond what is necessary".
  /\bbeyond (what is |what's |that )?(strictly |reasonably )?(necessary|needed|required)\b/,
  // Internals shown to users: "Are stack traces, verbose error messages or debug endpoints exposed?"
  // Asked as such, not a sentence of context ("Frameworks ship debug modes that show stack traces…")
  // nor the safeguard ("Are debug modes disabled, and are users shown only generic errors?").
  /(^|[.?!] )(are|is|can)\b[^.;?]{0,12}\b(stack traces?|verbose (error )?(messages?|errors?)|debug (modes?|endpoints?|pages?|consoles?)|error details)\b(?![^.;?]*\b(disabled|suppressed|hidden|turned off|removed|generic)\b)[^.;?]{0,50}\b(exposed|shown|displayed|visible|returned|enabled|leak(s|ed)?|reachable)\b/,
  // Exceptions that exist are the lapse ("Are there exceptions to MFA?"); exceptions that are
  // requested, approved and tracked are the governance of them ("Are exceptions to policy risk-assessed?").
  /(?<!\b(request|approv|track|document|record|manag|handl|review|re-?evaluat|govern)\w*\b[^.;?]*)\bexceptions? (to|from)\b(?![^.;?]*\b(request|approv|track|document|record|risk[\s-]?assess|manag|justif|expir|govern|logg|register|review)\w*)/,
  // Anything hard-coded is the lapse ("never hard-coded in source code" the safeguard, by its negation).
  /\bembedded (credentials|secrets|passwords?|keys?)\b|\bhard[\s-]?coded\b/,
  // Deserialising what an attacker controls: "unsafe serializers", "deserialisation of attacker-controlled input".
  /\b(insecure|unsafe) (de)?seriali[sz]\w*|\bdeseriali[sz]\w* (of )?(untrusted|attacker[\s-]controlled|user[\s-]supplied)\b|\bnative (seriali[sz]ed objects|seriali[sz]ation)\b/,
  // Unsupported software and removable media are weak to have: their curbs are read by CURBED and
  // NEGATION below, like every marker's. "Disabled" is read here only, since "is disabled" is a
  // marker of its own ("Is MFA disabled?"): "Is auto-run disabled for removable media?" is the curb.
  // Equipment wiped or destroyed "at end of life" is the safe disposal, not old software still running.
  /(?<!\bdisabl\w* ([\w-]+ ){0,5})(?<!\b(wip|destroy|dispos|retir|sanitis|sanitiz|decommission|eras|shred|recycl|degauss|replac)\w*\b[^.;?]{0,40})(\bend[\s-]of[\s-](life|support|sale|maintenance)\b|\beol\b|\bunsupported (software|systems|versions?|operating)\b|\bno longer (receiv|support|maintain|patch|get))(?!.*\bdisabl\w*)/,
  // Outsourced work named by who does it too ("outsourced developers", "offshore engineers"), "outsource
  // any of the software development" and "development of your software outsourced": read as the
  // practice, the entry's No was flipped.
  /\b(outsourc\w*|offshor\w*) ((any|all|some|parts?)( of)? )?(your |the |its )?(software |code |product |application )?(development|support|developers?|engineers?|programmers?|coders?|coding)\b|\b(development|support|coding)\b ([\w-]+ ){0,3}(is |are )?(outsourced|offshored)\b/,
  // …said with who does it: "engage a third party to develop any part of the application code",
  // "code written by outside contractors".
  /\b(third[\s-]part(y|ies)|contractors?|freelancers?|(external|outside) (firms?|compan(y|ies)|developers?|vendors?|agenc(y|ies)|contractors?)|offshore (teams?|firms?)) (\w+ ){0,2}to (develop|write|build|code)\b|\b(code|software|applications?)\b ([\w-]+ ){0,2}(is |are |was |were )?(written|developed|built|coded) by (\w+ ){0,2}(third[\s-]part(y|ies)|contractors?|freelancers?|(external|outside|offshore) ([\w-]+ )?(firms?|developers?|contractors?|teams?|compan(y|ies)|agenc(y|ies)))\b/,
  // …unless they are the object of a rule ("clear desk rules for papers and removable media", "Clear
  // desk for papers and removable media: rules defined?") or of what is disabled, past hyphenated
  // words ("disabled auto-run or auto-play of content from removable media").
  /(?<!\b(disabl\w*|(turned|switched) off) ([\w-]+ ){0,8}|\b(rules?|polic(y|ies)|procedures?|controls?|standards?|clear desk) (for|on|covering|governing|requiring|that requires?|which requires?) (\w+ ){0,3}|\bclear desk\b[^.;?]{0,30})(\bremovable media\b|\bportable (media|storage|drives?)\b|\busb (drives?|storage|sticks?|ports?)\b)(?!.*\b(disabl\w*|(turned|switched) off))/,
  // Deprecated or weak cryptography in use; "prohibits deprecated primitives" is the curb (NEGATION).
  // A CSP that allows inline script or eval is the weak policy: "does it avoid 'unsafe-inline'?"
  // Not when the policy rules it out in words the negations below do not count ("without", "disallows").
  /(?<!\b(without|no|disallows|disallowing|forbids|forbidding|blocks|blocking|bans|rejects)\b[^.;?]{0,40})\bunsafe[\s-](inline|eval)\b/,
  /\b(deprecated|insecure|weak|obsolete|broken) (\w+ )?(algorithms?|ciphers?( suites?)?|primitives|protocols?|hash(es|ing)?|cryptograph\w*)\b(?!.*\bdisabl\w*)/,
  /\b(personal|private)(ly owned)?( \([^()]{1,30}\))? (devices|email|laptops?|phones?|computers?)\b|\bbyod\b/,
  // A sign-in or reset page telling an attacker which accounts exist (user enumeration, OWASP ASVS):
  // "Do responses avoid revealing whether an account exists?" curbs it, "Does the page reveal…?" asks it.
  /\b(reveal|disclos|leak|expos|indicat|confirm|show)\w* (to \w+ )?(whether|if) (an? |the |a given )?(user ?(name|id)?|account|e-?mail( address)?|login) (exists|is registered|is valid)\b/,
  // "Is TLS 1.0 still supported?" is the lapse; software "still supported by its vendor" is the practice
  // (normalised, "by the vendor" may be left as a bare "by": "still supported by with security updates").
  /\b(tls ?1\.?[01]|ssl ?v?[23])\b(?!([^.;?]|\.\d)*\b(disabled|turned off|switched off|rejected|refused|blocked)\b)|\b(still|ever) (accepted|allowed|supported|enabled|in use|running)\b(?! by (the |their |its )?(vendors?|manufacturers?|makers?|publishers?|suppliers?|developers?)| by(?= (with|and|or|for|until)\b| ?[,.;?]| ?$))/,
  /\b(paste|upload|enter|input|submit)\w* (customer |client |personal |confidential |sensitive )?(data|information)\b.*\b(public|consumer|free|personal)\b/,
  // Not the environment kept apart: "…processes production data separated from development".
  /\b(production|live|real) (?!time\b)([\w-]+ )?(data|records)\b(?! (is |are )?(separated|segregated|isolated|kept apart)\b).*\b(test|testing|development|staging|non-production)\b/,
  // …told the other way round: "do your engineers test with real customer data?"
  /\b(test|tests|testing|tested|develop|development|staging)\b (\w+ ){0,2}(with|on|using|against) (real|live|production) (customer |client |personal )?data\b/,
  /\bstanding (write |admin\w* |production |privileged |root )?(access|rights|privileges)\b/,
  // "permanent, always-on admin rights to production": privileges never taken back.
  /\b(permanent|always[\s-]on|persistent)(,? (and |or )?(standing|permanent|always[\s-]on|persistent))* (write |admin\w* |production |privileged |root )?(access|rights|privileges)\b/,
  /\b(rdp|ssh|telnet|database ports?) (\w+ )?(exposed|open|reachable|accessible) (to|from) the internet\b/,
  // A device's administration reachable from the internet (Cyber Essentials' firewall requirement): "Can
  // the admin interface of your firewall be reached from the internet?", "…configured to allow access
  // to their configuration settings over the internet?"
  /\b(admin(istrative|istration)?|management|configuration) (interfaces?|consoles?|panels?|portals?|settings|pages?)\b[^.;?]{0,60}\b(reach(ed|able)?|access(ed|ible)?|exposed|available|open)\b (directly )?(from|over|to|via) the (public )?internet\b/,
  /\b(allow|permit|enable)s? (remote )?access to (their|its|the) (admin(istrative|istration)? |management )?(configuration settings|admin(istrative|istration)? interfaces?|management interfaces?)\b[^.;?]{0,20}\b(from|over|via) the (public )?internet\b/,
  /\bbefore (completing|finishing|they (complete|finish))\b/,
  /\b(direct|unrestricted|unmonitored|unsupervised) (\w+ )?access to production\b/,
  /\bsame (password|credentials?) (across|for|on)\b|\breus(e|ed|ing) (of )?(passwords?|credentials)\b/,
  // Not a notice, policy or page, published to be read: "Is the privacy notice … publicly accessible?"
  /(?<!\b(notices?|polic(y|ies)|pages?|websites?|statements?|certificates?|documentation|portal)\b[^.;?]{0,60})\bpublic(ly)? (accessible|readable|writable|exposed|open)\b/,
  /\b(send|sent|sends|sending|email|emailed|share|shared) (\w+ )?(passwords?|credentials|personal data|customer data) (by|via|over|in) (e-?mail|chat|slack|unencrypted)/,
  /\b(open|outstanding|unresolved|unremediated) (high|critical|crit)(\w|-| |\/)*(findings?|vulnerabilit(y|ies)|issues?)\b/,
  // …as a form's label with the findings left unsaid: "Last pentest - open crit/high?"
  /\b(open|outstanding|unresolved|unremediated) (high|critical|crit)s?( ?(\/|or|and|&) ?(high|critical|crit|medium)s?)+\b/,
  /\b(exceptions?|deviations?|findings?)( or (exceptions?|deviations?|findings?|qualifications?))? (were |was )?(noted|reported|identified|raised) (in|by|during)\b|\bqualified opinion\b|\bfailed (an? )?(audits?|assessments?)\b/,
  // …told verb first: "Did the service auditor note any deviations, exceptions or qualifications…?"
  // (not "issued without any exceptions", "noted no exceptions": the clean report, the practice).
  // …or as a bare noun: "Any exceptions in latest SOC2 report?"
  /^(any |(were|are|have|was|did) (there (been )?)?(any )?)(exceptions?|deviations?|qualifications?|qualified opinions?)\b(?=.*\b(auditors?|audits?|soc ?[123]|attestation|examination|assessors?|reports?)\b)/,
  /^(?=.*\b(auditors?|audits?|soc ?[123]|attestation|examination|assessors?)\b).*\b(note|noted|identify|identified|raise|raised|find|found|issue|issued|report|reported|contain|contained|include|included)\b (?!([\w-]+,? ){0,2}?(without|no|zero|free of)\b)(any )?([\w-]+,? ){0,2}(deviations?|exceptions?|qualifications?)\b/,
  /\bterminated (employees?|staff|users?) (still|retain|keep|kept)\b/,
  /\bnot (enrolled|managed|encrypted|patched|approved|supported|reviewed|hashed|protected|monitored|logged|covered)\b/,
  // "Are standard users granted local administrator rights?", "Are staff given admin rights on their laptops?"
  /\b(end users|users|staff|employees|developers) (have|has|hold|get|gets|granted|given) (local )?admin(istrator|istrative)? (rights|privileges|access)\b/,
  // "Are privileged accounts permitted to be used for routine activities such as reading email?"
  /\b(admin(istrator)?|privileged) accounts? (are |is )?((permitted|allowed) (to be )?)?used (for|to) (routine|read|e-?mail|brows|day|everyday|daily)/,
  /\buse an? admin(istrator)? account (for|to) (day|everyday|daily|e-?mail|brows|read)/,
  /\b(self[\s-]signed|expired) (tls |ssl |x\.?509 )?certificates?\b/,
  /\bstill (using|use|used|run|running|rely on|relying on|permit|permitted)\b/,
  /^(can|could|may|do|does|are|is)\b.*\b(delete|modify|alter|erase|tamper with|edit)\b.*\b(logs?|audit records|trails?)\b/,
  // A practice done without its safeguard ("systems without endpoint protection", "access without
  // the customer's consent", "changes deployed without a ticket").
  /\bwithout (a |an |the |any |their |its |prior |proper |adequate |customer'?s? |the customer'?s )?([\w-]+ )?(endpoint protection|antivirus|anti ?malware|edr|protection|encryption|consent|authori[sz]ation|authentication|mfa|multi[\s-]?factor|monitoring|logging|ticket|change (request|ticket)|background (check|screening)|screening|vetting|patch(es|ing)?|firewall|oversight|supervision)\b/,
  /\b(unmonitored|unrestricted|unsupervised|unlogged) (remote )?(access|connections?|sessions?)\b/,
  /\b(left|remain|remains|still) (active|enabled|open|unchanged|in place|running)\b.*\b(after|when|once|following)\b|\b(accounts?|access) (\w+ ){0,3}(left|remain|remains) (active|enabled|open)\b/,
  /\bonly (when|if) (convenient|time permits|possible|requested|asked|needed|there is time)\b/,
  /\b(rel(y|ies|ying)|depend(s|ing)?) (solely|only|exclusively|entirely) on (a )?passwords?\b|\bpasswords? (alone|only)\b|\bsingle[\s-]factor\b/,
  /\b(in|at) the same (location|site|place|region|data ?cent(er|re)|building|account|network) as\b/,
  /\b(deleted|purged|discarded|overwritten|kept|retained|stored) (before|for less than|for fewer than|for under) \d+/,
  /\b(everyday|normal|regular|day[\s-]to[\s-]day|standard|personal) (user )?accounts? (for|to (perform|do|carry out)) (admin\w*|privileged)\b/,
  /\bdisabled (for|because of|due to|to improve) (performance|convenience|speed|testing|compatibility)\b/,
  /\bfailed (an? |any )?(\w+ ){0,2}(audits?|assessments?|inspections?|certifications?)\b/,
  // Real data in test systems, unless it is masked on the way ("pseudonymised in non-production").
  /^(?!.*\b(pseudonymi[sz]|mask|anonymi[sz]|scrub|synthetic|de-?identif|obfuscat|redact))(?=.*\b(customer|client|personal|production) data\b.*\b(in|on|to|into) (your |the |any )?((test|testing|development|dev|staging|non-production|pre-production|qa|uat)(,? or |,? and |, |\/| ))+(environments?|systems?|databases?|servers?)\b)/,
  /\b(any )?(open|outstanding|unresolved|unremediated|unfixed) (\w+ )?(findings?|vulnerabilit(y|ies)|issues?|cves?)\b/,
  // …or with the findings left unsaid: "Anything critical/high still open from that pentest?"
  /\bstill (open|outstanding|unresolved|unremediated|unfixed|unpatched|unaddressed)\b/,
  // The same lapse told the other way round: "do any findings rated High remain unremediated?"
  /\b(findings?|vulnerabilit(y|ies)|issues?|cves?)\b[^.;?]{0,80}\b(remain|remains|remaining|left|still)( open| unremediated| unresolved| unfixed| outstanding| unpatched| unaddressed)\b/,
  // Models trained on customer data: "Do you use customer data to train AI models?", "Is customer
  // content used to improve third-party LLMs?", "Trains models on our data?", "…used for model training?",
  // "…used for AI/ML training?" (two names of the technology joined by a slash, "or" or "and").
  // Not people trained on a subject: "Are staff trained on data protection?", "Do you train the
  // workforce on data handling best practices?" (TRAINEES, DATA_SUBJECT_MATTER).
  new RegExp(
    `\\b${TRAINED_ON}\\b[^.;?]{0,40}\\b(to|for) (train|training|retrain\\w*|fine[\\s-]?tun\\w*|improve|improving|develop|developing)\\b[^.;?]{0,40}\\b(models?|llms?|ai|machine learning|ml)\\b|(?<!\\b${TRAINEES}\\b[^.;?]{0,30})\\b(train|trains|training|trained|retrain\\w*|fine[\\s-]?tun\\w*)\\b(?:(?!\\b${TRAINEES}\\b)[^.;?]){0,40}\\b(on|with|using) (\\w+ ){0,2}${TRAINED_ON}\\b(?! ${DATA_SUBJECT_MATTER}\\b)|\\b${TRAINED_ON}\\b[^.;?]{0,40}\\b(from|in|into|for) (\\w+ ){0,2}(model|ai|ml|llm|genai|machine learning)((\\/| or | and | & )(ai|ml|llm|genai|machine learning))? training\\b`,
  ),
  // Selling or monetising customer data, or using it for advertising.
  /\b(sell|sells|selling|sold|resell\w*|resale|rent|rents|renting|monetis\w*|monetiz\w*)\b|\bsale (of (personal|customer|user|client)|to third)\b|\b(shared with|disclosed to|provided to|used for|for) (\w+ ){0,3}(advertis\w*|marketers|data brokers|marketing(?! (team|department|staff|function|site|website|emails?|materials?|automation)\b))\b/,
  // …or for the vendor's ends at all: "for its own purposes", "any purpose other than the service".
  /\b(for|to serve) (its|their|your|the (vendor|supplier|processor|provider)'?s?) own (purposes?|benefit|ends|use)\b|\bpurposes? of (its|their|your) own\b|\b(any )?purposes? other than\b/,
  /\bstored on (personal|home|private|unmanaged) (devices?|laptops?|computers?|phones?)\b/,
  // Web-application lapses: a CORS policy that echoes any origin, tokens carried in URLs.
  /\breflect(s|ed|ing)? (back )?(arbitrary|any|every|untrusted|the requesting) origins?\b|\b(wildcard|arbitrary|any) origins? (\w+ ){0,3}(with|and) credentials\b/,
  /\b(accept|accepts|accepted|allow|allows|allowed|pass|passes|passed|send|sends|sent)\b.{0,30}\b(tokens?|(api|authentication|auth|access|secret) keys?|credentials|secrets|session ids?)\b.{0,20}\b(in|as|via) (the |a |an )?(url|urls|query[\s-]?string|query parameters?|url parameters?)\b/,
  /\b(tokens?|(api|authentication|auth|access|secret) keys?|credentials|secrets|session ids?)\b.{0,40}\b(accepted|allowed|passed|sent|exposed|included|placed|carried|present|found|visible|embedded|stored|appended|added)\b.{0,30}\b(url|urls|query[\s-]?strings?|query parameters?|url parameters?)\b/,
  // Secrets shipped to the browser: "Are any API keys or secrets present in your browser code?"
  new RegExp(
    `\\b${SECRETS}\\b[^.;?]{0,40}\\b(present|exposed|visible|included|embedded|stored|found|shipped)\\b[^.;?]{0,20}${IN_CLIENT_CODE}`,
  ),
  // …asked without the verb ("are api keys ever in the front end js?"), but not a topic label
  // ("Secrets in front-end code"), which names the subject in neither sense.
  new RegExp(`\\b(are|is)\\b[^.;?]{0,20}\\b${SECRETS} (ever |still |currently )?${IN_CLIENT_CODE}`),
];

/**
 * Explicit negation of the main clause: "Do you never…", "… is prohibited", "Is customer data
 * excluded from model training?", "Do you refrain from selling customer data?", and an RFP's
 * requirement statement, "The Supplier shall not sell…", "Customer Data must not leave the EEA".
 * "Do not" and "is not" are left out: in a question they mostly sit in a clause of their own
 * ("…and they do not read email with it", "…where MFA is not available"), except in the clause a
 * statement asks to confirm ("Please confirm that the Supplier does not sell personal data").
 */
const NEGATION =
  /^\W*no (?!(more|later|less|longer|sooner|fewer|earlier)\b)(?=[a-z])|\bnot\b[^.;?]{0,60}\s[-–—:]\s*(please )?(confirm|verify|attest)\W*$|\b((confirm|ensure|verify|attest|certify|guarantee|warrant)s? that no|(confirm|ensure|verify|attest|certify|guarantee|warrant)s? that\b[^.;?]{0,80}?\b((is|are|was|were|will|do|does|did|has|have|shall|would|can) not|isn't|aren't|doesn't|don't|won't|cannot)|never|cannot|can't|don't|doesn't|isn't|aren't|won't|lack|lacks|fail(s|ed)? to|prohibit(ed|s)?|forbid(den)?|disallow(ed)?|not (allowed|permitted)|exclud(e|es|ed) from|refrain(s|ed)? from|avoid(s|ed)?|(shall|must|will|should|may) not\b(?! (allowed|permitted|only|just|limited to)\b))\b/g;

/**
 * Verbs that curb the weak practice a marker names: "Are personal devices blocked from customer
 * data?", "Is production data prevented from reaching test?", "Are generic accounts removed?", "Do
 * you detect access to client data without a ticket?" ask about the safeguard. Read only where a
 * marker is found ("Is access restricted?" stays as it is); the explicit negations above
 * ("prohibited", "not allowed") are counted there, not here.
 */
const CURBED =
  /\b(blocked|restricted|prevented|denied|removed|uninstalled|replaced|upgraded|decommissioned|isolated|segregated|quarantined|retired|rejected|refused|banned|controlled|detect|detects|detected|flagged|alerted on|blocks?|prevents?|flags?|scan|scans|scanned)\b|\b(protections?|defen[cs]es?|mitigations?) (against|for|from)\b|\b(protections|defen[cs]es|mitigations)\W*$/;

/**
 * Clauses that say what a safeguard is for, not a lapse asked about: the outcome it ensures ("…with
 * Object Lock so admins can't delete them", "…segregation of duties so that no individual can approve
 * their own changes", "…auto-run off so that nothing opens unasked") and the scenario it covers
 * ("…break-glass procedure in case its identity provider is unavailable", "…encrypted so data is
 * protected if one is lost or stolen", "…if key staff become unavailable"), what it protects or
 * insures against ("cyber insurance to protect against … lost or stolen data"), and the exception a rule
 * records ("…supported by its vendor, with anything unsupported recorded as a documented exception"). Neither the weak-practice sense nor the exception
 * shapes read them.
 */
const SAFEGUARD_CLAUSES =
  /\b(protect(s|ed|ing)?|protection|insur(e|es|ed|ing|ance)|cover(s|ed|ing|age)?|safeguard(s|ed|ing)?|guard(s|ed|ing)?) against\b[^.;?]*|\bso (that )?[^.;?]*?\b(can't|cannot|can not|won't|will not|do not|does not|don't|doesn't|is unable|are unable|never)\b[^.;?]*|\b(e\.?g\.?|for example|for instance|such as),? [^.;?]*?\b(cannot|can't|can not|may not|must not|should not|shouldn't|is unable|are unable)\b[^.;?]*|\bso (that )?(no (one|single|individual|person|user|engineer|developer|employee|administrator|admin)|nothing|nobody)\b[^.;?]*|\b(in case|in the event)( of| that)? [^.;?]*|\b(technically )?(impossible|not possible) for [^.;?]*|\b(if|when|whenever|should) ([\w-]+ ){0,3}(is |are |was |were |gets? |be |been |becomes? )?(lost|stolen|compromised|breached|leaked|unavailable|unreachable|disabled|deactivated|deprovisioned|terminated|removed|reset|revoked|suspended|deleted|offboarded)\b[^.;?]*|\b(that|which) (has |have |had )?(is |are |was |were |been )(lost|stolen)\b[^.;?]*|,? (with |and )?(any|anything|everything|all|whatever is|what is|those|the rest)\b[^.;?]{0,40}\b(recorded|documented|approved|tracked|logged|registered|justified) as (an? )?(documented |approved |formal |risk-accepted )?exceptions?\b/g;

/**
 * A negation inside a relative clause describes whom or what the question is about ("sanctions
 * against workforce members who fail to comply"), not the main verb: it is not counted.
 */
const NEGATED_RELATIVE =
  /\b(who|(?<!\b(confirm|ensure|verify|attest|certify|guarantee|warrant)s? )that|which|whom|where|when|what|unless)\s+(\w+\s+){0,3}?(never|cannot|can't|don't|doesn't|isn't|aren't|won't|(do|does|is|are|will|may|must|should|shall) not|lack|lacks|fail(s|ed)? to)\b/g;

/**
 * A word a PDF broke at a line end ("personally owned de- vices", "busi- ness"): the markers read
 * whole words, and "de- vices" missed "personal devices", so an entry asked the same way was answered
 * in the opposite sense. A suspended hyphen ("short- and long-term", "pre- or post-") is not broken.
 */
const BROKEN_AT_LINE_END = /\b([a-z]{2,})- (?!(and|or|nor|to)\b)([a-z]{2,})\b/g;
/**
 * A parenthesis that restates the safeguard as the lapse it rules out ("(i.e. no shared logins)",
 * "(no wildcard origins with credentials)"): it names the weak practice only to exclude it.
 */
const RULED_OUT = /\((i\.?e\.?,? ?|e\.?g\.?,? ?|that is,? )?no\b[^()]*\)/g;
/** …or after "with no": "Does every user have their own account, with no shared logins?" */
const RULED_OUT_SHARING =
  /\b(with|and) no (shared|generic|group|common) ([\w-]+ ){0,2}(logins?|accounts?|ids?|credentials|passwords?)\b/g;
/**
 * A negation in a relative clause without its pronoun describes the thing, not the main verb:
 * "Have you removed software and services you don't need?" asks about the removal.
 */
const CONTACT_RELATIVE =
  /\b(software|services?|apps?|applications?|programs?|features?|functions?|ports?|protocols?|accounts?|access|data|anything|things?|tools?|components?|packages?|plugins?|extensions?) (that |which )?(you|we|they|users?|staff|people|employees) (don't|do not|doesn't|does not|no longer) (need|use|require)\b/g;
/**
 * "…granted only to dedicated admin accounts, never to the account a person uses day to day": the
 * "never" after "only" restates the same rule from its other side, and is no negation of it, unless
 * what it rules out is a weak practice itself ("only listed origins, never reflecting arbitrary
 * origins"), which the negation then curbs.
 */
const ONLY_NEVER = /(\bonly\b[^.;?]{0,80}?),? (?:and |but )?(never\b[^.;?]*)/g;
/** The alternative a question rejects ("…managed credentials rather than shared static secrets"). */
const REJECTED_ALTERNATIVE = /\b(rather than|instead of) [^.;?,()]*/g;
/**
 * A product feature the customer may switch off: "Can generative AI functionality be disabled for
 * our tenant?", "Is the ML-based anomaly detection optional, and can it be turned off?" ask about the
 * customer's control over a feature, not a safeguard left off ("Is MFA optional?", "Is logging
 * disabled?"), so the markers for those are not read there.
 */
const FEATURE_SWITCH =
  /\b(ai|ml|generative|machine[\s-]learning|llm|assistant|copilot|chatbot|telemetry|analytics|anomaly detection)\b(\s+[\w-]+){0,3}\s+(features?|functionality|capabilit(y|ies)|detection|processing)?\b[^.;?]{0,40}\b(optional|(be|is|are|get) (disabled|turned off|switched off)|turn(ed)? (it |them )?off|switch(ed)? (it |them )?off)\b|\b(disable|turn off|switch off)\b (the |all |any )?(ai|ml|generative|machine[\s-]learning|llm|assistant|copilot|chatbot|telemetry|analytics|anomaly detection)\b/g;

/**
 * The text a sense is read from: normalised, without the request after the question or the clauses
 * saying what a safeguard is for.
 */
const askedSense = (text: string): string => withoutDetailRequest(senseText(text)).replace(SAFEGUARD_CLAUSES, "");

const senseText = (text: string): string => {
  // "Shared admin accts in use?" names the accounts the markers name.
  let t = expandRowShorthand(normalizeText(text));
  // The options of a choice list ("(Yes / No / Partially)") are a reviewer's to pick, not the sense.
  if (t.includes("/")) t = withoutChoiceList(t);
  t = t.replace(FEATURE_SWITCH, "feature control");
  if (t.includes("- ")) t = t.replace(BROKEN_AT_LINE_END, "$1$3");
  if (t.includes("rather than") || t.includes("instead of")) t = t.replace(REJECTED_ALTERNATIVE, " ");
  if (t.includes(" no ")) t = t.replace(RULED_OUT_SHARING, " ");
  if (t.includes("never") && t.includes("only"))
    t = t.replace(ONLY_NEVER, (clause, rule: string, other: string) =>
      WEAK_PRACTICE.some((p) => p.test(other)) ? clause : rule,
    );
  if (t.includes(" need") || t.includes(" use") || t.includes(" require")) t = t.replace(CONTACT_RELATIVE, "$1");
  if (!t.includes("(")) return t;
  // A one-word gloss in parentheses reads as the word ("operational (production) data").
  return t.replace(RULED_OUT, " ").replace(/\(([a-z]+)\)/g, "$1");
};

/** The text (normalised) without the clauses that say what a safeguard is for (SAFEGUARD_CLAUSES). */
export function withoutSafeguardClauses(text: string): string {
  return normalizeText(text).replace(SAFEGUARD_CLAUSES, "");
}

export const weakPracticeSense: (text: string) => boolean = memoByText(readWeakPracticeSense);
function readWeakPracticeSense(text: string): boolean {
  // "…BYOD …? If yes, describe how such devices are controlled.": the request after the question is
  // not its sense (DETAIL_AFTER_QUESTION).
  const t = askedSense(text);
  const marked = WEAK_PRACTICE.some((p) => p.test(t));
  // A curbed lapse is the safeguard, and a negation beside the curb is one more way of saying so
  // ("Are shared IDs prohibited, or … managed to prevent misuse?"): it is not counted again.
  if (marked && CURBED.test(t)) return false;
  const negations = t.replace(NEGATED_RELATIVE, "$1 ").match(NEGATION)?.length ?? 0;
  return marked !== (negations % 2 === 1);
}

/**
 * True when the question is phrased in the opposite sense of the entry, so the entry's Yes means No
 * here. The entry counts as phrased like the question when either its canonical question or the
 * phrasing that matched reads the same way: one odd phrasing does not flip an answer.
 */
export function isInverted(question: string, ...entryTexts: string[]): boolean {
  const sense = weakPracticeSense(question);
  return entryTexts.length > 0 && entryTexts.every((t) => weakPracticeSense(t) !== sense);
}

/** A part of a compound asked only on one answer to the part before: "If so, …?", "If not, …". */
const CONDITIONAL_PART = /(^|[.?!]\s+)if (so|yes|not|no|applicable|you do|it does)\b[^?]*(\?|$)/gi;
/** Where a compound question's yes/no asks part: at a question mark, or a comma or "and" before an auxiliary. */
const ASK_BOUNDARY =
  /\?\s+|,\s*(?:and\s+)?(?=(?:is|are|was|were|do|does|did|can|could|will|would|has|have)\s)|\s+and\s+(?=(?:is|are|was|were|do|does|did|can|could|will|would|has|have)\s)/i;
const YES_NO_OPENER = /^(is|are|was|were|do|does|did|can|could|will|would|has|have|shall|should|may|must)\b/i;

/**
 * Whether a compound yes/no question asks some of its parts about the practice and others about the
 * lapse ("Are prod and non-prod environments separated? Is live customer data ever used for
 * testing?", "Is your SOC 2 report available, did it contain any exceptions, and can you provide a
 * bridge letter?"): one Yes or No, the entry's or its opposite, is wrong for some part. Only the
 * parts that are yes/no questions themselves count (not "If not, describe…"), each read from its last
 * sentence (context before the first ask is not an ask).
 */
export function asksInBothSenses(text: string): boolean {
  // "…? If so, can customers opt out?": a part asked only when the answer is Yes is not a second sense.
  const parts = text
    .replace(CONDITIONAL_PART, "")
    .split(ASK_BOUNDARY)
    .map((part) => withoutLeadingReference(part.split(/[.!]\s+/).pop() ?? "").trim())
    .filter((part) => YES_NO_OPENER.test(part) && part.split(/\s+/).length >= 3);
  if (parts.length < 2) return false;
  // A part that points back ("…, and can it be turned off?") is read with the part before it; the
  // asks together are read too, since a part may lean on the others for its sense ("…your SOC 2
  // report…, did it contain any exceptions…"). Context sentences before the asks are not read.
  const senses = parts.map((part, i) =>
    weakPracticeSense(i > 0 && POINTS_BACK.test(part) ? `${parts[i - 1]} ${part}` : part),
  );
  return new Set([...senses, weakPracticeSense(parts.join(", "))]).size > 1;
}
const POINTS_BACK = /\b(it|its|they|them|their|this|these|those)\b/i;

/**
 * "Ever" intensifies a question ("Is customer data ever stored on laptops?") as often as it marks
 * one as asking about a lapse ("Has data ever been sold?"). When the question reads in the opposite
 * sense of the entry only because of it, the sense is not settled: "Is customer data ever stored on
 * employee laptops?" and the entry "Is customer data stored on employee laptops?" (No) ask the same
 * thing, and flipping gave "Yes". Such an answer keeps the entry's value, for a reviewer. ("Still"
 * is left to the markers: "Do terminated employees still have access?" is the lapse.)
 */
const INTENSIFIER = /\bever\s+/gi;
export function invertedOnlyByIntensifier(question: string, ...entryTexts: string[]): boolean {
  const plain = question.replace(INTENSIFIER, "");
  return plain !== question && isInverted(question, ...entryTexts) && !isInverted(plain, ...entryTexts);
}

/** 1 when the text reads as the weaker practice, else 0 (library checks compare these by parity). */
export function weakPracticeScore(text: string): number {
  return weakPracticeSense(text) ? 1 : 0;
}

/**
 * Shapes of a question that asks about exceptions or the weaker practice without saying which one
 * ("Are any passwords shared…", "Do any subprocessors operate…", "… that do not use MFA", "Is X
 * absent on any…", "the same key for all customers"). The weak-practice markers above flip a value
 * when they recognise the practice; the open-ended ways of asking "is there an exception?" cannot
 * all be listed, so these only keep the entry's Yes/No from going out unchecked.
 */
const EXCEPTION_SHAPES = [
  // Not "Is there any rate limiting on your API?": whether the practice exists at all, a noun of action.
  // Nor "Does any part of your platform use machine learning?": whether a feature exists anywhere.
  /^(?!is there any (form of |kind of |type of )?([\w-]+ ){0,2}[\w-]+(ing|ion|ment|ance|ence)\b)(?!(do|does|is|are) (any|some) (part|parts|component|components|feature|features|portion|area|areas) of (your|the|its)\b)(are|is|do|does|did|have|has|were|was|can|could|will|would)( there)? (any|some)\b/,
  /\b(any|some) of (your|the|its|their)\b/,
  // Bounded gaps: an unbounded one is cubic on a long cell of repeated words.
  // Not "Is there a disciplinary process for staff who do not comply?": a practice asked for, whose
  // relative clause says whom it is for.
  /(\b(any|some)\b|^(are|is) there\b(?! (a|an|the) ))[^?.;]{0,80}?\b(that|which|who|where)\b[^?.;]{0,60}?\b(not|n't|never|without|lack\w*)\b/,
  /\bnot (all|every)\b|\b(absent|lacking|missing|exempt(ed)?) (from|on|in|for)\b/,
  // Not "still needed", "still supported by its vendor": whether access or software is still
  // justified is the review itself, not a lapse. Nor software "still receiving security updates",
  // "still vendor-supported", "still in support": that it is still maintained is the safeguard.
  /\bever\b|\bstill\b(?! (needed|required|necessary|appropriate|valid|justified|supported by|within|current|accurate|relevant|effective|adequate|authori[sz]ed|(vendor|manufacturer)[\s-]supported|maintained by|(in|under) (active |vendor |mainstream |extended )?support)\b| (receiv|gett)\w* ([\w-]+ ){0,2}(updates|patches|fixes|support)\b)|\banymore\b/,
  /(?<!\b(polic(y|ies)|procedures?|standards?|documents?|plans?|handbooks?|notices?|guidance|training|rules)\b[^.;?]{0,60})\b(accessible|available|granted|open|visible) to (all|every|any|everyone|anyone)\b|\b(all|every|any) (staff|employees?|users?|personnel|engineers?|developers?|contractors?) (by default|can|may|have)\b/,
  /\bthe same (\w+ ){0,2}(keys?|passwords?|accounts?|credentials?|logins?)\b/,
  // "No later than 24 hours", "in no event later than 72 hours" are a deadline, the safeguard itself.
  /\b(indefinitely|forever|(?<!\b(no|not|no (event|case|circumstances?)) )later than)\b|\bbefore (\w+ ){0,3}(is |are |has been |have been )?(complete|completed|finished|approved|signed|cleared)\b/,
  // Not "Can you share a network diagram showing accounts…": to share a document is to provide it.
  /\b(reus(e|ed|es|ing)|shar(e|ed|es|ing))\b(?! (a|an|the|your|with us|us|copies|a copy|details|evidence)\b).*\b(passwords?|credentials|accounts?|logins?)\b|\b(passwords?|credentials|accounts?|logins?)\b.*\b(reused|shared)\b/,
  /\b(their|his|her) own (code )?(changes?|pull requests?|work|deployments?)\b/,
  // Words that name a lapse whatever the practice: what is missing, late, stale, ignored, left over,
  // turned off or kept for ever. A question built on one asks about the lapse, not the practice;
  // unless the lapse is what the practice removes ("weak cipher suites disabled", "disable weak
  // ciphers", "lost devices remotely wiped", "outdated software removed").
  new RegExp(
    `(?<!\\b${REMOVED_BY_SAFEGUARD}( all| any| every)? )\\b(${LAPSE_WORD}|expired (\\w+ )?(certificates?|accounts?|credentials|keys?|passwords?|licen[cs]es?|software|domains?))\\b(?!(,? [\\w/.-]+){0,6},? (are |is |be |being |been |get |gets )?(always |automatically |promptly |remotely |immediately |explicitly )?${REMOVED_BY_SAFEGUARD}\\b)`,
  ),
  // "Without undue delay" is the deadline of a notice, and a "progressive delay" between logon
  // attempts a safeguard ("the account is locked or delayed"): only delays that happen (delayed,
  // delaying, delays) are the lapse.
  /\b(postpon|defer|ignor|skipp|bypass|circumvent|impersonat|linger|waiv)\w*|(?<!\b(without|no|minimal) (undue |unreasonable |unnecessary |any )?)(?<!\b(attempts?|log-?ins?|logons?|sign-?ins?|requests?|tries) (are |is |being )?)(?<!\b(locked|locked out|blocked|throttled|suspended|disabled) or )\bdelay(s|ed|ing)\b(?! (the )?(next|further|subsequent|repeated|later) ([\w-]+ )?(attempts?|log-?ins?|logons?|sign-?ins?|requests?|tries)\b| (the |an? )?(accounts?|users?|log-?ins?|logons?|sign-?ins?)\b)/,
  // "…before the service is switched off" is when, not what is off.
  // Nor what hardening turns off ("Is auto-run turned off for USB sticks?", "Have you switched off
  // auto-run?"), as in the sense markers.
  new RegExp(
    `(?<!\\b(before|until|when|once|after) ([\\w-]+ ){0,4})(?<!\\b(${HARDENED})( is| are| was| were| be| been)? )\\b(turned|switched|shut) off\\b(?! by default| (the |all |any )?(${HARDENED})\\b)`,
  ),
  /\b(permanent(ly)?(?! (staff|employees?|members|workforce|personnel|hires?|roles?|contracts?|positions?)\b)|indefinite(ly)?|standing)\b|\bolder than\b/,
  // "Written down" is a lapse for a secret ("passwords written down"), not for a procedure.
  /\b(passwords?|passphrases?|pins?|credentials|secrets?|keys?|codes?)\b[^?.;]{0,40}\bwritten down\b|\b(hard[\s-]?coded|in plain ?text|in clear ?text|by default to (all|every|any))\b|(?<!\b(before|until|so that|so) )\b(anyone|everyone|any employee|any user|all staff|all employees)\b (can|may|has|have|is able)/,
  // The safeguard left out ("without a password", "with no expiry date"), or done for only part of
  // the scope ("only to some databases", "only on the same server"), now and then ("sometimes
  // forgotten"), by one person, or left to someone else ("rely on customers to report").
  /\bwithout (?!(undue |unreasonable |unnecessary |any )?delay|interrupt|downtime|impact|affecting|disrupt|(any )?(data )?loss|user (action|interaction)|manual|the need|needing|having to|requiring|exposing|revealing|storing|sharing)/,
  // "…with no network path between them" is isolation, the safeguard itself.
  // "…with no exceptions", "…with no string concatenation of user input": what the safeguard rules
  // out, not a safeguard left out.
  /\b(with|has|have|had) no\b(?! (direct |network |logical )*(paths?|routes?|connectivity|connections?|access) (between|to|from)\b)(?! (exceptions?|exemptions?|gaps|string concatenation|shared|default|hard[\s-]?coded|plain ?text|standing|public|local admin|e-?mail|web|browsing|internet access)\b)|\bno (\w+ )?(expiry|expiration|end date|limits?|owners?|review|approval|logging|encryption|passwords?|authentication|follow[\s-]?up|records?|evidence|oversight)\b/,
  /\bonly (to |on |for |in |at |with )?(some|a few|certain|selected|part|the same)\b|\bpartial(ly)?\b|\b(just|merely|still) a (draft|template|plan on paper)\b/,
  // Not a contract's "as amended from time to time", which says the document changes.
  /\b(sometimes|occasionally|at times|not always|(?<!\b(amended|updated|revised|modified|changed|varied) )from time to time|now and then)\b/,
  // "…so that no single person can both make and approve" is segregation of duties, not the lapse.
  // Not "a single individual (e.g. the CISO) accountable for the programme": one owner is the practice.
  /(?<!\bno )\b(a )?single (person|individual|engineer|employee|administrator|admin|point of failure)\b(?! (\([^)]*\) )?(is |who is )?(accountable|responsible|in charge|the owner|owns)\b)|(?<!\bno )\bone person\b(?! (is |who is )?(accountable|responsible|in charge))/,
  /\b(unreachable|unavailable|forgotten|neglected|overlooked|tolerated|(?<!\b(when|while|if) (left )?)unattended)\b/,
  /\brel(y|ies|ying) on (the )?(customers?|users?|third parties|vendors?|clients?) to\b/,
  /\badmin(istrator|istrative)? (rights|privileges|access)\b.*\b(everyday|all|regular|standard|normal|end) users\b/,
  /\bhave not\b|\bhas not\b|\bhaven't\b|\bhasn't\b|\bnot (yet )?(completed|finished|done|signed|approved|reviewed|tested|patched|encrypted|enrolled|trained)\b/,
];

/**
 * A request for detail after the question ("…FIPS 140-3? Identify any components that are not.",
 * "…? If not, list the systems that lack it."): it asks the answer's comment to name the exceptions,
 * while the Yes/No answers the question before it. Its words are not read as the question's shape.
 */
const DETAIL_AFTER_QUESTION =
  /\?\s*(if (not|no|so|yes)|where|identify|list|describe|specify|state|indicate|explain|provide|detail|note|please)\b.*$/i;

/** The question without a request for detail after it ("Is it tested? Describe the last test."). */
export const withoutDetailRequest = (text: string): string => text.replace(DETAIL_AFTER_QUESTION, "?");

/**
 * "Do you detect … access without a ticket?", "Does the platform block logins without MFA?", "Do you
 * scan your systems for missing patches?": what the safeguard catches is named as its object; the
 * question asks about the safeguard.
 */
const SAFEGUARD_ASK =
  /^(do|does|can|will) (you|we|(the|your) (\w+ ){0,2}\w+) ((automatically )?(detect|alert on|flag|block|prevent|stop|reject|deny)\b|(automatically |regularly |periodically |continuously )?(scan|check|monitor|search|look) ([\w-]+ ){0,6}for\b)|^(are|is) ([\w-]+ ){1,3}(stopped|prevented|blocked|restricted|prohibited|barred) from\b/;

/** The question has a shape of asking about exceptions or the weaker practice (see EXCEPTION_SHAPES). */
export const asksAboutExceptions: (text: string) => boolean = memoByText(readAsksAboutExceptions);
function readAsksAboutExceptions(text: string): boolean {
  const t = askedSense(text);
  // The safeguard's verb is read past a list in parentheses ("monitor external sources (breach
  // dumps, paste sites) for leaked credentials").
  return !SAFEGUARD_ASK.test(t.replace(/\s*\([^()]*\)/g, "")) && EXCEPTION_SHAPES.some((p) => p.test(t));
}

/** The text asks about the weaker practice or about an exception to the practice. */
export function asksAboutLapse(text: string): boolean {
  return weakPracticeSense(text) || asksAboutExceptions(text);
}

/**
 * The question asks about a lapse or an exception and none of the entry's texts is asked that way:
 * the entry's Yes/No was written for the practice, not for this question.
 */
export function lapseNotAskedBy(question: string, entryTexts: readonly string[]): boolean {
  return asksAboutLapse(question) && !entryTexts.some(asksAboutLapse);
}
