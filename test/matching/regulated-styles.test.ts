/**
 * SOC 2 criteria wording, PCI DSS-derived requirements, cyber-insurance applications and DORA ICT
 * third-party questions, bridged to the library as classes. Every text is written here in this
 * test's own words, with negative cases for each class.
 */
import { describe, expect, it } from "vitest";
import { asksAboutExceptions } from "../../src/domain/drafting/inversion.js";
import { analyzeQuestion } from "../../src/domain/matching/analyze.js";
import { outOfScope } from "../../src/domain/matching/scope.js";
import { buildLexicon, correctSpelling, lexiconByLength } from "../../src/domain/matching/spelling.js";
import { conceptsOf, normalizeText, wordsOf } from "../../src/domain/matching/tokenize.js";
import { answer } from "./helpers.js";

const concepts = (text: string) => conceptsOf(normalizeText(text));
const words = (text: string) => wordsOf(normalizeText(text));

describe("regulated-questionnaire wording names the concept", () => {
  it.each([
    ["Is a cardholder's PAN ever written to disk?", "§card"],
    ["Do you keep card verification values after a payment is approved?", "§card"],
    ["Can you send us your PCI attestation of compliance?", "§card"],
    ["Which QSA assessed you last?", "§card"],
    ["Do you guard against invoice fraud?", "§fraud"],
    ["Are wire transfers approved by two people?", "§fraud"],
    ["Are changed bank details confirmed by calling back a known contact?", "§fraud"],
    ["Is there a call-back verification step for new payees?", "§fraud"],
    ["Are control deficiencies reported to the board?", "§findings"],
    ["How are nonconformities from the certification audit closed?", "§findings"],
    ["Are audit findings followed up?", "§findings"],
    ["Do you look for indicators of compromise?", "§ids"],
    ["Are malicious acts against the platform detected?", "§ids"],
    ["Is traffic from outside the system boundary filtered?", "§firewall"],
    ["Is SSH open to the internet on any host?", "§firewall"],
    ["Is any server exposed to the public internet?", "§firewall"],
    ["Do you subcontract customer support?", "§subprocessor"],
    ["Describe your subcontracting arrangements.", "§subprocessor"],
    ["Do you receive information on vulnerabilities and threats from peers?", "§threatintel"],
    ["Are you a member of a trusted community that exchanges threat data?", "§threatintel"],
    ["Is the company part of an ISAC?", "§threatintel"],
    ["Is access given only to people whose job requires it?", "§rbac"],
    ["Is access granted by job function?", "§rbac"],
    ["Are disks destroyed so that the ability to recover data from them is gone?", "§deletion"],
    ["Is retired media made unrecoverable?", "§deletion"],
    ["Do you have an exit strategy for customers who leave?", "§portability"],
    ["Could we migrate the workload to another provider easily?", "§portability"],
    ["Can we bring the service back in-house?", "§portability"],
    ["Is there a security operations centre?", "§siem"],
    ["Are alerts correlated across sources?", "§siem"],
    ["Are security events triaged by an analyst?", "§siem"],
    ["Do you use an MDR service?", "§edr"],
    ["How do you identify risks to the platform?", "§risk"],
    ["What are the sources of risk you track?", "§risk"],
  ])("%s → %s", (text, token) => {
    expect(concepts(text)).toContain(token);
  });

  it.each([
    ["Is the service sold pan-European?", "§card"],
    ["Is the data transfer encrypted?", "§fraud"],
    ["Will support call us back within a day?", "§fraud"],
    ["Are findings of the pen test shared with customers?", "§findings"],
    ["Is the SSH key rotated?", "§firewall"],
    ["Is the fire exit door alarmed?", "§portability"],
    ["Are staff reviewed on their job performance?", "§rbac"],
    ["Is the recovery plan tested?", "§deletion"],
    ["Is the ability to recover systems after a disaster tested?", "§deletion"],
    ["Do you identify supplier risks?", "§risk"],
    ["Is a contract signed with every supplier?", "§subprocessor"],
  ])("%s does not name %s", (text, token) => {
    expect(concepts(text)).not.toContain(token);
  });
});

describe("words that carry no topic of their own", () => {
  it("DORA's 'ICT' qualifier is dropped like 'IT', the noun after it stays", () => {
    expect(words("Are ICT-related incidents classified?")).not.toContain("ict");
    expect(words("Are ICT-related incidents classified?")).toEqual(words("Are related incidents classified?"));
    expect(concepts("Who are your ICT service providers?")).toContain("§vendor");
  });

  it("a noun and its adjective share a stem ('anomalies', 'anomalous')", () => {
    expect(words("anomalies")).toEqual(words("anomalous"));
  });
});

