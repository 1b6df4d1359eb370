/**
 * Question analysis: what a buyer's question asks before any entry is looked at. Each case is a
 * class of question seen on buyers' files, written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { analyzeQuestion, withoutLeadingReference } from "../../src/domain/matching/analyze.js";
import { matchQuestion } from "../../src/domain/matching/match.js";
import { shippedLibrary } from "./helpers.js";

describe("governance templates", () => {
  it.each([
    [
      "Are policies and procedures for vulnerability management established, documented, approved, communicated, applied, evaluated and maintained?",
      "vulnerability management",
    ],
    [
      "Are processes, procedures and technical measures defined, implemented and evaluated for encryption key lifecycle management?",
      "encryption key lifecycle management",
    ],
    ["Are the change management policies and procedures reviewed and updated at least annually?", "change management"],
    [
      "Is a malware protection policy documented, approved by management, communicated and enforced?",
      "malware protection",
    ],
    [
      "Are identity and access management procedures documented, approved by management, communicated to relevant staff and maintained?",
      "identity access management",
    ],
    [
      "Has a cryptography policy, together with supporting standards, been approved by management, published to staff and applied, and is it reviewed and kept current?",
      "cryptography",
    ],
  ])("%s → topic '%s'", (text, topic) => {
    const a = analyzeQuestion(text);
    expect(a.intent).toBe("governance");
    expect(a.focus).toBe(topic);
    expect(a.closed).toBe(true);
  });

  it("the review cycle of the whole policy set keeps the review as what is asked", () => {
    const a = analyzeQuestion("Are your information security policies reviewed and updated at least annually?");
    expect(a.intent).toBe("governance");
    expect(a.focus).toBe("your information security reviewed");
    // Other verbs make it the usual template: is the policy set governed?
    expect(
      analyzeQuestion("Are information security policies established, documented, approved and reviewed annually?")
        .focus,
    ).toBe("information security");
  });

  it("with one or two verbs, testing is the practice asked about", () => {
    expect(analyzeQuestion("Are business continuity plans tested and reviewed annually?").focus).toBe(
      "business continuity tested",
    );
    // In the long boilerplate list it is one verb among many.
    expect(
      analyzeQuestion(
        "Are incident response plans established, documented, approved, communicated, tested and maintained?",
      ).focus,
    ).toBe("incident response");
  });

  it("for changes, 'documented, tested and approved' is the practice (change control), not boilerplate", async () => {
    const a = analyzeQuestion("Are system changes documented, tested, approved and reviewed?");
    expect(a.focus).toBe("system changes documented tested approved reviewed");
    // A change-management policy's template is still the template.
    expect(
      analyzeQuestion("Are the change management policies and procedures reviewed and updated at least annually?")
        .focus,
    ).toBe("change management");
    const index = (await shippedLibrary()).index;
    for (const text of [
      "Are system changes documented, tested, approved and reviewed?",
      "Are all changes to the production environment documented, tested and approved?",
    ])
      expect(matchQuestion(index, text, 3)[0]?.entryId).toBe("change-management");
  });

  it("a purpose clause after the verbs is context, not topic", () => {
    const a = analyzeQuestion(
      "Are secure coding policies and procedures established, documented, approved, communicated, applied, evaluated, and maintained to guide the planning, delivery and support of the organization's secure coding capabilities?",
    );
    expect(a.focus).toBe("secure coding");
    expect(a.context).toMatch(/planning delivery support/);
  });

  it("a purpose clause that is all there is stays the topic", () => {
    const a = analyzeQuestion(
      "Are policies and procedures to guide the handling of security incidents established, documented, approved, communicated, applied, evaluated, and maintained?",
    );
    expect(a.focus).toMatch(/handling security incidents/);
  });

  it("scope qualifiers (where, not what) are context", () => {
    const a = analyzeQuestion(
      "Are processes, procedures and technical measures defined, implemented and evaluated for patching operating systems on organizationally managed assets?",
    );
    expect(a.focus).toBe("patching operating systems");
    expect(a.context).toMatch(/managed assets/);
  });

  it("an ordinary question that happens to say 'documented' is not a template", () => {
    const a = analyzeQuestion("Do you have a documented incident response plan?");
    expect(a.intent).toBe("practice");
    expect(a.focus).toBe("Do you have a documented incident response plan?");
  });
});

describe("long questions: context, then the ask", () => {
  it("the ask is the focus; the sentences before it are context", () => {
    const a = analyzeQuestion(
      "Session tokens that survive a login can be abused by an attacker who planted them. Do you issue a new session identifier after authentication?",
    );
    expect(a.focus).toBe("Do you issue a new session identifier after authentication?");
    expect(a.context).toContain("Session tokens");
    expect(a.closed).toBe(true);
  });

  it("a remark after the question is context, even when the buyer starts it in lower case", () => {
    const a = analyzeQuestion(
      "does the API have rate limiting? we got burned by a vendor going down because of someone elses traffic",
    );
    expect(a.focus).toBe("does the API have rate limiting?");
    expect(a.context).toContain("burned by a vendor");
    // After a full stop a lower-case word is an abbreviation's, not a new sentence.
    expect(analyzeQuestion("Are laptops encrypted, e.g. with FileVault or BitLocker?").context).toBe("");
  });

  it("an abbreviation's full stop ends no sentence, even before a product name", () => {
    const a = analyzeQuestion("DDoS mitigation at the edge (e.g. Shield Advanced, Cloudflare)?");
    expect(a.focus).toBe("DDoS mitigation at the edge?");
    expect(analyzeQuestion("Do you use an identity provider (i.e. Okta or Entra ID) for staff?").focus).toContain(
      "identity provider",
    );
  });

  it("a sentence that opens with a condition or a scene asks only when its main clause does", () => {
    const conditional = analyzeQuestion(
      "Token validation is easy to get subtly wrong. If your application uses JWTs, explain how signatures and expiry are handled.",
    );
    expect(conditional.focus).toBe("If your application uses JWTs, explain how signatures and expiry are handled.");
    expect(conditional.context).toContain("subtly wrong");
    const scene = analyzeQuestion(
      "Where an application parses XML supplied by users, a misconfigured parser can read local files. Describe how XML parsing is configured.",
    );
    expect(scene.focus).toBe("Describe how XML parsing is configured.");
    expect(scene.context).toContain("misconfigured parser");
    // A question word with its verb still asks, full stop or not.
    expect(analyzeQuestion("Some context here. Where is customer data stored.").focus).toBe(
      "Where is customer data stored.",
    );
  });

  it("an ask with no words of its own keeps the context as its topic", () => {
    const a = analyzeQuestion(
      "Some applications can be framed by a hostile page to trick users into clicking. If you do protect against this, please describe how.",
    );
    expect(a.context).toContain("framed by a hostile page");
    expect(a.closed).toBe(false);
  });
});

describe("the form of the ask", () => {
  it.each([
    ["Where will our data be stored?", "where", false],
    ["Who is accountable for information security?", "who", false],
    ["How long is customer data kept after the contract ends?", "duration", false],
    ["How often are firewall rules reviewed?", "frequency", false],
    ["Please describe how privileged access is granted.", "describe", false],
    ["Is customer data encrypted at rest?", "practice", true],
    ["Please confirm whether backups are encrypted.", "practice", true],
    ["Encryption at rest - please confirm", "practice", true],
    ["SSO supported", "practice", true],
    ["Backup frequency", "frequency", false],
    ["If yes, describe how keys are rotated.", "describe", false],
    ["Key mgmt - who holds the keys, rotation period", "describe", false],
    ["Hosting region(s) - pls specify", "describe", false],
    ["Log retention period", "describe", false],
    ["Vuln scan freq", "describe", false],
    ["Insurance policy no.", "describe", false],
    ["SOC 2 report #", "describe", false],
    ["Time to notify (hrs)", "describe", false],
    ["Secure SDLC approach?", "describe", false],
    ["SIEM vendor", "describe", false],
    ["Status page URL", "describe", false],
    ["Schedule I - Categories of data subjects", "describe", false],
    ["Endpoint encryption (Y/N)", "practice", true],
    // Labels that want a figure, a document or a link, however they end.
    ["Backup freq + retention", "describe", false],
    ["Last restore test - date + result", "describe", false],
    ["Maximum TLS version accepted for the public API?", "describe", false],
    ["Remediation SLAs by severity:", "describe", false],
    ["Breach notification window to customers", "describe", false],
    ["ISO 27001 certificate - valid until:", "describe", false],
    ["Application log retention", "describe", false],
    ["Pen test report - pls attach latest", "describe", false],
    ["SOC 2 report copy", "describe", false],
    ["Trust center link pls", "describe", false],
    // …and rows that ask to confirm a practice stay yes/no questions.
    ["At contract end, will you delete all our data and any copies?", "practice", true],
    ["Backups retained for 35 days", "practice", true],
    ["MFA enforced for admin access", "practice", true],
  ])("%s → %s, closed=%s", (text, intent, closed) => {
    const a = analyzeQuestion(text);
    expect(a.intent).toBe(intent);
    expect(a.closed).toBe(closed);
  });
});

describe("a choice between who does it", () => {
  it.each([
    "Is your security operations centre run in-house or by a managed provider?",
    "Is penetration testing performed internally or by a third party?",
    "Are backups managed by an outsourced provider or in-house?",
  ])("%s asks for words, not Yes/No", (text) => {
    expect(analyzeQuestion(text).closed).toBe(false);
  });

  it("'Quote the …' asks for words", () => {
    expect(analyzeQuestion("Quote the accreditation number of the body that certified you.").closed).toBe(false);
  });

  it.each(["Are backups encrypted or not?", "Is development outsourced?"])("%s stays a yes/no question", (text) => {
    expect(analyzeQuestion(text).closed).toBe(true);
  });
});

describe("two alternatives, each with its verb, and labels that want a list or a number", () => {
  it.each([
    "Are log files kept on each server, or are they shipped to a central store?",
    "Will support engineers see our records in plain text, or is the data masked for them?",
    // The second clause's subject can be any noun, not only a pronoun or an article.
    "Is any component hosted in data centres owned by the Vendor, or is hosting provided exclusively by a third party?",
    "Does the AI take any action by itself, or is a human always in the loop before anything is acted on?",
    "Does anyone hold standing admin in the prod AWS accounts, or is everything via SSO permission sets?",
    // Who runs it, asked as a choice between owning and renting.
    "Is the service hosted in a vendor-owned data center or by a third-party cloud provider?",
    "Code scanning tooling",
    "Critical suppliers (please list)",
    "Cyber insurance policy no. and insurer",
  ])("%s asks for words, not Yes/No", (text) => {
    expect(analyzeQuestion(text).closed).toBe(false);
  });

  it.each([
    // Without the comma the "or" joins near-synonyms, which a Yes answers.
    "Are staff bound by a confidentiality agreement or are they under a statutory duty of confidence?",
    // A second clause that offers an equivalent is satisfied by a Yes.
    "Is IMDSv2 enforced on your instances, or are equivalent protections in place?",
    "Vendor risk assessments",
  ])("%s stays a yes/no question", (text) => {
    expect(analyzeQuestion(text).closed).toBe(true);
  });
});

describe("follow-ups", () => {
  it.each([
    "If so, how often?",
    "How is the scope limited?",
    "Describe the other checks:",
    "The name of the application:",
    "If yes, please describe.",
    "Please elaborate",
    "Which ones?",
    "Since when?",
    "Any exceptions?",
    "Explain your answer",
    "Is it tested?",
    "Are they encrypted?",
    "Who can use them?",
    "Frequency (Monthly / Quarterly / Annually)",
    "How often? (Annually / At hire only / Never)",
    "Method",
    "Tooling used",
    "Date last tested",
    "Date of last review:",
    "Last exercised",
    "What tools do you use?",
    "Which vendor(s) is used?",
  ])("%s is a follow-up", (text) => {
    expect(analyzeQuestion(text, "Do you run penetration tests?").followUp).toBe(true);
  });

  it("which systems a practice covers, in a regime's words, is context", () => {
    const a = analyzeQuestion("Are screens locked after ten minutes on workstations that access cardholder data?");
    expect(a.focus).toBe("Are screens locked after ten minutes?");
    expect(a.context).toContain("cardholder data");
    const b = analyzeQuestion("Is antivirus installed on all servers storing patient records?");
    expect(b.focus).toBe("Is antivirus installed?");
  });

  it("'management-approved' and 'communicated to the relevant staff' are the template's boilerplate", () => {
    const a = analyzeQuestion(
      "Are cryptography policies documented, board-approved, communicated to the relevant staff and reviewed at planned intervals?",
    );
    expect(a.intent).toBe("governance");
    expect(a.focus).toBe("cryptography");
  });

  it("a relative 'that' after its noun points nowhere: the row stands on its own", () => {
    expect(analyzeQuestion("Are disks that hold PII encrypted?", "Do you use MDM?").followUp).toBe(false);
    expect(analyzeQuestion("Is that encrypted?", "Do you use MDM?").followUp).toBe(true);
  });

  it("a row that is only the fact it wants asks for words", () => {
    expect(analyzeQuestion("Protocols").closed).toBe(false);
    expect(analyzeQuestion("Encryption method").followUp).toBe(false);
    expect(analyzeQuestion("Date of last penetration test").followUp).toBe(false);
    expect(analyzeQuestion("Which tools do you use for code scanning?").followUp).toBe(false);
  });

  it("a follow-up is read in the light of the row before", () => {
    const a = analyzeQuestion("If so, how often?", "Do you test restores from backup?");
    expect(a.context).toContain("restores from backup");
  });

  it.each([
    "Please describe how access is provisioned and approved.",
    "Describe your backup process.",
    "Is MFA enforced?",
    // Not a pronoun for the row before: IT, a time, an object the row itself names.
    "Is IT equipment maintained as the manufacturer recommends?",
    "Which charity does your company support this year?",
    "Are backups tested by restoring them?",
    // "that" after a verb of asserting is a conjunction, not a pronoun.
    "Confirm that data is encrypted at rest.",
  ])("%s is not a follow-up", (text) => {
    expect(analyzeQuestion(text).followUp).toBe(false);
  });
});

describe("a reference before the question names the row, not the topic", () => {
  it.each([
    ["3.1.8 Does the system limit the number of unsuccessful logon attempts?", "Does the system"],
    ["A.5.35 - Is the organisation's approach reviewed independently?", "Is the organisation's"],
    ["HAPP-02 Are access controls based on roles?", "Are access controls"],
    ["A&A-01.1 Are audit plans approved by management?", "Are audit plans"],
    ["§164.308(a)(1) Has a risk analysis been conducted?", "Has a risk analysis"],
    ["Req 8.3.1 Is MFA required for all access?", "Is MFA required"],
    ["Art. 21(2)(d) Does the supplier assess its own suppliers?", "Does the supplier"],
    ["IR-4(1) Is incident handling automated?", "Is incident handling"],
    ["(b) Do you encrypt laptops?", "Do you encrypt"],
    ["CIS 4.7 - Manage default accounts on enterprise assets.", "Manage default accounts"],
    ["PR.AA - Is hardware authenticated before it connects?", "Is hardware"],
    ["1) Do you encrypt backups?", "Do you encrypt"],
    // A framework's name before its own reference is part of the reference.
    ["CSF RC.RP – Is a recovery plan executed after an incident?", "Is a recovery plan"],
    ["NIST CSF 2.0 DE.AE-02: Are adverse events analyzed?", "Are adverse events"],
    ["NIST SP 800-53 AC-2: Are system accounts managed?", "Are system accounts"],
    ["800-171 3.1.1 – Is system access limited to authorized users?", "Is system access"],
    // The law an article is of belongs to the reference, and the question may go on in lower case.
    ["Art. 30(2)(e) DORA – Describe the service levels you commit to.", "Describe the service"],
    ["Art. 21(2)(c) NIS2 – business continuity and crisis management: describe.", "business continuity"],
  ])("%s", (text, start) => {
    expect(withoutLeadingReference(text).startsWith(start)).toBe(true);
  });

  it("keeps the reference it took off, for rules that read the clause a row cites", () => {
    expect(analyzeQuestion("Art. 21(2)(d) Does the supplier assess its own suppliers?").reference).toBe(
      "Art. 21(2)(d)",
    );
    expect(analyzeQuestion("A.5.35 - Is the approach reviewed independently?").reference).toBe("A.5.35 -");
    expect(analyzeQuestion("Do you encrypt backups?").reference).toBe("");
  });

  it.each([
    "SOC-2 Type II - current? (Y/N)",
    "SOC 2 Type II report available?",
    "ISO 27001 certified?",
    "AES-256 at rest?",
    "Is 2FA enforced?",
    "It is 2 hours away?",
    "NIS2 – are you in scope?",
    // A framework named without a reference of its own is the topic.
    "NIST CSF – are you aligned?",
    "HITRUST CSF certified?",
    "NIST 800-53 compliant?",
    // Written as one word, the standard and its number are still the standard, as ingest reads them.
    "SOC2 - Please share the most recent",
    "ISO27001 - Certificate attached?",
  ])("%s keeps the standard it names, or words that are not a reference", (text) => {
    expect(withoutLeadingReference(text)).toBe(text);
  });

  it("a standard written as one word with its number is the row's topic ('SOC2 - Please share the most recent')", async () => {
    const { answer } = await import("./helpers.js");
    const q = await answer("SOC2 - Please share the most recent", "free_text");
    expect(q.entryId).toBe("soc2-report-request");
    expect(q.status).toBe("drafted");
  });

  it("the reference's numbers do not dilute the ask", async () => {
    const { answer } = await import("./helpers.js");
    const q = await answer("3.1.8 Does the system limit the number of unsuccessful logon attempts?", "yes_no", [
      "Yes",
      "No",
    ]);
    expect(q.entryId).toBe("brute-force-protection");
    expect(q.status).toBe("drafted");
  });
});

describe("the buyer's own systems and tenant data", () => {
  it.each([
    "Please confirm whether our Okta tenant enforces MFA for all users.",
    "Does our firewall allow outbound traffic to your service?",
    "Which AWS instance IDs host our tenant's database?",
    "Please list the source IP address ranges your support staff will connect from.",
    "Please confirm the session timeout currently configured in our workspace.",
    "List the names of your staff who have access to our account.",
    "Will our existing WAF rule set block your websocket traffic?",
    "Will our EDR agents flag your installer?",
    "Will you take over patching of our Windows server estate, and to what SLA?",
    "Are our Linux servers scanned by your team?",
    "Name the individuals at your company who hold admin rights to our tenant.",
    "Please list the named engineers with access to our production account.",
    "How many customer records do you currently hold on behalf of our company?",
    "Share the risk assessment you performed specifically for our deployment.",
    "Do we need to allowlist your IP ranges on our proxy?",
    "What should we add to our mail server's SPF record?",
    "Will the AI features be enabled in our sandbox tenant during the pilot?",
    "Which of our staff currently have the owner role?",
    "List the named users in our account who currently hold the Owner role.",
    "What is the exact storage limit that will apply to our workspace?",
    "What session timeout is set for our tenant right now?",
    "Has our procurement team already approved your security addendum?",
    "Is our internal data classification standard compatible with your labels?",
    "Provide a report of our users who exported data in the last month.",
    "Subscription ID and VPC name hosting our workspace",
    "Does your risk methodology use the same 5x5 scoring matrix as our enterprise risk register?",
    "What residual likelihood and impact score should we record against it?",
    "Please confirm that web filtering (8.23) is applied on our corporate proxy for our users accessing your platform.",
    "Will you configure DMARC enforcement on our email domain on our behalf as part of onboarding?",
    "Does the vendor perform an annual penetration test specifically targeting our SSO integration and our configured tenant?",
    "Per the university's data classification standard, what tier would records held in your platform fall into?",
  ])("%s is buyer-specific", (text) => {
    expect(analyzeQuestion(text).buyerSpecific).not.toBeNull();
  });

  it.each([
    "Will our data be encrypted at rest?",
    "Can our users sign in with SSO?",
    "Where will our data be stored?",
    "Can SSO be enabled for our workspace?",
    "Are your servers patched within 14 days?",
    "Is our data stored on servers in the EU?",
    "Is admin access limited to a few named individuals?",
    "How many records can a single export hold?",
    "Do you carry out risk assessments for new suppliers?",
    "Will we be notified when a new subprocessor is added?",
    "Do you run a pilot of every security tool before buying it?",
    "Can our admins assign roles to our users?",
    // What the product lets the buyer's administrators do is a capability of the service.
    "Could our tenant administrators require a hardware key for every user?",
    "Which rate limits apply to API clients?",
    "Which SSO providers can be configured for our tenant?",
    "Do you classify data under a documented classification scheme?",
  ])("%s is about the vendor's service", (text) => {
    expect(analyzeQuestion(text).buyerSpecific).toBeNull();
  });
});

describe("asides and inner clauses (written here in this test's own words)", () => {
  it("a relative clause listing what the topic covers is context, not topic", () => {
    const a = analyzeQuestion(
      "Is a vulnerability disclosure program that covers partner portals, mobile apps and other customer-facing channels documented, approved, published and maintained?",
    );
    expect(a.intent).toBe("governance");
    expect(a.focus).toBe("vulnerability disclosure");
    expect(a.context).toContain("partner portals");
  });

  it("NIST's '-1' policy template reads the policy's topic, not its standard contents", () => {
    const a = analyzeQuestion(
      "Does the organization develop, document, and disseminate a media protection policy that addresses purpose, scope, roles, responsibilities, management commitment, coordination among organizational entities, and compliance?",
    );
    expect(a.intent).toBe("governance");
    expect(a.focus).toBe("media protection");
    expect(a.context).toContain("management commitment");
    // The same contents after other verbs.
    const b = analyzeQuestion(
      "Does the organization develop, document and disseminate an incident response policy that sets out its purpose, scope, roles and responsibilities?",
    );
    expect(b.focus).toBe("incident response");
  });

  it("the management sign-off on a programme is context: the programme's topic is asked", () => {
    const a = analyzeQuestion(
      "Is there a badge management program that has been approved by management, communicated to constituents and an owner to maintain and review the program?",
    );
    expect(a.focus).not.toMatch(/approved|constituents|owner/);
    expect(a.focus).toMatch(/badge management program/);
    expect(a.context).toContain("approved by management");
  });

  it("the owner clause alone after a programme or policy is context; a register's owners are asked", () => {
    const a = analyzeQuestion("Is there a documented badge programme with an assigned owner?");
    expect(a.focus).not.toMatch(/owner/);
    expect(a.context).toContain("owner");
    expect(analyzeQuestion("Is there a risk register with assigned owners?").focus).toMatch(/owners/);
  });

  it("a trailing 'such that' clause is context", () => {
    const a = analyzeQuestion(
      "Are procedures for the rotation of on-call duties defined, implemented and evaluated such that no engineer carries pager duty two weeks in a row?",
    );
    expect(a.focus).toBe("rotation on-call duties");
    expect(a.context).toContain("pager duty");
  });

  it.each([
    [
      "Under ISO 27001 control A.8.13, are backup restores rehearsed?",
      /backup restores rehearsed/,
      /ISO 27001 control A\.8\.13/,
    ],
    ["Are laptops encrypted, consistent with SOC 2 CC6.7?", /laptops encrypted/, /SOC 2 CC6\.7/],
    ["Is staff access removed on exit, in line with Art. 32 GDPR?", /staff access removed on exit/, /Art\. 32 GDPR/],
  ])("the standard a question is framed by is context, not what it asks: %s", (text, asked, framing) => {
    const a = analyzeQuestion(text);
    expect(a.focus).toMatch(asked);
    expect(a.focus).not.toMatch(/27001|soc 2|gdpr/i);
    expect(a.context).toMatch(framing);
  });

  it("a standard asked about is not a framing", () => {
    expect(analyzeQuestion("Is your SOC 2 report prepared in line with the AICPA guide?").focus).toMatch(
      /SOC 2 report/,
    );
  });

  it("a parenthesis and a compliance qualifier are context; the ask stays in the buyer's words", () => {
    const a = analyzeQuestion(
      "Are lost laptops reported to the service desk (including those of contractors) in accordance with applicable laws and regulations?",
    );
    expect(a.focus).toBe("Are lost laptops reported to the service desk?");
    expect(a.context).toContain("including those of contractors");
    expect(a.context).toContain("in accordance with applicable laws and regulations");
  });

  it("a short gloss in parentheses names the topic and stays in what is asked", () => {
    const a = analyzeQuestion("Are your suppliers' own subcontractors (fourth parties) assessed for risk?");
    expect(a.focus).toContain("fourth parties");
    // Instructions, numbers and lists in parentheses are still asides.
    for (const aside of ["(if applicable)", "(last 12 months)", "(access / erasure)", "(e.g. AWS)"])
      expect(analyzeQuestion(`Do you run penetration tests ${aside}?`).focus).not.toContain(aside.slice(1, -1));
  });

  it("a catalogue's hedges ('where supported', 'at a minimum') are dropped, neither ask nor context", () => {
    const a = analyzeQuestion("Is disk encryption switched on for laptops where technically feasible?");
    expect(a.focus).toBe("Is disk encryption switched on for laptops?");
    expect(a.context).not.toContain("feasible");
    expect(analyzeQuestion("Are alerts triaged, at a minimum, by severity?").focus).toBe(
      "Are alerts triaged by severity?",
    );
    expect(analyzeQuestion("Are guest networks isolated as appropriate?").focus).toBe("Are guest networks isolated?");
    // A plain-English self-assessment hedges the same way: "wherever that's possible", "where it is
    // available", "wherever the device allows it".
    for (const hedge of [
      "wherever that's possible",
      "where this is possible",
      "where it is available",
      "wherever the device allows it",
      "where the service supports it",
    ])
      expect(analyzeQuestion(`Is auto-update enabled on laptops ${hedge}?`).focus).toBe(
        "Is auto-update enabled on laptops?",
      );
    // "as required by <law>" is a compliance qualifier (an aside), not a hedge.
    expect(analyzeQuestion("Are records kept as required by law?").context).toContain("as required by law");
  });

  it("a row that is only a parenthesis is kept as it is", () => {
    expect(analyzeQuestion("(optional)").focus).toBe("(optional)");
  });

  it("a list of three or more control verbs makes a template even without policy words", () => {
    const a = analyzeQuestion("Are backup generators secured, tested and maintained at planned intervals?");
    expect(a.intent).toBe("governance");
    expect(a.focus).toBe("backup generators");
  });

  it("'after significant changes' says when, like 'at planned intervals', not what", () => {
    const a = analyzeQuestion(
      "Are incident response plans tested at planned intervals and after significant organisational changes?",
    );
    expect(a.focus).toBe("Are incident response plans tested?");
  });

  it("the incident response test, not the continuity test, answers such a row", async () => {
    const [top] = matchQuestion(
      (await shippedLibrary()).index,
      "Are incident response plans tested at planned intervals and after significant organizational or environmental changes?",
      3,
    );
    expect(top?.entryId).toBe("incident-response-testing");
  });
});

describe("open asks around template words (written here in this test's own words)", () => {
  it("context sentences naming a policy do not turn a 'describe how' ask into a template", () => {
    const a = analyzeQuestion(
      "Awareness courses are only part of the answer; what counts is how releases are designed, reviewed and tested. We care about the practice, not the policy. Describe how security checks are built into your release pipeline.",
    );
    expect(a.intent).not.toBe("governance");
    expect(a.closed).toBe(false);
    expect(a.context).toContain("not the policy");
  });

  it("a statement row asking for a timeframe after a dash asks for words", () => {
    expect(analyzeQuestion("Log deletion after offboarding - timeframe incl. archives").closed).toBe(false);
  });
});

describe("template objects and frequency bases (written here in this test's own words)", () => {
  it("'technical or contractual measures' is the template's object; the topic follows it", () => {
    const a = analyzeQuestion(
      "Are processes and technical or contractual measures defined, implemented and evaluated to secure contractors' laptops that reach company systems?",
    );
    expect(a.intent).toBe("governance");
    expect(a.focus).not.toMatch(/measures|contractual/);
    expect(a.focus).toMatch(/laptops/);
  });

  it("'on a weekly basis' qualifies the practice", () => {
    const a = analyzeQuestion("Are firewall rule sets reviewed on a weekly basis?");
    expect(a.focus).not.toMatch(/weekly|basis/);
    expect(a.context).toMatch(/weekly basis/);
  });
});

describe("frequency qualifiers", () => {
  it("'at least annually' qualifies the practice: it is context, the practice is the focus", () => {
    const a = analyzeQuestion("Are load balancer settings reviewed at least annually?");
    expect(a.focus).toBe("Are load balancer settings reviewed?");
    expect(a.context).toContain("at least annually");
  });

  it("a frequency question keeps its intent", () => {
    expect(analyzeQuestion("How often are load balancer settings reviewed?").intent).toBe("frequency");
  });
});

describe("statement rows that name the fact they want", () => {
  it.each([
    "Pen test provider",
    "Hashing algorithm",
    "Certifications held",
    "SSO protocols supported",
    "Security contact",
  ])("'%s' asks for words", (text) => {
    expect(analyzeQuestion(text).closed).toBe(false);
  });

  it.each([
    "Frequency of user access reviews",
    "Retention period for audit logs",
    "Owner of the information security program",
    "Time to notify customers of a breach",
    "Type of encryption used for data at rest",
    "Date of last penetration test",
    "RTO and RPO for the service",
    "Minimum password length",
    "Security team size",
    "TLS versions supported",
    "SIEM product in use",
    "State the encryption algorithm used for data at rest",
    "Elaborate on your incident response process",
    "Kindly share your approach to vulnerability management",
    "Patch cadence for critical vulns",
    "Incident notification SLA",
    "Log retention (days)",
    "MFA methods supported",
    "Cloud provider(s) used",
    "Supported SSO protocols",
    "Backup frequency / retention",
    "Retention after termination",
  ])("'%s' opens or ends with the fact it wants: it asks for words", (text) => {
    expect(analyzeQuestion(text).closed).toBe(false);
  });

  it.each([
    "SSO supported",
    "Encryption at rest",
    "Incident response plan",
    "Encryption of data at rest",
    "Use of customer data for AI model training",
    "Background checks for new hires",
    "Right to audit clause in contracts",
    "Vulnerability scanning tool",
    "Do you keep a list of approved software?",
    "State whether MFA is enforced for administrators",
    "Indicate whether you encrypt backups",
    "Confirm you will notify us of breaches within 72 hours",
    "Audit logs available to customers",
  ])("'%s' asks to confirm", (text) => {
    expect(analyzeQuestion(text).closed).toBe(true);
  });
});

describe("sign-off and plain control verbs (written here in this test's own words)", () => {
  it("an owner assigned to maintain and review the policy is the sign-off's boilerplate, not the topic", () => {
    const a = analyzeQuestion(
      "Is there a network security policy that has been approved by management, communicated to relevant staff, and assigned an owner responsible for maintaining and reviewing it?",
    );
    expect(a.focus).toBe("Is there a network security policy?");
    expect(a.context).toMatch(/owner responsible/);
  });

  it("'written' in the list of control verbs and 'shared with staff' make the template", () => {
    const a = analyzeQuestion("Are procedures for backing up company data written, approved and shared with staff?");
    expect(a.intent).toBe("governance");
    expect(a.focus).toBe("backing up company data");
    const b = analyzeQuestion(
      "Are rules for remote working written, approved, and made known to all relevant employees?",
    );
    expect(b.intent).toBe("governance");
    expect(b.focus).toBe("rules remote working");
    // "written" that is not one of the verbs stays what it is.
    expect(analyzeQuestion("Is code written in Go and reviewed and tested?").intent).not.toBe("governance");
  });
});
