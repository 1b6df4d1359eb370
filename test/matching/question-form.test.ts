/**
 * The answer fits the question asked, on the shipped library: a value only where the question asks
 * for one, words without a leading verdict for open questions, the topic of a governance template,
 * and review for questions no library should answer on its own.
 */
import { describe, expect, it } from "vitest";
import { answerQuestion, answerQuestionnaire } from "../../src/domain/answering/answer-questions.js";
import { analyzeQuestion } from "../../src/domain/matching/analyze.js";
import { buildQuery, matchQuery } from "../../src/domain/matching/match.js";
import { answer, question, shippedLibrary, US_NO_NDA } from "./helpers.js";

const YES_NO = ["Yes", "No", "N/A"];

describe("value only where the question asks for one", () => {
  it.each([
    "Where will our data be stored?",
    "How long is customer data retained after the contract ends?",
    "Please describe how encryption keys are managed.",
    // RFP rows that name the fact they want, without a question word
    "Retention period for audit logs",
    "Frequency of user access reviews",
    "Reporting line of the security lead",
    // …joined by "+", ending on a colon, a window or "pls"
    "Backup freq + retention",
    "Minimum TLS version accepted for data in transit?",
    "Patch SLAs by severity:",
    "Breach notification window to customers",
    "Sub-processor list - link pls",
    // …the date of the last one, a list a link will do for
    "SOC2 type 2 – date of last report",
    "Sub-processors list (link ok)",
    // …and "State …" whose object the reading of the vendor's name left without a "the"
    "BCDR-01 State the vendor's recovery time objective (RTO) and recovery point objective (RPO) for the contracted service.",
    // …a "version(s)" label, an SLA with the severities it wants, an objective as a field to fill
    "TLS version(s) supported",
    "Vuln remediation SLA - critical / high",
    "Recovery time objective and recovery point objective for the production platform:",
    // …the options on offer, a version in shorthand
    "Data residency options (EU / US)?",
    "Encrytion in transit - TLS ver?",
  ])("an open question in a Yes/No column gets words and no value: %s", async (text) => {
    const r = await answer(text, "yes_no", YES_NO);
    expect(r.entryId).not.toBeNull();
    expect(r.answer?.value ?? null).toBeNull();
    expect(r.answer?.text).not.toMatch(/^(yes|no)\b/i);
  });

  it.each(["Data retention post-termination", "Vuln scan cadence (infra + containers)", "Sub-processor list pls"])(
    "a label in a free-text cell is answered with the facts, not a leading verdict: %s",
    async (text) => {
      const r = await answer(text, "free_text");
      expect(r.entryId).not.toBeNull();
      expect(r.answer?.text).not.toMatch(/^(yes|no)\b/i);
    },
  );

  it("a yes/no question in a free-text cell keeps the verdict its answer opens with", async () => {
    const r = await answer("Is customer data encrypted at rest?", "free_text");
    expect(r.answer?.text).toMatch(/^yes\b/i);
  });

  it("a closed question in the same column still gets its value", async () => {
    const r = await answer("Is customer data encrypted at rest?", "yes_no", YES_NO);
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("Yes");
  });

  it("free text answering who/where/how starts with the answer, not Yes.", async () => {
    const r = await answer("Who is accountable for information security?", "free_text");
    expect(r.entryId).not.toBeNull();
    expect(r.answer?.text).not.toMatch(/^(yes|no)\b/i);
  });

  it.each([
    "Kindly upload the most recent SOC 2 Type II audit report.",
    "Send us your business continuity plan",
    "Furnish your cyber insurance certificate",
    "ISO 27001 cert copy",
    "SOC 2 Type II - pls attach latest",
  ])("a request for a document (%s) is answered with the text, not Yes.", async (text) => {
    const r = await answer(text, "free_text");
    expect(r.status).toBe("drafted");
    expect(r.answer?.text).not.toMatch(/^(yes|no)\b/i);
  });
});

describe("governance templates are answered from their topic", () => {
  it.each([
    [
      "Are policies and procedures for incident management established, documented, approved, communicated, applied, evaluated and maintained?",
      /incident/,
    ],
    [
      "Are processes, procedures and technical measures defined, implemented and evaluated to detect and remove malware?",
      /edr|malware|antimalware/,
    ],
  ])("%s", async (text, topic) => {
    const r = await answer(text, "yes_no", YES_NO);
    expect(r.entryId).toMatch(topic);
    expect(r.entryId).not.toMatch(/^(infosec-policy|policy-review-cycle|information-labelling)$/);
  });
});

