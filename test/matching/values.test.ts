import { describe, expect, it } from "vitest";
import { draftAnswer } from "../../src/domain/drafting/draft.js";
import {
  asksAboutExceptions,
  asksInBothSenses,
  invertedOnlyByIntensifier,
  isInverted,
  weakPracticeSense,
} from "../../src/domain/drafting/inversion.js";
import { choiceFromText, mapShortAnswer } from "../../src/domain/drafting/values.js";
import type { LibraryEntry } from "../../src/domain/library/types.js";
import { answer } from "./helpers.js";

const entry = (
  short: string | null,
  answer = "Yes. We do this for every system, reviewed annually.",
): LibraryEntry => ({
  id: "e",
  topic: "t",
  question: "Do you enforce MFA for administrators?",
  phrasings: [],
  short,
  answer,
  controls: [],
  artifacts: [],
  owner: "x",
  lastReviewed: "2026-01-01",
  reviewBy: "2027-01-01",
});

describe("allowed-value mapping", () => {
  it.each([
    ["Yes", ["Y", "N", "NA"], "Y"],
    ["No", ["Y", "N", "NA"], "N"],
    ["Yes", ["Yes - Fully", "Yes - Partially", "No", "Not applicable"], "Yes - Fully"],
    ["N/A", ["Yes", "No", "Not applicable"], "Not applicable"],
    ["No", ["True", "False"], "False"],
    ["Yes", null, "Yes"],
    // A list of kinds or frequencies says No with "None" or "Never" when it offers no plain No.
    ["No", ["r2", "i1", "e1", "None"], "None"],
    ["No", ["Monthly", "Annually", "Never"], "Never"],
    ["No", ["Yes", "No", "None"], "No"],
    // An RFP's requirement statements are answered in a compliance column.
    ["Yes", ["Comply", "Partially comply", "Do not comply"], "Comply"],
    ["No", ["Comply", "Partially comply", "Do not comply"], "Do not comply"],
    ["Yes", ["Fully met", "Partially met", "Not met"], "Fully met"],
  ])("%s onto %j → %s", (short, allowed, expected) => {
    expect(mapShortAnswer(short, allowed)).toBe(expected);
  });

  it("returns null when no allowed value means the same", () => {
    expect(mapShortAnswer("N/A", ["Yes", "No"])).toBeNull();
  });

  it("picks a choice the entry's text states, and only when exactly one is stated", () => {
    expect(choiceFromText(["Monthly", "Quarterly", "Annually"], "Access is reviewed every quarter.")).toBe("Quarterly");
    // A choice list writing the adjective ("Annual", "Semi-annual") is stated by the adverb's phrases.
    expect(choiceFromText(["Annual", "Semi-annual", "Quarterly", "None"], "Tested at least once a year.")).toBe(
      "Annual",
    );
    expect(choiceFromText(["Annual", "Semi-annual"], "Exercised twice a year.")).toBe("Semi-annual");
    // A deadline in numbers beside one in words: the number is the commitment.
    const notice = ["24 hours", "48 hours", "72 hours", "Without undue delay", "Other"];
    expect(choiceFromText(notice, "We notify you without undue delay and in any case within 48 hours.")).toBe(
      "48 hours",
    );
    expect(choiceFromText(notice, "We notify you within 24 hours and send a full report within 72 hours.")).toBeNull();
    // A list of time ranges: the range holding the deadline stated for the class the question names.
    const sla = "We fix critical vulnerabilities within 7 days, high within 30 days and medium within 90 days.";
    const ranges = ["0–7 days", "8–30 days", "More than 30 days"];
    expect(choiceFromText(ranges, sla, "Within how many days are critical patches applied?")).toBe("0–7 days");
    expect(choiceFromText(ranges, sla, "Within how many days are high-severity patches applied?")).toBe("8–30 days");
    expect(choiceFromText(ranges, sla, "How fast do you patch?")).toBeNull();
    // "within 72 hours" does not state "> 72 hours".
    expect(choiceFromText(["< 24 hours", "24-72 hours", "> 72 hours"], "We notify within 72 hours.", "Notice?")).toBe(
      "24-72 hours",
    );
    expect(choiceFromText(["8", "12", "14 or more characters"], "Passwords need at least 14 characters.")).toBe(
      "14 or more characters",
    );
    expect(
      choiceFromText(["Monthly", "Quarterly", "Annually"], "Quarterly for production, yearly elsewhere."),
    ).toBeNull();
    expect(choiceFromText(["Monthly", "Never"], "We never skip it")).toBeNull();
    expect(choiceFromText(["Continuously", "Daily", "Weekly"], "Databases use continuous replication.")).toBe(
      "Continuously",
    );
  });

  it("of several stated values, picks the one stated for the class the question names", () => {
    const text = "We fix critical vulnerabilities within 7 days, high within 30 days and medium within 90 days.";
    const allowed = ["Within 7 days", "Within 30 days", "More than 30 days"];
    expect(choiceFromText(allowed, text, "How soon are critical patches applied?")).toBe("Within 7 days");
    expect(choiceFromText(allowed, text, "How soon are high-severity issues fixed?")).toBe("Within 30 days");
    // A topic word shared with one clause tells no class apart.
    expect(choiceFromText(allowed, text, "How quickly are vulnerabilities fixed?")).toBeNull();
    // A list of classes before the value belongs to it; a class after a value, in its own clause, too.
    const reviews =
      "Access to production, customer data and privileged roles is reviewed every quarter, and access to all other systems at least twice a year.";
    const often = ["Monthly", "Quarterly", "Semi-annually", "Annually"];
    expect(choiceFromText(often, reviews, "How often is access to production systems reviewed?")).toBe("Quarterly");
    expect(
      choiceFromText(often, "Quarterly for production, yearly elsewhere.", "How often is production access reviewed?"),
    ).toBe("Quarterly");
  });
});

