import { describe, expect, it } from "vitest";
import { type CitationRequest, decideCitations } from "../../src/domain/citation/policy.js";
import {
  artifactStanding,
  inForce,
  reviewCycle,
  soc2Currency,
  successorOf,
} from "../../src/domain/freshness/standing.js";
import type { Artifact, Control, OtherArtifact } from "../../src/domain/library/types.js";
import { isoCertificate, policy, soc2Report } from "../library/fixture.js";

/** The date boundaries of evidence: the day before and the day after each edge. */

const report = soc2Report(); // period 2025-10-01..2026-09-30, current until 2027-09-30
const bridge = (over: Partial<OtherArtifact> = {}): Artifact => ({
  id: "bridge-1",
  type: "bridge-letter",
  title: "Bridge letter",
  access: "nda",
  controls: [],
  bridges: report.id,
  issued: "2027-09-15",
  expires: "2027-12-31",
  ...over,
});
const renewal = soc2Report({
  id: "soc2-type2-2027",
  title: "SOC 2 Type II report 2026-27",
  periodStart: "2026-10-01",
  periodEnd: "2027-09-30",
  issued: "2027-11-15",
});
const state = (a: Artifact, all: Artifact[], asOf: string) => artifactStanding(a, all, asOf).state;

describe("SOC 2 currency (one rule for the policy, the check and the answer path)", () => {
  it("is current through 12 months after the period ends, and not a day longer without a bridge letter", () => {
    expect(state(report, [report], "2027-09-30")).toBe("current");
    expect(state(report, [report], "2027-10-01")).toBe("expired");
    expect(artifactStanding(report, [report], "2027-10-01").reason).toMatch(
      /period 2025-10-01\.\.2026-09-30 ended more than 12 months ago .* no bridge letter covers the date/,
    );
  });

  it("honours currentUntil instead of the 12-month default", () => {
    const short = soc2Report({ currentUntil: "2027-06-30" });
    expect(state(short, [short], "2027-06-30")).toBe("current");
    expect(state(short, [short], "2027-07-01")).toBe("expired");
  });

  it("is extended by a bridge letter only up to the letter's own expiry", () => {
    const all = [report, bridge()];
    expect(soc2Currency(report, all, "2027-10-01")).toMatchObject({ until: "2027-12-31" });
    expect(state(report, all, "2027-12-31")).toBe("current");
    expect(artifactStanding(report, all, "2027-12-31").reason).toMatch(
      /current through 2027-12-31 with "Bridge letter"/,
    );
    expect(state(report, all, "2028-01-01")).toBe("expired");
    expect(artifactStanding(report, all, "2028-01-01").reason).toMatch(/its bridge letter expired on 2027-12-31/);
  });

  it("does not count a bridge letter before the day it is issued", () => {
    const late = [report, bridge({ issued: "2027-10-05" })];
    expect(state(report, late, "2027-10-04")).toBe("expired");
    expect(state(report, late, "2027-10-05")).toBe("current");
  });

  it("is not yet issued before its period ends or before its report date", () => {
    expect(state(renewal, [report, renewal], "2027-09-29")).toBe("not_yet_issued");
    expect(state(renewal, [report, renewal], "2027-11-14")).toBe("not_yet_issued");
    expect(artifactStanding(renewal, [report, renewal], "2027-11-14").reason).toMatch(/not issued until 2027-11-15/);
    expect(state(renewal, [report, renewal], "2027-11-15")).toBe("current");
  });

  it("is replaced by a newer report from the newer report's issue date", () => {
    const all = [report, renewal, bridge({ issued: "2027-09-15", expires: "2028-03-31" })];
    expect(state(report, all, "2027-11-14")).toBe("current"); // bridged, the renewal not out yet
    expect(successorOf(report, all, "2027-11-14")).toBeNull();
    expect(state(report, all, "2027-11-15")).toBe("superseded");
    expect(artifactStanding(report, all, "2027-11-15").successor?.id).toBe("soc2-type2-2027");
    expect(inForce(report, all, "2027-11-15").id).toBe("soc2-type2-2027");
    // The old report's bridge letter has nothing left to bridge.
    expect(state(all[2] as Artifact, all, "2027-11-15")).toBe("superseded");
  });

  it("is never replaced by a Type I, nor by a report with an adverse opinion", () => {
    const typeOne = soc2Report({ id: "t1", type: "soc2-type1", periodStart: "2027-03-31", periodEnd: "2027-03-31" });
    const adverse = soc2Report({ id: "bad", periodEnd: "2027-09-30", issued: "2027-10-15", opinion: "adverse" });
    expect(successorOf(report, [report, typeOne, adverse], "2027-10-20")).toBeNull();
  });
});

