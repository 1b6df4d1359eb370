import { describe, expect, it } from "vitest";
import { contradiction, factAgainstBound } from "../../src/domain/drafting/consistency.js";
import { draftAnswer } from "../../src/domain/drafting/draft.js";
import type { LibraryEntry } from "../../src/domain/library/types.js";
import { answer } from "./helpers.js";

// Questions written in this test's own words.
const entry = (short: string, answer: string): LibraryEntry => ({
  id: "e",
  topic: "t",
  question: "How long are security logs kept?",
  phrasings: [],
  short,
  answer,
  controls: [],
  artifacts: [],
  owner: "x",
  lastReviewed: "2026-01-01",
  reviewBy: "2027-01-01",
});
const yesNo = (text: string) => ({ text, kind: "yes_no" as const, allowedValues: ["Yes", "No"] });

describe("an entry's fact answer against the bound a yes/no question sets", () => {
  it.each([
    ["Do you retain audit trails for a minimum of 180 days?", "12 months", "meets"],
    ["Are audit logs kept for at least 90 days?", "12 months", "meets"],
    // "kept for six months" is met by a longer period: the logs are kept for those six months too.
    ["Are audit logs kept for six months?", "12 months", "meets"],
    ["Are audit logs kept for at least two years?", "12 months", "falls short of"],
    ["Is the recovery plan exercised at least once a year?", "Annually", "meets"],
    ["Is the recovery plan exercised at least quarterly?", "Annually", "falls short of"],
    // A period written with a number: "once every 12 months", "every 6 months", "once per year".
    ["Is the security policy reviewed at least once every 12 months?", "Annually", "meets"],
    ["Is the security policy reviewed at least every 6 months?", "Annually", "falls short of"],
    ["Is the security policy reviewed at least every six months?", "Annually", "falls short of"],
    ["Is the recovery plan exercised at least once per year?", "Annually", "meets"],
    ["Are firewall rules reviewed at least every 24 months?", "Quarterly", "meets"],
    ["Is leavers' access removed within 48 hours?", "Within 24 hours", "meets"],
    // A row's shorthand: "w/in", "48h".
    ["Leavers' access removed w/in 48h?", "Within 24 hours", "meets"],
    ["Leavers' access removed within 4h?", "Within 24 hours", "falls short of"],
    ["Is leavers' access removed within 4 hours?", "Within 24 hours", "falls short of"],
    ["Is availability of at least 99.5% committed in the SLA?", "99.9%", "meets"],
    ["Do you commit to 99.99% or higher availability?", "99.9%", "falls short of"],
    // A fact of labelled quantities is compared label by label.
    ["The Supplier shall maintain a Recovery Point Objective of 24 hours or less.", "RTO 4 hours, RPO 1 hour", "meets"],
    ["Is your RTO no more than 2 hours?", "RTO 4 hours, RPO 1 hour", "falls short of"],
    ["Are the RTO and RPO each 4 hours or less?", "RTO 4 hours, RPO 1 hour", "meets"],
  ])("%s (%s) → %s", (question, fact, verdict) => {
    expect(factAgainstBound(question, fact)?.verdict).toBe(verdict);
  });

  it("says nothing when the question sets no bound the fact can be compared with", () => {
    expect(factAgainstBound("Are audit logs stored centrally?", "12 months")).toBeNull();
    // A fact that is itself a deadline says nothing of a minimum.
    expect(factAgainstBound("Is access kept for at least 24 hours?", "Within 24 hours")).toBeNull();
    expect(factAgainstBound("Are logs reviewed at least weekly?", "12 months")).toBeNull();
    // A duration is not a frequency: "at least 12 months" says how long, not how often.
    expect(factAgainstBound("Are logs reviewed for at least 12 months?", "Annually")).toBeNull();
    // A bound that names no label is not compared with one of several labelled quantities.
    expect(factAgainstBound("Is the service restored within 8 hours?", "RTO 4 hours, RPO 1 hour")).toBeNull();
  });
});