describe("drafting by kind", () => {
  const q = (text: string, kind: "yes_no" | "choice" | "free_text", allowedValues: string[] | null = null) => ({
    text,
    kind,
    allowedValues,
  });

  it("yes_no maps the short answer onto the question's values and keeps the full answer as comment", () => {
    const d = draftAnswer(
      q("MFA for admins?", "yes_no", ["Y", "N"]),
      entry("Yes"),
      "Do you enforce MFA for administrators?",
      0.9,
    );
    expect(d).toMatchObject({
      status: "drafted",
      value: "Y",
      text: "Yes. We do this for every system, reviewed annually.",
    });
  });

  it("choice gets an allowed value stated by the entry, or review", () => {
    const ok = draftAnswer(q("How often?", "choice", ["Monthly", "Annually"]), entry("Yes"), "x", 0.9);
    expect(ok).toMatchObject({ status: "drafted", value: "Annually" });
    const none = draftAnswer(q("Which factor?", "choice", ["SMS", "TOTP"]), entry("Yes"), "x", 0.9);
    expect(none).toMatchObject({ status: "needs_review", value: null });
  });

  it("free_text gets the full answer and no value", () => {
    expect(draftAnswer(q("Describe MFA", "free_text"), entry("Yes"), "x", 0.9)).toMatchObject({
      status: "drafted",
      value: null,
    });
  });

  it("low confidence goes to review with the reason", () => {
    const d = draftAnswer(q("MFA?", "yes_no"), entry("Yes"), "x", 0.35);
    expect(d.status).toBe("needs_review");
    expect(d.notes.join(" ")).toMatch(/below/);
  });

  it("a descriptive entry answers Yes only when matched strongly and not for a weak-practice question", () => {
    const strong = draftAnswer(
      q("Is MFA enforced?", "yes_no"),
      entry(null, "Admins sign in with FIDO2 keys."),
      "x",
      0.97,
    );
    expect(strong).toMatchObject({ status: "drafted", value: "Yes" });
    const thresholds = { draft: 0.3, review: 0.2, inferYes: 0.6 };
    const weak = draftAnswer(
      q("Is MFA enforced?", "yes_no"),
      entry(null, "Admins sign in with FIDO2 keys."),
      "x",
      0.5,
      thresholds,
    );
    expect(weak).toMatchObject({ status: "needs_review", value: null });
    const negative = draftAnswer(q("Is MFA enforced?", "yes_no"), entry(null, "No. We do not offer it."), "x", 0.9);
    expect(negative.status).toBe("needs_review");
    // A description of how such events are handled says nothing of whether one happened.
    const event = draftAnswer(
      q("Have you received any court orders for customer data?", "yes_no"),
      entry(null, "Legal reviews every request and we notify the customer. We have received no such request to date."),
      "x",
      0.97,
    );
    expect(event).toMatchObject({ status: "needs_review", value: null });
    // A negation that says what the practice achieves still states the practice.
    const achieves = draftAnswer(
      q("Is tenant data isolated in AI features?", "yes_no"),
      entry(null, "Queries run with the user's permissions, so the model cannot reach data the user could not see."),
      "x",
      0.97,
    );
    expect(achieves).toMatchObject({ status: "drafted", value: "Yes" });
    const denies = draftAnswer(
      q("Is tenant data isolated in AI features?", "yes_no"),
      entry(null, "Queries do not run with the user's permissions, so results are filtered afterwards."),
      "x",
      0.97,
    );
    expect(denies.status).toBe("needs_review");
  });
});