describe("ISO 27001 certificate", () => {
  const cert = isoCertificate({ surveillanceAudits: [] }); // 2025-03-14 .. 2028-03-13
  it("is valid through its expiry date, not after", () => {
    expect(state(cert, [cert], "2028-03-13")).toBe("current");
    expect(state(cert, [cert], "2028-03-14")).toBe("expired");
  });

  it("is not valid before it is issued", () => {
    expect(state(cert, [cert], "2025-03-13")).toBe("not_yet_issued");
  });

  it("is replaced by the recertification from its issue date", () => {
    const next = isoCertificate({
      id: "iso-2028",
      issued: "2028-02-20",
      expires: "2031-02-19",
      surveillanceAudits: [],
    });
    expect(state(cert, [cert, next], "2028-02-19")).toBe("current");
    expect(state(cert, [cert, next], "2028-02-20")).toBe("superseded");
  });
});

describe("a policy's review cycle", () => {
  const access = policy({ id: "policy-access", issued: "2026-03-02" });
  it("is due 12 months after its last review and lapses after the grace (default 30 days)", () => {
    expect(reviewCycle(access)).toEqual({ dueOn: "2027-03-02", lapsesAfter: "2027-04-01", basis: "2026-03-02" });
    expect(state(access, [access], "2027-04-01")).toBe("current");
    expect(state(access, [access], "2027-04-02")).toBe("review_lapsed");
    expect(artifactStanding(access, [access], "2027-04-02").reason).toMatch(/review was due on 2027-03-02/);
  });

  it("follows the library's cycle and grace, and a recorded review", () => {
    const tight = policy({ issued: "2026-03-02", reviewEveryMonths: 6, reviewGraceDays: 0 });
    expect(state(tight, [tight], "2026-09-02")).toBe("current");
    expect(state(tight, [tight], "2026-09-03")).toBe("review_lapsed");
    const reviewed = policy({ issued: "2026-03-02", lastReviewed: "2027-02-15" });
    expect(state(reviewed, [reviewed], "2027-06-01")).toBe("current");
  });

  it("is replaced by the policy that names it in `supersedes`, from the new one's issue date", () => {
    const v5 = policy({ id: "policy-access-v5", issued: "2027-02-01", supersedes: "policy-access" });
    expect(state(access, [access, v5], "2027-01-31")).toBe("current");
    expect(state(access, [access, v5], "2027-02-01")).toBe("superseded");
  });
});

describe("the citation policy with supersession, product features and the two-citation limit", () => {
  const mfa: Control = {
    id: "CTL-IAM-02",
    title: "MFA",
    description: "MFA for all workforce access.",
    status: "implemented",
    refs: [
      { framework: "ISO27001:2022", ref: "A.8.5" },
      { framework: "SOC2", ref: "CC6.1" },
    ],
  };
  const sso: Control = { ...mfa, id: "CTL-IAM-08", title: "Customer SSO", productFeature: true };
  const mfaPolicy = policy({ id: "policy-mfa", controls: ["CTL-IAM-02"], issued: "2027-01-10" });
  const req = (over: Partial<CitationRequest>): CitationRequest => ({
    controls: [mfa],
    directArtifactIds: [],
    artifacts: [report, renewal, isoCertificate({ surveillanceAudits: [] }), mfaPolicy],
    customer: { region: "us", ndaOnFile: true, asOf: "2027-11-20" },
    euRegulation: false,
    ...over,
  });
  const ids = (list: { artifactId: string }[]) => list.map((c) => c.artifactId);

  it("cites the renewed report, says nothing of the replaced one, and keeps at most two", () => {
    const d = decideCitations(req({}));
    expect(ids(d.citations)).toEqual(["soc2-type2-2027", "iso27001-cert-2025"]);
    expect(ids(d.onRequest)).toEqual(["policy-mfa"]);
    expect(ids(d.withheld)).toEqual([]);
  });

  it("follows an entry's direct link to the report that replaced it, and says why the old one is not cited", () => {
    const d = decideCitations(req({ directArtifactIds: [report.id] }));
    expect(ids(d.citations)[0]).toBe("soc2-type2-2027");
    expect(d.withheld.find((w) => w.artifactId === report.id)?.reason).toMatch(
      /superseded by "SOC 2 Type II report 2026-27" from 2027-11-15/,
    );
  });

  it("never offers an attestation for a product feature, and says why", () => {
    const d = decideCitations(req({ controls: [sso] }));
    expect(ids(d.citations)).toEqual([]);
    expect(d.withheld.find((w) => w.artifactId === "iso27001-cert-2025")?.reason).toMatch(/product feature/);
    const entry = decideCitations(req({ productFeature: true }));
    expect(ids(entry.citations)).toEqual(["policy-mfa"]);
  });

  it("withholds a policy whose review lapsed", () => {
    const d = decideCitations(req({ customer: { region: "us", ndaOnFile: true, asOf: "2028-02-10" } }));
    expect(d.withheld.find((w) => w.artifactId === "policy-mfa")?.reason).toMatch(/review was due on 2028-01-10/);
  });
});