describe("a governance template is answered by the topic's policy entry", () => {
  it.each([
    [
      "Are identity and access management policies and procedures established, documented, approved, communicated, implemented, applied, evaluated and maintained?",
      "access-control-policy",
    ],
    [
      "Are policies and procedures for handling information security incidents established, documented, approved, communicated, applied, evaluated and maintained?",
      "incident-response-plan",
    ],
    // Asking for the process is asking for the entry that states it, not the team.
    ["Describe your process for responding to a security incident.", "incident-response-plan"],
  ])("%s", async (text, entry) => {
    expect((await answer(text, "yes_no", YES_NO)).entryId).toBe(entry);
  });
});

describe("a practice the library says is deliberately not followed is answered No", () => {
  it.each(["Are passwords rotated every 90 days?", "Do you require staff to change passwords every 60 days?"])(
    "%s",
    async (text) => {
      // The password policy entry describes the policy and was read as a Yes; its rotation clause
      // says the opposite, so rotation has an entry of its own.
      const a = await answer(text, "yes_no", YES_NO);
      expect(a).toMatchObject({ status: "drafted", entryId: "password-rotation" });
      expect(a.answer?.value).toBe("No");
    },
  );
});

describe("the person who signed an audit is not in the library", () => {
  it("Who is the engagement partner on your SOC 2 audit? is out of scope", async () => {
    expect((await answer("Who is the engagement partner on your SOC 2 audit?", "free_text")).status).toBe("no_match");
  });

  // Written for this test: people by name, one audit's list of findings, a plan, an exact date.
  it.each([
    "Which firm's lead auditor signed off your last ISO 27001 audit, and what is their name?",
    "Who are the members of your information security forum?",
    "Please list all the minor nonconformities from your latest surveillance audit.",
    "Do you intend to extend your ISO 27001 certificate to cover your new Berlin office?",
    "Who approved your current risk treatment plan?",
    "Who is your account manager at the certification body?",
    "Give us the name of your pentest firm's lead tester.",
    "How long did it take to build your ISMS?",
    "Which findings in your last pentest report were rated critical?",
    "List the security targets you missed in 2025.",
    "Are you planning to migrate to the 2022 revision of the standard?",
    "Would you allow our auditors to attend your next surveillance audit?",
    "Could we get read-only access to your risk register?",
    "Has a DPIA been carried out specifically for the processing you will perform on our behalf?",
    "Which log retention period is currently configured for our project's audit data?",
  ])("%s is not drafted", async (text) => {
    expect((await answer(text, "free_text")).status).not.toBe("drafted");
  });

  it.each([
    "Please share the export of your last internal vulnerability scan.",
    "List all local admin accounts on the production servers with their owners.",
    "Year founded",
    "Parent company name",
    "Name of your CISO",
    "When did fieldwork for your most recent SOC 2 audit start?",
    "Risk Acceptance Approved By",
    "Please give the street address of every data centre that will hold our records.",
    "List the uptime percentage for each of the past six months.",
  ])("%s asks for records no library holds", async (text) => {
    expect((await answer(text, "free_text")).status).toBe("no_match");
  });

  it.each(["Contact details of your CISO", "Name and contact details of your data protection officer"])(
    "%s: a person's contact or name is a record no library holds",
    async (text) => {
      expect((await answer(text, "free_text")).status).toBe("no_match");
    },
  );

  it("the data protection officer's contact is published by law, and the library holds it", async () => {
    const a = await answer("Please send the contact details of your data protection officer.", "free_text");
    expect(a).toMatchObject({ status: "drafted", entryId: "dpo" });
  });

  it("the role that approves is still answered", async () => {
    expect((await answer("Who approves changes to production?", "free_text")).status).toBe("drafted");
  });

  it("the date of a past review is asked however the question begins", async () => {
    const a = await answer("When exactly did top management last review the ISMS?", "free_text");
    expect(a.status).toBe("needs_review");
    expect(a.notes.join(" ")).toContain("asks for a date");
  });
});

