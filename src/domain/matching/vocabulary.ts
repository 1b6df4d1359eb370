/**
 * The security vocabulary: buyers name the same practice in many ways (MFA, 2FA, two-factor…).
 * Each concept is a token ("§mfa") added next to the words it was found in, so a question and an
 * entry that share a concept match even when they share no word. Patterns run on lower-cased text.
 */
export interface Concept {
  readonly token: string;
  readonly patterns: readonly RegExp[];
}

const c = (name: string, ...patterns: RegExp[]): Concept => ({ token: `§${name}`, patterns });

/**
 * Least privilege in plain words: "staff only have the privileges they need", "people are given only
 * the access they require". The §rbac concept reads it, and tokenize.ts rewrites it into the
 * library's words (with the "to do their job" that may follow).
 */
export const PLAIN_LEAST_PRIVILEGE =
  "\\b(?:only (?:have|has|get|gets|receive|receives|hold|holds|(?:are |is |be )?(?:given|granted|assigned))|(?:have|has|get|gets|receive|receives|hold|holds|given|granted|assigned) only) (?:the )?(?:access|privileges|permissions|rights)(?: (?:that|which))? (?:they|he or she|users?|staff|people|employees|each person|someone) (?:need|needs|require|requires)";

/** What people are trained on (awareness training), not data a model is trained on. */
const TRAINING_SUBJECTS =
  "gdpr|data (protection|privacy|security|handling)|privacy|(information |cyber ?)?security|polic(y|ies)|procedures|obligations|phishing|confidentiality|acceptable use|secure coding";