describe("drafting a yes/no question from an entry whose answer is a fact", () => {
  const logs = entry("12 months", "Security and audit logs are kept for at least 12 months.");

  it("answers Yes when the fact meets the question's bound, and says why", () => {
    const d = draftAnswer(yesNo("Are audit logs kept for at least 90 days?"), logs, "x", 0.95);
    expect(d.status).toBe("drafted");
    expect(d.value).toBe("Yes");
    expect(d.notes.join(" ")).toMatch(/"12 months" meets what the question asks \("at least 90 days"\)/);
  });

  it("sends a fact that falls short to a person, with the reason, and proposes no value", () => {
    const d = draftAnswer(yesNo("Are audit logs kept for at least 24 months?"), logs, "x", 0.95);
    expect(d).toMatchObject({ status: "needs_review", value: null });
    expect(d.notes.join(" ")).toMatch(/falls short of what the question asks \("at least 24 months"\)/);
  });

  it("answers Yes when the question asks only that a period or frequency be defined", () => {
    for (const text of [
      "Are audit logs kept for a defined time period?",
      "Are audit logs kept for an organization-defined retention period?",
      "Are audit logs archived periodically?",
      "Are audit logs deleted after a defined time?",
    ]) {
      const d = draftAnswer(yesNo(text), logs, "x", 0.95);
      expect(d).toMatchObject({ status: "drafted", value: "Yes" });
      expect(d.notes.join(" ")).toMatch(
        /asks for a defined period or frequency, which the entry states \("12 months"\)/,
      );
    }
    // A short that is no measure ("Partially") is not a defined period.
    const partly = entry("Partially", "Some logs are kept.");
    expect(draftAnswer(yesNo("Are audit logs kept for a defined time period?"), partly, "x", 0.95).status).toBe(
      "needs_review",
    );
  });

  it("answers Yes when the question asks only whether the practice is in place and the entry states how", () => {
    const leavers = entry("Within 24 hours", "A leaver's access is removed within 24 hours of their last day.");
    for (const text of [
      "Is a departing employee's access to all systems revoked promptly?",
      "Are user accounts removed or disabled when someone leaves?",
    ]) {
      const d = draftAnswer(yesNo(text), leavers, "x", 0.95);
      expect(d, text).toMatchObject({ status: "drafted", value: "Yes" });
      // A control's number before the ask ("3.3.1 …") is no bound: the form's ask is read.
      const numbered = draftAnswer(yesNo(`3.3.1 ${text}`), leavers, "x", 0.95, undefined, {
        closed: true,
        intent: "practice",
        ask: text,
      });
      expect(numbered, text).toMatchObject({ status: "drafted", value: "Yes" });
      expect(d.notes.join(" ")).toMatch(/states how the practice is done \("Within 24 hours"\)/);
    }
    // A bound of the question's own, a document asked for, or a restriction: a person decides.
    for (const text of [
      "Is a leaver's access revoked on the same day?",
      "Can you share a summary of your leaver process results?",
      "Is access removed only for permanent staff?",
    ])
      expect(draftAnswer(yesNo(text), leavers, "x", 0.95), text).toMatchObject({ status: "needs_review", value: null });
  });

  it("answers a question whether the practice is governed Yes when the entry states how it is done", () => {
    const governed = { closed: true, intent: "governance" as const };
    const text = "Are processes defined and documented for keeping audit logs?";
    const d = draftAnswer(yesNo(text), logs, "x", 0.95, undefined, { ...governed, ask: text });
    expect(d).toMatchObject({ status: "drafted", value: "Yes" });
    // A bound of the question's own still decides, and an entry's No still says nothing of a policy.
    const bounded = "Is a documented procedure followed to keep audit logs for at least 24 months?";
    expect(draftAnswer(yesNo(bounded), logs, "x", 0.95, undefined, { ...governed, ask: bounded })).toMatchObject({
      status: "needs_review",
      value: null,
    });
    const no = entry("No", "No. Logs are not kept.");
    expect(draftAnswer(yesNo(text), no, "x", 0.95, undefined, { ...governed, ask: text }).status).toBe("needs_review");
  });

  it("reads whether the question sets a bound before its request for detail", () => {
    const drill = entry("Annually", "We run a full disaster recovery exercise every year.");
    const text = "Is the recovery plan exercised? Describe the last exercise and its results.";
    expect(draftAnswer(yesNo(text), drill, "x", 0.95)).toMatchObject({ status: "drafted", value: "Yes" });
  });

  it("still asks a person when the question names no bound", () => {
    const d = draftAnswer(yesNo("Are audit logs kept only on the hosts that write them?"), logs, "x", 0.95);
    expect(d).toMatchObject({ status: "needs_review", value: null });
  });
});

