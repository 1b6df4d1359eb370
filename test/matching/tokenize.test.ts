import { describe, expect, it } from "vitest";
import { buildLexicon, correctSpelling, lexiconByLength, properNames } from "../../src/domain/matching/spelling.js";
import { normalizeText, stem, tokenize } from "../../src/domain/matching/tokenize.js";

const concepts = (text: string) => tokenize(text).filter((t) => t.startsWith("§"));

describe("security vocabulary", () => {
  it.each([
    ["Is 2FA enforced for all staff?", "§mfa"],
    ["Do you require multi-factor authentication?", "§mfa"],
    ["Two-step verification for admins", "§mfa"],
    ["Is SAML single sign-on supported?", "§sso"],
    ["Is data protected with TLS 1.2+?", "§transit"],
    ["Is SSL used on public endpoints?", "§transit"],
    ["Full-disk encryption on laptops", "§rest"],
    ["When was your last pen test?", "§pentest"],
    ["Is the app behind a web application firewall?", "§waf"],
    ["WAF in front of the API?", "§waf"],
    ["Will institutional data be stored on servers located outside the United States?", "§residency"],
    ["Is customer data hosted in the EU?", "§residency"],
    ["Where is customer data physically stored?", "§residency"],
    ["Please confirm where our information will be hosted.", "§residency"],
    ["Is the deployment and integration of application code automated?", "§cicd"],
    ["Describe your CI/CD pipeline.", "§cicd"],
    ["Do you have a BCP?", "§bcp"],
    ["Describe your disaster recovery plan", "§dr"],
    ["Describe your SDLC", "§sdlc"],
    ["Is RBAC enforced?", "§rbac"],
    ["Least privilege for engineers", "§rbac"],
    ["Do you use a SIEM?", "§siem"],
    ["Is EDR deployed on endpoints?", "§edr"],
    ["Anti-malware on servers", "§edr"],
    ["Will you sign our DPA?", "§dpa"],
    ["List your sub-processors", "§subprocessor"],
    ["Are you SOC 2 Type II audited?", "§soc2"],
    ["Are you ISO/IEC 27001 certified?", "§iso27001"],
  ])("%s → %s", (text, concept) => {
    expect(concepts(text)).toContain(concept);
  });

  it("'where' in a relative clause asks no place: visiting the facility where data is hosted", () => {
    expect(concepts("Can we tour the facility where our data is hosted?")).not.toContain("§residency");
  });

  it("72 hours is the breach notice deadline, not when it bounds a patch", () => {
    expect(concepts("Will you tell us within 72 hours of a breach?")).toContain("§breach");
    expect(concepts("Will you notify us within 72 hours?")).toContain("§breach");
    expect(concepts("Are critical security updates applied within 72 hours of release?")).not.toContain("§breach");
  });

  it("a SOC team is monitoring, a SOC 2 report is not", () => {
    expect(concepts("Do you run a 24x7 SOC?")).toContain("§siem");
    expect(concepts("Share your SOC 2 report")).not.toContain("§siem");
  });

  it("reads one-line rows' shorthand for environments and people", () => {
    expect(tokenize("Prod data in dev/QA?")).toEqual(tokenize("Production data in development/test?"));
    const words = (t: string) => tokenize(t).filter((w) => !w.startsWith("§"));
    expect(words("Emp bkgrnd checks")).toEqual(words("Employee background checks"));
    expect(words("Bkgrd checks")).toEqual(words("Background checks"));
    expect(words("Prod access JIT only")).toEqual(words("Production access just-in-time only"));
    expect(words("Vuln scan cadence")).toEqual(words("Vulnerability scan frequency"));
    expect(words("Background chks, API auth method")).toEqual(words("Background checks, API authentication method"));
    expect(words("Role based acces control")).toEqual(words("Role based access control"));
    // A data centre, an availability zone, an executive summary; not Washington DC or a domain controller.
    expect(words("Physical sec of hosting DCs")).toEqual(words("Physical security of hosting data centers"));
    expect(words("Multi-AZ deployment")).toEqual(words("Multi availability zones deployment"));
    expect(words("Pentest exec summary pls")).toEqual(words("Pentest executive summary pls"));
    expect(words("Office in Washington DC")).toContain("dc");
    expect(words("Are AD DCs patched?")).toContain("dc");
  });

  it("reads a university's words for its customer and its data", () => {
    const words = (t: string) => tokenize(t).filter((w) => !w.startsWith("§"));
    expect(words("Is institutional data encrypted at rest?")).toEqual(words("Is customer data encrypted at rest?"));
    expect(words("Can the Institution export its records?")).toEqual(words("Can the customer export its records?"));
    expect(words("Is Institution data kept apart?")).toEqual(words("Is customer data kept apart?"));
    // The word's other forms: affected institutions, an institutional administrator or identity provider.
    expect(words("Are affected institutions notified?")).toEqual(words("Are affected customers notified?"));
    expect(words("Can institutional administrators export logs?")).toEqual(
      words("Can customer administrators export logs?"),
    );
    expect(words("Are institution-provided credentials used?")).toEqual(
      words("Are customer-provided credentials used?"),
    );
    // A kind of organisation is not the customer.
    expect(words("How many financial institutions use it?")).toContain(stem("institutions"));
    // Students' data and education records are personal data; a student information system is a product.
    expect(words("Are student records masked in logs?")).toEqual(words("Are personal data masked in logs?"));
    expect(words("Are education records encrypted?")).toEqual(words("Are personal data encrypted?"));
    expect(words("Do you integrate with our student information system?")).toContain(stem("student"));
    // SIG's "Scoped Data" is the client's data that the service holds.
    expect(words("Is Scoped Data encrypted at rest?")).toEqual(words("Is customer data encrypted at rest?"));
    expect(words("Is client-scoped data backed up?")).toEqual(words("Is customer data backed up?"));
    expect(words("Who can access scoped systems and data?")).toEqual(
      words("Who can access systems and customer data?"),
    );
    // A QA team is people, not an environment.
    expect(tokenize("QA team size")).not.toContain(tokenize("test")[0]);
  });

  it("reads IR as incident response, and a time joined to its unit", () => {
    expect(tokenize("IR plan tested yearly?")).toEqual(tokenize("Incident response plan tested yearly?"));
    expect(tokenize("Leavers removed w/in 24h")).toEqual(tokenize("Leavers removed within 24 hours"));
  });

  it("stems and spells British and American alike, and drops questionnaire filler", () => {
    expect(tokenize("Does your organisation authorise access?")).toEqual(
      tokenize("Does your organization authorize access?"),
    );
    expect(tokenize("Please describe whether the vendor encrypts backups")).not.toContain("vendor");
    // "What happens to…" is the frame of the question, not its topic.
    expect(tokenize("What happens to our data at contract termination?")).not.toContain(
      tokenize("happen")[0] ?? "happen",
    );
    // Terse CRM labels: "ISO27001 cert", "SOC2", "On-prem option".
    const words = (text: string) => tokenize(text).filter((t) => !t.startsWith("§"));
    expect(words("ISO27001 cert")).toEqual(words("ISO 27001 certificate"));
    expect(words("SOC2 report")).toEqual(words("SOC 2 report"));
    expect(words("On-prem option")).toEqual(words("on-premises option"));
    expect(words("Which TSCs are covered?")).toEqual(words("Which trust services criteria are covered?"));
    // A bare SOC is a security operations centre; a numbered one is the report.
    expect(words("Do you have a SOC?")).toEqual(words("Do you have a security operations centre?"));
    expect(words("Do you have a SOC 2 report?")).toContain("soc");
    expect(words("Do you have a SOC-2 report?")).toEqual(words("Do you have a SOC 2 report?"));
    // "own" the verb is the point of the question; "own" the adjective is filler.
    expect(tokenize("Do you own the data centres?")).toContain(tokenize("owned")[0]);
    expect(tokenize("Do staff use their own laptops?")).not.toContain(tokenize("owned")[0]);
    // DORA's "ICT" qualifies every noun ("ICT risk", "ICT-related incidents"): the noun is the topic.
    expect(tokenize("Are ICT-related incidents reported?")).toEqual(tokenize("Are related incidents reported?"));
  });

  it("a vendor, supplier or provider that is not the subject is a topic word, not filler", () => {
    // "the supplier" asking about us is dropped; "cloud provider", "identity provider" and "critical
    // suppliers" are what the question is about (a cloud-provider question lost its "provider").
    expect(tokenize("Does the supplier encrypt backups?")).toEqual(tokenize("Does encrypt backups?"));
    expect(tokenize("Which cloud provider hosts the service?")).toContain(tokenize("provider")[0]);
    expect(tokenize("Is SSO through an identity provider enforced?")).toContain(tokenize("provider")[0]);
    expect(tokenize("Are critical suppliers reassessed every year?")).toContain(tokenize("supplier")[0]);
    expect(tokenize("Do you assess new vendors before onboarding?")).toContain(tokenize("vendor")[0]);
    // "your vendor" that begins a compound about suppliers is the topic, not us.
    expect(tokenize("Please provide your vendor risk management policy.")).toContain(tokenize("vendor")[0]);
    expect(tokenize("Are the supplier contracts reviewed?")).toContain(tokenize("supplier")[0]);
  });
});