describe("inversion", () => {
  it("a compound question asking about the practice in one part and a lapse in another takes no single value", () => {
    for (const text of [
      "7.04 Are prod and non-prod environments separated? Is live customer data ever used for testing?",
      "Is your SOC 2 Type II report available to us, did it contain any exceptions, and can you provide a bridge letter?",
      "Will you share a summary of your latest penetration test, and are any high or critical findings still open?",
    ])
      expect(asksInBothSenses(text), text).toBe(true);
    for (const text of [
      "Is MFA enforced for all users, and are there any exceptions?",
      // A part that points back is read with the part before it; context before the asks is not read.
      "Is the ML-based anomaly detection optional, and can it be turned off?",
      "Passwords alone are not sufficient. Does the application support a second factor, and can we make it mandatory?",
      "Is data encrypted at rest and in transit?",
      // A part asked only if the answer is Yes is no second sense.
      "Are support sessions recorded without the customer knowing? If so, can we switch that off?",
    ])
      expect(asksInBothSenses(text), text).toBe(false);
    // Using AI (the practice) and training on the buyer's data (the lapse) in one row.
    expect(
      asksInBothSenses("Does the platform use machine learning, and will our records be used to train the models?"),
    ).toBe(true);
    const d = draftAnswer(
      {
        text: "Are prod and non-prod environments separated? Is live customer data ever used for testing?",
        kind: "yes_no" as const,
        allowedValues: null,
      },
      entry("No", "No. Production data is never copied to development or test."),
      "Is production customer data used in development or test environments?",
      0.97,
    );
    expect(d).toMatchObject({ status: "needs_review", value: null });
  });

  it("reads a question and its entry in the same sense when they ask the same thing in other words", () => {
    // Each of these was flipped (the entry's No offered as Yes, or its Yes as No) before.
    const sameSense: readonly [string, string][] = [
      ["Data breach in the last 36 months? (Y/N)", "Have you ever experienced a data breach?"],
      ["Breaches (last 3 yrs)?", "Have you ever experienced a data breach?"],
      ["Have you been hacked before?", "Have you ever experienced a data breach?"],
      ["Have you had breaches so far?", "Have you ever experienced a data breach?"],
      [
        "J.5 Has there been a cybersecurity incident involving Scoped Data in the past 36 months?",
        "Have you ever experienced a data breach?",
      ],
      [
        "Has the Vendor had a cybersecurity event in the last 36 months that required notification?",
        "Have you ever experienced a data breach?",
      ],
      [
        "Have you reported any personal data breach to the ICO in the past three years?",
        "Have you ever experienced a data breach?",
      ],
      [
        "Can staff access hospital data from personal (non-company) phones?",
        "Can employees access customer data from personal devices?",
      ],
      [
        "It is permitted for your staff to use private e-mail for company work?",
        "Do staff use personal email or personal cloud storage for company business?",
      ],
      [
        "Do you use our personal data for your own purposes, such as benchmarking?",
        "Do you sell or share customer data with third parties for their own purposes?",
      ],
      [
        "Will the vendor use our data for any purpose other than delivering the service?",
        "Do you sell or share customer data with third parties for their own purposes?",
      ],
      [
        "Anything in prod running on an EOL runtime or OS?",
        "Do you run any unsupported or end-of-life software in production?",
      ],
      [
        "Does every user have their own individual account, with no shared logins?",
        "Does every user have a unique account?",
      ],
      [
        "Please confirm that no secrets are embedded in front-end code, mobile apps or URLs.",
        "Are secrets kept out of front-end code, mobile apps and URLs?",
      ],
      [
        "Are there any open OCR/HHS investigations or lawsuits against your organisation?",
        "Are there any pending lawsuits or regulatory actions against you related to security or privacy?",
      ],
      [
        "Are there any claims or lawsuits pending against the company?",
        "Are there any pending lawsuits or regulatory actions against you related to security or privacy?",
      ],
      [
        "Last pentest - open crit/high?",
        "Do you have any open critical or high findings from your last penetration test?",
      ],
      [
        "Are API keys ever shipped in the app's JavaScript bundle or appended to URLs?",
        "Are API keys, tokens or other secrets exposed in client-side code or URLs?",
      ],
      [
        "Does the Vendor ever replicate live Bank data into dev/QA environments?",
        "Is production customer data used in development or test environments?",
      ],
      [
        "Is segregation of duties enforced, e.g. an engineer cannot approve their own change?",
        "Do you enforce segregation of duties for sensitive activities?",
      ],
      [
        "Were any exceptions or qualifications noted in the most recent SOC 2 report?",
        "Did your most recent SOC 2 report contain any exceptions or a qualified opinion?",
      ],
      [
        "Are copies of our data ever kept on portable media?",
        "Do you allow customer data to be stored on removable media?",
      ],
      [
        "Is the privacy notice covering your processing as a controller publicly accessible?",
        "Do you publish a privacy notice?",
      ],
      [
        "Can we exclude fields at collection so they never reach your platform?",
        "Does your service support pseudonymisation or minimisation of personal data?",
      ],
      [
        "Have you turned off auto-run on company computers?",
        "Are macros, auto-run and other common attack paths blocked on company devices?",
      ],
      [
        "Are stack traces suppressed in production, with debug mode turned off?",
        "Are debug modes disabled and error details hidden in production?",
      ],
      [
        "Does the vendor engage a third party to develop any part of the application code?",
        "Do you rely on outsourced development for any of your software?",
      ],
      [
        "Does your CSP avoid 'unsafe-inline' and 'unsafe-eval'?",
        "Does the application enforce a strict Content Security Policy?",
      ],
      [
        "Is a strict CSP enforced, without 'unsafe-inline' or 'unsafe-eval'?",
        "Does the application enforce a strict Content Security Policy?",
      ],
      [
        "Can we make SSO mandatory for our marketing team?",
        "Does your product support single sign-on (SSO) for our users?",
      ],
      [
        "Is the environment that processes production data separated from development?",
        "Are development, test and production environments separated?",
      ],
      [
        "Are prod and non-prod environments separated? Is live customer data ever used for testing?",
        "Is production customer data used in development or test environments?",
      ],
      [
        "Does your application send a CSP that disallows 'unsafe-inline' and 'unsafe-eval'?",
        "Does the application enforce a strict Content Security Policy?",
      ],
      [
        "A.7.7 Clear desk (papers, removable media) and clear screen rules defined and enforced?",
        "Do you enforce a clear desk and clear screen policy?",
      ],
    ];
    for (const [question, entry] of sameSense) expect(isInverted(question, entry), question).toBe(false);
    // …while the opposite sense is still read where it is asked.
    const opposite: readonly [string, string][] = [
      ["Is the admin console publicly accessible?", "Is the admin console restricted to the corporate network?"],
      ["Is MFA turned off for any users?", "Do you require multi-factor authentication (MFA) for employee access?"],
      [
        "Was an unqualified (clean) opinion issued on your SOC 2 report?",
        "Did your most recent SOC 2 report contain any exceptions or a qualified opinion?",
      ],
      [
        "Does the Vendor prohibit the use of production Enterprise data in test environments?",
        "Is production customer data used in development or test environments?",
      ],
      [
        "Confirm that no API keys are embedded in client-side code.",
        "Are API keys, tokens or other secrets exposed in client-side code or URLs?",
      ],
      // A statement to confirm negates its own clause ("…does not sell…"): the Yes confirms it.
      [
        "Please confirm that the Supplier does not sell personal data.",
        "Do you sell or share customer data with third parties for their own purposes?",
      ],
      [
        "Confirm that Customer Data is not stored or processed in China.",
        "Do you store or process customer data in China?",
      ],
      [
        "Are stack traces, verbose error messages or debug endpoints exposed in production?",
        "Are debug modes disabled and error details hidden in production?",
      ],
    ];
    for (const [question, entry] of opposite) expect(isInverted(question, entry), question).toBe(true);
  });

  it("a requirement statement negated with 'shall not' or 'must not' is the opposite of the entry's question", () => {
    expect(isInverted("The Supplier shall not sell Customer Personal Data.", "Do you sell customer data?")).toBe(true);
    expect(
      isInverted(
        "Customer Data must not be processed in, or accessible from, China.",
        "Do you store or process customer data in China?",
      ),
    ).toBe(true);
    expect(
      isInverted(
        "Customer Data shall not be copied to or used in development, test or staging environments.",
        "Do you use production data in test environments?",
      ),
    ).toBe(true);
    // "Suffered some breach" asks about the lapse as "suffered a breach" does.
    expect(weakPracticeSense("Have you suffered some data breach in recent years?")).toBe(true);
    // The same sense: the statement asks for what the entry says.
    expect(isInverted("The Supplier shall encrypt Customer Data at rest.", "Do you encrypt data at rest?")).toBe(false);
    // A negation inside a clause of purpose or a relative clause is not the statement's.
    expect(weakPracticeSense("Are CSV exports escaped so that spreadsheet applications do not execute formulas?")).toBe(
      false,
    );
  });

  it("an admin account 'never' used for email is the safeguard; the root or owner account used daily is the lapse", () => {
    for (const text of [
      "Admin accounts are used only for admin work, never for reading email or browsing the web.",
      "Do administrators use a separate account for admin tasks, and never for email or web browsing?",
      "Are administrative accounts used only for administrative tasks, and not for email or web browsing?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    expect(weakPracticeSense("Is the root or owner account of your cloud platform used for day-to-day work?")).toBe(
      true,
    );
    // A one-line row's shorthand names the same accounts.
    expect(weakPracticeSense("Shared admin accts in use?")).toBe(true);
    expect(weakPracticeSense("Any shared pwds?")).toBe(true);
  });

  it("software 'still supported by the supplier' is the practice, wherever the vendor's name stood", () => {
    // Normalised, "by the supplier" is a bare "by" before the question mark.
    expect(weakPracticeSense("Is every program on your laptops licensed and still supported by the supplier?")).toBe(
      false,
    );
    expect(weakPracticeSense("Are your operating systems still supported by the vendor?")).toBe(false);
    expect(weakPracticeSense("Is SSL 3.0 still supported?")).toBe(true);
  });

  it("'is there a <practice> for people who do not…' asks for the practice; 'are there users who do not…' for exceptions", () => {
    expect(
      asksAboutExceptions("Is there a sanctions process for staff who do not follow the acceptable use policy?"),
    ).toBe(false);
    expect(asksAboutExceptions("Are there administrators who do not use a hardware key?")).toBe(true);
  });

  it("switching off what hardening turns off is no exception asked, whichever side of the verb it stands", () => {
    expect(asksAboutExceptions("Have you switched off autoplay on all your computers?")).toBe(false);
    expect(
      asksAboutExceptions(
        "Have you turned off auto-run on every laptop so that nothing opens without the user agreeing?",
      ),
    ).toBe(false);
    expect(asksAboutExceptions("Have you turned off logging on any servers?")).toBe(true);
  });

  it("a lapse the practice removes, and software still maintained, are the practice asked, not an exception", () => {
    for (const text of [
      "Is HTTPS required everywhere, with weak ciphers and old protocol versions disabled?",
      "Do you disable weak cipher suites on your load balancers?",
      "Are stolen laptops remotely wiped?",
      "Is outdated software removed from servers?",
      "Are all your laptops on an operating system still receiving patches from the manufacturer?",
      "Is each server's OS still in vendor support?",
    ])
      expect(asksAboutExceptions(text), text).toBe(false);
    for (const text of [
      "Are weak ciphers still enabled on any endpoint?",
      "Are any weak passwords in use?",
      "Are there unsupported systems in production?",
      "Is any laptop still running Windows 7?",
    ])
      expect(asksAboutExceptions(text), text).toBe(true);
  });

  it("a question asking for TLS with weak ciphers disabled is drafted Yes from the transit-encryption entry", async () => {
    const result = await answer(
      "Is TLS 1.2 or newer required on every public endpoint, with weak cipher suites and legacy protocol versions disabled?",
    );
    expect(result.entryId).toBe("encryption-in-transit");
    expect(result.status).toBe("drafted");
    expect(result.answer?.value).toBe("Yes");
  });

  it("a fine or order a regulator imposed on the vendor is an adverse event, like a lawsuit against it", () => {
    for (const text of [
      "Has a supervisory authority imposed a fine, an order or another corrective measure on you under data protection law?",
      "Have any penalties been imposed on your organisation by a regulator in the last five years?",
    ])
      expect(weakPracticeSense(text), text).toBe(true);
    expect(weakPracticeSense("Do you impose contractual penalties on suppliers who breach your security terms?")).toBe(
      false,
    );
  });

  it("software left to each user's choice ('install any apps they want') is the weaker practice: the entry's Yes is flipped", async () => {
    for (const text of [
      "Do you let users install any apps they want on company laptops?",
      "Can staff install whatever software they like on their work laptops?",
    ])
      expect(weakPracticeSense(text), text).toBe(true);
    // A choice given to customers is a feature, not a lapse.
    expect(weakPracticeSense("Can customers choose any region they want?")).toBe(false);
    const r = await answer("Do you let users install any apps they want on company laptops?");
    expect(r.entryId).toBe("software-installation");
    expect(r.answer?.value).toBe("No");
  });

  it("what a safeguard protects against ('insurance against … lost or stolen data') is its purpose, not a lapse asked", async () => {
    const question =
      "Do you carry cyber-risk insurance to protect against service outages, lost or stolen data, and security incidents?";
    expect(asksAboutExceptions(question)).toBe(false);
    expect(asksAboutExceptions("Are backups protected against being deleted by ransomware?")).toBe(false);
    // The lapse asked outside such a clause still is one.
    expect(asksAboutExceptions("Has any customer data been lost or stolen in the last three years?")).toBe(true);
    const r = await answer(question);
    expect(r.entryId).toBe("cyber-insurance");
    expect(r.status).toBe("drafted");
    expect(r.answer?.value).toBe("Yes");
  });

  it("a report issued without exceptions, or with none noted, is the clean report: not the exceptions' sense", () => {
    expect(weakPracticeSense("Was the latest SOC 2 Type 2 report issued without any exceptions?")).toBe(false);
    expect(weakPracticeSense("Did the service auditor report no exceptions in the last period?")).toBe(false);
    expect(weakPracticeSense("Did the service auditor report any exceptions in the last period?")).toBe(true);
  });

  it("'issued without any exceptions?' of the exceptions entry is not drafted with its No", async () => {
    const r = await answer("Was the latest SOC 2 Type 2 report issued without any exceptions?");
    expect(r.answer?.value).not.toBe("No");
  });

  it("a page telling which accounts exist is the lapse (user enumeration); avoiding it is the safeguard", () => {
    for (const text of [
      "Do the sign-in and recovery screens avoid disclosing whether a given username is registered?",
      "Forgot-password flows get abused. Are reset links one-time and short-lived, and does the response avoid revealing if an account exists?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    expect(weakPracticeSense("Does the login page show whether an email address is registered?")).toBe(true);
  });

  it("engaging a processor without the customer's authorisation and pasting data into public AI are lapses", () => {
    expect(weakPracticeSense("Will you add sub-processors without the customer's prior written approval?")).toBe(true);
    expect(weakPracticeSense("Will you refrain from adding sub-processors without our prior written consent?")).toBe(
      false,
    );
    expect(weakPracticeSense("Do employees paste client data into generative AI tools?")).toBe(true);
    expect(weakPracticeSense("Are staff forbidden from pasting client data into ChatGPT?")).toBe(false);
  });

  it("removing unsupported software or blocking removable media is the good practice", () => {
    for (const text of [
      "Is unsupported software removed from in-scope devices?",
      "Is auto-run disabled for removable media?",
      "Is the use of USB storage devices on work laptops restricted?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    for (const text of ["Do you allow removable media?", "Are any systems running unsupported software?"])
      expect(weakPracticeSense(text), text).toBe(true);
    // "Prohibited" is a negation counted once: the question is about the curb, as before.
    expect(weakPracticeSense("Is removable media prohibited?")).toBe(false);
    expect(weakPracticeSense("Is unsupported software upgraded or replaced?")).toBe(false);
  });

  it("reads a curb told in the present tense, a scan, a distant 'disabled' and a negation in a 'what' clause", () => {
    for (const text of [
      "Does your DLP tool block uploads of client files to USB sticks?",
      "Do endpoint controls prevent copying data onto removable media?",
      "Is every USB drive scanned for malware as soon as it is plugged in?",
      "Have you switched off and disabled the setting that automatically opens content from USB sticks?",
      "Is there a written code of conduct on what staff may not do with company equipment?",
      // A curb and a negation side by side say the safeguard once, not twice.
      "Are generic logins forbidden, or kept only by exception and managed to prevent abuse?",
      "Is copying client data to USB sticks prohibited or technically restricted?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    // The lapse itself, with an article before the query string: still the weak practice.
    expect(weakPracticeSense("Can a client pass its API key as a query-string parameter?")).toBe(true);
    expect(weakPracticeSense("Do you allow USB sticks on laptops?")).toBe(true);
  });

  it("a negation that restates the rule or describes its object is not a lapse asked about", () => {
    for (const text of [
      // "you don't need" describes what was removed; "only …, never …" says the rule twice.
      "Do you uninstall apps and disable ports that you do not need on company servers?",
      "Is production access given only through the bastion host, never directly from a laptop?",
      // Supported "by the vendor" (normalised to a bare "by"), not a protocol still switched on.
      "Is every operating system in use still supported by the vendor with patches?",
      // The exception a rule records is its governance, not a lapse asked about.
      "Are only maintained browsers allowed, with anything else recorded as an approved exception?",
      // What a rule curbs: banned or defended against.
      "Are native serialization formats banned for data received from users?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    for (const text of [
      // The lapse named after "only …, never …" is still curbed by the "never".
      "Does the API allow only known origins, never reflecting arbitrary origins?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    for (const text of [
      "Is the cloud root or global admin account used for routine changes?",
      "Do any developers keep permanent admin privileges in production?",
      "Do SREs hold standing privileged rights on the database cluster?",
      "Are shared authenticators issued to teams?",
      "Can an access key be passed as a query parameter in the URL?",
      "Do you deserialise untrusted input with native object serialization?",
      "Are live production records copied to the staging environment?",
    ])
      expect(weakPracticeSense(text), text).toBe(true);
  });

  it("training models on the customer's data is the lapse; a secret never hard-coded, media controlled, a 'NOT … - confirm' statement the safeguard", () => {
    for (const text of [
      "Do you fine-tune language models with the content our users upload?",
      "Is client information used for model training?",
      "Model trains on our inputs?",
    ])
      expect(weakPracticeSense(text), text).toBe(true);
    for (const text of [
      "Is client information kept out of model training?",
      "Are our records excluded from AI training?",
      "Are connection strings kept in a vault, never hard-coded in the repository?",
      "Is the use of USB drives controlled on servers?",
      "Customer files NOT shared with advertisers - please confirm",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    // The request after the question does not set its sense: "controlled" there curbs nothing asked.
    expect(weakPracticeSense("Do you allow personal laptops? If yes, describe how they are controlled.")).toBe(true);
  });

  it("a row's label 'No X' states the safeguard; shorthand and inactivity name the practice", () => {
    for (const text of [
      // A requirement written as a label: "No X" asks to confirm there is none.
      "No generic admin logins",
      "No more than three failed logins before lockout",
      // What inactivity triggers is the safeguard.
      "Logins that are not used for 60 days are disabled.",
      // An example of what a procedure covers does not negate the procedure.
      "Does your DR plan cover regional failures, such as an outage your provider cannot recover from quickly?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    for (const text of [
      "Live prod data copied to UAT?",
      "Are any servers past their end-of-support date?",
      "Can engineers open a tenant without the customer first approving it?",
    ])
      expect(weakPracticeSense(text), text).toBe(true);
    // A policy made available to all staff is the practice; data available to all staff is the lapse.
    expect(asksAboutExceptions("Is the security handbook made available to all employees?")).toBe(false);
    expect(asksAboutExceptions("Is payroll data visible to all employees?")).toBe(true);
  });

  it("an exception a rule records is not asked about as a lapse", () => {
    expect(
      asksAboutExceptions("Are only vendor-supported apps allowed, with anything unsupported logged as an exception?"),
    ).toBe(false);
    expect(asksAboutExceptions("Is any unsupported software still in use?")).toBe(true);
  });

  it("what a scan looks for, and a one-word gloss in parentheses, read as the question means them", () => {
    expect(asksAboutExceptions("Do you scan your own systems for missing patches and known vulnerabilities?")).toBe(
      false,
    );
    expect(
      asksAboutExceptions(
        "Do you monitor external sources (breach dumps, paste sites, code hosts) for leaked credentials?",
      ),
    ).toBe(false);
    expect(asksAboutExceptions("Are any laptops missing patches?")).toBe(true);
    // Whether a feature exists anywhere in the product is no exception to a practice.
    expect(asksAboutExceptions("Does any part of your platform use machine learning?")).toBe(false);
    expect(weakPracticeSense("Is operational (production) data copied into test environments?")).toBe(true);
  });

  it("the options of a choice list are not the question's sense", () => {
    expect(asksAboutExceptions("MFA turned on for all cloud services that support it (Yes / No / Partially)")).toBe(
      false,
    );
    expect(asksAboutExceptions("MFA turned on for all cloud services that support it? Partially?")).toBe(true);
  });

  it("the scenario a safeguard covers, what it rules out and a support period still running are no lapse", () => {
    for (const text of [
      "Can a phone that was stolen be wiped from a distance?",
      "Are admin logins kept for admin work, with no email or internet access from them?",
      "Is every operating system in use still within its support period?",
    ])
      expect(asksAboutExceptions(text), text).toBe(false);
    expect(asksAboutExceptions("Have any company phones been stolen this year?")).toBe(true);
    expect(asksAboutExceptions("Do some service accounts have no owner?")).toBe(true);
  });

  it("the event a safeguard responds to ('when an account is disabled') is no lapse", () => {
    for (const text of [
      "Is the session invalidated on logout, and are active sessions revoked when a password is reset or an account is disabled?",
      "Are API tokens revoked when a user is deprovisioned?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    expect(weakPracticeSense("Is logging ever disabled?")).toBe(true);
  });

  it("equipment wiped or destroyed at end of life is the safe disposal, not old software still running", () => {
    for (const text of [
      "Are laptops and storage media securely wiped or destroyed at end of life?",
      "Are hard drives shredded when they reach end-of-life?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    expect(weakPracticeSense("Do you run any software that is end of life?")).toBe(true);
  });

  it("a product feature the customer may switch off is control, not a safeguard left off", () => {
    for (const text of [
      "Can the AI assistant be disabled for all of our users?",
      "Is generative AI functionality optional for our organisation?",
      "Can admins turn off the machine-learning anomaly detection feature?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    // A safeguard that can be switched off or is optional is still the lapse.
    for (const text of ["Can MFA be disabled by users?", "Is MFA optional?", "Can audit logging be turned off?"])
      expect(weakPracticeSense(text), text).toBe(true);
  });

  it("findings still open are the lapse, however they are named", () => {
    expect(weakPracticeSense("Is anything rated critical still open from the last pentest?")).toBe(true);
    expect(
      isInverted(
        "Is anything rated critical still open from the last pentest?",
        "Do you have any open critical or high findings from your last penetration test?",
      ),
    ).toBe(false);
  });

  it("a verb that curbs the weak practice a marker names makes the question about the safeguard", () => {
    for (const text of [
      "Are personal devices blocked from accessing customer data?",
      "Is production data prevented from being copied to test environments?",
      "Are generic accounts removed?",
      "Are TLS 1.0 connections rejected?",
      "Are deprecated cipher suites refused by the load balancers?",
      // What is turned off is the weak thing: old protocol versions, local passwords once SSO is on.
      "Are TLS 1.0 and 1.1 disabled?",
      "Please confirm the minimum TLS version accepted by the web application and the APIs, whether TLS 1.0 and 1.1 are disabled, and whether HSTS is enabled.",
      "Please confirm whether SSO can be enforced so that local passwords are disabled for our tenant.",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    expect(weakPracticeSense("Is TLS 1.1 still accepted by the API?")).toBe(true);
    // Auto-run turned off for removable media is the hardening, and no exception to it.
    expect(weakPracticeSense("Is auto-run turned off for USB sticks and other removable media?")).toBe(false);
    expect(asksAboutExceptions("Is auto-run turned off for USB sticks and other removable media?")).toBe(false);
    expect(weakPracticeSense("Are USB sticks allowed on company laptops?")).toBe(true);
    expect(asksAboutExceptions("Is logging turned off on any server?")).toBe(true);
    // Without a marker the curb verb says nothing of the sense; explicit negations count once.
    expect(weakPracticeSense("Is access to production restricted?")).toBe(false);
    expect(weakPracticeSense("Are shared accounts prohibited?")).toBe(false);
    expect(weakPracticeSense("Do admins share accounts?")).toBe(true);
  });

  it("removable media named as the object of a rule, and deprecated cryptography curbed, are good practice", () => {
    for (const text of [
      "Are clear desk rules for papers and removable media, and clear screen rules for devices, defined and enforced?",
      "Is there a policy for removable media that requires encryption?",
      "Clear desk for papers and removable media, clear screen for workstations: rules defined and enforced?",
      "Is there a clear desk policy requiring sensitive papers and removable media to be locked away when unattended?",
      "Does the cryptographic standard specify approved algorithms and prohibit deprecated primitives?",
      "Are deprecated ciphers disabled on every endpoint?",
    ])
      expect(weakPracticeSense(text), text).toBe(false);
    for (const text of ["Are deprecated ciphers still in use?", "Are weak algorithms such as MD5 used anywhere?"])
      expect(weakPracticeSense(text), text).toBe(true);
  });

  it("a notice deadline, a check that access is still needed and a time clause are not exceptions", () => {
    for (const text of [
      "Will you notify us without undue delay after becoming aware of a personal data breach?",
      "Do you review user accounts at least once a year to check they are still needed?",
      "Is all software on in-scope devices licensed and still supported by its vendor with security updates?",
      "On exit, can we retrieve all of our data in a standard, machine-readable format before the service is switched off?",
    ])
      expect(asksAboutExceptions(text), text).toBe(false);
    // A safeguard named as what it makes impossible, a progressive delay between logon attempts,
    // features off by default, and permanent staff as a kind of staff are no lapses either.
    for (const text of [
      "Is all code peer reviewed before merge, and is it technically impossible for an engineer to approve their own change?",
      "3.1.8 Are unsuccessful logon attempts limited, e.g. through lockout or progressive delay?",
      "Do systems limit repeated failed logons by locking or delaying the account?",
      "Are optional AI features switched off by default?",
      "Are your contractors subject to the same security requirements as permanent staff?",
      "Is there a clear desk policy requiring sensitive papers and removable media to be locked away when unattended?",
      // What a safeguard comes before, and the alternative a question rejects.
      "Are uploaded files checked for malicious content before anyone can download them?",
      "Are system and service identities authenticated using certificates or managed credentials rather than shared static secrets?",
      // To share a document is to provide it, whatever it shows.
      "Can you share an architecture / network diagram showing accounts, VPCs, subnets and trust boundaries?",
      // Procedures written down are the practice; a delay of the next attempt is the lockout; what a
      // restriction stops ("software that has not been approved") is its object, not a lapse.
      "Are operating procedures for the service desk written down and available to the team?",
      "Is the account locked, or the next sign-in attempt delayed, after repeated failures?",
      "Is there a limit on consecutive failed logon attempts, after which the account is locked or delayed?",
      "Are staff prevented from running programs that have not been approved?",
      // What a safeguard rules out, and one accountable owner.
      "Is MFA enforced for every user, with no exceptions?",
      "Are queries parameterised, with no string concatenation of user input?",
      "Is a single individual (for example the CISO) accountable for the security programme?",
    ])
      expect(asksAboutExceptions(text), text).toBe(false);
    expect(asksAboutExceptions("Do any service accounts have no owner?")).toBe(true);
    expect(asksAboutExceptions("Can a single engineer approve and deploy their own change?")).toBe(true);
    expect(asksAboutExceptions("Are laptops ever left unattended in public?")).toBe(true);
    expect(asksAboutExceptions("Are any admin passwords written down on paper?")).toBe(true);
    for (const text of [
      "Are security patches ever delayed?",
      "Is logging switched off on any server?",
      "Are critical patches delayed for business reasons?",
      "Is admin access granted permanently?",
    ])
      expect(asksAboutExceptions(text), text).toBe(true);
  });

  it("reads a lapse asked in the words of a terse row, a list of kinds or a noun without its verb", () => {
    // Each was flipped against its entry, asked the same way ("… No" turned into "Yes").
    const sameSense: [string, string][] = [
      [
        "Any exceptions in latest SOC2 report?",
        "Did your most recent SOC 2 report contain any exceptions or a qualified opinion?",
      ],
      [
        "Open crit/high pentest findings?",
        "Do you have any open critical or high findings from your last penetration test?",
      ],
      [
        "Are generic, shared or group user IDs permitted for administrative access?",
        "Do administrators use shared or generic accounts?",
      ],
      [
        "Do your support teams ever use shared or generic administrator credentials?",
        "Do administrators use shared or generic accounts?",
      ],
      [
        "Are any API keys, tokens or secrets present in your browser code or in URLs?",
        "Are API keys, tokens or other secrets exposed in client-side code or URLs?",
      ],
      [
        "Is any development outsourced to third parties or offshore teams?",
        "Do you rely on outsourced development for any of your software?",
      ],
    ];
    for (const [question, entryQuestion] of sameSense)
      expect(isInverted(question, entryQuestion), question).toBe(false);
    // A topic label names the subject in neither sense (a library phrasing read as the lapse would
    // keep its entry's Yes for a lapse question).
    expect(weakPracticeSense("Secrets in front-end code")).toBe(false);
    // Secrets in the front end without a verb: the lapse, against an entry asked as the safeguard.
    expect(
      isInverted(
        "are api keys ever in the front end js or in urls?",
        "Are secrets kept out of front-end code, mobile apps and URLs?",
      ),
    ).toBe(true);
    // The good practice stays the opposite sense, and "optional" before a noun is no lapse.
    expect(
      isInverted(
        "Does each administrator use a named account of their own?",
        "Do administrators use shared or generic accounts?",
      ),
    ).toBe(true);
    expect(weakPracticeSense("Are optional AI features switched off by default?")).toBe(false);
    expect(weakPracticeSense("Is MFA optional for users?")).toBe(true);
    expect(weakPracticeSense("Are shared responsibility terms for customer accounts documented?")).toBe(false);
  });

  it("reads a hyphenated e-mail and a word a PDF broke at a line end like the whole word", () => {
    const entry = "Do staff use personal email or personal cloud storage for company business?";
    expect(isInverted("Do staff use personal e-mail or personal cloud storage for company business?", entry)).toBe(
      false,
    );
    expect(isInverted("Can personnel access customer data from personally owned de- vices?", "Is BYOD allowed?")).toBe(
      false,
    );
    expect(weakPracticeSense("Are personally owned de- vices allowed to reach customer data?")).toBe(true);
  });

  it("reads a lapse told in other word orders and with a slash", () => {
    // The entry "Is production customer data used in test environments?" asks it the same way.
    expect(isInverted("Do your engineers ever test with real customer data?", "Is production data used in test?")).toBe(
      false,
    );
    expect(
      isInverted("Open high/critical pen test findings? (Y/N)", "Do you have any open critical or high findings?"),
    ).toBe(false);
  });

  it("a parenthesis that names the lapse only to rule it out restates the safeguard", () => {
    expect(weakPracticeSense("Is every account assigned to one named person (i.e. no shared logins)?")).toBe(false);
    expect(weakPracticeSense("Is a restrictive CORS policy set (no wildcard origins with credentials)?")).toBe(false);
    // Outside a parenthesis the lapse is still what is asked.
    expect(weakPracticeSense("Are shared logins used for administration?")).toBe(true);
  });

  it("a negation in a purpose clause states what the safeguard achieves, not the weak practice", () => {
    expect(
      weakPracticeSense("Are logs shipped to a separate account with Object Lock so admins can't delete them?"),
    ).toBe(false);
    expect(weakPracticeSense("Are accounts configured so that shared accounts cannot be used?")).toBe(false);
    // The main clause still decides: sharing accounts is the weak practice whatever it is for.
    expect(weakPracticeSense("Do admins share accounts so that they cannot be traced?")).toBe(true);
  });

  it("exceptions that are requested, approved and tracked are their governance, not the lapse", () => {
    const entry = "Do you have a process for approving and tracking security policy exceptions?";
    expect(isInverted("Are exceptions to security policy requested, risk-assessed, approved and tracked?", entry)).toBe(
      false,
    );
    expect(isInverted("Are there exceptions to the MFA requirement?", "Do you require MFA for all staff?")).toBe(true);
    expect(
      isInverted("Is there a process to request, approve and re-evaluate exceptions to security policy?", entry),
    ).toBe(false);
  });

  it("'w/o' is 'without': the shorthand names the lapse too", () => {
    expect(weakPracticeSense("Backups w/o encryption?")).toBe(weakPracticeSense("Backups without encryption?"));
    expect(weakPracticeSense("Backups w/o encryption?")).toBe(true);
    expect(weakPracticeSense("Laptops w/ full disk encryption?")).toBe(false);
  });

  it("software still supported by its vendor is the practice; a protocol still supported is the lapse", () => {
    expect(weakPracticeSense("Are all applications licensed and still supported by their vendors?")).toBe(false);
    expect(weakPracticeSense("Is TLS 1.0 still supported?")).toBe(true);
  });

  it("a lapse named as what a safeguard detects is the safeguard", () => {
    expect(weakPracticeSense("Do you detect access to client data without an associated ticket?")).toBe(false);
  });

  it("an auditor's exceptions told verb first are the lapse, as are exceptions noted in a report", () => {
    const entry = "Did your most recent SOC 2 report contain any exceptions or a qualified opinion?";
    expect(isInverted("Did the service auditor note any deviations or exceptions in your SOC 2 report?", entry)).toBe(
      false,
    );
    // Reporting policy exceptions to management is their governance: no audit is named.
    expect(weakPracticeSense("Are policy exceptions reported to the CISO?")).toBe(false);
  });

  it("a negation in a relative clause describes whom the question is about, not its main verb", () => {
    expect(
      isInverted(
        "Do you apply sanctions against workforce members who fail to comply with security policies?",
        "Is there a disciplinary process for staff who breach security policies?",
      ),
    ).toBe(false);
    // The main verb's negation still counts.
    expect(isInverted("Do you never apply sanctions?", "Is there a disciplinary process?")).toBe(true);
  });

  it("a pending claim or proceeding is the lapse asked about", () => {
    expect(
      isInverted(
        "Is the Applicant aware of any pending claim, lawsuit or regulatory proceeding relating to privacy?",
        "Are there any pending lawsuits or regulatory actions against you?",
      ),
    ).toBe(false);
    expect(weakPracticeSense("Are you aware of any pending claim or lawsuit?")).toBe(true);
    expect(weakPracticeSense("Has the processor been the subject of any fine by a supervisory authority?")).toBe(true);
  });

  it("findings that remain open are the lapse, in either word order", () => {
    const entry = "Do you have any open critical or high findings from your last penetration test?";
    expect(
      isInverted("Do any findings rated Critical or High from the latest pen test remain unremediated?", entry),
    ).toBe(false);
    expect(weakPracticeSense("Are vulnerabilities rated High remediated within 30 days?")).toBe(false);
  });

  it("'excluded from', 'refrain from' and 'avoid' negate the practice", () => {
    expect(
      isInverted("Is customer data excluded from AI model training?", "Do you use customer data to train AI models?"),
    ).toBe(true);
    expect(isInverted("Do you refrain from selling customer data?", "Do you sell customer data?")).toBe(true);
  });

  it("'ever' alone does not settle that a question is phrased in the opposite sense", () => {
    const entry = "Is customer data stored on employee laptops?";
    expect(invertedOnlyByIntensifier("Is customer data ever stored on employee laptops?", entry)).toBe(true);
    // A marker besides "ever" still settles it, and "still" is a lapse marker of its own.
    expect(invertedOnlyByIntensifier("Is TLS 1.0 ever accepted?", "Is data encrypted in transit?")).toBe(false);
    expect(
      invertedOnlyByIntensifier("Do terminated employees still have access?", "Is access removed on leaving?"),
    ).toBe(false);
  });

  it("detects a question asking about the weaker practice", () => {
    expect(isInverted("Do administrators share accounts?", "Does every administrator have a named account?")).toBe(
      true,
    );
    expect(isInverted("Is TLS 1.0 still accepted?", "Is data encrypted in transit?")).toBe(true);
    expect(isInverted("Are any staff exempt from background checks?", "Do you run background checks?")).toBe(true);
  });

  it("does not flip two phrasings of the same weak practice, or a negated one", () => {
    expect(
      isInverted(
        "Can staff use personally owned devices that are not enrolled in MDM?",
        "Can employees use personal devices?",
      ),
    ).toBe(false);
    expect(isInverted("Have you had a breach in the last 3 years?", "Have you ever experienced a data breach?")).toBe(
      false,
    );
    expect(isInverted("Are shared accounts prohibited?", "Does every user have a unique account?")).toBe(false);
  });

  it("knows the usual weak practices buyers ask about", () => {
    const good = "Is access to production restricted and reviewed?";
    expect(isInverted("Do developers have direct access to production databases?", good)).toBe(true);
    expect(isInverted("Are any storage buckets publicly accessible?", "Is customer data storage private?")).toBe(true);
    expect(isInverted("Were exceptions noted in your latest SOC 2 report?", "Was your SOC 2 report clean?")).toBe(true);
    expect(isInverted("Do terminated employees still have access after their last day?", good)).toBe(true);
  });

  it("reads default passwords by what happens to them", () => {
    const changed = "Are default passwords changed before systems go live?";
    expect(isInverted("Are default vendor passwords ever left unchanged on deployed devices?", changed)).toBe(true);
    expect(isInverted("Do you require removing built-in default credentials?", changed)).toBe(false);
    expect(isInverted("Do you use default credentials on network devices?", changed)).toBe(true);
  });

  it("offers the flipped value for review with a note, never a blind Yes", () => {
    const d = draftAnswer(
      { text: "Do administrators share accounts?", kind: "yes_no", allowedValues: ["Yes", "No"] },
      { ...entry("Yes"), question: "Does every administrator have a named account?" },
      "Does every administrator have a named account?",
      0.9,
    );
    expect(d.value).toBe("No");
    expect(d.status).toBe("needs_review");
    expect(d.notes.join(" ")).toMatch(/opposite sense/);
  });
});

describe("more weak practices (written in this test's own words)", () => {
  it.each([
    "Can engineers deploy to production without a change request?",
    "Is MFA optional for contractors?",
    "Has customer data ever been transferred to a country without an adequacy decision?",
    "Has your company received regulatory fines in the past five years?",
    "Are any critical vulnerabilities overdue for remediation?",
    "Are there any pending lawsuits about your data handling?",
    "Has your firm been investigated by a privacy regulator?",
  ])("%s reads as the weaker practice", (text) => {
    expect(weakPracticeSense(text)).toBe(true);
  });

  it("the good practice stays the good practice", () => {
    expect(weakPracticeSense("Is every production change made through an approved change request?")).toBe(false);
    expect(weakPracticeSense("Is MFA required for contractors?")).toBe(false);
  });
});

describe("people trained on a subject are not a model trained on data (written in this test's own words)", () => {
  it.each([
    "Are new starters trained on data protection during onboarding?",
    "Do you train the workforce on data handling best practices?",
    "Is training on information security given to all contractors?",
    "Are support agents trained on handling customer records safely?",
  ])("%s reads as the practice", (text) => {
    expect(weakPracticeSense(text)).toBe(false);
  });

  it.each([
    "Do you train models on our data?",
    "Are your models trained on customer content by your engineers?",
    "Is our data used to train your AI models?",
  ])("%s still reads as the weaker practice", (text) => {
    expect(weakPracticeSense(text)).toBe(true);
  });

  it("a CIS-style training safeguard is drafted with the entry's Yes, not sent to review flipped", async () => {
    const r = await answer("Do you train workforce members on data handling best practices?", "yes_no", ["Yes", "No"]);
    expect([r.status, r.entryId, r.answer?.value]).toEqual(["drafted", "security-awareness-training", "Yes"]);
  });
});

describe("weak practices by their shape, not their topic (written in this test's own words)", () => {
  it.each([
    "Are any laptops running without disk encryption?",
    "Can vendors reach your network through unmonitored remote access?",
    "Do accounts of people who left the company remain active after their last day?",
    "Are firewall changes reviewed only when time permits?",
    "Does admin access to the cloud console rely solely on a password?",
    "Is the backup copy kept in the same data center as production?",
    "Are audit logs purged before 30 days?",
    "Do engineers use their everyday accounts for admin work?",
    "Has the company failed any external privacy audit?",
    "Is real customer data copied into your staging databases?",
    "Are there open findings from the latest internal audit?",
    "Do you sell usage data to data brokers?",
  ])("%s reads as the weaker practice", (text) => {
    expect(weakPracticeSense(text)).toBe(true);
  });

  it.each([
    "Are breaches reported to customers without undue delay?",
    "Do sessions end after 15 minutes without activity?",
    "Is customer data masked before it reaches staging databases?",
    "Are logs protected from unauthorized access?",
  ])("%s stays the good practice", (text) => {
    expect(weakPracticeSense(text)).toBe(false);
  });
});

describe("questions about exceptions to a practice (written in this test's own words)", () => {
  it.each([
    "Are any of your servers left out of backup?",
    "Do any engineers hold admin rights they no longer need?",
    "Are there office doors that do not close automatically?",
    "Is the same root password used across environments?",
    "Are vulnerability reports from researchers sometimes ignored?",
    "Is there a backlog of untested restore procedures?",
    "Are firewall rule reviews postponed when the team is busy?",
    "Are service tokens issued with no expiry?",
    "Is MFA enforced only for some administrators?",
    "Are restore tests sometimes skipped?",
    "Is on-call cover provided by a single engineer?",
    "Are there service accounts with no owner?",
    "Are there any systems without MFA? If so, list them.",
    "Are there any laptops where USB storage is not blocked?",
    "Is there any customer data stored outside the EU?",
    "Have any company laptops been lost or stolen this year?",
    "Are stolen credentials ever used to sign in?",
  ])("%s asks about an exception", (text) => {
    expect(asksAboutExceptions(text)).toBe(true);
  });

  it.each([
    "Are backups encrypted and tested every quarter?",
    "Is admin access removed when an engineer changes role?",
    "Are accounts disabled after 30 days of inactivity?",
    "Is privileged access granted just in time and automatically expired?",
    "Are duties segregated so that no single person can both make and approve a change?",
    "Are development and production in separate accounts with no network path between them?",
    "Are cryptographic modules validated under FIPS 140-3? Identify any components that are not.",
    "Is data encrypted at rest? If not, list the stores that lack it.",
    "Do you detect access to client data without an associated ticket?",
    "Is there a break-glass procedure in case the identity provider is unavailable?",
    "Will you notify us of a confirmed breach no later than 24 hours after discovery?",
    "Will you follow our supplier security standard, as amended from time to time?",
    "Are laptops encrypted so data is protected if one is lost or stolen?",
    "Can a device be wiped remotely when it is lost?",
    "Is there a deputy who takes over if key staff become unavailable?",
    "Is there any rate limiting on your API?",
    "Do you enforce segregation of duties so that no individual can approve their own changes?",
    "Does the platform block logins without MFA?",
  ])("%s asks about the practice", (text) => {
    expect(asksAboutExceptions(text)).toBe(false);
  });
});

describe("an exception question is not answered with the practice's Yes unchecked (shipped library)", () => {
  it.each([
    "Are any passwords shared among the operations team?",
    "Are there employees who have not completed security training this year?",
    "Is the disaster recovery plan untested?",
  ])("%s", async (text) => {
    const { answer } = await import("./helpers.js");
    const q = await answer(text, "yes_no", ["Yes", "No", "N/A"]);
    expect(q.status === "drafted" && q.answer?.value === "Yes").toBe(false);
  });
});

describe("an entry's No answers the question about any instance of it (shipped library)", () => {
  it("'Is any …' of an entry that says No is drafted No", async () => {
    const { answer } = await import("./helpers.js");
    const q = await answer("Is any personal data stored in, or accessible from, China?", "yes_no", ["Yes", "No"]);
    expect(q.entryId).toBe("china-processing");
    expect(q.status).toBe("drafted");
    expect(q.answer?.value).toBe("No");
  });

  it("…unless it reaches back further than the entry ('ever'), or the entry says Yes", async () => {
    const { answer } = await import("./helpers.js");
    const ever = await answer("Has any customer data ever been stored in China?", "yes_no", ["Yes", "No"]);
    expect(ever.status === "drafted" && ever.answer?.value === "No").toBe(false);
    const yes = await answer("Are any passwords shared among the operations team?", "yes_no", ["Yes", "No"]);
    expect(yes.status === "drafted" && yes.answer?.value === "Yes").toBe(false);
  });
});

describe("long cells", () => {
  // A pasted cell of repeated words once took 19 s in one pattern (unbounded gaps between three
  // words); the test's own timeout is the guard.
  it("reads a 20,000-character cell of repeated words without stalling", () => {
    for (const cell of [
      "any that ".repeat(2500),
      "are there which ".repeat(1500),
      "the same ".repeat(2500),
      "exceptions to ".repeat(1500),
      `${"auditor note any deviations, ".repeat(700)}?`,
      "findings that remain ".repeat(1000),
    ]) {
      expect(typeof asksAboutExceptions(cell)).toBe("boolean");
      expect(typeof weakPracticeSense(cell)).toBe("boolean");
    }
  });
});

describe("what is disabled is read past hyphenated words", () => {
  it("removable media after 'disabled auto-run or auto-play of …' is the curb, not the weak practice", () => {
    expect(weakPracticeSense("Is auto-play or auto-run of files on removable media disabled?")).toBe(false);
    expect(weakPracticeSense("Have you disabled auto-run and auto-play for content on removable media?")).toBe(false);
    expect(weakPracticeSense("Is removable media allowed on laptops?")).toBe(true);
  });
});