describe("a state of implementation asked as a choice is a yes/no question", () => {
  const STATES = ["Implemented", "Partially implemented", "Planned", "Not implemented"];
  const choice = (text: string) => ({
    text: `${text} (${STATES.join(" / ")})`,
    kind: "choice" as const,
    allowedValues: STATES,
  });
  const drTests = entry("Annually", "We run a full disaster recovery exercise every year.");
  const prodData = {
    ...entry("No", "No. Production data is never copied to test or development environments."),
    question: "Do you use production data in test environments?",
  };

  it("writes the entry's Yes as the implemented state, the options' 'not' and 'partially' read as no lapse", () => {
    const d = draftAnswer(choice("Is the contingency plan tested to determine its effectiveness?"), drTests, "x", 0.95);
    expect(d).toMatchObject({ status: "drafted", value: "Implemented" });
  });

  it.each([
    [["Fully implemented", "Partially implemented", "Not implemented"], "Fully implemented"],
    [["Fully met", "Partially met", "Not met"], "Fully met"],
  ])("reads %j as states of implementation", (values, expected) => {
    const q = {
      text: `Is the contingency plan tested to determine its effectiveness? (${values.join(" / ")})`,
      kind: "choice" as const,
      allowedValues: values,
    };
    expect(draftAnswer(q, drTests, "x", 0.95)).toMatchObject({ status: "drafted", value: expected });
  });

  it.each([
    [["Implemented", "Partially implemented", "Planned", "Not started"], "Implemented"],
    [
      ["Implemented", "Partially implemented", "Planned", "Alternative implementation", "Not applicable"],
      "Implemented",
    ],
    [["Fully", "Partially", "Not at all"], "Fully"],
    [["Fully addressed", "Partially addressed", "Not addressed"], "Fully addressed"],
    [["All devices", "Some devices", "None"], "All devices"],
    // a four-step scale: "largely" and "mostly" are steps short of full
    [["Not implemented", "Partially implemented", "Largely implemented", "Fully implemented"], "Fully implemented"],
    [["Not in place", "Partially in place", "Mostly in place", "Fully in place"], "Fully in place"],
  ])("reads %j as states of implementation too", (values, expected) => {
    const q = {
      text: `To what extent is the contingency plan tested to determine its effectiveness? (${values.join(" / ")})`,
      kind: "choice" as const,
      allowedValues: values,
    };
    // "To what extent" asks for one of the options: the value is chosen, not left to the comment.
    expect(draftAnswer(q, drTests, "x", 0.95)).toMatchObject({ status: "drafted", value: expected });
  });

  it("reads 'Yes / No / Roadmap' as a yes/no set with a state for what is planned", () => {
    const sso = {
      ...entry("Yes", "Yes. Customers can sign in with SAML 2.0 or OIDC."),
      question: "Do you support SSO?",
    };
    const q = {
      text: "Select one: Does the product support SAML SSO for our users? (Yes / No / Roadmap)",
      kind: "choice" as const,
      allowedValues: ["Yes", "No", "Roadmap"],
    };
    expect(draftAnswer(q, sso, "x", 0.95)).toMatchObject({ status: "drafted", value: "Yes" });
  });

  it("reads 'Yes / No / In process' and 'Under way' the same way", () => {
    const fedramp = {
      ...entry("No", "No. We do not hold a FedRAMP authorization."),
      question: "Do you have a FedRAMP authorization?",
    };
    for (const other of ["In process", "Under way", "Pending"]) {
      const q = {
        text: `FedRAMP authorised? (Yes / No / ${other})`,
        kind: "choice" as const,
        allowedValues: ["Yes", "No", other],
      };
      expect(draftAnswer(q, fedramp, "x", 0.95), other).toMatchObject({ status: "drafted", value: "No" });
    }
  });

  it("reads a plain Yes / No / N/A list as a yes/no question, so a stated frequency meets its bound", () => {
    const q = (values: string[]) => ({
      text: `Restores tested at least annually? (${values.join(" / ")})`,
      kind: "choice" as const,
      allowedValues: values,
    });
    expect(draftAnswer(q(["Yes", "No", "N/A"]), drTests, "x", 0.95)).toMatchObject({ status: "drafted", value: "Yes" });
    expect(draftAnswer(q(["Y", "N"]), drTests, "x", 0.95)).toMatchObject({ status: "drafted", value: "Y" });
    // Yes options that differ ask for a fact: the list's own words, not a verdict, must be chosen.
    const facts = q(["Yes, every quarter", "Yes, every year", "No"]);
    expect(draftAnswer(facts, drTests, "x", 0.95)).toMatchObject({ status: "needs_review", value: null });
  });

  it("turns an entry asked the other way round for a reviewer instead of drafting its No", () => {
    // The entry's No, mapped straight onto the list, said "Not implemented" for a practice in place.
    const d = draftAnswer(
      choice("Use of de-identified data in non-production environments"),
      prodData,
      prodData.question,
      0.95,
    );
    expect(d).toMatchObject({ status: "needs_review", value: "Implemented" });
  });
});