describe("blocking removable media is not allowing it", () => {
  it("Is the use of USB storage on work laptops restricted? is offered Yes, not the entry's No", async () => {
    // The entry asks whether removable media is allowed (No); drafted as it stood, the restriction
    // question was answered "No". The flipped value goes to a reviewer, as every flip does.
    const a = await answer("Is the use of USB storage devices on work laptops restricted?", "yes_no", YES_NO);
    expect(a.entryId).toBe("removable-media");
    expect(a.answer?.value).toBe("Yes");
  });

  it.each([
    ["Are personal devices blocked from accessing customer data?", "byod"],
    ["Is production data prevented from being copied to test environments?", "production-data-in-test"],
  ])("%s is offered Yes from %s, whose answer is No", async (text, entry) => {
    const a = await answer(text, "yes_no", YES_NO);
    expect(a.entryId).toBe(entry);
    expect(a.answer?.value).toBe("Yes");
  });
});

describe("'ever' does not turn the entry's answer around", () => {
  it("Is customer data ever stored on employee laptops? keeps the entry's No, drafted: never is no", async () => {
    const a = await answer("Is customer data ever stored on employee laptops?", "yes_no", YES_NO);
    expect(a.entryId).toBe("customer-data-on-laptops");
    expect(a.answer?.value).toBe("No");
    expect(a.status).toBe("drafted");
  });

  it("'ever' of the present keeps an entry's No although the question reads as an exception", async () => {
    const a = await answer(
      "Would your AI ever be used to make eligibility or hiring decisions about our members or staff?",
      "yes_no",
      YES_NO,
    );
    expect(a.entryId).toBe("ai-automated-decisions");
    expect(a).toMatchObject({ status: "drafted", answer: { value: "No" } });
  });

  it("'ever' asked of the past reaches back further than the entry's present: for review", async () => {
    const a = await answer("Has customer data ever been stored on employee laptops?", "yes_no", YES_NO);
    expect(a.status === "drafted" && a.answer?.value === "No").toBe(false);
  });
});

describe("an entry about what happened answers only questions about the past", () => {
  it.each([
    // The practice, in the words of the breach history entry ("required notification to customers"):
    // drafted from that entry, these were answered "No".
    "Do you have a process to notify customers of security incidents?",
    "Are customers notified of incidents?",
  ])("%s → the notification practice", async (text) => {
    const a = await answer(text, "yes_no", YES_NO);
    expect(a.entryId).toBe("breach-notification");
    expect(a.answer?.value).toBe("Yes");
  });

  it.each([
    "Have you ever had a data breach?",
    "Were there any security incidents last year?",
    "Any breaches in the last 3 yrs?",
  ])("%s → the breach history", async (text) => {
    expect((await answer(text, "yes_no", YES_NO)).entryId).toBe("past-breaches");
  });
});

