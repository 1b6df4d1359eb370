import type { CustomerContext } from "../answering/customer.js";
import { ndaInForce } from "../answering/customer.js";
import { addMonths } from "../dates.js";
import type { Artifact, Control, Iso27001Certificate, Soc2Report } from "../library/types.js";
import { refsOf, SOC2_CATEGORY_LABEL, soc2CategoryOf } from "./framework-refs.js";

export interface Citation {
  readonly artifactId: string;
  readonly type: Artifact["type"];
  readonly title: string;
  readonly reason: string;
}

export interface Withheld {
  readonly artifactId: string;
  readonly reason: string;
}

export interface CitationRequest {
  /** The controls the chosen answer stands on. */
  readonly controls: readonly Control[];
  /** Artifacts the entry cites directly (e.g. the certificate for "Are you ISO 27001 certified?"). */
  readonly directArtifactIds: readonly string[];
  readonly artifacts: readonly Artifact[];
  readonly customer: CustomerContext;
  /** True when the question is about GDPR Art. 32 or NIS2: ISO 27001 is then preferred everywhere. */
  readonly euRegulation: boolean;
}

export interface CitationDecision {
  readonly citations: Citation[];
  readonly withheld: Withheld[];
}

/** 2013-edition certificates had to transition by this date; after it they are no longer valid. */
const ISO_2013_SUNSET = "2025-10-31";
/** A SOC 2 report is treated as current for about 12 months after its period ends. */
const SOC2_CURRENCY_MONTHS = 12;

type Verdict = { ok: true; why: string } | { ok: false; why: string } | null;

const LABEL: Record<Artifact["type"], string> = {
  "soc2-type2": "SOC 2 Type II report",
  "soc2-type1": "SOC 2 Type I report",
  "iso27001-certificate": "ISO 27001 certificate",
  "bridge-letter": "SOC 2 bridge letter",
  "pentest-letter": "Penetration test letter",
  policy: "Policy",
  "subprocessor-list": "Sub-processor list",
  other: "Document",
};

/** Whether the artifact speaks to these controls at all. null = not relevant: neither cited nor listed as withheld. */
function relevance(artifact: Artifact, req: CitationRequest): Verdict {
  const direct = req.directArtifactIds.includes(artifact.id);
  switch (artifact.type) {
    case "soc2-type2":
    case "soc2-type1": {
      const criteria = refsOf(req.controls, "SOC2");
      const inScope = criteria.filter((c) => {
        const category = soc2CategoryOf(c);
        return category !== null && artifact.categories.includes(category);
      });
      if (inScope.length > 0) return { ok: true, why: `covers ${inScope.slice(0, 4).join(", ")}` };
      if (direct) return { ok: true, why: "asked about directly" };
      if (criteria.length === 0) return null;
      const missing = [...new Set(criteria.map(soc2CategoryOf).filter((c) => c !== null))];
      return {
        ok: false,
        why: `${missing.map((c) => SOC2_CATEGORY_LABEL[c]).join(", ")} (${criteria.join(", ")}) not in the report's scope`,
      };
    }
    case "iso27001-certificate": {
      const annexA = refsOf(req.controls, "ISO27001:2022");
      const excluded = new Set(artifact.soaExclusions.map((e) => e.ref));
      const applicable = annexA.filter((r) => !excluded.has(r));
      if (applicable.length > 0) return { ok: true, why: `covers ${applicable.slice(0, 4).join(", ")} in the SoA` };
      if (direct) return { ok: true, why: "asked about directly" };
      if (annexA.length === 0) return null;
      return { ok: false, why: `${annexA.join(", ")} excluded in the Statement of Applicability` };
    }
    default: {
      const linked = req.controls.some((c) => artifact.controls.includes(c.id));
      if (direct || linked)
        return { ok: true, why: direct ? "asked about directly" : "evidences the answer's controls" };
      return null;
    }
  }
}

function soc2Validity(report: Soc2Report, asOf: string): Verdict {
  if (report.opinion === "adverse" || report.opinion === "disclaimer") {
    return { ok: false, why: `the auditor's opinion is ${report.opinion}` };
  }
  if (asOf < report.periodEnd) return { ok: false, why: `its period ends ${report.periodEnd}, after the as-of date` };
  const currentUntil = report.currentUntil ?? addMonths(report.periodEnd, SOC2_CURRENCY_MONTHS);
  if (asOf > currentUntil) return { ok: false, why: `no longer current (period ended ${report.periodEnd})` };
  const period =
    report.type === "soc2-type2" ? `${report.periodStart} to ${report.periodEnd}` : `as of ${report.periodEnd}`;
  const opinion = report.opinion === "qualified" ? ", qualified opinion" : "";
  return { ok: true, why: `${report.auditor}, ${period}${opinion}` };
}

function isoValidity(cert: Iso27001Certificate, asOf: string): Verdict {
  if (asOf < cert.issued) return { ok: false, why: `not issued until ${cert.issued}` };
  if (asOf > cert.expires) return { ok: false, why: `expired on ${cert.expires}` };
  if (cert.edition === "2013" && asOf > ISO_2013_SUNSET) {
    return { ok: false, why: `a 2013-edition certificate is no longer valid after ${ISO_2013_SUNSET}` };
  }
  const overdue = cert.surveillanceAudits.find((a) => !a.completed && a.due < asOf);
  if (overdue) return { ok: false, why: `surveillance audit due ${overdue.due} has not been completed` };
  return { ok: true, why: `${cert.body}, no. ${cert.certificateNumber}, valid ${cert.issued} to ${cert.expires}` };
}