describe("a descriptive entry's Yes is inferred past a negation that only says whom it is for", () => {
  const hashing = {
    ...entry(
      "",
      "Passwords for users who do not sign in through SSO are hashed with Argon2id, using a unique salt per password.",
    ),
    short: null,
    question: "How are customer passwords stored?",
  };
  it("reads 'users who do not sign in through SSO' as the practice's scope, not a No", () => {
    const d = draftAnswer(
      yesNo("Are user passwords stored using a salted, adaptive hashing algorithm?"),
      hashing,
      "x",
      0.95,
    );
    expect(d).toMatchObject({ status: "drafted", value: "Yes" });
  });
  it("still leaves an answer that denies the practice to a person", () => {
    const denied = { ...hashing, answer: "Passwords are not hashed on the client; the server hashes them." };
    expect(draftAnswer(yesNo("Are passwords hashed on the client?"), denied, "x", 0.95).status).toBe("needs_review");
  });
});

describe("a Yes whose text states the bound per severity", () => {
  const text = "We fix critical vulnerabilities within 7 days, high within 30 days and medium within 90 days.";

  it("contradicts the text when one severity the question names misses the bound", () => {
    expect(
      contradiction(yesNo("Are critical and high-risk security updates installed within 14 days?"), "Yes", text),
    ).toBe('"Yes" contradicts the answer: the question asks "within 14 days" but the answer says "within 30 days"');
  });

  it("agrees with it when every severity it names meets its bound", () => {
    for (const question of [
      "Are critical vulnerabilities remediated within 14 days?",
      "Are high-severity vulnerabilities remediated within 30 days and critical within 7 days?",
    ])
      expect(contradiction(yesNo(question), "Yes", text), question).toBeNull();
  });
});

describe("a No whose text names a place beyond the bound the question sets", () => {
  it("reads the place however it is written, and only the places asked about", () => {
    const q = yesNo("Is any of our data accessed from outside the U.S.?");
    expect(contradiction(q, "No", "No. Our staff work in the U.S. and the UK.")).toBe(
      '"No" contradicts the answer: the question asks about "outside the U.S." but the answer names the United Kingdom',
    );
    expect(contradiction(q, "No", "No. Our staff work in the U.S. only.")).toBeNull();
    // "us" the pronoun is no place.
    expect(contradiction(q, "No", "No. Our staff work in the U.S.; ask us for the list.")).toBeNull();
  });
});

describe("a Yes to whether there are any of a thing whose text says there are none", () => {
  const text = "Our last surveillance audit was completed in May, with no major nonconformities.";

  it("contradicts the text", () => {
    expect(contradiction(yesNo("Did your last surveillance audit raise any major nonconformities?"), "Yes", text)).toBe(
      '"Yes" contradicts the answer, which says "no major nonconformities"',
    );
  });

  it("leaves a question about something else, or a No, alone", () => {
    expect(contradiction(yesNo("Are there any open findings from the audit?"), "Yes", text)).toBeNull();
    expect(contradiction(yesNo("Were any major nonconformities raised?"), "No", text)).toBeNull();
    // What the text denies is another thing ("exceptions"), and "other" names nothing in particular.
    expect(
      contradiction(yesNo("Do you hold any other certifications?"), "Yes", "SOC 2 Type II, with no exceptions noted."),
    ).toBeNull();
  });
});