describe("questions no entry should answer on its own go to review", () => {
  it("the buyer's own systems", async () => {
    const r = await answer("Please confirm whether our Okta tenant enforces MFA for all users.", "yes_no", YES_NO);
    expect(r.status).not.toBe("drafted");
    expect(r.notes.join(" ")).toMatch(/buyer's own systems/);
  });

  const followUp = async (text: string, kind: "yes_no" | "free_text", previous: string | null) =>
    answerQuestion(await shippedLibrary(), question(text, kind), US_NO_NDA, {}, previous);

  it("a follow-up asking detail of the row before inherits its topic and is drafted", async () => {
    const r = await followUp("If so, how often?", "free_text", "Do you test restores from backups?");
    expect(r.entryId).toBe("backup-restore-testing");
    expect(r.status).toBe("drafted");
    expect(r.notes.join(" ")).toMatch(/follows up on the row before and was read in its light/);
  });

  it("a follow-up yes/no answered by another entry of the topic is drafted", async () => {
    const r = await followUp(
      "Is it reviewed at least annually?",
      "yes_no",
      "Is there an information security policy approved by management?",
    );
    expect(r.entryId).toBe("policy-review-cycle");
    expect(r.status).toBe("drafted");
  });

  it("a follow-up yes/no that finds the row before's entry again takes the next entry on that topic", async () => {
    // "Is it tested?" after the continuity plan finds the plan first; the continuity test answers it.
    const r = await followUp("Is it tested?", "yes_no", "Is there a documented business continuity plan?");
    expect(r.entryId).toBe("bcp-testing");
    expect(r.status).toBe("drafted");
  });

  it("a follow-up yes/no whose best entry answers the row before, with no confident next entry on its topic, goes to review", async () => {
    const r = await followUp(
      "Is this enforced for all users?",
      "yes_no",
      "Is MFA required for remote access to the corporate environment?",
    );
    expect(r.status).toBe("needs_review");
    expect(r.notes.join(" ")).toMatch(/best entry answers that row, not this one/);
  });

  it("a follow-up yes/no that the row before's entry answers word for word is drafted from it", async () => {
    // The screening answer says when it is done; the SSO answer names the plans. ("Does that also
    // include contractors?" now goes to the contractors' own entry, which says so in as many words.)
    const beforeStart = await followUp(
      "Is that done before their start date?",
      "yes_no",
      "Do you run background checks on new hires?",
    );
    expect(beforeStart).toMatchObject({ status: "drafted", entryId: "background-checks" });
    const plans = await followUp(
      "Is it on the Business plan?",
      "yes_no",
      "Do you support SAML single sign-on for customers?",
    );
    expect(plans).toMatchObject({ status: "drafted", entryId: "customer-sso" });
  });

  it("an entry the row before ranks low and that names none of its concepts is not near it", async () => {
    // "annually" brings the disaster-recovery test into the pen-test row's own candidates.
    for (const before of [
      "Annual pen test by an outside firm - executive summary available?",
      "Is the application pen tested annually by a third party?",
    ]) {
      const r = await followUp("Date of last test", "free_text", before);
      expect(r.status).toBe("needs_review");
      expect(r.notes.join(" ")).toMatch(/far from that row's topic/);
    }
  });

  it("a follow-up whose best entry is far from the row before goes to review; one near it is drafted", async () => {
    const far = await followUp(
      "If yes, how are those components kept patched and checked for vulnerabilities?",
      "free_text",
      "Does your product include open-source software?",
    );
    expect(far.status).toBe("needs_review");
    expect(far.notes.join(" ")).toMatch(/far from that row's topic/);
    // Another topic, but among the entries the row before matches itself: it follows on.
    const near = await followUp("Are those backups encrypted?", "yes_no", "Do you back up customer data?");
    expect(near.entryId).toBe("backup-encryption");
    expect(near.status).toBe("drafted");
  });

  it("a row for the negative answer of the row before ('If no, …') goes to review", async () => {
    const r = await followUp(
      "If no, specify the countries.",
      "free_text",
      "Is EU customers' data hosted only in the EEA?",
    );
    expect(r.status).not.toBe("drafted");
    expect(r.notes.join(" ")).toMatch(/only if the row before is answered No/);
  });

  it("a follow-up that is only a name field goes to review, not the whole entry text", async () => {
    const r = await followUp(
      "The name of the application:",
      "free_text",
      "Does your product include a mobile application?",
    );
    expect(r.status).not.toBe("drafted");
    expect(r.notes.join(" ")).toMatch(/asks only for a name/);
    // A follow-up that asks for more than a name still follows on.
    const near = await followUp("Are those backups encrypted?", "yes_no", "Do you back up customer data?");
    expect(near.status).toBe("drafted");
  });

  it("a follow-up of a follow-up also reads the last row that named the topic", async () => {
    const rows = ["Is there a documented incident response plan?", "Is it tested?", "Is it available to clients?"];
    const questions = rows.map((text, i) => ({
      ...question(text),
      id: `q${i}`,
      location: { sheet: "Incidents", row: i + 2, answerCell: null, commentCell: null },
    }));
    const report = answerQuestionnaire(
      await shippedLibrary(),
      { source: { file: "chain.xlsx", format: "xlsx" }, questions, warnings: [] },
      US_NO_NDA,
    );
    expect(report.questions.map((q) => q.entryId)).toEqual([
      "incident-response-plan",
      "incident-response-testing",
      "incident-response-plan",
    ]);
  });

  it("a follow-up after a row the library cannot answer, or with no row before, goes to review", async () => {
    const afterUnknown = await followUp("If yes, where are they deployed?", "free_text", "Do you run honeypots?");
    expect(afterUnknown.status).not.toBe("drafted");
    expect(afterUnknown.notes.join(" ")).toMatch(/row before, which the library does not answer with confidence/);
    const alone = await followUp("If so, how often?", "free_text", null);
    expect(alone.status).not.toBe("drafted");
  });

  it.each([
    "Which specific hosts failed your most recent vulnerability scan?",
    "Provide the names and phone numbers of your on-call engineers.",
    "When is your next penetration test scheduled?",
    // The people asked for by a hyphenated kind ("home-working", "front-line") are people still.
    "Which of your home-working staff connect through a personal mobile hotspot?",
  ])("a particular fact no library holds: %s", async (text) => {
    const r = await answer(text, "free_text");
    expect(r.status).toBe("no_match");
  });
});

describe("confidence is a probability", () => {
  it("a near-verbatim question is drafted with high confidence; an unrelated one is not", async () => {
    const strong = await answer("Do you encrypt customer data at rest?", "yes_no", YES_NO);
    const weak = await answer("Do your offices have a bicycle shed?", "yes_no", YES_NO);
    expect(strong.confidence).toBeGreaterThan(0.9);
    expect(weak.status).not.toBe("drafted");
    expect(weak.confidence).toBeLessThan(strong.confidence);
  });
});

describe("a long question whose ask alone finds the same entry", () => {
  // Written for this test: a sentence of context, then the ask.
  const LONG =
    "Our developers have leaked cloud keys to public repositories before, and cleaning git history afterwards is painful. What prevents secrets from being committed to your code repositories?";
  const ASK = "What prevents secrets from being committed to your code repositories?";

  it("stands at the surer of the two readings when both pick the same entry", async () => {
    const prepared = await shippedLibrary();
    const full = answerQuestion(prepared, question(LONG), US_NO_NDA);
    const alone = answerQuestion(prepared, question(ASK), US_NO_NDA);
    expect(full.entryId).toBe("source-code-protection");
    expect(alone.entryId).toBe("source-code-protection");
    expect(full.confidence).toBe(alone.confidence);
    // The context's words alone would have held it lower.
    const index = prepared.index;
    const contextDiluted = matchQuery(index, buildQuery(index, LONG), 1)[0];
    expect(contextDiluted?.entryId).toBe("source-code-protection");
    expect(contextDiluted?.confidence ?? 1).toBeLessThan(full.confidence);
  });

  it("a follow-up's context (the row before) is not a reading of its own", async () => {
    const prepared = await shippedLibrary();
    const a = answerQuestion(prepared, question("If so, how often?"), US_NO_NDA, {}, "Do you run penetration tests?");
    const index = prepared.index;
    const read = matchQuery(index, buildQuery(index, "If so, how often?", "Do you run penetration tests?"), 1)[0];
    expect(a.confidence).toBe(read?.confidence);
  });
});

describe("a yes/no question with a part asked only on a Yes", () => {
  it("is matched on its question; the part after 'If so' weighs as context", async () => {
    const index = (await shippedLibrary()).index;
    const q = buildQuery(index, "Is CCTV used at building entry points? If yes, how long is footage retained?");
    expect(q.weights.get("cctv")).toBe(1);
    expect(q.weights.get("footag")).toBeLessThan(1);
    const r = await answer(
      "Is CCTV used at building entry points? If yes, how long is footage retained?",
      "yes_no",
      YES_NO,
    );
    expect(r.entryId).toBe("physical-security-monitoring");
    expect(r.status).toBe("drafted");
  });
});

describe("an answer scale with its label at the end of a safeguard says how to answer, not what about", () => {
  const SCALE = ["Implemented", "Partially implemented", "Planned", "Not implemented"];
  it("'Status: Implemented / … / Not implemented' after the safeguard is not read as its words", async () => {
    const r = await answer(
      "Maintain an accurate inventory of all enterprise hardware assets. Status: Implemented / Partially implemented / Planned / Not implemented",
      "choice",
      SCALE,
    );
    expect(r.entryId).toBe("asset-inventory");
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("Implemented");
  });

  it("'- implementation status: …' and a reference before the safeguard", async () => {
    const pen = await answer(
      "Annual external penetration test of internet-facing systems - implementation status: Fully implemented / Partially implemented / Not implemented",
      "free_text",
    );
    expect(pen.entryId).toBe("penetration-testing");
    expect(pen.status).toBe("drafted");
    const cfg = await answer(
      "CIS 4.1 – Documented secure configuration baselines for servers. Status: Implemented / Partially implemented / Not implemented",
      "choice",
      ["Implemented", "Partially implemented", "Not implemented"],
    );
    expect(cfg.entryId).toBe("configuration-management");
    expect(cfg.status).toBe("drafted");
    expect(
      analyzeQuestion(
        "CIS 4.1 – Documented secure configuration baselines for servers. Status: Implemented / Not implemented",
      ).reference,
    ).toBe("CIS 4.1 –");
  });

  it("a status that is the topic stays ('Public status page for uptime / incidents?')", () => {
    expect(analyzeQuestion("Public status page for uptime / incidents?").focus).toContain("status page");
  });
});
