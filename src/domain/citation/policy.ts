import type { CustomerContext } from "../answering/customer.js";
import { ndaInForce } from "../answering/customer.js";
import { artifactStanding, inForce } from "../freshness/standing.js";
import type { Artifact, Control } from "../library/types.js";
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
  /** The answer describes a product feature (its entry says so): no attestation proves it. */
  readonly productFeature?: boolean;
  /** At most this many citations (default MAX_CITATIONS); the rest are listed as available on request. */
  readonly maxCitations?: number;
}

export interface CitationDecision {
  /** What the answer cites: the strongest evidence, at most `maxCitations`. */
  readonly citations: Citation[];
  /** Allowed for this customer but not needed to prove the answer: offered on request. */
  readonly onRequest: Citation[];
  readonly withheld: Withheld[];
}

/** A comment cell that ends in four evidence titles is noise: two strong ones prove an answer. */
export const MAX_CITATIONS = 2;

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

/**
 * The controls an attestation can speak to: an ISO certificate certifies the ISMS and a SOC 2 report
 * the vendor's controls, neither a feature the product offers its customers.
 */
function attestable(req: CitationRequest): readonly Control[] {
  return req.productFeature ? [] : req.controls.filter((c) => !c.productFeature);
}

const PRODUCT_FEATURE = "the answer describes a product feature, which";

/** Whether the artifact speaks to these controls at all. null = not relevant: neither cited nor listed as withheld. */
function relevance(artifact: Artifact, req: CitationRequest, direct: boolean): Verdict {
  const controls = attestable(req);
  switch (artifact.type) {
    case "soc2-type2":
    case "soc2-type1": {
      const criteria = refsOf(controls, "SOC2");
      const inScope = criteria.filter((c) => {
        const category = soc2CategoryOf(c);
        return category !== null && artifact.categories.includes(category);
      });
      if (inScope.length > 0) return { ok: true, why: `covers ${inScope.slice(0, 4).join(", ")}` };
      if (direct) return { ok: true, why: "asked about directly" };
      if (criteria.length === 0) {
        if (refsOf(req.controls, "SOC2").length === 0) return null;
        return { ok: false, why: `${PRODUCT_FEATURE} a SOC 2 report on the vendor's controls does not attest` };
      }
      const missing = [...new Set(criteria.map(soc2CategoryOf).filter((c) => c !== null))];
      return {
        ok: false,
        why: `${missing.map((c) => SOC2_CATEGORY_LABEL[c]).join(", ")} (${criteria.join(", ")}) not in the report's scope`,
      };
    }
    case "iso27001-certificate": {
      const annexA = refsOf(controls, "ISO27001:2022");
      const excluded = new Set(artifact.soaExclusions.map((e) => e.ref));
      const applicable = annexA.filter((r) => !excluded.has(r));
      if (applicable.length > 0) return { ok: true, why: `covers ${applicable.slice(0, 4).join(", ")} in the SoA` };
      if (direct) return { ok: true, why: "asked about directly" };
      if (annexA.length === 0) {
        if (refsOf(req.controls, "ISO27001:2022").length === 0) return null;
        return { ok: false, why: `${PRODUCT_FEATURE} an ISO 27001 certificate of the ISMS does not cover` };
      }
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

/** Valid on the day (issued, not expired, superseded or lapsed): the one rule in freshness/standing.ts. */
function validity(artifact: Artifact, req: CitationRequest): Verdict {
  const standing = artifactStanding(artifact, req.artifacts, req.customer.asOf);
  return { ok: standing.state === "current", why: standing.reason };
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
 * The artifacts an entry names directly, and what replaced them by the day: a renewed report or
 * certificate is cited in place of the one the entry was written against.
 */
function directIds(req: CitationRequest): Set<string> {
  const ids = new Set<string>();
  for (const id of req.directArtifactIds) {
    ids.add(id);
    const artifact = req.artifacts.find((a) => a.id === id);
    if (artifact) ids.add(inForce(artifact, req.artifacts, req.customer.asOf).id);
  }
  return ids;
}

/**
 * Decides which artifacts may be cited for one answer, and why every other relevant one is withheld.
 * Rules (ARCHITECTURE.md): valid on the as-of date (issued, not expired, not superseded, review not
 * lapsed); access allowed for this customer; covers the answer's controls (SOC 2 category in scope,
 * ISO control in the SoA, never a product feature); a Type I is never offered as proof of operating
 * effectiveness. What the entry names directly comes first, then what the customer's region
 * expects; only the strongest `maxCitations` are cited, the rest are offered on request.
 */
export function decideCitations(req: CitationRequest): CitationDecision {
  const accepted: { artifact: Artifact; reason: string; direct: boolean }[] = [];
  const withheld: Withheld[] = [];
  const withhold = (a: Artifact, why: string) =>
    withheld.push({ artifactId: a.id, reason: `${LABEL[a.type]} "${a.title}" withheld: ${why}` });
  const direct = directIds(req);

  for (const artifact of req.artifacts) {
    if (artifact.type === "bridge-letter") continue; // decided after the report it bridges
    const isDirect = direct.has(artifact.id);
    const relevant = relevance(artifact, req, isDirect);
    if (relevant === null) continue;
    const valid = validity(artifact, req);
    // A replaced report is history, not a finding: say so only where the entry named it.
    if (valid && !valid.ok && !isDirect && artifactStanding(artifact, req.artifacts, req.customer.asOf).successor) {
      continue;
    }
    if (!relevant.ok) {
      withhold(artifact, relevant.why);
      continue;
    }
    if (artifact.type === "soc2-type1" && !isDirect) {
      withhold(artifact, "a Type I report shows design at a point in time, not operating effectiveness");
      continue;
    }
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
    accepted.push({ artifact, reason: `${LABEL[artifact.type]}: ${parts.join("; ")}`, direct: isDirect });
  }

  // A bridge letter covers the gap between a cited report's period end and today.
  for (const letter of req.artifacts) {
    if (letter.type !== "bridge-letter") continue;
    const report = accepted.find((a) => a.artifact.id === letter.bridges)?.artifact;
    const isDirect = direct.has(letter.id);
    if (!report && !isDirect) continue;
    // No gap to bridge yet while the report's own period is still running.
    if (report && "periodEnd" in report && req.customer.asOf <= report.periodEnd) continue;
    const valid = validity(letter, req);
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
    accepted.push({
      artifact: letter,
      reason: `${LABEL[letter.type]}: ${gap}; ${valid?.why}; ${allowed?.why}`,
      direct: isDirect || (!!report && direct.has(report.id)),
    });
  }

  const order = (a: (typeof accepted)[number]) => (a.direct ? 0 : 10) + rank(a.artifact, req);
  accepted.sort((a, b) => order(a) - order(b));
  const toCitation = ({ artifact, reason }: (typeof accepted)[number]): Citation => ({
    artifactId: artifact.id,
    type: artifact.type,
    title: artifact.title,
    reason,
  });
  const limit = req.maxCitations ?? MAX_CITATIONS;
  return {
    citations: accepted.slice(0, limit).map(toCitation),
    onRequest: accepted.slice(limit).map(toCitation),
    withheld,
  };
}