describe("a Yes to a question that names how often, or a limit", () => {
  const reviews =
    "Yes. Access to production and privileged roles is reviewed every quarter, and access to all other systems at least twice a year.";

  it("contradicts a text that does it less often than the question names, with or without 'at least'", () => {
    expect(contradiction(yesNo("Are privileged access rights reviewed every month?"), "Yes", reviews)).toBe(
      '"Yes" contradicts the answer: the question asks for at least monthly but the answer says quarterly, twice a year',
    );
    expect(contradiction(yesNo("Are access reviews performed quarterly?"), "Yes", reviews)).toBeNull();
    // A choice list of frequencies offers options; it sets none.
    expect(contradiction(yesNo("Access reviews (Monthly / Quarterly / Annually)"), "Yes", reviews)).toBeNull();
  });

  it("reads round-the-clock monitoring as continuous, which any frequency asked of it meets", () => {
    const siem = "Yes. Detection rules watch our cloud around the clock, and detection coverage is reviewed monthly.";
    expect(contradiction(yesNo("Are audit logs reviewed weekly or more often?"), "Yes", siem)).toBeNull();
  });

  it("reads the frequency of the activity asked about, not of another in the same answer", () => {
    const training =
      "Yes. Everyone completes awareness training in their first week and again every year. Completion is tracked and reported to leadership monthly.";
    expect(
      contradiction(yesNo("Is security awareness training delivered to all staff every quarter?"), "Yes", training),
    ).toBe('"Yes" contradicts the answer: the question asks for at least quarterly but the answer says annually');
    const siem = "Yes. Detection rules watch activity around the clock. Detection coverage is reviewed monthly.";
    expect(contradiction(yesNo("Are audit logs reviewed at least weekly to spot anomalies?"), "Yes", siem)).toBeNull();
  });

  it("reads the frequencies buyers misspell", () => {
    expect(contradiction(yesNo("Are policies re-approved at least annualy?"), "Yes", "Reviewed every two years.")).toBe(
      '"Yes" contradicts the answer: the question asks for at least annually but the answer says every two years',
    );
  });

  it("a continuous practice asked of a daily one is not contradicted without 'at least'", () => {
    expect(
      contradiction(yesNo("Is the network monitored continuously?"), "Yes", "Alerts are reviewed daily."),
    ).toBeNull();
  });

  it("reads 'limited to' as an upper bound", () => {
    expect(
      contradiction(
        yesNo("Are admin sessions limited to 30 minutes?"),
        "Yes",
        "Privileged AWS sessions end after at most two hours.",
      ),
    ).toBe(
      '"Yes" contradicts the answer: the question asks "limited to 30 minutes" but the answer says "at most two hours"',
    );
  });
});

describe("a span added to another", () => {
  it("bounds what it adds to: 'within a further 35 days' is no Yes to 'within 7 days'", () => {
    const text = "After those 30 days all customer data is deleted, and backup copies expire within a further 35 days.";
    expect(contradiction(yesNo("Will all of our data be deleted within 7 days of termination?"), "Yes", text)).toBe(
      '"Yes" contradicts the answer: the question asks "within 7 days" but the answer says "within a further 35 days"',
    );
  });
});

describe("lifetimes and settings chosen within a range", () => {
  it("reads 'expires after 30 minutes' as a lifetime, no Yes to 'within ten minutes'", () => {
    const text = "The link carries a single-use token that expires after 30 minutes.";
    expect(contradiction(yesNo("Do your reset links expire within ten minutes?"), "Yes", text)).toBe(
      '"Yes" contradicts the answer: the question asks "within ten minutes" but the answer says "expires after 30 minutes"',
    );
  });

  it("compares an upper bound with the start of a range an administrator chooses from", () => {
    const text = "Administrators can set idle and absolute session timeouts, from 15 minutes up to 30 days.";
    expect(contradiction(yesNo("Can idle sessions be set to expire after 15 minutes?"), "Yes", text)).toBeNull();
    expect(contradiction(yesNo("Can sessions time out after five minutes of inactivity?"), "Yes", text)).toBe(
      '"Yes" contradicts the answer: the question asks "time out after five minutes" but the answer says "up to 30 days", "from 15 minutes"',
    );
  });
});