describe("typo correction leaves real words in another inflection alone", () => {
  const lexicon = buildLexicon(["Support calls are recorded.", "Emergency changes", "security awareness cabling"]);
  const byLength = lexiconByLength(lexicon);

  it("does not turn a known stem into its one-edit neighbour", () => {
    expect(correctSpelling("calling back", lexicon, byLength)).toBe("calling back");
    expect(correctSpelling("emerging threats", lexicon, byLength)).toBe("emerging threats");
  });

  it("still mends a misspelling, including one whose stem the library knows", () => {
    expect(correctSpelling("awarness of securty", lexicon, byLength)).toBe("awareness of security");
  });
});

describe("questions the library must not answer", () => {
  it.each([
    "Please send your payment instructions.",
    "What fee does the assessor bill for the annual examination?",
    "What deductible would apply to a ransomware claim?",
    "State the limit of indemnity on your policy.",
    "What premium do you pay for cyber cover?",
    "What were last year's revenues?",
    "What was your annual turnover in 2025?",
    "Do you expect to be designated an essential entity next year?",
    "Do you anticipate regulators will classify your service as critical?",
    "What is the number of analysts in your security operations team?",
    "What is your LEI?",
    "Give your company registration number.",
  ])("%s is out of scope", (text) => {
    expect(outOfScope(text)).not.toBeNull();
  });

  it.each([
    "What rate limits apply to the API?",
    "What is staff turnover like in the security team?",
    "Do you expect customers to enable MFA?",
    "Do you expect your suppliers to be certified to ISO 27001?",
    "Do you guard against invoice fraud?",
    "Are changes to a supplier's payment details verified?",
    "Is the number of failed logins per user limited?",
  ])("%s is not ruled out", (text) => {
    expect(outOfScope(text)).toBeNull();
  });

  it.each([
    "Confirm the session timeout currently set on our tenant.",
    "Which encryption setting is applied for our workspace right now?",
    "List the controls that our organisation has already implemented.",
    "Have we mapped our critical functions to your service?",
  ])("%s is about the buyer's own account or actions", (text) => {
    expect(analyzeQuestion(text).buyerSpecific).not.toBeNull();
  });

  it.each([
    "Can the retention setting be configured for our workspace?",
    "Describe the controls that we must implement ourselves.",
    "Have you signed our DPA?",
  ])("%s is not", (text) => {
    expect(analyzeQuestion(text).buyerSpecific).toBeNull();
  });
});

describe("counts of particular things are facts no library holds", () => {
  it("asks for a count of records or users, read on the ask", () => {
    const ask = "How many customer records do you hold?";
    expect(outOfScope(ask, ask)).not.toBeNull();
    expect(outOfScope("How many users can one account have?")).toBeNull();
  });
});

describe("examples after the ask are context", () => {
  it("'for example …' leaves the focus on the practice", () => {
    const a = analyzeQuestion("How are incidents prioritised, for example by customers affected and duration?");
    expect(a.focus).not.toMatch(/customers|duration/);
    expect(a.context).toMatch(/customers affected/);
  });

  it("'e.g.' in a parenthesis or after a comma both go", () => {
    expect(analyzeQuestion("Are logs shipped to a SIEM, e.g. Splunk or Sentinel?").focus).not.toMatch(/splunk/i);
  });
});

describe("templates and notification clauses", () => {
  it("'made known to all relevant personnel' is a template verb", () => {
    const a = analyzeQuestion(
      "Is the acceptable use policy established, maintained and made known to all relevant personnel?",
    );
    expect(a.intent).toBe("governance");
    expect(a.focus).not.toMatch(/known|personnel/);
  });

  it("'without undue delay' is the promptness asked for, not a delay", () => {
    expect(asksAboutExceptions("Will you tell us without undue delay about an outage that affects us?")).toBe(false);
    expect(asksAboutExceptions("Were any critical patches delayed last quarter?")).toBe(true);
  });
});

describe("end to end on the shipped library", () => {
  it.each([
    ["Do you guard against invoice fraud when a supplier asks to change its bank details?", "fraud-risk"],
    ["Could a cardholder's PAN ever be kept in your database?", "pci-dss"],
    ["Is the network protected from attackers outside the system boundary?", "network-security-controls"],
    ["Is intelligence on new cyber threats shared with an ISAC?", "threat-intelligence"],
    ["Are audit findings and control deficiencies tracked until they are closed?", "internal-audit"],
  ])("%s → %s", async (text, entryId) => {
    expect((await answer(text)).entryId).toBe(entryId);
  });

  it("a fee for an audit goes nowhere, whatever it shares with the SOC 2 entries", async () => {
    expect((await answer("What does your auditor charge you for the SOC 2 report?", "free_text")).status).toBe(
      "no_match",
    );
  });
});
