/**
 * Long web-application questions, higher-education and vendor-risk rows, and governance templates in
 * plain words, bridged to the library as classes. Every text is written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { weakPracticeSense } from "../../src/domain/drafting/inversion.js";
import { analyzeQuestion } from "../../src/domain/matching/analyze.js";
import { matchQuestion } from "../../src/domain/matching/match.js";
import { outOfScope } from "../../src/domain/matching/scope.js";
import { conceptsOf, normalizeText } from "../../src/domain/matching/tokenize.js";
import { answer, shippedLibrary } from "./helpers.js";

const concepts = (text: string) => conceptsOf(normalizeText(text));

describe("described attacks and sector wording name the concept", () => {
  it.each([
    ["Could a hostile website make a logged-in user's browser delete records?", "§csrf"],
    ["Are forged requests rejected by the server?", "§csrf"],
    ["Where are the data centres that would run our workloads located?", "§residency"],
    ["Location of your hosting servers", "§residency"],
    ["Can a page send requests on the user's behalf without their knowledge?", "§csrf"],
    ["Is XXE prevented in the import parser?", "§webvuln"],
    ["Could injected script in a comment run in a colleague's browser?", "§webvuln"],
    ["Are user names escaped before they are displayed on shared pages?", "§webvuln"],
    ["Can the import feature reach the instance metadata service?", "§webvuln"],
    ["Are URLs that customers enter fetched from an isolated network?", "§webvuln"],
    ["Does the parser resolve external entities?", "§webvuln"],
    ["How are JWTs signed and expired?", "§cookies"],
    ["Do you test for IDOR in every release?", "§multitenant"],
    ["Is object-level authorization enforced by the API?", "§multitenant"],
    ["Can one user open another customer's records by editing the URL?", "§multitenant"],
    ["Is each record being fetched checked as belonging to the requesting account?", "§multitenant"],
    ["Is a second authentication factor required for admins?", "§mfa"],
    ["Is malicious content in attachments blocked?", "§edr"],
    ["Which third parties handle our records on your behalf?", "§subprocessor"],
    ["Will you inform us promptly of any incident that touches our data?", "§breach"],
    ["Will breaches be reported without undue delay?", "§breach"],
    ["Is FERPA covered by your contract terms?", "§privacy"],
    ["How are student records protected?", "§privacy"],
    ["Are requirements for recording security events documented?", "§siem"],
    ["Do servers take the time from an authoritative source?", "§timesync"],
    ["How do you follow emerging threats?", "§threatintel"],
    ["Is information about new threats gathered from outside sources?", "§threatintel"],
    ["How long can an idle session stay open?", "§session"],
    ["Can we export all of our data in a machine-readable format?", "§portability"],
    ["Can we take a complete copy of our records when migrating away?", "§portability"],
  ])("%s → %s", (text, token) => {
    expect(concepts(text)).toContain(token);
  });

  it.each([
    ["Can accounts be provisioned from our student information system?", "§privacy"],
    ["Are portable devices encrypted?", "§portability"],
    ["Do you comply with export controls?", "§portability"],
    ["Do you process our data on our behalf only as instructed?", "§subprocessor"],
    ["Do staff report security events to the service desk?", "§siem"],
    ["Is the web page served over HTTPS?", "§csrf"],
    ["Do you share incident reports with the board?", "§breach"],
    ["Is metadata about each upload kept?", "§webvuln"],
    ["Are backups encoded in a compressed format?", "§webvuln"],
  ])("%s does not name %s", (text, token) => {
    expect(concepts(text)).not.toContain(token);
  });
});

describe("a governance template in plain words is still a template", () => {
  it("'defined, put into practice and checked for effectiveness' reads the topic", () => {
    const a = analyzeQuestion(
      "Are protections against ransomware defined, put into practice and checked for effectiveness?",
    );
    expect(a.intent).toBe("governance");
    expect(a.focus).toContain("ransomware");
    expect(a.focus).not.toContain("practice");
  });

  it("one plain verb alone is not a template", () => {
    expect(analyzeQuestion("Is the backup plan put into practice each quarter?").intent).not.toBe("governance");
  });
});

describe("the buyer's own records, tenant values and named people", () => {
  it("asking the vendor to vouch for the buyer's own documents goes to review", () => {
    expect(
      analyzeQuestion("Have you verified that our data map lists every field you receive?").buyerSpecific,
    ).not.toBeNull();
    expect(analyzeQuestion("Have you verified that your backups can be restored?").buyerSpecific).toBeNull();
  });

  it("listing the live values issued to the buyer's users goes to review, configuring them does not", () => {
    expect(
      analyzeQuestion("Please list the API token prefixes currently issued to our users.").buyerSpecific,
    ).not.toBeNull();
    expect(analyzeQuestion("Can session length be configured for our users?").buyerSpecific).toBeNull();
  });

  it("names of a single kind of person, and dates asked as 'which date'", () => {
    expect(outOfScope("Give us the name and phone number of each administrator.")).not.toBeNull();
    expect(outOfScope("On which date does the next penetration test start?")).not.toBeNull();
    expect(outOfScope("Which date format does the export use?")).toBeNull();
    // A product feature is out of scope, its security side is not.
    expect(outOfScope("Can we export dashboards to Excel?")).not.toBeNull();
    expect(
      outOfScope("When data is exported to CSV, are formulas in cells neutralised to prevent injection?"),
    ).toBeNull();
    expect(outOfScope("Do you give each administrator a named account?")).toBeNull();
  });

  it("an allow list of IP addresses and access limited to IP ranges are safeguards, not requests for the addresses", () => {
    expect(outOfScope("Is the admin console reachable only from an allow list of approved IP addresses?")).toBeNull();
    expect(outOfScope("If so, is it shielded by a whitelist of known IP ranges?")).toBeNull();
    expect(outOfScope("Can our admins limit access to the workspace to specific IP ranges?")).toBeNull();
    expect(outOfScope("Please list the IP addresses your service connects from.")).not.toBeNull();
    expect(outOfScope("Provide the specific IP addresses of your production hosts.")).not.toBeNull();
  });

  it("a payment application or gateway, and the buyer's payments team, are not commercial terms", () => {
    expect(outOfScope("Is your product a validated payment application under PCI's software standard?")).toBeNull();
    expect(outOfScope("Our payments team wants to know which payment gateway processes card data.")).toBeNull();
    expect(outOfScope("What are your payment terms for annual subscriptions?")).toMatch(/pricing/);
  });

  it("what an audit cost, asked as a verb, is a commercial question", () => {
    expect(outOfScope("What did your most recent ISO certification audit cost?")).toMatch(/pricing/);
    expect(outOfScope("How much does the annual penetration test cost?")).toMatch(/pricing/);
    expect(outOfScope("What did your most recent ISO certification audit find?")).toBeNull();
  });
});

describe("long and sector questions find the entry (shipped library)", () => {
  it.each([
    [
      "Changing a record number in the address bar sometimes exposes other tenants' data. How do you check that each object requested belongs to the caller's organisation?",
      "tenant-isolation",
    ],
    ["Do any outside companies process our data on your behalf?", "subprocessor-list"],
    ["How do you keep up with emerging threats to cloud services?", "threat-intelligence"],
    ["When we leave, can we take a complete copy of our data in a usable format?", "data-portability"],
    ["Do you have an application security policy?", "sdlc"],
    ["Does the web app send a content-security-policy header that blocks inline script?", "content-security-policy"],
  ])("%s → %s", async (text, entry) => {
    const [top] = matchQuestion((await shippedLibrary()).index, text, 3);
    expect(top?.entryId).toBe(entry);
  });
});

describe("OWASP ASVS and PCI DSS wording for web-application protections (shipped library)", () => {
  it.each([
    // PCI DSS 6.4.2's automated solution in front of public-facing web applications: the WAF the
    // network-security entry describes, not rate limiting or DDoS protection alone.
    [
      "Is a web application firewall placed in front of your public-facing web applications to block web-based attacks?",
      "network-security-controls",
    ],
    // ASVS V5.1.5: redirects and forwards only to destinations on an allow list (open redirects).
    ["Do redirects and forwards in the application only go to destinations on an allow list?", "integration-tokens"],
  ])("%s → %s", async (text, entry) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });
});

describe("what the product lets customers' users do is not the internal control of the same name", () => {
  it.each([
    ["Do you support role-based access control (RBAC) for end-users?", "customer-rbac"],
    // A one-line row's "in app" is the product.
    ["RBAC in app?", "customer-rbac"],
    // "The Institution", read as the customer, is still the actor the product lets do things.
    ["Does the application allow the Institution to configure MFA for its users?", "customer-mfa"],
    [
      "Does your company provide customers with the ability to perform their own vulnerability scans?",
      "customer-pentesting",
    ],
    ["Is audit logging enabled for customer admin actions within the application?", "customer-audit-logs"],
    // What the application does to its users, and what the customer may enforce.
    [
      "Can the application sign users out automatically after an idle period the customer configures?",
      "customer-session-management",
    ],
    [
      "Is MFA available, and enforceable by the university, for students signing in to the application?",
      "customer-mfa",
    ],
    // What the buyer's own people may set ("can our administrators configure…") is a product setting.
    [
      "Automatic logoff: can our administrators configure the idle timeout for nurse sessions?",
      "customer-session-management",
    ],
    // The internal control when the question is about staff or about what is logged, and CIS's
    // "end-user devices" are staff laptops.
    [
      "Does the application log authentication events, permission changes and administrative actions?",
      "security-logging",
    ],
    ["Do you enforce RBAC internally?", "access-control-policy"],
    ["Do end-user devices lock after a period of inactivity?", "session-timeout-staff"],
  ])("%s → %s", async (text, entry) => {
    const [top] = matchQuestion((await shippedLibrary()).index, text, 3);
    expect(top?.entryId).toBe(entry);
  });
});

describe("one side of a contrast is not answered by a phrasing about the other", () => {
  it("physical access to facilities is not logical access to information assets", async () => {
    const [top] = matchQuestion(
      (await shippedLibrary()).index,
      "Does the entity restrict physical access to facilities and protected information assets to authorized personnel?",
      3,
    );
    expect(top?.entryId).not.toBe("access-control-policy");
    expect(top?.entryId).toMatch(/physical/);
  });

  it("where the staff are is not where the sub-processors are", async () => {
    const { index } = await shippedLibrary();
    const [staff] = matchQuestion(
      index,
      "Will any personnel with access to our data be located outside the United States? If yes, name the countries.",
      3,
    );
    expect(staff?.entryId).toBe("personnel-location");
    const [subs] = matchQuestion(index, "Do any sub-processors process our data outside the US or EU?", 3);
    expect(subs?.entryId).toBe("subprocessors-outside-us-eu");
  });
});

describe("what is watched, and what is done to a drive, are sides of a contrast too", () => {
  it.each([
    "Are networks and computing environments continuously monitored to detect potentially adverse events?",
    "Is the network monitored around the clock to find potentially adverse events?",
  ])("%s is not the physical environment's monitoring", async (text) => {
    const [top] = matchQuestion((await shippedLibrary()).index, text, 3);
    expect(top?.entryId).not.toBe("physical-security-monitoring");
  });

  it.each(["Is the hard drive encrypted on every laptop?", "Are laptop hard drives encrypted?"])(
    "%s is not how drives are wiped or destroyed",
    async (text) => {
      const [top] = matchQuestion((await shippedLibrary()).index, text, 3);
      expect(top?.entryId).toBe("endpoint-encryption");
    },
  );

  it("a question about wiping drives still finds disposal", async () => {
    const [top] = matchQuestion((await shippedLibrary()).index, "How are laptop hard drives wiped before disposal?", 3);
    expect(top?.entryId).toBe("equipment-disposal");
  });
});

describe("a vulnerability in the software is not an incident", () => {
  it.each([
    "Do you analyse the root cause of vulnerabilities found in your code?",
    "Is root cause analysis done for security vulnerabilities in your software?",
  ])("%s is not drafted from the post-incident review", async (text) => {
    const r = await answer(text);
    expect(r.status === "drafted" && r.entryId === "post-incident-review").toBe(false);
  });

  it("root cause analysis after incidents still finds the post-incident review", async () => {
    const r = await answer("Do you perform root cause analysis after security incidents?");
    expect(r.status).toBe("drafted");
    expect(r.entryId).toBe("post-incident-review");
  });
});

describe("a Content Security Policy is a browser header, not a security policy", () => {
  it.each(["Is there a written application security policy?", "Are security policies applied to the web application?"])(
    "%s does not match the CSP entry",
    async (text) => {
      const [top] = matchQuestion((await shippedLibrary()).index, text, 3);
      expect(top?.entryId).not.toBe("content-security-policy");
    },
  );
});

describe("web-application lapses read as the weaker practice", () => {
  it.each([
    ["Does the API reflect any origin it receives in Access-Control-Allow-Origin?", true],
    ["Is a wildcard origin combined with credentials?", true],
    ["Can clients send their API key in the query string?", true],
    ["Are session ids passed in URLs?", true],
    ["Does the CORS policy allow only listed origins, never reflecting arbitrary origins?", false],
    ["Are API tokens never accepted in URLs?", false],
    ["Are tokens sent only in the Authorization header?", false],
    ["Is every URL served over HTTPS?", false],
  ])("%s → weak %s", (text, weak) => {
    expect(weakPracticeSense(text)).toBe(weak);
  });
});

describe("OWASP ASVS wording: database queries built safely are the input-validation entry", () => {
  it.each([
    "Are queries against the data store built with parameterized statements or an ORM rather than by concatenating strings?",
    "Does every database call go through prepared statements or an entity framework?",
  ])("%s", async (text) => {
    const [top] = matchQuestion((await shippedLibrary()).index, text, 3);
    expect(top?.entryId).toBe("input-validation");
  });
});

describe("a university's students and SIG's scoped data read as the customer's data", () => {
  it("students' records in logs and their use for other purposes are drafted from the entries", async () => {
    const masked = await answer("Are student records masked in exports and logs where the full value is not required?");
    expect(masked.entryId).toBe("sensitive-data-in-logs");
    expect(masked.status).toBe("drafted");
    const otherUse = await answer(
      "Will student data be used for any purpose other than providing the contracted service?",
    );
    expect(otherUse.entryId).toBe("sell-data");
    expect(otherUse.status).toBe("drafted");
    expect(otherUse.answer?.value).toBe("No");
  });
});

describe("one-line rows' shorthand for data centres, availability zones and executive summaries", () => {
  it.each([
    ["Physical security at the hosting DCs?", "datacenter-physical-security"],
    ["Pen test exec summary - can you share it?", "pentest-report-sharing"],
  ])("%s → %s, drafted", async (text, entry) => {
    const r = await answer(text, "free_text");
    expect(r.entryId).toBe(entry);
    expect(r.status).toBe("drafted");
  });
});