describe("a No whose text does the act the question asks for", () => {
  const text =
    "No. AI features run on Amazon Bedrock, which is already our hosting sub-processor. Model developers do not receive customer data, and we would give 30 days' notice before adding any new AI sub-processor.";

  it("contradicts the text", () => {
    expect(
      contradiction(yesNo("Will you give customers advance notice before changing the model provider?"), "No", text),
    ).toBe('"No" contradicts the answer, which says it does this ("give 30 days\' notice before adding")');
  });

  it("leaves an act the text negates, or one it does not name, alone", () => {
    expect(contradiction(yesNo("Do model developers receive customer data?"), "No", text)).toBeNull();
    expect(contradiction(yesNo("Will you sell customer data to advertisers?"), "No", text)).toBeNull();
    expect(
      contradiction(yesNo("Do you share customer data with advertisers?"), "No", "No. We do not share customer data."),
    ).toBeNull();
  });
});

describe("a frequency asked is read against the clause of the answer that does the practice", () => {
  it.each([
    // "…runs an annual internal audit programme across the ISMS, …, and automated monitoring tests
    // key controls … every day": the daily tests are another activity joined by ", and".
    "Internal audits of the ISMS carried out every quarter?",
    "Is an internal audit of the ISMS performed every quarter?",
    // "each night" is daily.
    "Are firewall rules reviewed each night?",
  ])("%s goes to review", async (text) => {
    const result = await answer(text);
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/contradicts the answer: the question asks for at least/);
  });

  it("the frequency the answer states for the practice still meets a looser one", async () => {
    const result = await answer("Is an internal audit of the ISMS performed at least annually?");
    expect(result.entryId).toBe("internal-audit");
    expect(result.status).toBe("drafted");
  });

  it("reads the clause joined by ', and' on its own", () => {
    const text =
      "Yes. We run an annual internal audit of the ISMS, and automated monitoring tests key controls every day.";
    expect(
      contradiction({ text: "Are internal audits carried out every quarter?", kind: "yes_no" }, "Yes", text),
    ).toMatch(/quarterly but the answer says annually/);
  });
});

describe("a frequency said with 'each' or as a number of units", () => {
  it("reads 'each month', 'each quarter' and 'every 30 days' as the frequency they name", () => {
    const reviews =
      "Yes. Access to production and privileged roles is reviewed every quarter, and access to all other systems at least twice a year.";
    expect(contradiction(yesNo("Are user access rights reviewed every 30 days?"), "Yes", reviews)).toBe(
      '"Yes" contradicts the answer: the question asks for at least every 30 days but the answer says quarterly, twice a year',
    );
    expect(contradiction(yesNo("Is each user's access re-certified each month?"), "Yes", reviews)).toMatch(
      /at least monthly but the answer says quarterly/,
    );
    const plan = "Yes. The continuity plan is exercised every year through a tabletop scenario.";
    expect(contradiction(yesNo("Is the continuity plan exercised each quarter?"), "Yes", plan)).toMatch(
      /at least quarterly but the answer says annually/,
    );
    // A looser period is met, and one written in words counts too.
    expect(contradiction(yesNo("Are access rights reviewed every 120 days?"), "Yes", reviews)).toBeNull();
    expect(contradiction(yesNo("Are keys rotated every ninety days?"), "Yes", "Keys are rotated annually.")).toMatch(
      /at least every ninety days but the answer says annually/,
    );
  });

  it("compares an entry's frequency fact with a period asked as a number", () => {
    expect(factAgainstBound("Is the plan tested at least every 18 months?", "Annually")?.verdict).toBe("meets");
    expect(factAgainstBound("Are keys rotated every 30 days?", "Annually")?.verdict).toBe("falls short of");
  });

  it.each([
    "Are encryption keys for data at rest rotated every 30 days?",
    "Is the business continuity plan tested with a full failover each quarter?",
  ])("%s goes to review", async (text) => {
    const result = await answer(text);
    expect(result.status).toBe("needs_review");
    expect(result.notes.join(" ")).toMatch(/contradicts the answer: the question asks for at least|falls short of/);
  });
});

describe("a rule against the act negates it in the answer text", () => {
  it("'No' to 'Do you outsource …?' agrees with a text whose policy prohibits outsourcing", () => {
    const q = { text: "Do you outsource software development?", kind: "yes_no" };
    expect(contradiction(q, "No", "Our engineering policy prohibits outsourcing software development.")).toBeNull();
    expect(
      contradiction(q, "No", "Our team will at times outsource software development to a partner."),
    ).not.toBeNull();
  });
});