describe("typo tolerance", () => {
  const lexicon = buildLexicon(["Customer data is encrypted at rest", "Security awareness training for employees"]);
  const byLength = lexiconByLength(lexicon);
  it("fixes a word one edit away from a library word", () => {
    expect(correctSpelling("Is data encypted?", lexicon, byLength)).toBe("Is data encrypted?");
    expect(correctSpelling("employess awarness", lexicon, byLength)).toBe("employees awareness");
  });
  it("never turns another form of a library word into a different word", () => {
    const retention = buildLexicon(["How long do you retain logs?", "Remaining balance"]);
    // "retaining" is one edit from "remaining", but "retain" is the library's own word.
    expect(correctSpelling("retaining data", retention, lexiconByLength(retention))).toBe("retaining data");
  });
  it("never corrects a stopword into a library word", () => {
    const controls = buildLexicon(["The policy explains how keys are rotated", "The provider provided a report"]);
    expect(correctSpelling("Explain the controls", controls, lexiconByLength(controls))).toBe("Explain the controls");
    expect(correctSpelling("Please provide details", controls, lexiconByLength(controls))).toBe(
      "Please provide details",
    );
  });
  it("never corrects a word into a name the library writes", () => {
    const texts = ["Yes. Calder & Wright LLP, an independent firm, audits us", "Sign in with Microsoft Entra"];
    const named = buildLexicon(texts);
    const candidates = lexiconByLength(named, properNames(texts));
    expect(correctSpelling("Is every caller checked by weight?", named, candidates)).toBe(
      "Is every caller checked by weight?",
    );
    // A name is still a known word, and an ordinary word of the library is still a correction.
    expect(correctSpelling("Calder audits independant", named, candidates)).toBe("Calder audits independent");
    expect([...properNames(texts)].sort()).toEqual(["calder", "entra", "microsoft", "wright"]);
  });
  it("leaves short words, numbers and far-off words alone", () => {
    expect(correctSpelling("Is SSO ok for AES256 or zebra?", lexicon, byLength)).toBe("Is SSO ok for AES256 or zebra?");
  });
});

