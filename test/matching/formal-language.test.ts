/**
 * Formal control language (NIST, CIS, ISO 27001, HIPAA, GDPR Art. 28, Cyber Essentials) bridged to the
 * library's plain words, one class per case. Every text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/domain/matching/analyze.js";
import { matchQuestion } from "../../src/domain/matching/match.js";
import { outOfScope } from "../../src/domain/matching/scope.js";
import { conceptsOf, normalizeText, tokenize } from "../../src/domain/matching/tokenize.js";
import { shippedLibrary } from "./helpers.js";

const concepts = (text: string) => conceptsOf(normalizeText(text));

describe("plain words for retention and for another tenant's data", () => {
  it("a provider that keeps prompts, copies kept, and data of another customer", () => {
    expect(concepts("Does the model provider keep prompts or responses?")).toContain("§retention");
    expect(concepts("Does the AI vendor keep copies of what our users type in?")).toContain("§retention");
    expect(concepts("Do you keep our logo on the login page?")).not.toContain("§retention");
    expect(concepts("How do you stop the assistant surfacing data that belongs to another customer?")).toContain(
      "§multitenant",
    );
    expect(concepts("Can one user see another tenant's records?")).toContain("§multitenant");
  });

  it("peaks of load are capacity, and the loss of a single data centre is availability", () => {
    expect(concepts("How does your platform cope with sudden spikes in volume?")).toContain("§capacity");
    expect(concepts("How does the platform scale to absorb these peaks?")).toContain("§capacity");
    expect(concepts("Is the platform resilient against the loss of a single data centre?")).toContain("§availability");
    expect(concepts("Did you have a spike in phishing emails?")).not.toContain("§capacity");
  });
});

describe("a concept is named only where the question asks about it", () => {
  it("the production environment is where something runs, not the separation of environments", () => {
    expect(concepts("Which cloud provider hosts the production environment?")).not.toContain("§segregenv");
    expect(concepts("Is the staging environment separated from production?")).toContain("§segregenv");
    expect(concepts("Are development and test environments kept apart?")).toContain("§segregenv");
  });
});

describe("formal wording names the same concept as the plain one", () => {
  it.each([
    ["Are privileged permissions revalidated by their owners?", "§accessreview"],
    ["Do servers take their time from one central, trusted reference?", "§timesync"],
    ["Are hosts set to use synchronised clocks?", "§timesync"],
    ["Is there a review and revalidation of privileged access each quarter?", "§accessreview"],
    ["Is a review of admin rights carried out each quarter?", "§accessreview"],
    ["Does the platform record user activity?", "§siem"],
    ["Do you act only on the customer's written instructions?", "§dpa"],
    ["Can you appoint another processor without telling us?", "§subprocessor"],
    ["Do you keep a register of your service providers?", "§vendor"],
    ["Must providers of external system services follow your rules?", "§vendor"],
    ["Are vendor contracts reviewed for security terms?", "§vendor"],
    ["Do agreements with third parties include breach notification?", "§vendor"],
    ["Is ePHI encrypted on laptops?", "§privacy"],
    ["How do you handle requests from data subjects?", "§dsar"],
    ["Are staff under a duty of confidentiality?", "§nda"],
    ["Have contractors committed themselves to confidentiality?", "§nda"],
    ["How are unauthorized devices on the network found?", "§asset"],
    ["Is there a list of all privileged accounts?", "§accountinventory"],
    ["Are information security risks assessed at least annually?", "§risk"],
    ["Is an assessment of the potential risks to patient data done?", "§risk"],
    ["Is there a reporting channel for security researchers?", "§bugbounty"],
    ["How is test information protected?", "§testdata"],
    ["Is there an automatic logoff on shared terminals?", "§session"],
    ["Do remote connections end after a period of inactivity?", "§session"],
    ["Are rules of behaviour signed by users?", "§aup"],
    ["Do you impose sanctions on staff who breach policy?", "§disciplinary"],
    ["Is a credential vault provided to engineers?", "§pwmanager"],
    ["Is secure authentication used for admin consoles?", "§mfa"],
    ["Is developer security testing required of suppliers?", "§appsec"],
    ["Is the SSRM documented?", "§sharedresp"],
    ["Are regulators notified of incidents in time?", "§breach"],
    ["Is account management centralised for every application?", "§sso"],
    ["Does your IT support company follow the same controls?", "§vendor"],
    ["Are service providers securely decommissioned?", "§vendor"],
    ["Is the guest network kept separated from the servers?", "§firewall"],
    ["Is system access limited to authorised users?", "§rbac"],
    ["Is the database deployed multi-AZ?", "§availability"],
    ["Is any laptop running an operating system past its end of support?", "§eol"],
    ["Is all software still supported by its vendor?", "§eol"],
    ["Do staff unlock their phones with a passcode?", "§session"],
    ["Is access revoked on termination of employment?", "§offboarding"],
    ["Will you notify us in advance of any material sub-outsourcing?", "§subprocessor"],
    ["Is your security operations centre staffed around the clock?", "§siem"],
  ])("%s → %s", (text, token) => {
    expect(concepts(text)).toContain(token);
  });

  it.each([
    ["Is data sent to service providers encrypted?", "§vendor"],
    ["Do you keep an inventory of third-party suppliers?", "§asset"],
    ["Is there an inventory of user accounts?", "§asset"],
    ["Do you screen customers against sanctions lists?", "§disciplinary"],
    ["What happens to our data at contract termination?", "§offboarding"],
    ["Upon termination of the agreement, is our data deleted?", "§offboarding"],
  ])("%s does not name %s", (text, token) => {
    expect(concepts(text)).not.toContain(token);
  });
});

describe("control-framework filler carries no meaning", () => {
  it("'the organization employs mechanisms' leaves only what is employed", () => {
    const tokens = tokenize("The organization employs mechanisms to protect organizational test information.");
    expect(tokens).not.toContain("emploi");
    expect(tokens.some((t) => t.startsWith("mechan"))).toBe(false);
    expect(tokens.some((t) => t.startsWith("organiz"))).toBe(false);
    expect(tokens).toContain("test");
  });
});

describe("a control reference's title is the topic, not an aside", () => {
  it("keeps '(Encrypt sensitive data at rest)' after 'control 3.11' and drops the option list", () => {
    const a = analyzeQuestion(
      "Implementation status of control 3.11 (Encrypt sensitive data at rest) (Implemented / Not implemented)",
    );
    expect(a.focus).toContain("Encrypt sensitive data at rest");
    expect(a.focus).not.toContain("Not implemented");
  });
});

describe("the buyer's own systems and named people", () => {
  it("a possessive chain that starts with 'our' names the buyer's system", () => {
    expect(
      analyzeQuestion("Is our Paris office's firewall configured to allow your traffic?").buyerSpecific,
    ).not.toBeNull();
    expect(analyzeQuestion("Is our own ISMS aligned with the controls you selected?").buyerSpecific).not.toBeNull();
    expect(analyzeQuestion("Do you encrypt the data our staff's browsers send you?").buyerSpecific).toBeNull();
    // The buyer named as "the tenant", "the customer", and the buyer's own register.
    expect(
      analyzeQuestion("Does the customer's own DLP tool see traffic to your service?").buyerSpecific,
    ).not.toBeNull();
    expect(
      analyzeQuestion("In our supplier register, which tier should your service sit in?").buyerSpecific,
    ).not.toBeNull();
    expect(analyzeQuestion("Is your own supplier register reviewed each year?").buyerSpecific).toBeNull();
  });

  it("the assessment's own scope, contract clauses and figures of the engagement are not the library's", () => {
    for (const text of [
      "Is the whole organisation included in the scope of this assessment?",
      "Upload a certificate of insurance naming our company as additional insured.",
      "Governing law and jurisdiction of this Data Processing Agreement",
      "Estimated number of data subjects whose personal data will be processed",
      "List the make, model and OS of each laptop used by your staff.",
      "Please list the NIS2 sectors in which our organisation operates.",
      // A date still to come: the library says how often, not when next.
      "Provide the planned date and location of your next continuity exercise.",
    ])
      expect(outOfScope(text), text).not.toBeNull();
    for (const text of [
      "What is the scope of your ISO 27001 certification?",
      "Does every risk in the register carry an owner and a target date?",
      // A capability to restrict, and a payment as one of the acts a second person approves.
      "Can API access be restricted to specific IP addresses we give you?",
      "Does a second person have to approve every refund or payment?",
      "Do you carry cyber liability insurance?",
      "Do you limit the number of failed login attempts?",
    ])
      expect(outOfScope(text), text).toBeNull();
  });

  it("'Describe the other checks:' and a count broken down by tier are not the library's to answer", () => {
    expect(outOfScope("Describe the other checks:")).not.toBeNull();
    const tiers = "How many suppliers does your organisation have in each criticality tier?";
    expect(outOfScope(tiers, tiers)).not.toBeNull();
    expect(outOfScope("Describe the other controls that protect backups from ransomware")).toBeNull();
  });

  it("fraud with invoices is a risk, and a setting of the vendor's tool for the buyer's people is the vendor's", () => {
    const fraud = "How do you guard against fraud inside your business, for example fake invoice scams?";
    expect(outOfScope(fraud, fraud)).toBeNull();
    const rbac = "Can we control which of our people see shoppers' personal details in your tool?";
    expect(outOfScope(rbac, rbac)).toBeNull();
    expect(outOfScope("What payment terms do you offer?")).not.toBeNull();
    const own = "Which of our people should receive your security notices?";
    expect(outOfScope(own, own)).not.toBeNull();
  });

  it("options offered, examples in a parenthesis, a plan to recover, payment pages and a diagram are no scope rule's", () => {
    for (const text of [
      "Select one: Does the product support SAML SSO for our users? (Yes / No / Roadmap)",
      "Which personal data fields about our customers will end up on your side (IDs, IP addresses, emails, device info)?",
      "RC.RP: Do you have a plan to get the service running again after a disaster, and do you practise it?",
      "Your script will be loaded on our checkout and payment pages. How do you guarantee its integrity?",
      "Can you share an architecture / network diagram showing accounts, VPCs, subnets and trust boundaries?",
      "Company overview (HQ, headcount, years trading)",
      // What a notice contains, a count among its items, is what the notice says.
      "Which details will an incident notice include: what happened, the approximate number of users affected and next steps?",
      "What will your breach notice tell us - nature of the breach, categories and approximate number of data subjects, likely consequences?",
    ])
      expect(outOfScope(text, text), text).toBeNull();
    for (const text of [
      "Are you planning to get certified to ISO 42001?",
      // A certification expected later, and a count at a moment, are calendar and register facts.
      "In which quarter do you plan to complete your first SOC 2 Type II audit?",
      "Do you anticipate obtaining a PCI DSS attestation?",
      "Total count of production servers as of the date of your response:",
      "Approximate number of end users you will hold data about:",
      "Will a customer-managed key option be available in Q3 2027?",
      // An ISMS's own records and figures: one register entry's owner, overdue plan items, one
      // campaign's rate, an inventory export, a committee's members.
      "Which person is recorded as owner of your top-rated risk in the risk register?",
      "List the corrective actions that have gone past their agreed deadlines.",
      "What was the pass rate of your latest awareness quiz?",
      "Send an extract of your supplier register showing each supplier and its owner.",
      "Name the members of your change advisory board.",
      "What is on your product roadmap?",
      "Provide the internal IP addresses of your production servers.",
      "How many people are in your security team?",
    ])
      expect(outOfScope(text, text), text).not.toBeNull();
  });

  it("an RFP's environmental, social or ethical questions are not a security library's", () => {
    for (const text of [
      "16.1 Describe your environmental sustainability commitments, including Scope 1 and 2 emissions reporting.",
      "Do you have a modern slavery statement?",
      "Have you set a net-zero target?",
    ])
      expect(outOfScope(text, text), text).not.toBeNull();
    expect(outOfScope("Is the SOC 2 scope limited to production?")).toBeNull();
  });

  it("the name of a person however qualified, and a floor plan, are particulars no library holds", () => {
    expect(
      outOfScope(
        "Name of your ISO 27001 internal auditor and their Lead Auditor certificate number:",
        "Name of your ISO 27001 internal auditor and their Lead Auditor certificate number:",
      ),
    ).not.toBeNull();
    expect(
      outOfScope("A.7.3 Securing offices – attach the floor plan of your head office showing secure zones."),
    ).not.toBeNull();
    expect(outOfScope("Do you have an ISO 27001 internal auditor?")).toBeNull();
  });

  it("an 'Other (please specify)' or remarks row is for the person filling it in, not a library entry", () => {
    for (const text of [
      "Other (please specify):",
      "If other, please specify",
      "Others – please describe.",
      "Any other comments?",
      "Additional comments or information:",
    ])
      expect(outOfScope(text), text).not.toBeNull();
    for (const text of [
      "Other controls in place?",
      "Other security certifications held?",
      "Do you notify other customers of incidents?",
    ])
      expect(outOfScope(text), text).toBeNull();
  });

  it("'Name the engineers who…' asks for people, which no library holds", () => {
    expect(outOfScope("Name the engineers who administer production.", "")).not.toBeNull();
    expect(outOfScope("Name the encryption algorithm used for backups.", "")).toBeNull();
  });
});

describe("formal questions find the plain entry (shipped library)", () => {
  it.each([
    ["Are privileged permissions revalidated by their owners every quarter?", "access-reviews"],
    ["Do you keep a register of all service accounts?", "unique-user-ids"],
    ["Do you impose sanctions on personnel who breach the security policy?", "disciplinary-process"],
    ["Is there an automatic logoff for idle remote sessions?", "session-timeout-staff"],
    ["Are staff who handle customer personal data under a duty of confidentiality?", "confidentiality-agreements"],
    ["Is there a public reporting channel where researchers can submit security flaws?", "bug-bounty"],
    ["Are the rules of behaviour for system users written down and signed?", "acceptable-use"],
    ["Is the use of a credential vault required for shared secrets?", "password-manager"],
    [
      "Implementation status of control 3.11 (Encrypt sensitive data at rest) (Implemented / Not implemented)",
      "encryption-at-rest",
    ],
    ["Will you engage another processor only with our written consent?", "subprocessor-changes"],
  ])("%s → %s", async (text, entry) => {
    const [top] = matchQuestion((await shippedLibrary()).index, text, 3);
    expect(top?.entryId).toBe(entry);
  });
});

describe("NIST 800-171's own words and a small firm's plain ones", () => {
  it("changes approved or disapproved, their impact analysed; staff made aware; shared system resources", () => {
    expect(concepts("Are changes tracked, reviewed, approved or disapproved, and logged?")).toContain("§change");
    expect(concepts("Is the security impact of planned changes analysed before they go live?")).toContain("§change");
    expect(concepts("Are users made aware of the risks of their activities?")).toContain("§training");
    expect(concepts("Is information transfer through shared system resources prevented?")).toContain("§multitenant");
  });

  it("people leaving: personnel actions, someone who leaves the business", () => {
    expect(concepts("Are systems protected during and after personnel actions such as transfers?")).toContain(
      "§offboarding",
    );
    expect(concepts("When someone leaves the business, how soon is their login disabled?")).toContain("§offboarding");
    expect(concepts("Which of our data leaves the EU?")).not.toContain("§offboarding");
  });

  it("public authorities asking for data, however they are named", () => {
    for (const text of [
      "How do you respond to access requests by US authorities under FISA 702 or the CLOUD Act?",
      "Have you ever been served a subpoena for customer data?",
      "How are law enforcement demands handled?",
    ])
      expect(concepts(text), text).toContain("§govaccess");
    expect(concepts("Is the public cloud used?")).not.toContain("§govaccess");
  });

  it("whose security jobs are whose, in plain words", () => {
    expect(concepts("Do you know which security tasks are yours and which are the provider's?")).toContain(
      "§sharedresp",
    );
  });
});

describe("NIST's words for backups, recovery sites, literacy training and risk", () => {
  it("names the practice in the words SP 800-53 and 800-171 use", () => {
    expect(concepts("Do you keep backup copies at an alternate storage site?")).toContain("§backup");
    expect(concepts("Is an alternate processing site ready if the primary one fails?")).toContain("§dr");
    expect(concepts("Does every new starter take security literacy training?")).toContain("§training");
    expect(concepts("Are risk assessments repeated every year?")).toContain("§risk");
    expect(concepts("Is risk to the mission and to individuals assessed every year?")).toContain("§risk");
  });

  it("the assets of NIST's risk formula are what could be harmed, not an inventory", () => {
    expect(
      concepts("Is the risk to organizational operations, organizational assets and individuals assessed?"),
    ).not.toContain("§asset");
    expect(concepts("Are all hardware assets recorded with an owner?")).toContain("§asset");
  });

  it("portable storage and memory sticks are removable media", () => {
    expect(concepts("May staff save files to portable hard drives?")).toContain("§removable");
    expect(concepts("Are thumb drives blocked on laptops?")).toContain("§removable");
    expect(concepts("Are removable storage devices encrypted?")).toContain("§removable");
  });
});

describe("knowing which laws apply", () => {
  it("a register of regulations and tracking legal change are one concept", () => {
    expect(concepts("Is there an inventory of the laws that apply to your company?")).toContain("§legalreg");
    expect(concepts("How do you monitor changes to privacy legislation?")).toContain("§legalreg");
    expect(concepts("Do you use regulatory change management software?")).toContain("§legalreg");
    expect(concepts("Do you comply with the law?")).not.toContain("§legalreg");
  });
});

describe("an independent review of the ISMS is an audit", () => {
  it("ISO 27001 A.5.35's wording names assurance", () => {
    expect(concepts("Is your security programme reviewed independently every year?")).toContain("§certification");
    expect(concepts("Do you commission an independent review of your ISMS?")).toContain("§certification");
    expect(concepts("Is the policy reviewed every year?")).not.toContain("§certification");
  });
});