function validity(artifact: Artifact, asOf: string): Verdict {
  switch (artifact.type) {
    case "soc2-type2":
    case "soc2-type1":
      return soc2Validity(artifact, asOf);
    case "iso27001-certificate":
      return isoValidity(artifact, asOf);
    default:
      if (artifact.issued && asOf < artifact.issued) return { ok: false, why: `not issued until ${artifact.issued}` };
      if (artifact.expires && asOf > artifact.expires) return { ok: false, why: `expired on ${artifact.expires}` };
      return { ok: true, why: artifact.expires ? `valid until ${artifact.expires}` : "current" };
  }
}

function access(artifact: Artifact, customer: CustomerContext): Verdict {
  if (artifact.access === "public") return { ok: true, why: "public" };
  if (artifact.access === "internal") return { ok: false, why: "internal only, never shared with customers" };
  if (ndaInForce(customer)) return { ok: true, why: "NDA on file" };
  return { ok: false, why: customer.ndaOnFile ? `NDA expired on ${customer.ndaUntil}` : "no NDA on file" };
}

/** Lower sorts first. Region decides between the two attestations; the rest follow in a fixed order. */
function rank(artifact: Artifact, req: CitationRequest): number {
  const isoFirst = req.euRegulation || req.customer.region !== "us";
  switch (artifact.type) {
    case "iso27001-certificate":
      return isoFirst ? 0 : 2;
    case "soc2-type2":
      return isoFirst ? 1 : 0;
    case "bridge-letter":
      return isoFirst ? 1.5 : 1;
    case "soc2-type1":
      return 3;
    case "pentest-letter":
      return 4;
    case "subprocessor-list":
      return 5;
    case "policy":
      return 6;
    default:
      return 7;
  }
}

function preference(artifact: Artifact, req: CitationRequest): string {
  if (artifact.type === "iso27001-certificate") {
    if (req.euRegulation) return "preferred for GDPR Art. 32 / NIS2 questions";
    if (req.customer.region !== "us") return `preferred by ${req.customer.region.toUpperCase()} buyers`;
  }
  if (artifact.type === "soc2-type2" && req.customer.region === "us" && !req.euRegulation) {
    return "US buyers expect a SOC 2 Type II";
  }
  return "";
}

/**
 * Decides which artifacts may be cited for one answer, and why every other relevant one is withheld.
 * Rules (ARCHITECTURE.md): valid on the as-of date; access allowed for this customer; covers the
 * answer's controls (SOC 2 category in scope, ISO control in the SoA); a Type I is never offered as
 * proof of operating effectiveness; order by what the customer's region expects.
 */
export function decideCitations(req: CitationRequest): CitationDecision {
  const accepted: { artifact: Artifact; reason: string }[] = [];
  const withheld: Withheld[] = [];
  const withhold = (a: Artifact, why: string) =>
    withheld.push({ artifactId: a.id, reason: `${LABEL[a.type]} "${a.title}" withheld: ${why}` });

  for (const artifact of req.artifacts) {
    if (artifact.type === "bridge-letter") continue; // decided after the report it bridges
    const relevant = relevance(artifact, req);
    if (relevant === null) continue;
    if (!relevant.ok) {
      withhold(artifact, relevant.why);
      continue;
    }
    const direct = req.directArtifactIds.includes(artifact.id);
    if (artifact.type === "soc2-type1" && !direct) {
      withhold(artifact, "a Type I report shows design at a point in time, not operating effectiveness");
      continue;
    }
    const valid = validity(artifact, req.customer.asOf);
    if (valid && !valid.ok) {
      withhold(artifact, valid.why);
      continue;
    }
    const allowed = access(artifact, req.customer);
    if (allowed && !allowed.ok) {
      withhold(artifact, allowed.why);
      continue;
    }
    const parts = [relevant.why, valid?.why, allowed?.why, preference(artifact, req)].filter(Boolean);
    accepted.push({ artifact, reason: `${LABEL[artifact.type]}: ${parts.join("; ")}` });
  }

  // A bridge letter covers the gap between a cited report's period end and today.
  for (const letter of req.artifacts) {
    if (letter.type !== "bridge-letter") continue;
    const report = accepted.find((a) => a.artifact.id === letter.bridges)?.artifact;
    const direct = req.directArtifactIds.includes(letter.id);
    if (!report && !direct) continue;
    // No gap to bridge yet while the report's own period is still running.
    if (report && "periodEnd" in report && req.customer.asOf <= report.periodEnd) continue;
    const valid = validity(letter, req.customer.asOf);
    if (valid && !valid.ok) {
      withhold(letter, valid.why);
      continue;
    }
    const allowed = access(letter, req.customer);
    if (allowed && !allowed.ok) {
      withhold(letter, allowed.why);
      continue;
    }
    const gap = report ? `bridges ${report.id} to the as-of date` : "asked about directly";
    accepted.push({ artifact: letter, reason: `${LABEL[letter.type]}: ${gap}; ${valid?.why}; ${allowed?.why}` });
  }

  accepted.sort((a, b) => rank(a.artifact, req) - rank(b.artifact, req));
  return {
    citations: accepted.map(({ artifact, reason }) => ({
      artifactId: artifact.id,
      type: artifact.type,
      title: artifact.title,
      reason,
    })),
    withheld,
  };
}