describe("cloud questionnaire wording and spellings", () => {
  it("the cloud customer (CSC) is the customer; the CSP as a subject is us", () => {
    expect(tokenize("Can CSCs export their data?")).toEqual(tokenize("Can customers export their data?"));
    expect(tokenize("Does the CSP retain backups?")).toEqual(tokenize("Does retain backups?"));
  });

  it("CSP as Content Security Policy is kept", () => {
    expect(tokenize("Is a CSP header set on every page?")).toContain("csp");
  });

  it("British spellings and one-word datacenter read as the American ones", () => {
    expect(tokenize("datacentre licence")).toEqual(tokenize("data center license"));
  });

  it("API and public endpoints are not devices; managed endpoints are", () => {
    expect(concepts("Rate limits on public endpoints")).not.toContain("§mdm");
    expect(concepts("Rate limits on API endpoints")).not.toContain("§mdm");
    expect(concepts("Are managed endpoints encrypted?")).toContain("§mdm");
  });

  it("utilities (power, cooling) and utilization (load) are different words", () => {
    expect(tokenize("utilities")).not.toEqual(tokenize("utilization"));
  });
});

describe("log integrity, remote sites and secure channels", () => {
  it.each([
    ["Are audit trails kept on write-once storage?", "§logintegrity"],
    ["Is access to the security logs limited to the SOC team?", "§logintegrity"],
    ["Controls for staff at remote sites", "§remote"],
    ["Is a secure channel used to move files to the new region?", "§transit"],
    ["Is access adjusted when employees are reassigned to another team?", "§mover"],
    ["Is inbound spam blocked?", "§email"],
    ["How quickly are software flaws corrected?", "§vulnscan"],
    ["Do staff know which documents are public, internal-only or highly sensitive?", "§dataclass"],
    ["Are information sensitivity levels defined?", "§dataclass"],
    ["Do you track new attack techniques and hacker groups?", "§threatintel"],
    ["May staff paste customer data into public chatbots such as ChatGPT?", "§ai"],
    ["Describe your defences against prompt injection.", "§ai"],
    ["Are embeddings built from our documents kept apart?", "§ai"],
    ["Do you use customer content, even anonymised, to improve your own models?", "§modeltraining"],
    ["Could you produce a complete list of the laptops and servers you own?", "§asset"],
  ])("%s → %s", (text, concept) => {
    expect(concepts(text)).toContain(concept);
  });
});