export const SECURITY_CONCEPTS: readonly Concept[] = [
  c(
    "mfa",
    /\bmfa\b/,
    /\b2fa\b/,
    /\bmulti[\s-]?factor/,
    /\btwo[\s-]?factor/,
    /\b2[\s-]?step/,
    /\btwo[\s-]?step/,
    /\bstrong authentication\b/,
    /\b(otp|totp|fido2?|webauthn|yubikey|hardware (security )?keys?|authenticator app)\b/,
    // ISO 27001's "secure authentication" (A.8.5) is the strong-authentication control.
    /\bsecure authentication\b/,
    // "a second authentication factor", "a second factor at sign-in".
    /\bsecond (authentication |sign[\s-]?in |login )?factors?\b/,
  ),
  c(
    "sso",
    /\bsso\b/,
    /\bsingle[\s-]?sign[\s-]?on\b/,
    /\bsaml\b/,
    /\boidc\b/,
    /\bopenid\b/,
    /\bidentity provider\b/,
    /\bidp\b/,
    /\bfederat/,
    // Higher education's SAML identity provider and federations.
    /\b(shibboleth|incommon|edugain)\b/,
    // "Can our team log in with their Microsoft accounts?": SSO named by the identity provider.
    /\b(log|sign)(ging)? ?(in|on) (with|using|via|through) (their |our |your |a |an |existing )?(own )?(microsoft|google|okta|azure( ad)?|entra( id)?|office ?365|m365|workspace|company|corporate|work) (accounts?|logins?|credentials|ids?)\b/,
    // One place that authenticates everyone: "centralized authentication, authorization and auditing".
    /\bcentral(i[sz]ed|ly managed)? (network )?(authentication|identity|identities|account management|access control)\b/,
    /\b(authentication|account management|access control)\b.{0,40}\b(is |are )?centrali[sz]ed\b/,
  ),
  c("scim", /\bscim\b/, /\b(automated|automatic) (user )?provisioning\b/, /\bde-?provisioning\b/),
  c("password", /\bpassw(or)?ds?\b/, /\bpassphrases?\b/, /\bcredentials?\b/),
  c(
    "transit",
    /\bin[\s-]transit\b/,
    /\btls\b/,
    /\bssl\b/,
    /\bhttps\b/,
    /\bover the (network|wire|internet)\b/,
    /\bin motion\b/,
    /\bwhile being transmitted\b/,
    /\btransmi(tted|ssion)\b/,
    /\bhsts\b/,
    /\bstrict[\s-]transport[\s-]security\b/,
    /\bmixed content\b/,
    /\b(secure|encrypted) (communication |network )?channels?\b/,
    // The browser's padlock is how a non-specialist names HTTPS.
    /\bpadlock\b/,
  ),
  c(
    "rest",
    /\bat[\s-]rest\b/,
    /\b(disk|storage|database|volume|full[\s-]disk) encryption\b/,
    /\bencrypt\w* (the )?(stored|storage|disks?|databases?|backups?)\b/,
    /\bstored data\b/,
    /\baes[\s-]?256\b/,
    /\bbitlocker\b/,
    /\bfilevault\b/,
  ),
  c("encrypt", /\bencrypt/, /\bcrypt/, /\bciphers?\b/, /\baes\b/),
  c(
    "keymgmt",
    /\bkey management\b/,
    /\bkms\b/,
    /\bhsms?\b/,
    /\bhardware security modules?\b/,
    /\b(encryption|cryptographic) keys?\b/,
    /\bkey rotation\b/,
    /\brotat\w+ (of )?keys\b/,
    /\bbyok\b/,
    /\bcmk\b/,
  ),
  c(
    // Keys held by the customer rather than by us: "Can the Bank provide and manage its own
    // encryption keys?" is BYOK, not our key management.
    "customerkeys",
    /\bbyok\b/,
    /\bhyok\b/,
    /\bcmks?\b/,
    /\bbring (your|our|their|its) own keys?\b/,
    /\bcustomer[\s-](managed|controlled|held|supplied|provided) (encryption )?keys?\b/,
    /\bown (encryption |master |key |cryptographic )*keys?\b/,
    /\bown key material\b/,
  ),
  c(
    "pentest",
    /\bpen(etration)?[\s-]?test/,
    /\bpentest/,
    /\bethical hack/,
    /\bred[\s-]team/,
    /\bthird[\s-]party security test/,
  ),
  c(
    "vulnscan",
    /\bvulnerabilit(y|ies) (scan|assess|manag)/,
    /\bvuln(erability)? scan/,
    /\bscann(ing|ed|er)\b/,
    /\bcves?\b/,
    /\bcvss\b/,
    /\b(system|software|security) flaws?\b/,
    /\bflaw remediation\b/,
    /\bflaws? (are |is )?(identified|reported|corrected|remediated|fixed)\b/,
    /\b(identify|identifying|correct|correcting|remediate|remediating|fix|fixing) (system |software |security )?flaws?\b/,
    /\bplans? of action\b/,
    /\bsecurity (alerts|advisories)\b/,
    /\badvisories\b/,
  ),
  c(
    "patch",
    /\bpatch/,
    /\bsecurity updates?\b/,
    /\bupdat\w+ (software|systems|operating)/,
    /\bautomatic updates?\b/,
    /\bauto-?updat/,
    /\b(kept|keep) (up[\s-]to[\s-]date|updated)\b/,
    /\blatest (versions?|releases?)\b/,
  ),
  c(
    "bcp",
    /\bbcp\b/,
    /\bbusiness continuity\b/,
    /\bcontinuity plan/,
    /\bcrisis management\b/,
    /\bdisruptions?\b/,
    /\bcontinuity of (information )?security\b/,
    /\bresilience requirements\b/,
    /\b(normal and )?adverse (situations|conditions)\b/,
    /\bcontingency plan/,
  ),
  c(
    "dr",
    /\bdr\b/,
    /\bdisaster (recovery|response)\b/,
    /\bdrp\b/,
    /\bfail[\s-]?over\b/,
    /\brecovery (plan|test|exercise)/,
    /\brto\b/,
    /\brpo\b/,
    /\brecovery time\b/,
    /\brecovery point\b/,
    // NIST's "alternate processing site": where systems run when the primary site is lost.
    /\balternate (processing|work) sites?\b/,
  ),
  // HIPAA's data backup plan: "retrievable exact copies of electronic protected health information".
  // NIST's "alternate storage site": where backup copies are kept apart from the primary site.
  c(
    "backup",
    /\bback[\s-]?ups?\b/,
    /\bsnapshots?\b/,
    /\brestor(e|ation|ing)\b/,
    /\bexact cop(y|ies)\b/,
    /\balternate storage sites?\b/,
  ),
  c(
    "sdlc",
    /\bsdlc\b/,
    /\bsecure (software )?development\b/,
    /\bdevelopment (life ?cycle|process)\b/,
    /\bsecure coding\b/,
    /\bdevsecops\b/,
  ),
  c(
    "codereview",
    /\bcode reviews?\b/,
    /\bpeer review/,
    /\bpull requests?\b/,
    /\bfour[\s-]eyes\b/,
    /\bbranch protection\b/,
    /\bprotected branch/,
    /\bpush\w* directly\b/,
    /\bmerge approvals?\b/,
    // "Every modification of the code is revised by an other developer": review in other words.
    /\b(revised|reviewed|checked|verified|approved) by (an ?other|another|a second|a different|one more) (developer|engineer|programmer|person|colleague|team member)\b/,
  ),
  c(
    "appsec",
    /\bsast\b/,
    /\bdast\b/,
    /\bsca\b/,
    /\bstatic (code )?analysis\b/,
    /\bdynamic (application )?(security )?test/,
    /\bsoftware composition\b/,
    /\bdependency scan/,
    /\bowasp\b/,
    // NIST's "developer security testing and evaluation".
    /\bsecurity testing and evaluation\b/,
    /\bdeveloper[\s-](security )?testing\b/,
  ),
  c(
    "change",
    /\bchange management\b/,
    /\bchange control\b/,
    // "changes to the production environment" as well as "changes to production"; a governance
    // template's topic is read without its little words ("restrict unauthorised changes production environment").
    /\bchanges? ((to|in|on) )?(the )?production\b/,
    /\brelease management\b/,
    /\bdeploy(ment)? (process|pipeline|approval)/,
    // NIST 800-171's wording: "track, review, approve or disapprove, and log changes", "analyze the
    // security impact of changes prior to implementation".
    /\bapprov(e|ed) or (disapprov|reject)\w*\b/,
    /\bimpact of (proposed |planned )?changes\b/,
  ),
  // Continuous integration and deployment: "Is the deployment and integration of application code
  // automated?" shares no word with "How do you secure your CI/CD pipeline?".
  c(
    "cicd",
    /\bci\s?\/\s?cd\b/,
    /\bcontinuous (integration|delivery|deployment)\b/,
    /\b(ci|build|deployment|release|delivery) pipelines?\b/,
    /\b(deployment|integration|delivery) (and|&) (deployment|integration|delivery) of\b/,
    /\b(automated|automatic) (builds?|deploy(ment)?s?|integration|releases?)\b/,
    /\b(deployment|builds?|integration|releases?) (of (application |the )?code )?(is |are )?automated\b/,
  ),
  c(
    "rbac",
    /\brbac\b/,
    /\brole[\s-]based access\b/,
    /\bleast privilege\b/,
    /\bneed[\s-]to[\s-]know\b/,
    /\bminimum (necessary )?access\b/,
    /\bprinciple of least\b/,
    /\baccess (is |are )?(limited|restricted) to (authori[sz]ed|approved)\b/,
    /\b(limit|limits|restrict|restricts) (\w+ )?access to (authori[sz]ed|approved)\b/,
    // Least privilege in plain words: "staff only have the privileges they need to do their job",
    // "people are given only the access they require for their role".
    new RegExp(`${PLAIN_LEAST_PRIVILEGE}\\b`),
    /\b(access|privileges|permissions|rights)( (that|which))? (they|users?|staff|people|employees) (need|needs|require|requires) (to do|for) (their|his or her|the) (current )?(jobs?|roles?|work|duties)\b/,
  ),
  c(
    "privileged",
    /\bprivileged\b/,
    /\badmin(istrat(or|ive))?s?\b/,
    /\broot (access|accounts?)\b/,
    /\bsuper[\s-]?users?\b/,
    /\bpam\b/,
    /\belevated (access|privileges?)\b/,
  ),
  c(
    "accessreview",
    /\baccess (reviews?|recertification|certification)\b/,
    /\breview\w* (and (revalidation|recertification|re-?validation) )?(of )?(the )?(user |users' |privileged )?access\b/,
    /\brecertif/,
    /\buser access reviews?\b/,
    // Control language puts the object first: "administrative rights are reviewed", "permissions
    // are periodically revalidated", "review of privileged accounts".
    /\b(rights|privileges|permissions|entitlements) (are |is )?(\w+ )?(reviewed|recertified|revalidated|re-?validated)\b/,
    /\breview\w* (of )?(the )?(admin\w*|privileged|user|access|account) (rights|privileges|permissions|accounts)\b/,
  ),
  c(
    "siem",
    /\bsiem\b/,
    /\blog (monitoring|management|aggregation|review)\b/,
    /\bcentral(ised|ized)? logg?/,
    /\baudit (logs?|trails?)\b/,
    /\blogg(ing|ed)\b/,
    /\blogs\b/,
    /\bsecurity monitoring\b/,
    /\bsoc\b(?! ?[12])/,
    // Spelled out: "security operations centre" (normalised to "center").
    /\bsecurity operations? center\b/,
    /\baudit (records?|events?)\b/,
    /\bevent logs?\b/,
    /\blog (review|correlation|analysis)\b/,
    // "mechanisms that record and examine activity in information systems" (audit controls).
    /\b(record|recording|records|recorded|examine|examines|examining) (and (record|examine|review|analy[sz]e) )?(user |system |account )?activit(y|ies)\b/,
    // "requirements for recording security events": logging, not staff reporting incidents.
    /\b(record|recording|recorded|capture|capturing|captured) (of )?(security|audit|system|security[\s-]relevant) events\b/,
  ),
  c(
    "edr",
    /\bedr\b/,
    /\bxdr\b/,
    /\banti[\s-]?(virus|malware)\b/,
    /\bmalware\b/,
    /\bendpoint (detection|protection|security)\b/,
    /\bmalicious (code|software|content|files?|payloads?)\b/,
    /\bvirus/,
    /\bfiles? from external sources\b/,
    /\breal[\s-]time scan/,
    /\bperiodic scans? of (\w+ )?systems\b/,
  ),
  // A web application firewall is not the firewall on a laptop or a security group: with only
  // "§firewall" in common, "Do you use a WAF?" went to the endpoint entry's software firewall.
  c("waf", /\bwaf\b/, /\bweb application firewalls?\b/),
  c("ids", /\bids\b/, /\bips\b/, /\bintrusion (detection|prevention)\b/, /\bnetwork monitoring\b/),
  c(
    "firewall",
    /\bfirewalls?\b/,
    /\bwaf\b/,
    /\bsecurity groups?\b/,
    /\bnetwork (segmentation|segregation|security)\b/,
    /\bsegment(ed|ation)\b/,
    /\bvpc\b/,
    /\bdmz\b/,
    /\b(external|internal) boundar(y|ies)\b/,
    /\bboundary protection\b/,
    /\bmanaged interfaces?\b/,
    /\bnetwork perimeter\b/,
    /\bsoftware firewalls?\b/,
    // Segregation in the other word order: "the office network is separated from the servers".
    /\bnetworks? (is |are )?(kept )?(separated|segregated|segmented|isolated)\b/,
    /\bhost[\s-]based firewalls?\b/,
  ),
  c(
    "webvuln",
    /\bxss\b/,
    /\bcross[\s-]?site (scripting|request forgery)\b/,
    /\b[cx]srf\b/,
    /\b(anti[\s-]?forgery|request forgery)\b/,
    /\bclick[\s-]?jack/,
    /\bx-frame-options\b/,
    /\bframe[\s-]ancestors\b/,
    /\b(framed|framing) by\b/,
    /\bcontent security policy\b/,
    /\bcsp\b/,
    /\b(sql|command|code|ldap|os) injection\b/,
    /\binjection (attacks?|flaws?|vulnerabilit)/,
    /\bsqli\b/,
    /\bssrf\b/,
    /\bserver[\s-]side request forgery\b/,
    /\binput validation\b/,
    /\bvalidat\w+ (all |user |untrusted )?(input|parameters)\b/,
    /\bsaniti[sz]/,
    /\boutput encoding\b/,
    /\bparameteri[sz]ed quer/,
    /\bprepared statements?\b/,
    /\b(open redirects?|path traversal|directory traversal|insecure deserial\w*)\b/,
    // XML external entities: an injection path through the parser.
    /\bxxe\b/,
    // Cross-site scripting described rather than named: script injected into content and run in
    // another user's browser, content escaped or encoded before it is displayed.
    /\b(inject\w*|malicious|arbitrary|attacker'?s?) (java)?script\b/,
    /\bscripts? (injected|injection)\b/,
    /\b(escap|encod)\w* (\w+ ){0,4}(before|when|where) (it is |they are |it'?s )?(displayed|rendered|shown|output)\b/,
    /\bencoded for (the |its )?(output )?context\b/,
    // Server-side request forgery described: URLs users enter, the cloud metadata service.
    /\bmetadata (service|endpoint|address|api)\b/,
    /\bimdsv?[12]?\b/,
    /\buser[\s-](supplied|provided|entered|controlled) (urls?|addresses|webhooks?)\b/,
    /\b(urls?|addresses) (that |which )?(our |your )?(users?|customers?) (enter|supply|provide|type)\b/,
    /\bxml external entit/,
    /\bexternal entit(y|ies)\b/,
    /\bweb application (vulnerabilit|attacks?|security)/,
  ),
  c(
    // Forged requests, however a long question describes them: another page making the signed-in
    // user's browser send requests, actions taken on the user's behalf without their knowledge.
    "csrf",
    /\b[cx]srf\b/,
    /\bcross[\s-]?site request forgery\b/,
    /\b(anti[\s-]?forgery|request forgery)\b/,
    /\bforged (cross[\s-]site )?(requests?|submissions?)\b/,
    /\brequests? on (their|the user'?s|a user'?s|users'?|his or her|the victim'?s) behalf\b/,
    /\b(external|another|other|malicious|third[\s-]party|attacker'?s?|phishing|hostile) (web )?(page|site|website|tab|origin|domain)s?\b.{0,80}\b(browsers?|requests?|cookies|signed[\s-]in|logged[\s-]in)\b/,
    /\bsame[\s-]?site\b/,
  ),
  c(
    "cookies",
    /\bcookies?\b/,
    /\bhttp[\s-]?only\b/,
    /\bsame[\s-]?site\b/,
    /\bsession (fixation|hijack\w*|identifiers?|ids?|tokens?|cookies?)\b/,
    // Signed tokens used as sessions.
    /\bjwts?\b/,
    /\bjson web tokens?\b/,
  ),
  c(
    "ratelimit",
    /\brate[\s-]?limit/,
    /\bthrottl/,
    /\bbrute[\s-]?force\b/,
    /\b(account )?lock[\s-]?out\b/,
    /\bcaptcha\b/,
    /\bcredential stuffing\b/,
    /\bfailed (login|logon|sign[\s-]?in|authentication) attempts\b/,
    // A cap on failed logons, in NIST SP 800-53 AC-7 / 800-171 3.1.8's words: "limit unsuccessful
    // logon attempts", "a limit of consecutive invalid logon attempts by a user". Not failed logons
    // alone ("are unsuccessful login attempts logged?" is about logging).
    /\b(limits?|limited|limiting|consecutive|successive|repeated|maximum number of) (?:(?:of|on|the|number of|consecutive|successive) )*(invalid|unsuccessful|incorrect|wrong|bad|failed) (login|logon|log[\s-]?on|log[\s-]?in|sign[\s-]?in|authentication|password) attempts?\b/,
  ),
  c("upload", /\b(file )?uploads?\b/, /\buploaded (files?|documents?|content)\b/, /\battachments?\b/),
  c(
    "certs",
    /\bpublic[\s-]key (certificates?|infrastructure)\b/,
    /\bpki\b/,
    /\bdigital certificates?\b/,
    /\bcertificate authorit(y|ies)\b/,
    /\bx\.?509\b/,
    /\b(mutual tls|mtls)\b/,
    /\b(tls|ssl|server) certificates?\b/,
  ),
  c(
    "maintenance",
    /\bmaintenance (personnel|activities|tools|records|staff|providers?)\b/,
    /\b(controlled|remote|non-?local) maintenance\b/,
    /\bmaintenance (on|of) (\w+ )?(systems|equipment|hardware)\b/,
    /\bequipment (is )?maint/,
  ),
  c(
    "inactive",
    /\b(inactive|dormant|stale|unused) (user )?(accounts|identifiers|ids|users)\b/,
    /\b(days|period) of inactivity\b/,
    /\bidentifiers? (are |is )?disabled\b/,
  ),
  c("ddos", /\bddos\b/, /\bdenial[\s-]of[\s-]service\b/),
  c(
    "dpa",
    /\bdpa\b/,
    /\bdata processing (agreement|addendum)\b/,
    /\barticle 28\b/,
    /\bart\.? 28\b/,
    // Article 28 language: the processor acts "only on documented instructions from the controller".
    /\b(documented|written) instructions\b/,
    /\binstructions (of|from) (the |us as )?controller\b/,
  ),
  c(
    "subprocessor",
    /\bsub[\s-]?processors?\b/,
    /\bsub[\s-]?contractors?\b/,
    // The verb: "Do you subcontract any part of the services?"
    /\bsub[\s-]?contract(s|ed|ing)? (any|out|part|some|all|work|services?|functions?)\b/,
    // The practice as a noun: "before subcontracting a material part", "subcontracting arrangements",
    // "changes to the subcontracting chain" (DORA Art. 30's "conditions applying to such subcontracting").
    /\bsub[\s-]?contracting\b/,
    // Financial-services wording: "sub-outsourcing" of critical or important functions.
    /\bsub[\s-]?outsourc\w*/,
    /\bfourth[\s-]part(y|ies)\b/,
    /\b4th[\s-]part/,
    // Article 28 calls a sub-processor "another processor".
    /\b(another|other|further|additional|new) processors?\b/,
    // "Which other companies get our data - like the tools you use?"
    /\b(other|outside|external) (companies|firms|businesses|vendors|tools|services|apps) (\w+ ){0,2}(get|gets|see|sees|receive|receives|touch|touches|can see|can access|have access to)\b.{0,20}\b(our|the|customer|my) (data|information|content)\b/,
    // "third parties that process our data on your behalf": sub-processing described, not named.
    /\b(third[\s-]part(y|ies)|(outside|external|other) (companies|firms|parties|organi[sz]ations|providers)) (that |who |which )?(process|processes|handle|handles|store|stores|access|accesses)\b.{0,60}\bon (your|its) behalf\b/,
  ),
  c(
    "vendor",
    /\bthird[\s-]part(y|ies) (risk|vendors?|suppliers?|providers?|management)\b/,
    /\bsupplier (risk|management|security|assessment)\b/,
    /\bvendor (risk|management|assessment|due diligence)\b/,
    /\bsupply[\s-]chain\b/,
    /\btprm\b/,
    /\b(critical|key|third[\s-]party) (vendors?|suppliers?)\b/,
    /\b(vendors?|suppliers?) (are )?(re-?assess|review)/,
    // The contracts with them: "vendor contracts", "agreements with third parties". Without it, "Are
    // vendor contracts reviewed for security terms?" went to our own contract with the customer.
    /\b(vendors?|suppliers?|subcontractors?|third[\s-]part(y|ies)|service providers?)('s?)? (contracts?|agreements?)\b/,
    /\b(contracts?|agreements?) with (\w+ )?(vendors?|suppliers?|subcontractors?|third[\s-]parties|service providers?)\b/,
    /\bcounterfeit\b/,
    /\btamper(ed|ing)? (components|hardware|software)\b/,
    /\bcomponent (authenticity|provenance)\b/,
    /\bsupply chain risks?\b/,
    /\bsupply[\s-]chain (relationships?|organi[sz]ations?|partners?|agreements?)\b/,
    // Formal and sector wording for suppliers: "service providers" (CIS, DORA "ICT third-party
    // service providers"), "providers of external system services" (NIST).
    // Only where the provider relationship is the subject: "data flows to service providers" is not.
    /\b(third[\s-]party|external|ict|managed|outsourced) service providers?\b/,
    /\bservice providers?'? (are |is )?(\w+ )?(management|inventory|contracts?|agreements?|risk|assessments?|oversight|monitoring|decommission\w*)\b/,
    /\b(inventory|list|register|contracts?|agreements?|assessments?|monitoring|oversight|management|classification) (of|with|for) (all |the |its |your )?(\w+ )?service providers?\b/,
    /\bexternal (system|information system) services\b/,
    // Cyber Essentials' "IT support company" that manages the devices is a supplier too.
    /\b(it support|managed service|managed it|outsourced it) (compan(y|ies)|providers?|partners?|firms?|suppliers?)\b/,
    /\bmsps?\b/,
  ),
  c(
    "incident",
    /\bincidents?\b/,
    /\bcsirt\b/,
    /\bcirt\b/,
    /\bir plan\b/,
    /\bsecurity events?\b/,
    /\bincident[\s-]handling\b/,
    /\bincident response capabilit/,
  ),
  c(
    "breach",
    /\bbreach/,
    /\bnotif(y|ied|ies|ication|ications)\b/,
    // GDPR's notice deadline, unless the hours bound a patch or a fix ("critical updates applied within 72 hours").
    /(?<!\b(patch|updat|appl|fix|remediat|install|resolv|restor|recover)\w*\b[^.?;]{0,50})\b72 hours\b/,
    /\bdata leak/,
    // "inform us without undue delay of any incident": notification in other verbs.
    /\b(inform|tell|alert|warn) (us|customers?|the customer|the controller|clients?)\b.{0,60}\b(incidents?|breach\w*)\b/,
    /\bwithout undue delay\b/,
    // A non-specialist's words: "What happens if you get hacked?", "Would you tell us if something
    // went wrong with our data?".
    /\bhacked\b/,
    // An engineer's words for the same: "if you get popped", "have you been pwned?".
    /\b(popped|pwned)\b/,
    /\bsomething (goes|went|has gone|ever goes) wrong with (our|the|my|your) (data|information|account)\b/,
  ),
  // HIPAA's contract with a vendor that handles PHI: "business" is a stopword, so without the concept
  // "Business Associate Agreement" is only "associate agreement".
  c("baa", /\bbaas?\b/, /\bbusiness associates?\b/),
  c("gdpr", /\bgdpr\b/, /\bgeneral data protection\b/, /\buk gdpr\b/, /\bdata protection (law|regulation|act)\b/),
  c("nis2", /\bnis ?2\b/, /\bnis directive\b/),
  c(
    "privacy",
    /\bprivacy\b/,
    /\bpersonal (data|information)\b/,
    /\bpii\b/,
    /\b(phi|ephi|e-phi)\b/,
    /\bprotected health information\b/,
    /\bpersonally identifiable\b/,
    /\bdata subjects?\b/,
    // Higher-education questionnaires: FERPA and the records of students.
    /\bferpa\b/,
    /\beducation(al)? records?\b/,
    /\bstudent (records?|data|information)\b(?! systems?)/,
  ),
  c(
    "dsar",
    /\bdsars?\b/,
    /\bdata subject (access )?requests?\b/,
    /\bright to (be forgotten|erasure|access|rectification)\b/,
    /\brequests? (from|by|of) (the )?data subjects?\b/,
    /\bdata subjects?'? (exercising|exercise of|rights)\b/,
  ),
  c(
    "residency",
    /\bdata (residency|localization|localisation|location|sovereignty)\b/,
    // "Where is customer data physically stored?", "where will our information be hosted?": "where"
    // asked, not a relative clause ("tour the facility where our data is hosted" is about visits).
    /\bwhere\b(?<=(?:^|[,;:(]\s*|\b(?:and|or|us|please|describe|specify|indicate|state|confirm|explain|list|know)\s+)where)[^?.]{0,40}\b(data|information|content|records)\b[^?.]{0,25}\b(stored|hosted|located|kept|held|reside|resides)\b/,
    // Data (not people) kept somewhere: "institutional data be stored on servers located outside the
    // United States", "is customer data hosted in the EU?". Without it the words "located outside the
    // United States" led to where the staff are.
    /\bdata (will |would |may |can |is |are |be |being |ever )*(be )?(stored|hosted|kept|held|processed|located|reside|resides)\b.{0,60}\b((outside|inside|within) (of )?(the |a |any |your )?(\w+ ){0,2}(countr(y|ies)|regions?|jurisdictions?|eu|eea|us|usa|uk|united states|united kingdom|europe(an)?( union| economic area)?)|in (the )?(eu|eea|us|usa|uk|united states|united kingdom|europe(an)?( union)?|(which |what |other |specific |particular )?(countr(y|ies)|regions?|jurisdictions?)))\b/,
    // Where the hosting is: "Where are the data centres that will host our data located?", "the
    // location of your data centers".
    /\bwhere (is|are|will|would)\b[^?.]{0,20}\b(data ?cent(er|re)s?|hosting|servers?|facilities|infrastructure|cloud regions?)\b[^?.]{0,60}\b(located|based|situated)\b|\blocations? of (your |the )?(data ?cent(er|re)s?|hosting|servers?)\b/,
    /\bcross[\s-]border\b/,
    /\btransfers?\b.*\b(outside|third countr)/,
    /\bsccs?\b/,
    /\bstandard contractual clauses\b/,
  ),
  c(
    // The GDPR's tools for a transfer to a third country besides SCCs (§residency), by name: adequacy,
    // BCRs, the UK IDTA and Addendum, the EU-US Data Privacy Framework, a "restricted transfer".
    "transfertool",
    /\badequacy (decisions?|regulations?)\b/,
    /\bbinding corporate rules\b|\bbcrs?\b/,
    /\bidta\b|\buk addendum\b|\binternational data transfer (agreement|addendum)\b/,
    /\bdata privacy framework\b/,
    /\brestricted transfers?\b/,
  ),
  c("dpia", /\bdpias?\b/, /\b(data protection|privacy) impact assessments?\b/, /\bpias?\b/),
  c(
    "retention",
    /\bretention\b/,
    /\bretain/,
    /\bhow long\b.*\b(keep|store|hold)\b/,
    // "Does the model provider keep prompts?", "keep copies of what our users type in".
    /\b(providers?|vendors?|models?) (keep|keeps|kept)\b|\bkeep(s|ing)? (a |any )?cop(y|ies)\b/,
  ),
  c(
    "deletion",
    /\bdelet/,
    /\berasure\b/,
    /\bpurg/,
    /\bdispos(e|al)\b/,
    /\bdestr(oy|uction)\b/,
    /\bsanitiz|sanitis/,
    /\bwip(e|ing)\b/,
    /\bshred/,
  ),
  // "…made aware of the security risks associated with their activities" (NIST 800-171 3.2.1).
  c(
    "training",
    /\btraining\b/,
    /\bawareness\b/,
    /\bphishing simulation/,
    /\beducat/,
    /\bmade aware\b/,
    // NIST SP 800-53 rev. 5 calls awareness training "literacy training".
    /\b(security|cyber ?security|privacy) literacy\b/,
    // People trained, in the verb: "Are staff trained on data protection?", "employees … trained in
    // GDPR obligations" (a model "trained on our data" is §modeltraining).
    new RegExp(`\\btrained (on|in|about) (the |our |your |their |its )?(${TRAINING_SUBJECTS})\\b`),
    /\b(staff|employees|personnel|workforce|workers|people|everyone|engineers|developers|contractors|members)\b[^.?;]{0,60}\b(are|is|be|been|get|gets) trained\b/,
  ),
  c(
    "background",
    /\bbackground (checks?|screening|investigation)/,
    /\bscreen(ing|ed)\b.*\b(employees?|staff|personnel|hires?)\b/,
    /\bpre[\s-]employment\b/,
    /\bvetting\b/,
    /\bcriminal (record|history)\b/,
    /\b(individuals|personnel|people|candidates|staff|employees) (are |is )?(screened|vetted)\b/,
    /\bpersonnel screening\b/,
    /\bscreen(ed|ing)? (prior|before)\b/,
  ),
  c(
    "offboarding",
    /\boff[\s-]?boarding\b/,
    // Termination of employment, not of the customer's contract ("What happens to our data at
    // contract termination?" went to the disciplinary process).
    /(?<!\b(contract|agreement|service|subscription|relationship|engagement) )\btermination\b(?! of (the |our |your |this )?(contract|agreement|service|subscription|relationship|engagement))/,
    /\bleav(ers?|ing)\b/,
    // "When someone leaves the business, how fast are their accounts switched off?"
    // ("the company" is gone by now: normalizeText drops the vendor named as the subject.) Not
    // "when someone leaves" alone, an aside as often as the topic ("…wiped when lost or when someone leaves").
    /\b(leaves|left|quits) (the |your |our )?(business|firm|team|job)\b/,
    // "protected during and after personnel actions such as terminations and transfers" (3.9.2).
    /\bpersonnel actions?\b/,
    /\bdepart(ure|ing)\b/,
    /\brevok\w+ (of )?access\b/,
  ),
  c(
    "mover",
    /\bjoiners?\b/,
    /\bmovers?\b/,
    /\b(role|job|position|department) (changes?|transfers?)\b/,
    /\bchang\w+ (their |of )?(roles?|jobs?|positions?|departments?)\b/,
    /\binternal transfers?\b/,
    /\b(personnel|staff|employees?|users?|people|individuals) (are |is |who are )?(transferred|reassigned)\b/,
    /\breassign(ed|ment)\b/,
  ),
  c(
    "nda",
    /\bnon[\s-]disclosure\b/,
    /\bconfidentiality (agreements?|undertakings?|obligations?|commitments?|clauses?)\b/,
    /\bndas?\b/,
    // "persons authorised to process … have committed themselves to confidentiality" (GDPR Art. 28).
    /\bcommitted (themselves )?to confidentiality\b/,
    /\b(obligations?|duty|duties) of confidentiality\b/,
    /\b(statutory|contractual) obligation of confidentiality\b/,
    // "Once someone has left, are they still bound to keep what they learned confidential?"
    /\b(bound|obliged|obligated|required) to keep\b[^.?]{0,40}\b(confidential|secret|private)\b/,
  ),
  c(
    "physical",
    /\bphysical (security|access)\b/,
    /\bdata cent(er|re)s?\b/,
    /\bsurveillance (systems?|cameras?)\b|\bvideo (surveillance|monitoring)\b/,
    /\b(ingress and egress|entry and exit|entrance and exit) (points|areas)\b/,
    /\bsecurity perimeters?\b/,
    /\bbadges?\b/,
    /\bcctv\b/,
    /\bvisitors?\b/,
    /\bpremises\b/,
    /\bfacilit(y|ies)\b/,
    /\boffices?\b/,
    /\bsecure areas?\b/,
    /\bcabling\b/,
    /\bequipment (is )?maint/,
    /\bmaint\w+ (of )?(the )?equipment\b/,
  ),
  // Levels of sensitivity ("public, internal-only or highly sensitive") name data classification
  // though the word is not there.
  c(
    "dataclass",
    /\b(sensitivity|confidentiality) (levels?|tiers?)\b/,
    /\bpublic\b[^.?;]{0,30}\binternal\b[^.?;]{0,40}\b(confidential|sensitive|restricted|secret)\b/,
  ),
  c(
    "asset",
    /\basset (inventory|register|management)\b/,
    // An inventory of accounts or of suppliers is about identities or suppliers, not assets.
    /\binventor(y|ies)\b(?! of (all |the |your |its )?([\w-]+ )?(service providers|providers|suppliers|vendors|third parties|accounts|identities))/,
    /\bunauthori[sz]ed (assets|devices|hardware)\b/,
    /\b(devices|systems|hardware|assets) (are |is )?inventoried\b/,
    /\b(keep|keeps|kept|maintain|maintains|maintained|hold|holds) (a |an )?(up[\s-]to[\s-]date |current |complete )?(list|register|record) of (all )?(the |your )?(it |company |physical )?(devices|systems|hardware|software|assets|servers|laptops|equipment)\b/,
    // "Could you produce a complete list of the laptops, servers and cloud accounts you own?"
    /\b(up[\s-]to[\s-]date|current|complete|full|accurate) (list|register|record) of (all )?(the |your |its )?(it |company |physical )?(devices|systems|hardware|software|assets|servers|laptops|computers|equipment)\b/,
    /\bcmdb\b/,
    // Not NIST's risk formula "risk to organizational operations, organizational assets, individuals":
    // the assets there are whatever could be harmed, not an inventory.
    /(?<!\boperations\b[^.;?]{0,60})\bassets\b(?!,? (and |or )?(other )?individuals\b)/,
    /\bsystem components?\b/,
    /\b(delivery|removal|relocation|movement) of (\w+ )?(equipment|assets|components|hardware)\b/,
    /\b(equipment|assets|hardware) (taken|removed|moved) off[\s-]?(site|premises)\b/,
    /\boff[\s-]?(site|premises) (equipment|assets)\b/,
    // "When laptops are taken out of the office…"
    /\b(laptops|devices|equipment|assets|hardware|computers) (are |is )?(taken|carried|used) (out of|outside|away from) (the )?(office|premises|building)\b/,
  ),
  c(
    "mdm",
    /\bmdm\b/,
    /\bmobile device management\b/,
    /\bbyod\b/,
    /\blaptops?\b/,
    // "Endpoints" of an API or a public service are not devices.
    /\b(?<!(api|public|http|https|rest|web|service|graphql|internet[\s-]facing|exposed|your) )endpoints?\b(?! (of|for|in) (the|our|your) (api|service))/,
    /\bworkstations?\b/,
    /\bmobile devices?\b/,
  ),
  c(
    "removable",
    /\bremovable media\b/,
    /\busb\b/,
    /\bportable (storage|media|drives?|disks?|hard (drives?|disks?))\b/,
    /\bremovable (storage|drives?|disks?|devices?)\b/,
    /\b(memory|thumb|flash|pen) (sticks?|drives?)\b/,
    /\bexternal (drives?|storage)\b/,
    /\b(system|digital|storage|paper and digital) media\b/,
    /\bmedia (protection|sanitization|sanitisation|handling|transport)\b/,
  ),
  c("dlp", /\bdlp\b/, /\bdata (loss|leakage) prevention\b/, /\bexfiltrat/),
  c(
    "risk",
    /\brisk (assessments?|analys[ie]s|management|registers?|treatments?)\b/,
    /\brisk[\s-]based\b/,
    // The noun after the verb: "an assessment of the potential risks", "risks are assessed".
    /\b(assessment|analysis) of (the )?(potential |security |information security |cyber ?security )?risks?\b/,
    /\brisks? (are |is )?(periodically |regularly )?(assessed|analy[sz]ed)\b/,
    // …with what is at risk between: "Is risk to organizational operations, assets and individuals … assessed?"
    /\brisks? (to|of|for) [^.;?]{0,90}?\b(assessed|analy[sz]ed|evaluated)\b/,
  ),
  c("policy", /\bpolic(y|ies)\b/, /\bstandards and procedures\b/, /\bisms\b/),
  // Knowing which laws apply and following their changes: "a register of the regulations that apply
  // to you", "keep track of changes in data protection legislation", "regulatory change monitoring".
  c(
    "legalreg",
    /\b(register|inventory|list|catalogue|track|tracking|monitor|monitoring|identify|identifying|identification) (of |on )?(the |all |any )?(changes (in|to) )?(applicable |relevant |new )?(data protection |privacy |security )?(laws|regulations|legislation|legal (and |or )?(statutory |regulatory )?requirements|regulatory (requirements|obligations|changes|developments)|statutory (and |, )?(regulatory )?(requirements|obligations))\b/,
    /\bregulatory (change|horizon)( scanning| monitoring| management)?\b/,
    /\b(laws|regulations|legislation|legal requirements|regulatory requirements) (that |which )?(apply|applies|are applicable|affect|affects) to (you|your|us|the (organi[sz]ation|company|services?))\b/,
    /\b(statutory|legal), regulatory (and|or) contractual (requirements|obligations)\b/,
  ),
  c(
    "soc2",
    /\bsoc ?2\b/,
    /\bsoc ?ii\b/,
    /\btype (ii|2|i|1)\b/,
    /\bssae ?18\b/,
    /\bisae ?3402\b/,
    /\baicpa\b/,
    /\battestation report\b/,
    /\btrust services criteria\b/,
  ),
  c(
    // Asking for the document itself ("share your SOC 2 report", "a copy of the certificate"): the
    // words are questionnaire filler elsewhere, so the request is a concept of its own.
    "docrequest",
    /\b(share|provide|send|supply|see|review|obtain|download|request)\b.{0,40}\b(reports?|certificates?|letters?|attestations?|summary|soa)\b/,
    /\bcopy of\b/,
    /\b(reports?|certificates?|letters?) (available|on request|under nda)\b/,
  ),
  c("iso27001", /\biso(\/iec)?[\s-]?27001\b/, /\b27001\b/, /\biso certif/, /\bisms certif/),
  c(
    "certification",
    /\bcertif(ied|ication|icate)s?\b/,
    /\baudit(ed|s)?\b/,
    /\battest/,
    /\bcompliance reports?\b/,
    /\bindependent (assessment|review|auditor)/,
    // "Does anyone independent check that you're actually secure, like an auditor?"
    /\b(anyone|someone|somebody) independent\b/,
    /\bindependent(ly)? (check|checks|checked|verif\w+|tests?|tested)\b/,
    // ISO 27001 A.5.35: "…approach to managing information security reviewed independently".
    /\b(reviewed|assessed|audited|evaluated|checked|verified|examined) independently\b|\bindependent(ly)? (reviews?|reviewed|evaluations?|evaluated|examin\w+)\b/,
    // "Does someone outside your own security team check your security now and then?"
    /\b(someone|somebody|anyone|a person|people|a party) (from )?outside (of )?(your|the) (own )?([\w-]+ )?(team|function|department|company|organi[sz]ation)\b[^.?]{0,30}\b(check|checks|review|reviews|test|tests|audit|audits|assess|assesses|look|looks)\b/,
  ),
  c(
    "ai",
    /\bai\b/,
    /\bartificial intelligence\b/,
    /\bmachine learning\b/,
    /\bml\b/,
    /\bllms?\b/,
    /\blarge language models?\b/,
    /\bgenerative\b/,
    /\b(train|training) (the |your |a )?models?\b/,
    // The products and parts of an AI feature buyers name instead: "public chatbots such as
    // ChatGPT", "the assistant", "prompts", "model provider", "embeddings".
    /\b(chatgpt|gpt-?\d\w*|openai|anthropic|claude|gemini|copilot|chatbots?|ai assistants?|genai|gen ai)\b/,
    /\b(prompt injection|jailbreak\w*|embeddings?|vector (index|indexes|indices|stores?|databases?)|model (providers?|outputs?|versions?|weights)|foundation models?|open[\s-]weight)\b/,
    // Words only an AI feature has: "retrieval-augmented generation (RAG)", "hallucinations", "model
    // cards", "system prompts", "agentic workflows", "small language models".
    /\b(retrieval[\s-]augmented generation|rag|hallucinat\w*|model cards?|system cards?|agentic|(small|large|foundation) language models?)\b/,
    // A prompt, but not the one an operating system shows ("delay the next logon prompt", AC-7; a
    // password or UAC prompt).
    /\bprompts?\b(?<!\b(?:logon|login|log-on|log-in|sign-in|sign-on|password|passcode|pin|command|uac|mfa|push|authentication|consent) prompts?)/,
  ),
  c(
    // Training a model on data, not training people: "AI feature trains on our data?", "used to
    // develop, train or improve any AI model". "Training" alone is mostly awareness training.
    "modeltraining",
    /\b(train|trains|trained|training|retrain\w*|fine[\s-]?tun\w*)\b[^.?;]{0,40}\b(models?|ai|llms?|algorithms?|machine learning|artificial intelligence)\b/,
    // …but people are "trained on data protection", "trained on GDPR and privacy obligations": the
    // subject of awareness training, not data a model learns from.
    new RegExp(
      `\\b(trains?|trained|retrained|fine[\\s-]?tuned) on\\b(?! (the |our |your |their |its )?(${TRAINING_SUBJECTS}|awareness|compliance|incident|how to)\\b)`,
    ),
    // "Do you use customer content, even anonymised, to improve your own models?"
    /\b(improve|improves|improving|enhance|enhancing|develop|developing) (your |our |its |their )?(own )?(ai |ml )?(models?|algorithms?|ai)\b/,
  ),
  c(
    "cloud",
    /\bcloud (provider|service|hosting|infrastructure)\b/,
    /\baws\b/,
    /\bamazon web services\b/,
    /\biaas\b/,
    /\bpaas\b/,
    /\bhosting\b/,
    /\bhosted\b/,
    /\bpublic cloud\b/,
    /\bcolocation\b/,
    /\bown (data ?cent(er|re)s?|servers|hardware)\b/,
  ),
  c(
    "sharedresp",
    /\bshared responsibility\b/,
    /\bcustomer responsibilit/,
    /\bcuecs?\b/,
    /\bcomplementary user entity\b/,
    /\bssrm\b/,
    // "…which security jobs are yours and which are the provider's?"
    // ("the provider's" is gone by now: normalizeText drops the vendor named as the subject.)
    /\byours,? and which (are|is)\b/,
    // "How do you secure your own part of the cloud set-up, given the provider only looks after theirs?"
    /\bprovider only (looks after|handles|covers|secures|manages|is responsible for)\b/,
    /\b(your|our) (own )?(part|side|share|half) of (the )?(cloud|set[\s-]?up|configuration|security)\b/,
  ),
  c(
    "multitenant",
    /\bmulti[\s-]?tenan/,
    // "unauthorized and unintended information transfer via shared system resources" (3.13.4).
    /\bshared system resources\b/,
    /\btenant (isolation|separation)\b/,
    /\blogical (separation|segregation|isolation)\b/,
    /\bsegregat\w+ (of )?(customer|client) data\b/,
    // Object-level authorisation (IDOR, BOLA): one tenant reaching another's records by changing an
    // identifier is a failure of tenant isolation, whatever the question calls it.
    /\bidors?\b/,
    /\binsecure direct object ref/,
    /\bbola\b/,
    /\bobject[\s-]level (authori[sz]ation|access control)\b/,
    // "…that the object belongs to the caller's organisation": an ownership check on every request.
    /\b(object|record|resource|item)s?\b.{0,40}\b(belongs?|belonging) to (the )?([\w-]+'?s? )?(own )?(organi[sz]ation|tenant|account|company|workspace)\b/,
    // "…surfacing data that belongs to another customer", "another tenant's records" (the pattern
    // below reads "other customers' data").
    /\b(belongs?|belonging) to (another|other|a different) (customers?|tenants?|clients?|organi[sz]ations?)\b|\banother (customer|tenant|client)'?s\b/,
    /\b(another|other|a different) (tenant|customer|organi[sz]ation|client)'?s'? (data|records?|objects?|resources?)\b/,
  ),
  c(
    // Who may alter the record of what happened: tamper-proof, read-only or restricted logs.
    "logintegrity",
    /\b(logs?|logging|audit (records?|trails?))\b.{0,60}\b(read[\s-]only|immutable|tamper\w*|write[\s-]once|worm|modification|deletion|restricted to)\b/,
    /\b(read[\s-]only|immutable|tamper[\s-]\w+|write[\s-]once|worm)\b.{0,40}\b(logs?|logging|audit (records?|trails?))\b/,
    /\b(access to|integrity of|protection of) (the )?(audit |security )?(logs?|log information|audit (records?|trails?))\b/,
  ),
  c(
    "timesync",
    /\bntp\b/,
    /\bclock synchroni[sz]/,
    /\btime synchroni[sz]/,
    /\bsynchroni[sz]ed (\w+ )?(time|clocks?)\b/,
    /\btime source\b/,
    /\b(authoritative|reference|common|central|single) (source of )?time\b/,
    /\btime from (an? |the |one )?((authoritative|reference|trusted|central|common|single|synchroni[sz]ed),? (and )?)+(\w+ )?(sources?|references?|servers?|clocks?)\b/,
  ),
  c(
    "threatintel",
    /\bthreat intel/,
    /\bthreat feeds?\b/,
    /\bthreat landscape\b/,
    // "information about emerging threats is gathered": intelligence described, not named.
    /\b(information|intelligence|data|knowledge) (about|on|of) (emerging|new|current|evolving|relevant) (cyber )?threats\b/,
    /\bemerging (cyber |security )?threats\b/,
    // "new attack techniques and hacker groups going after companies like yours"
    /\b(attack(er)?|hacker|hacking|threat|criminal|ransomware) (groups?|actors?|techniques|tactics|campaigns|trends)\b/,
  ),
  c(
    "bugbounty",
    /\bbug bounty\b/,
    /\bresponsible disclosure\b/,
    /\bvulnerability disclosure\b/,
    /\bsecurity\.txt\b/,
    // "a public reporting channel for receiving reports of vulnerabilities" (NIST RA-5(11)).
    /\breporting channel\b/,
    /\breceiv\w+ (\w+ )?reports? of vulnerabilit/,
  ),
  c("insurance", /\binsurance\b/, /\bcyber (liability|insurance)\b/, /\binsured\b/),
  c(
    "hardening",
    /\bhardening\b/,
    /\bhardened\b/,
    /\bcis benchmarks?\b/,
    /\bsecure configuration\b/,
    /\bbaseline configurations?\b/,
    /\bconfiguration management\b/,
    /\bdefault (vendor |factory )?(passwords?|credentials|accounts|settings)\b/,
    /\bsecurity configuration settings\b/,
    /\bconfiguration (settings|baselines?)\b/,
    /\b(only )?essential capabilities\b/,
    /\bleast functionality\b/,
    /\bnon-?essential (programs|functions|ports|protocols|services)\b/,
    /\bunnecessary (services|ports|protocols|functions|software|accounts)\b/,
    /\bauto-?(run|play)\b/,
    /\bmacros?\b/,
  ),
  c(
    // Rules for using company systems, whatever the framework calls them.
    "aup",
    /\bacceptable use\b/,
    /\baups?\b/,
    /\brules of behaviou?r\b/,
    /\bexpected behaviou?r\b/,
    // "Are employees told what they may and may not do with company laptops?"
    /\bwhat (they|staff|employees|people|users|personnel|workers) (may|can|are allowed to) and (may|can|are) ?(not|n't)( allowed to)? do\b/,
    /\bdos and don'?ts\b/,
  ),
  c(
    // Code written by someone else for the vendor: "If you use contractors or an agency to write code for you…"
    "outsourceddev",
    /\boutsourc\w* (software |product )?(develop|coding|programming|engineering)/,
    /\b(contractors?|agenc(y|ies)|freelancers?|third[\s-]part(y|ies)|external (firms?|developers?|compan(y|ies)))\b[^.?]{0,40}\b(write|writes|writing|build|builds|building|develop|develops|developing) (code|software|features|the product|(your|its) (code|software|product))\b/,
    /\b(write|writes|build|builds|develop|develops) (code|software) for (you|your company|the company)\b/,
  ),
  c(
    // Equipment and media at the end of their use (A.7.14), not data deleted on request: "What
    // happens to old laptops and disks when you get rid of them?"
    "disposal",
    /\bdispos(e|al|ing|ed)( of)? (the |old |all |any |their |your |its )*(equipment|media|devices|hardware|laptops|computers|disks|drives|assets|storage|phones)\b/,
    /\b(equipment|media|devices|hardware|laptops|computers|disks|drives|assets|storage|phones)\b[^.?]{0,40}\bdispos(e|al|ed|ing)\b/,
    /\bget(ting)? rid of\b/,
    /\bthrow(n|ing|s)? (them |it )?(away|out)\b/,
    /\bdecommission(ed|ing)? (of )?(the )?(old )?(laptops|devices|hardware|equipment|media|disks|drives|servers)\b/,
    /\b(old|retired|broken|end[\s-]of[\s-]life) (laptops|devices|hardware|equipment|media|disks|drives|phones)\b/,
  ),
  c(
    // Learning from an incident (A.5.27): "do you sit down and work out what to change so it doesn't happen again?"
    "lessons",
    /\blessons? (were |are |is )?learn(ed|t)\b/,
    /\broot[\s-]causes?\b/,
    /\bpost[\s-]?(incident reviews?|mortems?)\b/,
    /\bso (that )?(it|this|they) (doesn't|does not|won't|will not|can't|cannot|don't|do not) happen again\b/,
    /\b(prevent|avoid) (a |any )?(recurrence|repeat)\b/,
  ),
  c(
    // Documented operating procedures (A.5.37), in the words of people who run them.
    "runbooks",
    /\b(standard operating|operating) procedures\b/,
    /\bstep[\s-]by[\s-]step\b/,
    /\b(routine|operational|day-to-day|everyday|recurring) (operational |it )?(tasks|procedures|operations|activities) (are |is )?(written down|documented|recorded)\b/,
  ),
  c(
    // What happens to someone who breaks the rules: HIPAA's "sanction policy", ISO's "disciplinary
    // process". Sanctions laws and lists are export control, not this.
    "disciplinary",
    /\bdisciplinary\b/,
    /\bsanctions? (policy|process|procedure|against|for (policy )?(violations?|non-?compliance))\b/,
    /\b(apply|applies|applied|impose|imposes|imposed) (appropriate )?sanctions\b/,
  ),
  c(
    // A list of the accounts themselves (CIS "account inventory"): identity management, not assets.
    "accountinventory",
    /\b(inventory|inventories|list|register) of (all |the |every )?(\w+ )?(user |service |system |privileged |admin\w* )?accounts\b/,
    /\baccounts? (inventory|register)\b/,
  ),
  c(
    // Software its vendor no longer updates, however the framework says it.
    "eol",
    /\bend[\s-]of[\s-](life|support)\b/,
    /\beol\b/,
    /\bunsupported\b/,
    /\bno longer (supported|maintained|receives?|receiving|gets?|getting|provides?)\b/,
    /\bout of (vendor |mainstream )?support\b/,
    /\bsupported by (its|the|their) (vendor|manufacturer|supplier|publisher)\b/,
    /\bsupport (period|status|lifecycle)\b/,
    // "once the vendor stops supporting it", "its vendor has stopped patching", "ceased to issue updates".
    /\b(stops?|stopped|stopping|ceases?|ceased|ceasing) (supporting|patching|updating|issuing (security )?(updates|patches)|providing (security )?(support|updates|patches)|to (support|patch|update|issue (security )?(updates|patches)))\b/,
  ),
  c("pwmanager", /\bpassword (managers?|vaults?)\b/, /\bcredential (managers?|vaults?)\b/),
  c(
    // Access to the product limited to the customer's networks: "IP allow-listing", "lock our
    // workspace down to our office/VPN IPs". Not application allow-listing (software on endpoints).
    "ipallowlist",
    /\bip[\s-]?(based )?(allow|white)[\s-]?list/,
    /\b(network|ip) (allow|white)[\s-]?lists?\b/,
    /\b(allow|white)[\s-]?list\w* (of |by |for )?(source )?(ip|ips|ip addresses|ip ranges?|networks?)\b/,
    /\bsource (ip|network) (ranges?|addresses)\b/,
    /\b(office|corporate|vpn|trusted|approved|known|static|egress)[\s/-]+([\w-]+[\s/-]+)?(ips|ip addresses|ip ranges?|ip address ranges?|network ranges?)\b/,
  ),
  c(
    // A vulnerability in widely used software, named or by kind: "the next log4shell", "zero-days".
    "zeroday",
    /\bzero[\s-]?days?\b/,
    /\b0[\s-]?days?\b/,
    /\b(log4shell|log4j|heartbleed|shellshock|spring4shell|citrix ?bleed|moveit|regresshion)\b/,
    /\bxz[\s-]utils\b/,
    /\bactively exploited\b/,
    /\bemergency (patch|patching|patches|fix|fixes)\b/,
  ),
  c(
    "sod",
    /\bsegregation of duties\b/,
    /\bseparation of duties\b/,
    // The duty split in plain words: "approve their own code change", "approving and promoting their own code".
    /\bapprov\w* (\w+ ){0,3}(their|his|her|your|its) own\b/,
    /\b(four|two)[\s-]eyes\b|\bdual control\b/,
  ),
  c(
    "remote",
    /\bremote (access|work|working|workers|sites?|locations?|employees|staff)\b/,
    /\b(home|remote) offices?\b/,
    /\bvpn\b/,
    /\bzero[\s-]trust\b/,
    /\bteleworking\b/,
    /\bwork(ing)? from home\b/,
  ),
  c(
    "session",
    /\bsession (timeout|time-out|lock|termination)\b/,
    /\bidle timeout\b/,
    /\bidle (user )?sessions?\b/,
    /\bidle (limits?|time|period)\b/,
    /\bscreen ?lock\b/,
    /\bauto(matic)?[\s-]?lock/,
    // HIPAA "automatic logoff", NIST "session lock" and "network disconnect": ending a session after
    // a time without activity.
    /\b(automatic|auto) log[\s-]?(off|out)\b/,
    /\bterminat\w+ (an |the )?(electronic |user |network |remote )?(sessions?|connections?)\b.{0,80}\b(inactivity|idle|time without activity)\b/,
    /\b(after|following) (a |an )?(\w+ )?(period|time) of inactivity\b/,
    // Cyber Essentials' "device unlocking": the lock screen and what opens it.
    /\bdevice lock\b/,
    /\bunlock\w* (their |the |a |your |its )?(devices?|laptops?|phones?|computers?|screens?|workstations?)\b/,
  ),
  c("monitoring", /\bmonitor(ing|ed)?\b/, /\balert(ing|s)?\b/, /\b24\s?[x/]\s?7\b/, /\bon[\s-]call\b/),
  c(
    "availability",
    /\buptime\b/,
    /\bavailability\b/,
    /\bslas?\b/,
    /\bservice level\b/,
    /\bredundan/,
    /\bhigh[\s-]availability\b/,
    /\bmulti[\s-]?(az|availability[\s-]zones?)\b/,
    /\bavailability zones?\b/,
    // "resilience against the loss of a single data centre": what multi-zone hosting is for.
    /\b(loss|failure|outage) of (a |one |an entire )?(single )?(data center|availability zone|zone)\b/,
  ),
  c(
    "capacity",
    /\bcapacity (planning|management)\b/,
    /\bscalab/,
    // Peaks of load: "sudden spikes in volume", "scale to absorb these peaks", "traffic can be 5-10x normal".
    /\b(spikes?|surges?|peaks?|bursts?) (in|of) (traffic|volume|load|demand|usage|requests)\b|\b(traffic|demand|load|usage) (spikes?|surges?|peaks?)\b/,
    /\b(absorb|handle|cope with) (these |the |such |sudden |seasonal )?(peaks?|spikes?|surges?)\b/,
  ),
  c(
    "testdata",
    /\btest (data|information|datasets?)\b/,
    /\b(production|prod|live) data (in|for|to|into) (test|testing|development|dev|qa|uat|staging)\b/,
    /\bnon[\s-]production\b/,
  ),
  c("masking", /\bmask(ing|ed)\b/, /\bpseudonymi[sz]/, /\banonymi[sz]/, /\btokeni[sz]/),
  c(
    "segregenv",
    /\bseparat\w+ (of )?(development|test|production)\b/,
    /\b(dev|development|test|staging) (and|from) production\b/,
    // Environments in the plural, or one that is not production: "the production environment" or "our
    // cloud environment" alone is where something runs, not the separation of environments.
    /\benvironments\b/,
    /\b(non-?production|development|dev|test|testing|staging|qa|sandbox|pre-?production) environment\b/,
  ),
  c("apisec", /\bapis?\b/, /\bapi keys?\b/, /\bwebhooks?\b/),
  c(
    // Taking one's data out of the service: an export, a copy in a usable format, leaving the vendor.
    "portability",
    /\bportability\b/,
    /\bexport\w* (all )?(of )?(our |your |its |the |customer |their |institutional )?(data|records|content)\b/,
    /\b(complete|full) copy of (all )?(our |their |the customer'?s |its )?(data|records|content)\b/,
    // Also a format named by what it is not tied to ("a non-proprietary format"), or by several such
    // words ("a standard, non-proprietary format").
    // Not output marked as AI-generated "in a machine-readable format" (the AI Act's watermarking duty).
    // The exclusion looks back from after the format's first word, not before it: a pattern that
    // opens on a lookbehind cannot be prefiltered by its word beginnings (concept-finder.ts) and was
    // tried at every position of every text, 4 % of matching a question.
    /\b(non[\s-]?proprietary|usable|machine[\s-]readable|standard|open|common)(?<!\b(mark|marks|marked|marking|label|labelled|labeled|labelling|labeling|watermark\w*)\b[^.?;]{0,60}\b(non[\s-]?proprietary|usable|machine[\s-]readable|standard|open|common))(,? (and )?(non[\s-]?proprietary|usable|machine[\s-]readable|standard|open|common(ly used)?))* (file )?formats?\b/,
    /\bmigrat\w+ away\b/,
    // "Can we get all our data out if we decide to leave?"
    /\b(get|take|pull|download) (all |a copy of |everything )?(of )?(our|my|the) (data|information|content|stuff) (back|out)\b/,
  ),
  c(
    "governance",
    /\bciso\b/,
    // HIPAA's "security official" is the same role as the security officer.
    /\bsecurity (team|officer|official|organi[sz]ation|function|governance|committee|program(me)?)\b/,
    /\binformation security management\b/,
    /\broles and responsibilities\b/,
    /\borgani[sz]ational structure\b/,
    /\baccountab\w+ for (the )?(information )?security\b/,
    /\bcharge of (the )?(information |cyber ?|it )?security\b/,
    /\breporting lines?\b/,
  ),
  c(
    // Public authorities asking for customer data: "law enforcement demands", "access requests by US
    // authorities under FISA Section 702 or the CLOUD Act", subpoenas, court orders.
    "govaccess",
    /\blaw enforcement\b/,
    /\b(government|governmental|public|foreign|us|state|intelligence) (authorit(y|ies)|agenc(y|ies)|bod(y|ies)|access|requests?|demands?)\b/,
    /\bfisa\b/,
    /\bcloud act\b/,
    /\bsubpoenas?\b/,
    /\b(court|gag) orders?\b/,
    /\b(eo|executive order) 12333\b/,
  ),
  c(
    "legal",
    /\blegal (and|&) regulatory\b/,
    /\bregulat(ory|ions?) requirements\b/,
    /\bcontractual requirements\b/,
    /\bintellectual property\b/,
    /\bexport control/,
  ),
  c(
    "email",
    /\bemail (security|filtering)\b/,
    /\bspf\b/,
    /\bdkim\b/,
    /\bdmarc\b/,
    /\bphishing\b/,
    /\b(anti[\s-]?)?spam\b/,
    /\bjunk (mail|email)\b/,
  ),
  c(
    // Third-party code and keeping it current, in an engineer's words: "deps", Dependabot, Renovate.
    "dependencies",
    /\bdeps\b/,
    /\bdependabot\b/,
    /\brenovate(bot)?\b/,
    // Not "third-party dependencies", which are suppliers as often as code.
    /\b(third[\s-]party|open[\s-]source) (components?|libraries|packages|code)\b/,
    /\b(dependency|library|package) (updates?|upgrades?|bumps?|management)\b/,
    /\b(dependencies|libraries|packages) (are |get |kept )?(updated|upgraded|bumped|current|up to date)\b/,
    /\bsbom\b|\bsoftware bill of materials\b/,
  ),
  c(
    // One cloud region lost as a whole: "if us-east-1 is down for a day", "a regional outage".
    "regionloss",
    /\b(east|west|central|north|south|northeast|southeast)-\d\b[^.?]{0,30}\b(down|outage|offline|unavailable|fails?|failure|lost)\b/,
    /\bregion(al)? (outage|failure|loss|disaster)\b/,
    /\bregion (goes |is |being |becomes |were )?(down|offline|unavailable|lost)\b/,
    /\b(lose|loses|loss of|lost) (a |an |the |one |its |whole |entire )*(aws |cloud )?region\b/,
    /\bmulti[\s-]region\b|\bcross[\s-]region\b|\bactive[\s-]active across regions\b/,
  ),
  c(
    // Running the product in the customer's own place rather than our cloud.
    "selfhosted",
    /\bself[\s-]?hosted\b/,
    /\bon[\s-]?prem(ise|ises)?\b/,
    /\bown (vpc|data ?cent(er|re)s?|cloud account|aws account|infrastructure|premises)\b/,
    /\bprivate cloud deployment\b|\bsingle[\s-]tenant deployment\b/,
  ),
  c(
    "webfilter",
    /\bweb (filter|filtering|proxy|gateway)\b/,
    /\burl filter/,
    /\bblock\w* (malicious )?websites\b/,
    // CIS Controls 9.2 and the NCSC's "protective DNS": filtering by the name looked up.
    /\bdns (filter\w*|firewall|blocking|security (service|layer))\b/,
    /\bprotective dns\b/,
  ),
];

/**
 * Every word of four letters or more that the patterns above spell out ("hacked", "insured",
 * "examine"): spelling correction checks, for these words only, whether correcting them would lose
 * a concept the buyer's words name. Read from the patterns' sources once; character classes and
 * escapes are left out, and a word cut by a quantifier or a group may be read in part, which only
 * makes the check run for a few more words.
 */
export const VOCABULARY_WORDS: ReadonlySet<string> = new Set(
  SECURITY_CONCEPTS.flatMap((concept) =>
    concept.patterns.flatMap(
      (p) =>
        p.source
          .replace(/\[[^\]]*\]/g, " ")
          .replace(/\\[a-zA-Z]/g, " ")
          .match(/[a-z]{4,}/g) ?? [],
    ),
  ),
);
