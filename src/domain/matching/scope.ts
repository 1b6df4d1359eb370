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
  /** Tested on the ask only (a long question's context sentences may name such things in passing). */
  readonly askOnly?: boolean;
  /** The rule does not apply when the question also names this (a security side of the feature). */
  readonly unless?: RegExp;
}

const RULES: readonly OutOfScope[] = [
  {
    reason: "asks about pricing or commercial terms",
    // "fake invoice scams", "invoice-redirection and payment scams": fraud against the parties, a risk.
    unless: /\b(fraud\w*|scams?|phishing|social[\s-]engineering|impersonat\w*|redirection)\b/,
    patterns: [
      /\b(prices?|pricing|priced|list prices?|discounts?|rebates?|invoic\w*|payment terms|net \d{2}|per[\s-]seat cost|licen[cs]e fees?|quote for|cost per)\b/,
      /\b(annual|yearly|monthly) (premium|fee|subscription cost)\b/,
      /\bhow much (does|do|will|would) (it|you|the \w+) (cost|charge)\b/,
      /\b(liability cap|limitation of liability|indemnif\w+|(?<!\b(approv\w*|authori[sz]\w*|sign(s|ed)? off)\b[^?.]{0,50})payment(?!s? (team|department|function|staff)| (card|pages?|forms?|flows?|data|information|details|processing|process|systems?|fraud|applications?|apps?|gateways?|providers?|processors?|terminals?|services? providers?))|billing currency|renewal uplift)\b/,
      /\b(unlimited|uncapped) liability\b|\b(cover|pay|reimburse) (all )?(of )?(our|the) costs\b/,
      /\bwhat (would|will|do) you charge\b|\b(are you|would you be) (prepared|willing) to pay\b|\bfees? for\b/,
      /\b(what|which) (fees?|costs?|price|amount)\b.*\b(charge[sd]?|pay|paid|bill(s|ed)?)\b|\bcharges? (us |you )?for (the|your|an?)\b/,
      /\b(free|paid) (pilot|trial)\b|\bsign our (msa|contract|agreement|terms)\b/,
      // "What is the additional charge for hosting in the EU region?"
      /\b(additional|extra) (charges?|fees?|costs?)\b|\bcharges? for (hosting|storing|using|enabling|adding|keeping)\b/,
      // "SOC2 audit fee?", "the annual spend for each provider".
      /\b(audit|assessment|certification|licen[cs]e|set-?up|implementation|onboarding) fees?\b|\b(annual|yearly|monthly|total) spend\b/,
      // Clauses of the contract itself, and documents made out to the buyer ("naming our company as
      // additional insured").
      /\b(governing law|choice of law|jurisdiction and venue|exclusive jurisdiction)\b|\bjurisdiction of (this|the) (agreement|contract|dpa|data processing (agreement|addendum))\b/,
      /\b(naming|names|name|listing|lists) (us|our (company|organi[sz]ation|firm|institution|business)) as (an? )?(additional |co-?)?(insured|loss payee|beneficiar\w+|certificate holder)\b|\badditional insured\b/,
      /\b(client|customer) references?\b|\breferences from (other )?\w+\b|\b(largest|biggest|top \w+) customers\b/,
      /\bhow much (did|do|does|will) (you|your \w+) (spend|invest|budget)\b/,
      /\b(total |annual |yearly )?(cost|costs|price|spend|spending|expenditure|budget) (of|for|on) (your|the) (last |latest |most recent |next |annual )?(\w+ ){0,3}(audits?|assessments?|tests?|certifications?|tooling|program|programme|team)\b/,
      // …and asked as a verb: "What did your most recent ISO certification audit cost?"
      /\b(what|how much) (did|does|will|would) (your|the) ([\w-]+ ){0,5}(audits?|assessments?|tests?|certifications?|tooling|program|programme|team|insurance|policy) cost\b/,
    ],
  },
  {
    reason: "asks about the product roadmap or release dates",
    patterns: [
      /\broadmap\b/,
      /\bgenerally available\b/,
      /\bwhen (will|do you plan|are you planning)\b.*\b(release|launch|ship|available|support)\b/,
      /\b(planned|upcoming|future) (release|feature)s?\b/,
      // "Are you planning to get certified?", not "a plan to get the service running again".
      /(?<!\b(a|the|your|our|its|any) )\b(planning|plan|intend|intending) to (certify|obtain|achieve|pursue|get|become|add|extend|expand|transition|migrate|upgrade)\b/,
      /\bwill (you|the (organi[sz]ation|company|service|product|vendor)) (achieve|obtain|support|offer|move to|add|release|become)\b.*\b(next (year|quarter|release|fiscal year|\d+ months)|within the next|by (the )?(end of|next))\b/,
      /\b(do you plan|are you planning|is it planned) to support\b/,
      // "When do you expect to achieve ISO 27701 certification?", "scheduled to undergo its CMMC assessment".
      /\bwhen (do|does|will) (you|the (organi[sz]ation|company|vendor|supplier|provider)) (expect|plan|intend|hope|anticipate) to\b/,
      /\b(scheduled|due|planned|expected) to (undergo|achieve|obtain|receive|be (certified|audited|assessed|authori[sz]ed))\b/,
      // "By which month do you expect to achieve FedRAMP Moderate?", "Do you anticipate obtaining ISO 27701?"
      /\b(do|does) (you|the (organi[sz]ation|company|vendor|supplier|provider)) (expect|anticipate|hope) to (achieve|obtain|receive|complete|get|gain|become|be (certified|audited|assessed|authori[sz]ed))\b|\b(do|does) (you|the (organi[sz]ation|company|vendor|supplier|provider)) anticipate (achieving|obtaining|receiving|getting|gaining|becoming)\b|\b(which|what) (month|quarter|year|date)\b[^?]*\b(expect|plan|intend|anticipate|hope|target)\b/,
      // "Will a dedicated single-tenant deployment be offered in 2027?"
      /\bwill\b[^?]*\b(be )?(offered|available|supported|released|launched|introduced|added|generally available)\b[^?]*\b(in|by|from|during|before) (early |mid[\s-]|late )?(20[2-9]\d|next year|q[1-4]( 20[2-9]\d)?)\b/,
      // "Will the scope of your certificate be extended next year to cover…?"
      // "Will ISO/IEC 27701 be added to your certification scope at the next recertification?"
      /\bwill\b[^?]*\b(be )?(extended|expanded|broadened|added|introduced|launched|migrated|moved)\b[^?]*\b(next (year|quarter|month|release|fiscal year|recertification|re-?certification audit|renewal|surveillance audit|audit|assessment|cycle)|by (the )?end of (the |this |next )?(year|quarter))\b/,
      // "Is the certificate scope going to be extended to cover the services we buy?"
      /\b(is|are) ([\w'-]+ ){0,6}going to be (extended|expanded|broadened|added|introduced|launched)\b/,
      // Work built for this buyer ("our custom feature") is agreed in a statement of work.
      /\b(our|my|the buyer'?s) (custom|bespoke|tailored) (features?|development|integrations?|work|build|modules?)\b/,
      /\b(custom|bespoke|tailored) ([\w-]+ ){0,2}(you are|you're|being|to be) (building|developing|creating|built|developed) for (us|our)\b/,
    ],
  },
  {
    reason: "asks for company financials or registration details",
    patterns: [
      /\bfinancial statements?\b/,
      /\b(revenue|profit|ebitda|balance sheet|burn rate|runway|valuation|funding rounds?|investors?|credit rating|annual report)\b/,
      /\bprofitable\b|\b(ipo|initial public offering)\b|\b(planning|plan) (an? )?(acquisition|merger|sale)\b|\bcage code\b|\bunique entity id\b|\bduns\b|\bd-u-n-s\b/,
      // The company register's facts: "Year founded", "Company registration number", "Parent company".
      /^(year|date) (founded|established|incorporated|of incorporation|of founding)\b|\b(company|business) registration (number|no)\b|\bparent company\b|\blegal entity identifier\b/,
    ],
  },
  {
    reason: "asks for a headcount",
    // The size of the company as a whole is part of its profile ("Company overview (HQ, headcount,
    // years trading)"); the library states it.
    unless: /\b(overview|profile|background)\b/,
    patterns: [
      /\bhow many (people|engineers|developers|employees|staff|members|designers|sales\w*)\b.*\bteam\b/,
      /\bhow many (full[\s-]time |dedicated |part[\s-]time )?(\w+ )?(engineers|analysts|developers|employees|people|staff|home workers|fte|ftes|auditors)\b.*\b(in|on|are|staff|assigned|employ|work|does|do you)\b/,
      /\bheadcount\b/,
    ],
  },
  {
    reason: "asks about the buyer's own environment, which only the buyer can answer",
    // "Can we control which of our people see shoppers' details in your tool?": a setting of the
    // vendor's product that the buyer uses, not the buyer's own systems.
    unless:
      /\bcan (we|our (admins?|administrators|it team|managers|staff))\b[^?]*\b(control|restrict|limit|lock|configure|set|choose|decide|manage)\b[^?]*\b((your|the) (tool|product|platform|service|application|app|system)|our (workspace|tenant|account|instance|org))\b/,
    // Read in the ask: "We will receive your webhooks into our internal systems. How are the
    // payloads authenticated?" sets the scene with the buyer's systems and asks about the vendor's.
    askOnly: true,
    patterns: [
      /\b(our|my) (own |internal |company'?s? |current )+(firewall|network|policy|policies|environment|systems?|users?|staff|employees|it team|procurement)\b/,
      /\bdoes our (internal )?(firewall|network|proxy|it|environment)\b/,
      /\b(our|the customer'?s|the institution'?s|the buyer'?s) (own |campus |corporate |internal )*(firewall|dns filtering|proxy|zscaler|servers?|isms|system security plan|extension|enclave|data steward|users|endpoints?|routers?|lms)\b.*\b(allow|block|configured|approved|list|show|generates?\b|screened|storage|need)\w*/,
      /\bfor our own (servers|systems|network|isms|environment|devices)\b/,
      /\b(meets?|meet|satisf\w+) (your|our) requirements\b/,
      // "Which firewall rule in our environment…": a particular of the buyer's systems.
      /\b(which|what)\b.*\b(in|on|within|inside|across) (our|my) (own )?(environment|network|tenant|infrastructure|firewalls?|estate)\b/,
      // "Who at our company should receive…", "Which of our internal processes…": the buyer's own people and processes.
      /\b(who|which|what) (\w+ )?(at|in|within) (our|my) (company|organi[sz]ation|institution|firm|business|side|end)\b/,
      /\bwhich of our (own |internal )*(business )?(processes|departments|teams|business units|people)\b/,
      // "…the sectors in which our organisation operates": facts about the buyer itself.
      /\b(in which|where) (our|my) (organi[sz]ation|company|business|firm|institution|group) (operates|is (based|established|registered|regulated|located))\b/,
      // Work at the buyer's site ("on-site staff at our premises") is agreed in the contract. Not the
      // office as an attribute ("restrict logins to our office IP ranges", "…to our office/VPN IPs" is
      // the vendor's feature).
      /\b(at|on|to|in) (our|my) (premises|sites?|offices?|facilit(y|ies)|campus|buildings?)\b(?![\s/]+([\w-]+[\s/]+)?(ip|ips|ip addresses|ip ranges?|network|networks|wi-?fi|internet|vpn|egress|addresses|ranges?|locations?|subnets?)\b)/,
    ],
  },
  {
    reason: "asks for operational specifics that are never disclosed in a questionnaire",
    // A diagram is a document the library may offer ("a network diagram showing VPCs and subnets").
    unless: /\bdiagrams?\b/,
    patterns: [
      /\bserial numbers?\b/,
      /\b(ip address(es)?|hostnames?|mac address(es)?)\b.*\b(of|for) (your|the)\b/,
      // Not a capability: "Can tenant access be limited to specific IP ranges?"
      // …nor with what is limited named first ("restrict access to our tenant to specific IP ranges").
      /(?<!\b(limited|restricted|limit|restrict|locked( down)?|allow-?listed|whitelisted|scoped) (access )?((to|for|of) (our|the|their|its|your|a|an) ([\w-]+ ){1,2})?(to|from) )\b(exact|specific) (date|time|ip|hostname|location)s?\b/,
      /\b(personal|private|home|mobile|cell)\b.*\b(phone|mobile|number|address)\b.*\b(of|for)\b/,
      /\bhome address(es)?\b/,
      /\b(names?|phone numbers?) of (the )?(people|staff|engineers|employees) (on call|on-call)\b/,
      /\bon[\s-]call\b.*\bnext week\b/,
      // Dates of particular events, past or planned: a library states practices, not calendars.
      // Not a measure of a practice: "Which are the times of recovery (RTO)…?"
      /\b(what|which) (is|are|was|were) the (exact |scheduled |planned |precise )?(date|dates|time|start date|end date|day)s?\b(?! (of|to|for) (recovery|restoration|restore|response|resolution|notification|remediation)\b)/,
      /\b(on|by) (what|which) date\b|\b(what|which) date\b(?! (formats?|fields?|ranges? (filters?|pickers?)))/,
      /\b(dates?|schedule|timing) of (your|the) next\b/,
      /\bwhen (is|will) (your|the) next\b|\bwhen (is|will|does|do)\b( [\w-]+){1,4} (your|the) next\b|\bscheduled to (begin|start|take place|occur)\b/,
      // An audit's fieldwork has its own calendar, not the report's period: "When did fieldwork for
      // your latest SOC 2 examination begin and end?"
      /\b(when|dates?)\b[^?]*\bfieldwork\b|\bfieldwork\b[^?]*\b(begin|began|start|started|end|ended|dates?)\b/,
      // "Which Annex A controls did your certification body raise as nonconformities…": the list of
      // particular findings of one audit, not whether findings were raised.
      /\bwhich (\w+ ){0,3}(controls|findings|nonconformit(y|ies)|exceptions|deviations)\b.*\b(raised?|found|find|noted|identif(y|ied)|cited?)\b/,
      // …and their count ("Date of the last internal audit and number of nonconformities raised").
      /\b(number|count|total) of ([\w-]+ ){0,2}(nonconformit(y|ies)|findings|vulnerabilities|exceptions|deviations|issues) (still )?(raised|found|noted|identified|reported|remaining|outstanding|open from)\b/,
      /\bnext (two|three|four|five|\d+) \w+ (tests?|audits?|assessments?|exercises?)\b/,
      // Identifiers and inventories of particular systems: never disclosed in a questionnaire.
      /\b(list|provide|give|share|send|tell us|what are|which are)\b.*\b(rule|instance|resource|ticket|asset|device|host|server|account|subscription|vpc|bucket) ids?\b/,
      // An "allow list of trusted IP addresses" is a safeguard, not a request to list them.
      /\b((?<!\b(allow|white|block|black|deny|safe)[\s-]?)list|provide|give|share|send|tell us|what are|which)\b.*\b(internal )?(hostnames?|host names|ip (addresses|ranges)|private ip|subnets?|cidrs?|mac addresses|port numbers)\b/,
      /\b(with|w\/) (the )?(affected )?(hosts?|hostnames?|ip addresses|asset names)\b/,
      // "Pen test - next date?", "Date of next DR test".
      /\bnext (date|dates|scheduled date)\b|\bdates? of (the )?next\b|^\W*next [\w\s/&-]{1,30}[-–—:(]\s*(date|when)\W*$|^\W*next [\w/&-]+( [\w/&-]+){0,3} date\W*$/,
      /\bcopy of (the |your )?(\w+ )?logs?\b|\b(dhcp|firewall|vpn|access|proxy|dns) logs\b.*\b(last|past) \d+ (days|weeks|months)\b/,
      /\b(room|floor) numbers?\b|\brooms in your (office|building)\b|\bfloor ?plans?\b/,
      /\bwhat colou?rs? (is|are)\b|\bcolou?r of (the|your)\b/,
      /\b(current|exact|configured) (requests[\s-]per[\s-](second|minute)|thresholds?|rate limits?) (and|for each|per)\b/,
      /\bwhich (specific |particular )?(hosts?|servers?|machines|devices|accounts|users|versions?|build)\b.*\b(failed|installed|running|disabled|affected|currently)\b/,
      /\bwhich version of \w+ is (currently )?(installed|running|in use)\b/,
      /\b(exact|current) (build|version|kernel) (numbers?|versions?)\b|\bkernel version\b|\bbuild numbers? of\b/,
      // The list of sub-processors is one the library publishes ("Do you engage sub-processors? If so,
      // provide the current list including each one's location").
      /\b(provide|list|send|give)\b.*\b((?<!\bsub-?(processors?|contractors?)\b[^.]*)the current list|the (user )?accounts that|employee ids|personal contact details|contact details of(?! (the |your )?(designated |appointed )?(data protection|privacy) officer\b)|names (and|\+) roles|names of (your|the)|source code of|asset tags?|exact \S+ header)\b/,
      /\b(names?|qualifications|employee ids|contact details) of (your|the) (\w+ )?(staff|employees|people|auditors|members|manager|engineers|administrators|team)\b/,
      /\bnames? \+ roles\b|\bname and job title of\b/,
      // "Name the lead auditor…", "Name the engineers who…": a person, not a practice.
      /^(please )?name (the|your|each|all|any) (\w+ ){0,2}(auditors?|board members?|engineers?|administrators?|individuals?|people|persons?|staff|employees)\b/,
      /\basset tag\b|\bpublic ip of\b|\bip address ranges of\b|\b(nessus|qualys|scanner) (export|report) for\b/,
      /\bwhich of your staff are on[\s-]call\b|\bon[\s-]call for our account\b/,
      /\blist every \w+ version\b|\bwith the number of devices\b/,
      /\blist (of )?(all |every )?(open|unpatched|outstanding) (cves?|vulnerabilit\w+)\b.*\b(by|per|with) (host|hostname|ip|server)/,
      // The items open today, one by one ("Describe the exceptions currently open:", "List any outstanding
      // audit findings"): a register's contents, not the practice that tracks them ("Describe how open
      // findings are tracked" asks how, and is not caught).
      /^\W*(please )?(describe|list|provide|detail|give|enumerate|identify|share)( (the )?details of)? (the |any |all |each |your )?((open|outstanding|unresolved|pending) ([\w-]+ ){0,2}(exceptions|findings|nonconformit(y|ies)|deviations|waivers|risks|issues|incidents|tickets|vulnerabilities|cves)\b|([\w-]+ ){0,2}(exceptions|findings|nonconformit(y|ies)|deviations|waivers|risks|issues|incidents|tickets|vulnerabilities|cves)( that are| which are)? (currently |presently |still )?(open|outstanding|unresolved|pending|in progress|active)\b)/,
    ],
  },
  {
    // "Is your application registered as a Service Provider in the InCommon Federation metadata?",
    // "Which attributes must our IdP release to you?": the service's entry in a named identity
    // federation and the attributes exchanged are particulars of the deployment, not the SAML
    // support the library states.
    reason:
      "asks about the service's registration in an identity federation or the attributes it receives, which the library does not state",
    patterns: [
      /\b(registered|registration|listed|enrolled)\b[^.?;]{0,60}\b(federations?|incommon|edugain)\b/,
      /\b(federation|incommon|edugain)('s)? metadata\b|\bmetadata\b[^.?;]{0,30}\b(federation|incommon|edugain)\b/,
      /\battributes? release\b|\brelease\b[^.?;]{0,40}\battributes?\b|\battributes?\b[^.?;]{0,40}\brelease\b/,
    ],
  },
  {
    // "Other (please specify):", "If other, describe", "Additional comments": a row for whatever the
    // options above it did not list, or for remarks. What goes there is for the person filling it in;
    // after a breach-notice row it is not a second copy of the breach-notice answer.
    reason:
      "asks for something beyond the options listed, or for free remarks, which only the person filling it in can give",
    patterns: [
      /^\W*(if |any )?others?\b[\s:,.()\u2013-]*((please |pls )?(specify|describe|explain|list|state|detail|comment|give details)\b[\s:.()]*)?$/,
      // "Describe the other checks:" after a list with an "Other" box: the ones the list did not name.
      /^\W*(please )?(describe|specify|list|explain|detail|name) the others?\b( [\w-]+)?\W*$/,
      /^\W*((any|additional|other|further|general) ){0,2}(comments?|remarks?|notes?)( or (comments?|remarks?|notes?|information))?\W*$/,
    ],
  },
  {
    // "Is the whole organisation included in the scope of this assessment?": the boundary of the
    // buyer's own assessment (a Cyber Essentials application, this questionnaire) is agreed for it,
    // not a practice the library states.
    reason: "asks about the scope of this assessment itself, which is agreed for it",
    patterns: [
      /\b(scope|boundary|boundaries) of (this|the present|the current) (assessment|questionnaire|review|self-assessment|application|submission|evaluation|certification application)\b/,
      /\b(included|in scope|covered) (in|by|for) (this|the present) (assessment|questionnaire|review|self-assessment|application|submission)\b/,
    ],
  },
  {
    // ESG sections of a buyer's RFP: a different team's answers, in no security library.
    reason: "asks about environmental, social or ethical commitments outside information security",
    patterns: [
      /\b(environmental|sustainability|sustainable) (commit\w*|polic(y|ies)|reporting|goals?|targets?|strateg\w+)\b|\bsustainability\b/,
      /\b(carbon|greenhouse[\s-]gas|ghg|co2) (emissions?|footprint|neutral\w*)\b|\bscope [123]( and [123])? emissions\b|\bnet[\s-]zero\b/,
      /\bmodern slavery\b|\b(diversity|equity) and inclusion\b|\bdei (policy|programme|program)\b/,
    ],
  },
  {
    reason: "asks about a product feature unrelated to security",
    // "If users can export data to CSV, are formulas in cells neutralised?" is about the export's security.
    unless:
      /\b(inject\w*|formulas?|malicious|sanitis\w*|sanitiz\w*|escap\w*|encrypt\w*|secur\w*|authenticat\w*|permissions?|access control)\b/,
    patterns: [
      /\bdark mode\b/,
      /\bexport (to|as|into) (excel|csv|pdf|powerpoint)\b/,
      /\b(keyboard shortcuts?|custom themes?|emoji|font sizes?)\b/,
      /\bdark (theme|mode)\b|\boffline mode\b|\bscheduled delivery of (dashboards|reports)\b/,
      /\bexport (dashboards|reports|data)? ?(and reports )?to (excel|csv|pdf|powerpoint|slack)\b/,
      /\bintegrat\w* with (salesforce|hubspot|slack|teams|jira|zendesk|our lms)\b|\blti \d/,
    ],
  },
  {
    // The kind of fact asked for, whatever the topic: a library states practices, so it never holds
    // the names of particular people, identifiers of particular machines, counts of particular
    // things, the calendar of particular events, or raw records (logs, scan exports, source code).
    reason:
      "asks for a particular fact (names, identifiers, counts, dates, installed versions or raw records) that no library answer holds",
    askOnly: true,
    patterns: [
      // One person or many: "the names of each engineer with…" asks for people as much as "of the engineers".
      /\b(names?|qualifications|cvs|resumes|job titles?) (and ([\w-]+ ){1,2})?of (the |your |all |each |every )?([\w-]+ ){0,3}(people|persons?|staff|employees?|engineers?|members?|auditors?|administrators?|admins?|analysts?|contacts?|individuals?|manager|officer|team|board|ceo|cfo|coo|cto|ciso|cio|founders?|executives?|directors?)\b/,
      // Not the data protection officer's contact: the law has the vendor publish it (GDPR Art. 37(7)).
      /\b(contact details|phone numbers?|e-?mail addresses) (and ([\w-]+ ){1,2})?of (?!(the |your )?(designated |appointed )?(data protection|privacy) officer\b)(the |your |all |each |every )?([\w-]+ ){0,3}(people|persons?|staff|employees?|engineers?|members?|auditors?|administrators?|admins?|analysts?|contacts?|individuals?|manager|officer|team|board|ceo|cfo|coo|cto|ciso|cio|founders?|executives?|directors?)\b/,
      /\bwho (exactly|specifically)\b|\bwhich (named )?(individuals|people|persons|employees|staff members)\b/,
      // "Identify by name…", "List, by name, the personnel who…", "the name, title and email of…", "CISO name + cell #".
      // Not the data protection officer's, whom the law has the vendor name (GDPR Art. 37(7)).
      /\bby name\b|\b(the )?names?,? (and |&|\+ )?(job )?(title|role|e-?mail|phone|mobile|cell|contact details)\b(?![^?]*\b(data protection|privacy) officer|[^?]*\bdpo\b)/,
      /\b(ciso|cso|cto|cio|ceo|cfo|coo)('?s)? (full )?names?\b|\b(cell|mobile) (#|number|no)\b/,
      // A date still to come: "Provide the planned date and location of your next contingency test".
      // The library states how often, not when next.
      /\b(planned|scheduled|expected|anticipated|proposed) (dates?|months?|weeks?|timing|location)\b/,
      // A count at a moment: "Enter the number of privileged accounts … as of today".
      /\b(number|count|total|how many)\b[^?]*\bas (of|at) (today|now|this date|the date of (this|your) (response|answer|submission)|\d)/,
      // "# of staff w/ prod access", "Provide the number of service accounts…".
      /(^|\s)# ?(of )?(\w+ ){0,2}(staff|people|employees|engineers|customers|clients|users|accounts|admins|devices|servers|laptops|endpoints|vendors|suppliers|incidents)\b/,
      // One item's particulars, item by item: "…each with its CVSS score and target host", "by host",
      // "on which endpoint", "the contract end date for each of your service providers".
      /\b(each|every one) with (its|their) (\w+ ){0,2}(cvss|score|host|hostname|owner|ip|target|severity rating)\b|\bby (host|hostname|server|endpoint|device|ip address)\b|\bon which (endpoint|host|server|machine|device|laptop)s?\b/,
      /\b(dates?|amounts?|values?|numbers?|names?|owners?) (for|of) each (of )?(your|the)\b/,
      // The people behind particular roles or accounts: "Who currently holds the Deputy CISO role?",
      // "…and who holds each one?"; the customers an event touched. Not "who holds them, you or the
      // client?": which party, which the practice says.
      /\bwho (currently |now )?(holds|occupies|fills) (the )?[\w -]{0,30}\b(role|position|post|seat)\b|\bwho holds (each|every|them|these|those)\b(?!,? (you|the vendor|the supplier|the provider|your company|we|us) or\b)/,
      /\b(list|names?) of (the )?(customers|clients|users|tenants|organi[sz]ations) (affected|impacted|involved)\b|\b(customers|clients|users|tenants) (were |that were )?(affected|impacted)\b[^?]*\b(list|names?|which)\b/,
      // An audit's man-days, a particular outage's or visit's own report.
      /\b(auditor|audit|man|person)[\s-]days?\b/,
      /\broot[\s-]cause (analysis )?(document|report|write[\s-]?up)s? (for|of|from) (your|the) (most recent|last|latest|previous)\b/,
      /\b(certification body|registrar|auditor)'?s? (audit |assessment )?report\b(?! (of|on) (the|your) (soc|service organi[sz]ation))|\baudit report\b[^?]*\b(surveillance|stage [12]|recertification) (visit|audit)\b/,
      /\bhardware address(es)?\b|\bnetwork address(es)? (and|&)\b/,
      // A figure of a past period ("your mean time to remediate … over the last quarter", "the metrics,
      // with their values, reported to your board last quarter") and one record of the past ("attach
      // the last leaver checklist"). Not settings listed with their values ("which headers you set,
      // together with their values"): a configuration the library states.
      /\bwhat (was|were) (your|the) [^?]*\b(over|in|during|for) the (last|past|previous) (quarter|month|year|week|\d+ (days|weeks|months))\b|\b(metrics|kpis?|figures|measures|measurements|indicators|statistics|results|scores)\b[^?]{0,40}\bwith (their|its) values\b/,
      /\b(attach|provide|send|share|upload)\b[^?]*\b(the|your) (last|latest|most recent) ([\w-]+ ){0,2}(checklist|ticket|form|record|minutes|sign-?off sheet)s?\b/,
      // One past case told as an example: "Provide an anonymised example of a control improvement that
      // resulted from a post-incident review", "give a real-world example of a change you rolled back".
      // Not examples of what is usually done ("give examples of the clauses you typically include").
      /\b(an?|one|two|three|some) (anonymi[sz]ed|redacted|de-?identified|sanitised|sanitized|real|real-life|real-world|concrete|actual|recent) (examples?|instances?|case stud(y|ies))\b|\bexamples? of ([\w-]+ ){1,6}(that|which) (resulted|arose|came out|followed|occurred|happened) (from|after|in|during)\b/,
      // A series or a breakdown of past figures ("counts by severity from the last three DAST scans",
      // "in each of your last four restore tests", "actual uptime last qtr"), the top few of a list
      // ("for your three most critical suppliers"), one register's entry ("the treatment plan record
      // for your AWS concentration risk", "what score does ransomware carry in your risk register"),
      // raw exports ("an export of the current firewall rule base"), names in a chart, dates listed.
      /\b(counts?|numbers?|totals?) (of [\w-]+ )?by (severity|type|category|priority|os|platform|location|region|tier)\b|\b(from|of|in|for) (each of )?(the|your) (last|past|previous) (two|three|four|five|six|\d+) ([\w-]+ ){0,2}(scans|tests|audits|assessments|releases|reviews|exercises|reports|engagements|visits|surveys|drills)\b/,
      /\bactual [\w\s]{0,20}\b(last|past|previous) (qtr|quarter|month|year)\b|\b(for|of) (your|the) (two|three|four|five|ten|\d+) (most|largest|top|biggest)\b/,
      /\b(record|entry) for (your|the) [\w\s-]{1,30}\brisk\b|\btarget completion dates?\b|\bwhat (risk )?(score|rating|level)\b[^?]*\bregister\b|\bwho is (its|their|the) named (owner|person|individual|contact)\b(?! accountable)|\b(its|their) named owners?\b/,
      /\b(export|dump) (of )?(your|the) (current|full|complete|entire|whole)\b|\b(please )?export (your|the) (current |full |complete )?([\w-]+ ){0,3}(list|rules?|rule ?base|configuration|config|inventory)\b/,
      /\b(including|incl\.?|with) (the |their )?names\b|\bwith (the |their )?(dates|timestamps)\b|\bminutes of (your|the) (last|latest|most recent|previous)\b/,
      /\bdates? (for|in|over|during) the (next|coming|upcoming)\b/,
      /\b(provide|state|give|list|what is|what's) the (total |exact |current )?(number|count) of (\w+ ){0,2}(accounts|customers|clients|users|admins|administrators|vendors|suppliers|sub-?processors)\b/,
      // One audit's or one engagement's own papers: its minutes, its plan, its sample, its report.
      /\b(provide|send|share|attach|give)\b[^?]*\b(minutes|agendas?) of\b/,
      /\b(provide|send|share|attach|give)\b[^?]*\baudit plan\b[^?]*\b(issued|for the (upcoming|next)|certification body)\b/,
      /\bwhich (\w+ ){0,3}(controls|samples|items|systems|records)\b[^?]*\b(auditor|assessor|certification body)\b[^?]*\b(sampled?|tested|selected|picked|chose|reviewed)\b/,
      /\b(with|including) the names? of (the )?(\w+ ){0,2}(owner|owners|approver|approvers|person|people)\b/,
      // A form's field that wants a name ("Exception Approved By", "Reviewed by:") or the street
      // address of a site: a particular person or place, not a practice.
      /^[\w\s/&-]{0,40}\b(approved|reviewed|signed|completed|submitted|prepared|authori[sz]ed|attested|certified|verified) by\W*$/,
      // A series of past figures: "monthly availability for each of the last 12 months".
      /\b(for )?each of the (last|past|previous|preceding) (\d+|two|three|four|five|six|twelve|twenty-four) (months|quarters|years)\b/,
      /\b(street|postal|mailing|physical|full) (addresses|address)\b(?! (space|ranges?|translation|allow))/,
      // One register entry's owner ("Who is recorded as the risk owner for the highest-rated risk…?"),
      // the items of a plan past their dates, and a rate from one past campaign ("the click rate on the
      // most recent phishing simulation").
      /\b(risk owner|named (risk )?owner)\b[^?]*\bregister\b|\bwho is (recorded|listed|named|registered|entered) as\b|\b(highest|top|most)[\s-](rated|ranked|scored|severe) risks?\b/,
      /\b(items?|actions?|tasks?|findings?|risks?|milestones?)\b[^?]*\b(past|beyond|exceeded|missed|overran|overrun) (their|the|its) (target|due|agreed|planned) (dates?|deadlines?)\b/,
      /\bwhat (was|were|is) (the|your) ([\w-]+ ){0,3}(rates?|percentages?|scores?|ratios?|figures?)\b[^?]*\b(most recent|last|latest|previous)\b/,
      // "Provide an export of your asset inventory showing each asset and its owner".
      /\b(export|dump|extract|copy) of (your|the) ([\w-]+ ){0,3}(inventory|register|rule ?base|cmdb|asset list|user list|account list)\b|\b(showing|listing|with) each ([\w-]+ ){0,2}(and|with) (its|their) (owners?|ip|hosts?|locations?|versions?)\b/,
      // "Name the members of your information security steering committee."
      /^\W*(please )?(name|list|identify) (the |all )?(current )?(members|people|individuals|persons|participants|attendees)\b/,
      // "Who are the members of your steering committee?": the people, by name.
      /\bwho (are|were) (the )?(current )?(members|people|persons|individuals|employees|staff|owners)\b/,
      // The list of one audit's nonconformities: the library states whether there were major ones.
      /\b(list|enumerate|itemi[sz]e|provide|give|share|send|detail|describe)\b.*\b(each|every|all|the)\b.*\b(minor |major )?non-?conformit(y|ies)\b/,
      // The person behind one past act ("Who signed your Statement of Applicability?"), or one's
      // contact at another organisation: "who approves changes?" asks for a role and stays.
      /^who (signed|approved|authored|wrote|led|conducted|performed|carried out|audited|certified) (off )?(your|the|this|that)\b/,
      /\b(who is|name of|details of) (your|the) (main |primary |named )?(contact|contact person|account manager|representative) (at|in|from|with) (the|your)\b/,
      // How long one past project took: "How long did it take you to achieve certification?"
      /\bhow long did (it|the \w+) take\b/,
      // The items of a register or a year, one by one: "Which risks in your register are currently
      // rated high?", "List the objectives you missed last year."
      /\bwhich (\w+ ){0,2}(risks|findings|vulnerabilities|incidents|exceptions|objectives|nonconformities|issues)\b[^?]*\b(are|were) (currently |now |still )?(rated|marked|classed|classified|scored|open|outstanding|overdue|missed|unmet)\b/,
      /\b(list|name|give|provide|share)\b (the |all |any )?(\w+ ){0,3}(risks|findings|vulnerabilities|incidents|objectives|nonconformities|targets) (that |which )?(you |were |have been |you have )?(missed|failed|breached|did not meet|not met)\b/,
      // Figures of this engagement ("Estimated number of data subjects…") and inventories of devices
      // ("list the make, model and OS of each device").
      // Not an item of what a notice contains ("…notification contain: nature of the breach, categories
      // and approximate number of records…", GDPR Art. 33(3)): that asks what the notice says.
      /(?<!\b(contain|contains|include|includes|including|cover|covers|covering|state|states|set out|sets out|describe|describes|tell|tells|say|says)\b[^?.;]{0,80})\b(estimated|expected|approximate|anticipated|projected) (total )?(number|volume|count|quantity) of\b/,
      /\b(makes?|manufacturers?),? (and |& )?(models?|os|operating systems?)\b.*\b(of )?(each|every|all)\b/,
      // "What is the make and model of your boundary firewall?", "list the quantities and operating
      // systems of all in-scope laptops": the inventory of particular devices.
      /\b(make|manufacturer) (and|&|\/) model\b/,
      /\b(list|provide|give|state|enter|specify|indicate)\b.*\b(quantit(y|ies)|numbers? of|counts? of|totals? of)\b.*\b(laptops|desktops|computers|servers|devices|workstations|tablets|(mobile )?phones|thin clients|virtual desktops|endpoints|home workers)\b/,
      // The person who signed an audit, not the firm: "Who is the engagement partner on your SOC 2 audit?"
      /\b(engagement|signing|lead audit|audit engagement) (partner|manager)\b|\b(lead|signing) (auditor|assessor|tester|pen ?tester|consultant)\b/,
      /\bwhich (one |ones )?of (your|the) ([\w-]+ )?(developers|engineers|employees|staff|people|administrators|admins|analysts|contractors|team members|reviewers)\b/,
      /\b((?<!\b(allow|white|block|black|deny|safe)[\s-]?)list|provide|give|send|share|record|identify|tell us|report|state)\b.*\b(ids?|identifiers|serial numbers?|asset tags?|mac addresses|ip (addresses|ranges)|hostnames?|host names|build numbers?|version numbers?|account numbers?|ticket numbers?)\b/,
      /\b(which|what) (exact |specific |particular )?(version|build|release)s? (of \S+ )?(is|are) (currently )?(installed|running|deployed|in use)\b/,
      /\bhow many (\w+ ){0,2}(people|persons|staff|employees|engineers|analysts|developers|contractors|home workers|laptops|desktops|devices|servers|hosts|endpoints|customers|clients|licen[cs]es|seats|tickets|incidents|findings|vulnerabilities) (do|does|did|are|were|have|has|will)\b/,
      // A count broken down ("How many suppliers do you have in each criticality tier?"): an inventory.
      /\bhow many\b[^?]*\b(in each|per|for each|by) (tier|category|country|region|level|type|class|criticality|risk)\b/,
      // "How many of your staff work from home?", "What is the number of employees with privileged access?"
      /\bhow many of (your|the|our) (\w+ ){0,2}(people|staff|employees|engineers|developers|contractors|users|laptops|desktops|devices|servers)\b|\b(what is|what's|state|give|provide) the (total |exact |current )?(number|count) of (\w+ ){0,2}(people|staff|employees|engineers|developers|contractors|users|laptops|desktops|devices|servers|endpoints)\b/,
      // The next one is a plan no library holds. The last one is drafted only from an entry whose
      // answer states its date (an artifact's date placeholder): drafting checks that (asked-fact.ts).
      /\b(when|what date|on what date) (is|was|will|did) (your|the) (next|upcoming)\b/,
      // "Send us the export of your last authenticated scan", "List all local administrator accounts
      // on your servers with their owners": one scan's output, one inventory's rows.
      /\b(exports?|results|output|findings) of (your|the) (last|latest|most recent|previous) ([\w-]+ ){0,3}scans?\b/,
      /\b(list|provide|give|send|share)\b (all |every |each )?(the )?([\w-]+ ){0,2}(accounts|users|devices|servers|hosts|endpoints|laptops)\b[^?]*\bwith (their|the|its) (owners?|names?|ids?|ip addresses|hostnames?|versions?|serial numbers?)\b/,
      /\b(provide|send|share|give|attach|upload)\b.*\b(copy of (the |your )?(\w+ )?logs?|(raw |full )?logs (from|of|for)|source code|scan (results|exports?|output)|(nessus|qualys|burp) (exports?|reports?|results)|the current list of|a list of (all )?(current |open |active )(\w+ )?(accounts|users|findings|vulnerabilities|exceptions|devices|tickets))\b/,
    ],
  },
];

/**
 * The options a row offers after its question ("(Yes / No / Roadmap)") and the examples in a
 * parenthesis ("(IDs, IP addresses, emails)"): what may be answered or what illustrates, not what is
 * asked. A rule reads the question without them.
 */
const ASIDES = /\([^()]*\)/g;

/** The reason a question is out of scope for the library, or null when it may be answered. */
export function outOfScope(text: string, ask: string = text): string | null {
  const t = normalizeText(text).replace(ASIDES, " ");
  const a = normalizeText(ask).replace(ASIDES, " ");
  for (const rule of RULES) {
    const read = rule.askOnly ? a : t;
    if (rule.patterns.some((p) => p.test(read)) && !rule.unless?.test(read)) return rule.reason;
  }
  return null;
}