describe("compound words joined, hyphenated or spaced", () => {
  const words = (text: string) => tokenize(text).filter((t) => !t.startsWith("§"));
  it.each([
    ["application allowlisting", "application allow-listing", "application allow listing", "application whitelisting"],
    ["subprocessors", "sub-processors", "sub processors"],
    ["the data lifecycle", "the data life-cycle", "the data life cycle"],
    ["a pentest", "a pen-test", "a pen test"],
    ["backed up", "a backup", "a back-up"],
    ["antimalware", "anti-malware", "anti malware"],
    ["wireless network", "Wi-Fi network", "wifi network", "WLAN network"],
    ["monitored 24x7", "monitored 24/7", "monitored 24 x 7", "monitored 24/7/365", "monitored around the clock"],
  ])("%s reads as one word", (...spellings) => {
    const [first, ...rest] = spellings.map(words);
    for (const other of rest) expect(other).toEqual(first);
  });

  it.each([
    ["key mgmt", "key management"],
    ["pwd policy", "password policy"],
    ["prod env access", "production environment access"],
    ["vuln scanning", "vulnerability scanning"],
    ["min. TLS version", "minimum TLS version"],
    ["max session length", "maximum session length"],
    ["sec headers", "security headers"],
    ["src code escrow", "source code escrow"],
    ["pen test freq", "pen test frequency"],
    ["info classification", "information classification"],
    ["rotation every 90d", "rotation every 90 days"],
    ["notified within 72 hrs", "notified within 72 hours"],
    ["laptops with FDE", "laptops with full disk encryption"],
  ])("the abbreviation in '%s' reads as '%s'", (short, long) => {
    expect(words(short)).toEqual(words(long));
  });

  it.each([
    ["changes tested on the live system", "changes tested on the production system"],
    ["staff who break the security rules", "staff who breach the security rules"],
    ["do engineers try changes out first", "do engineers test changes first"],
    ["do you get their laptop and badge back", "do you get their laptop and badge returned"],
    ["the assistant making things up", "the assistant hallucination"],
    ["contact the police", "contact law enforcement"],
    ["ethical hackers", "pentesters"],
    ["promise to keep customer data secret", "promise to keep customer data confidential"],
    ["admin rights taken away when no longer needed", "admin rights removed when no longer needed"],
    ["do you take their access away", "do you remove their access"],
  ])("the everyday words in '%s' read as '%s'", (plain, library) => {
    expect(words(plain)).toEqual(words(library));
  });

  it("everyday words keep their sense outside those phrases", () => {
    expect(words("will you get back to us")).not.toContain(words("returned")[0]);
    expect(words("a live chat")).not.toContain(words("production")[0]);
    expect(words("break glass account")).not.toContain(words("breach")[0]);
  });

  it("production is not the product", () => {
    expect(words("production systems")[0]).not.toBe(words("product")[0]);
    expect(words("non-production environments")).toEqual(words("non production environment"));
  });

  it("'min' after a number is minutes, not a minimum", () => {
    expect(words("within 15 min of detection")).not.toContain(words("minimum")[0]);
    expect(words("locked after 30 sec")).not.toContain(words("security")[0]);
  });

  it("an account lockout shares 'lock' with accounts locked", () => {
    expect(words("account lockout")).toEqual(words("account locked"));
    expect(words("lock-out")).toEqual(words("lock"));
  });

  it("anti-malware still shares 'malware' with entries that say malware", () => {
    expect(words("anti-malware")).toContain(words("malware")[0]);
  });

  it("ordinary hyphenated phrases keep their two words", () => {
    expect(words("third-party")).toEqual(words("third party"));
    expect(words("role-based access")).toEqual(words("role based access"));
  });
});

describe("verb and noun of one family share a stem", () => {
  const words = (text: string) => tokenize(text).filter((t) => !t.startsWith("§"));
  it.each([
    ["identified", "identification"],
    ["notified", "notification"],
    ["classified", "classification"],
    ["recovered", "recovery"],
    ["retained", "retention"],
    ["revoked", "revocation"],
    ["destroyed", "destruction"],
  ])("%s / %s", (verb, noun) => {
    expect(words(verb)).toEqual(words(noun));
  });

  it("generic verbs stay apart from the specific nouns", () => {
    expect(words("maintained")).not.toEqual(words("maintenance"));
    expect(words("permitted")).not.toEqual(words("permissions"));
  });
});

describe("a CRM field's API name as the row's text", () => {
  it.each([
    ["vuln_scan_cadence", "vuln scan cadence"],
    ["Encryption_At_Rest__c", "encryption at rest"],
    ["mfaEnforced", "mfa enforced"],
    ["DataResidencyRegion", "data residency region"],
  ])("%s reads as its words", (field, words) => {
    expect(normalizeText(field)).toBe(words);
  });

  it("finds the concepts the field names", () => {
    expect(tokenize("sso_supported")).toContain("§sso");
    expect(tokenize("mfaEnforced")).toContain("§mfa");
  });

  it("leaves names with capitals inside, and sentences, as written", () => {
    expect(normalizeText("iPhone")).toBe("iphone");
    expect(normalizeText("macOS")).toBe("macos");
    expect(normalizeText("Do you use JavaScript?")).toBe("do you use javascript?");
    expect(normalizeText("Is a tenant_id column enough?")).toBe("is a tenant id column enough?");
  });
});

describe("false friends of non-native writers", () => {
  it.each([
    ["Is a formation about security given to new staff?", "training"],
    ["Do developers follow rules of secure programmation?", "programming"],
    ["Which is the politic for access to the informatic systems?", "policy for access to the it systems"],
    ["Are the laptops crypted?", "encrypted"],
    ["Do you use double factor authentication?", "two-factor"],
    ["Is the treatment conform to the RGPD?", "gdpr"],
    ["Have you suffered a violation of personal data?", "data breach"],
  ])("%s", (text, reads) => {
    expect(normalizeText(text)).toContain(reads);
  });

  it("leaves the English words alone", () => {
    expect(normalizeText("Is data encrypted at rest?")).toBe("is data encrypted at rest?");
    expect(normalizeText("Is the policy reviewed annually?")).toBe("is the policy reviewed annually?");
  });
});

describe("contractions", () => {
  it("leaves no stub of a contraction as a word the entry would have to share", () => {
    const words = tokenize("Do you take admin rights away when they aren't needed, and don't we've they're?");
    for (const stub of ["aren", "don", "ve", "re"]) expect(words).not.toContain(stub);
    expect(words).toEqual(expect.arrayContaining(["admin", "right", "need"]));
  });

  it("reads a setting switched or turned on and off as enabled and disabled", () => {
    expect(tokenize("Is automatic updating switched on?")).toEqual(tokenize("Is automatic updating enabled?"));
    expect(tokenize("Is auto-run turned off for USB sticks?")).toEqual(
      tokenize("Is auto-run disabled for USB sticks?"),
    );
  });

  it("reads 'pls' as the please it stands for, and 'subcontract' the verb as sub-contractors", () => {
    expect(tokenize("Hosting region(s) - pls specify")).not.toContain("pl");
    expect(concepts("Do you subcontract any part of the service?")).toContain("§subprocessor");
  });
});

describe("one-line RFP shorthand reads as the words it stands for", () => {
  it("a 3rd party is a third party, supplier concept included", () => {
    expect(tokenize("3rd-party risk reviews done yearly?")).toContain("§vendor");
  });

  it("years and months in shorthand are years and months", () => {
    expect(tokenize("Backups kept (yrs)")).toEqual(tokenize("Backups kept (years)"));
    expect(tokenize("Pen test summary (last 12 mths)")).toEqual(tokenize("Pen test summary (last 12 months)"));
  });
});
