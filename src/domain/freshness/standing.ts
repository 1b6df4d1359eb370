import { addDays, addMonths, type IsoDate } from "../dates.js";
import type { Artifact, Iso27001Certificate, OtherArtifact, Soc2Report } from "../library/types.js";

/**
 * Whether a piece of evidence can be offered as current on a given day, and if not, why. The one
 * place these rules live: the citation policy, the library check, the answer path and the freshness
 * sweep all ask here, so they never disagree about a report's currency.
 */

/** A SOC 2 report is treated as current for about 12 months after its period ends (DOMAIN.md). */
export const SOC2_CURRENCY_MONTHS = 12;
/** 2013-edition certificates had to transition by this date; after it they are no longer valid. */
export const ISO_2013_SUNSET = "2025-10-31";
/** Policies are reviewed yearly unless the library says otherwise. */
export const DEFAULT_REVIEW_MONTHS = 12;
/** Days past a review date before a document counts as lapsed, unless the library says otherwise. */
export const DEFAULT_REVIEW_GRACE_DAYS = 30;

export type StandingState = "current" | "not_yet_issued" | "invalid" | "superseded" | "expired" | "review_lapsed";

export interface Standing {
  readonly state: StandingState;
  /** Why, in words a reviewer can act on; for a current artifact, what makes it current. */
  readonly reason: string;
  /** The last day it is offered as current, if it expires (SOC 2: including a bridge letter's extension); review cycles aside. */
  readonly until: IsoDate | null;
  /** What replaced it, when superseded. */
  readonly successor?: Artifact;
  /** The bridge letter that carries a SOC 2 report past its own currency on the day. */
  readonly bridgedBy?: Artifact;
}

/** A SOC 2 report, Type I or Type II (undefined: no artifact by that id). */
export const isSoc2 = (a: Artifact | undefined): a is Soc2Report =>
  a?.type === "soc2-type2" || a?.type === "soc2-type1";

/** The day an artifact exists from (a SOC 2 report without a report date: its period end), or null if undated. */
export function issuedOn(artifact: Artifact): IsoDate | null {
  if (isSoc2(artifact)) return artifact.issued ?? artifact.periodEnd;
  return artifact.issued ?? null;
}

export function soc2Period(report: Soc2Report): string {
  return report.type === "soc2-type2" ? `${report.periodStart}..${report.periodEnd}` : `as of ${report.periodEnd}`;
}

/**
 * The SOC 2 currency rule: a report is current from its report date until `currentUntil` (default:
 * 12 months after the period ends). A bridge letter for it, once issued, extends that only up to the
 * letter's own expiry; a letter dated after the day does not count yet.
 */
export function soc2Currency(
  report: Soc2Report,
  artifacts: readonly Artifact[],
  asOf: IsoDate,
): { base: IsoDate; until: IsoDate; bridgedBy: Artifact | null } {
  const base = report.currentUntil ?? addMonths(report.periodEnd, SOC2_CURRENCY_MONTHS);
  let until = base;
  let bridgedBy: Artifact | null = null;
  for (const letter of artifacts) {
    if (letter.type !== "bridge-letter" || letter.bridges !== report.id || !letter.expires) continue;
    if (letter.issued && letter.issued > asOf) continue;
    if (letter.expires > until) {
      until = letter.expires;
      bridgedBy = letter;
    }
  }
  return { base, until, bridgedBy };
}

/** The review cycle of a document (policies, sub-processor lists, or any artifact that names one). */
export function reviewCycle(artifact: Artifact): { dueOn: IsoDate; lapsesAfter: IsoDate; basis: IsoDate } | null {
  if (isSoc2(artifact) || artifact.type === "iso27001-certificate" || artifact.type === "bridge-letter") return null;
  const other = artifact as OtherArtifact;
  const months =
    other.reviewEveryMonths ??
    (other.type === "policy" || other.type === "subprocessor-list" ? DEFAULT_REVIEW_MONTHS : undefined);
  const basis = other.lastReviewed ?? other.issued;
  if (months === undefined || !basis) return null;
  const dueOn = addMonths(basis, months);
  return { dueOn, lapsesAfter: addDays(dueOn, other.reviewGraceDays ?? DEFAULT_REVIEW_GRACE_DAYS), basis };
}

const SOC2_STRENGTH: Record<Soc2Report["type"], number> = { "soc2-type1": 1, "soc2-type2": 2 };

/** Whether `newer` replaces `older` as evidence of the same kind (a renewed report, certificate, letter). */
function replaces(newer: Artifact, older: Artifact): boolean {
  if (newer.id === older.id) return false;
  if (newer.supersedes === older.id) return true;
  if (isSoc2(newer) && isSoc2(older)) {
    const usable = newer.opinion !== "adverse" && newer.opinion !== "disclaimer";
    return usable && newer.periodEnd > older.periodEnd && SOC2_STRENGTH[newer.type] >= SOC2_STRENGTH[older.type];
  }
  if (newer.type === "iso27001-certificate" && older.type === "iso27001-certificate")
    return newer.issued > older.issued;
  if (newer.type === "pentest-letter" && older.type === "pentest-letter") {
    return !!newer.issued && !!older.issued && newer.issued > older.issued;
  }
  if (newer.type === "bridge-letter" && older.type === "bridge-letter") {
    return newer.bridges === older.bridges && !!newer.issued && !!older.issued && newer.issued > older.issued;
  }
  return false;
}

/** The newest artifact that replaced this one by the day (a renewal counts from its own issue date). */
export function successorOf(artifact: Artifact, artifacts: readonly Artifact[], asOf: IsoDate): Artifact | null {
  let best: Artifact | null = null;
  for (const candidate of artifacts) {
    const issued = issuedOn(candidate);
    if (issued === null || issued > asOf || !replaces(candidate, artifact)) continue;
    if (!best || (issuedOn(best) ?? "") < issued) best = candidate;
  }
  return best;
}

/** The artifact in force for this one on the day: itself, or the end of its chain of successors. */
export function inForce(artifact: Artifact, artifacts: readonly Artifact[], asOf: IsoDate): Artifact {
  let current = artifact;
  const seen = new Set([artifact.id]);
  for (let next = successorOf(current, artifacts, asOf); next && !seen.has(next.id); ) {
    seen.add(next.id);
    current = next;
    next = successorOf(current, artifacts, asOf);
  }
  return current;
}

const superseded = (successor: Artifact, until: IsoDate | null): Standing => ({
  state: "superseded",
  reason: `superseded by "${successor.title}" from ${issuedOn(successor)}`,
  until,
  successor,
});

function soc2Standing(report: Soc2Report, artifacts: readonly Artifact[], asOf: IsoDate): Standing {
  const issued = issuedOn(report) as IsoDate;
  const { base, until, bridgedBy } = soc2Currency(report, artifacts, asOf);
  if (asOf < report.periodEnd) {
    return { state: "not_yet_issued", reason: `its period ends ${report.periodEnd}, after the as-of date`, until };
  }
  if (asOf < issued) return { state: "not_yet_issued", reason: `not issued until ${issued}`, until };
  if (report.opinion === "adverse" || report.opinion === "disclaimer") {
    return { state: "invalid", reason: `the auditor's opinion is ${report.opinion}`, until };
  }
  const successor = successorOf(report, artifacts, asOf);
  if (successor) return superseded(successor, until);
  if (asOf > until) {
    const bridged = bridgedBy ? `its bridge letter expired on ${until}` : "no bridge letter covers the date";
    return {
      state: "expired",
      reason: `no longer current: the period ${soc2Period(report)} ended more than ${SOC2_CURRENCY_MONTHS} months ago (current until ${base}) and ${bridged}`,
      until,
    };
  }
  const period =
    report.type === "soc2-type2" ? `${report.periodStart} to ${report.periodEnd}` : `as of ${report.periodEnd}`;
  const opinion = report.opinion === "qualified" ? ", qualified opinion" : "";
  const bridge = asOf > base && bridgedBy ? `, current through ${until} with "${bridgedBy.title}"` : "";
  return {
    state: "current",
    reason: `${report.auditor}, ${period}${opinion}${bridge}`,
    until,
    ...(asOf > base && bridgedBy ? { bridgedBy } : {}),
  };
}

function isoStanding(cert: Iso27001Certificate, artifacts: readonly Artifact[], asOf: IsoDate): Standing {
  const until = cert.expires;
  if (asOf < cert.issued) return { state: "not_yet_issued", reason: `not issued until ${cert.issued}`, until };
  const successor = successorOf(cert, artifacts, asOf);
  if (successor) return superseded(successor, until);
  if (asOf > cert.expires) return { state: "expired", reason: `expired on ${cert.expires}`, until };
  if (cert.edition === "2013" && asOf > ISO_2013_SUNSET) {
    return {
      state: "invalid",
      reason: `a 2013-edition certificate is no longer valid after ${ISO_2013_SUNSET}`,
      until: ISO_2013_SUNSET,
    };
  }
  const overdue = cert.surveillanceAudits.find((a) => !a.completed && a.due < asOf);
  if (overdue) {
    return { state: "invalid", reason: `surveillance audit due ${overdue.due} has not been completed`, until };
  }
  return {
    state: "current",
    reason: `${cert.body}, no. ${cert.certificateNumber}, valid ${cert.issued} to ${cert.expires}`,
    until,
  };
}

function otherStanding(artifact: OtherArtifact, artifacts: readonly Artifact[], asOf: IsoDate): Standing {
  const until = artifact.expires ?? null;
  if (artifact.issued && asOf < artifact.issued) {
    return { state: "not_yet_issued", reason: `not issued until ${artifact.issued}`, until };
  }
  const successor = successorOf(artifact, artifacts, asOf);
  if (successor) return superseded(successor, until);
  if (artifact.type === "bridge-letter") {
    // A letter for a report that has since been replaced has nothing left to bridge.
    const report = artifacts.find((a) => a.id === artifact.bridges);
    const next = report ? successorOf(report, artifacts, asOf) : null;
    if (next) return superseded(next, until);
  }
  if (artifact.expires && asOf > artifact.expires) {
    return { state: "expired", reason: `expired on ${artifact.expires}`, until };
  }
  const cycle = reviewCycle(artifact);
  if (cycle && asOf > cycle.lapsesAfter) {
    return {
      state: "review_lapsed",
      reason: `its review was due on ${cycle.dueOn} (last reviewed ${cycle.basis}) and is more than ${daysLabel(cycle)} overdue`,
      until,
    };
  }
  return {
    state: "current",
    reason: artifact.expires ? `valid until ${artifact.expires}` : cycle ? `reviewed ${cycle.basis}` : "current",
    until,
  };
}

function daysLabel(cycle: { dueOn: IsoDate; lapsesAfter: IsoDate }): string {
  const days = Math.round((Date.parse(cycle.lapsesAfter) - Date.parse(cycle.dueOn)) / 86_400_000);
  return `${days} day${days === 1 ? "" : "s"}`;
}

/**
 * The SOC 2 report in force on the day: of the reports current by the rules above (issued, not
 * superseded, within their currency or a bridge letter's), a Type II before a Type I, the latest
 * period first. Null when none is current; what a buyer is told about the report's scope is read here.
 */
export function soc2ReportInForce(artifacts: readonly Artifact[], asOf: IsoDate): Soc2Report | null {
  const current = artifacts.filter(
    (a): a is Soc2Report => isSoc2(a) && artifactStanding(a, artifacts, asOf).state === "current",
  );
  current.sort((a, b) => SOC2_STRENGTH[b.type] - SOC2_STRENGTH[a.type] || b.periodEnd.localeCompare(a.periodEnd));
  return current[0] ?? null;
}

/**
 * Standings already decided, per artifact list (a library's), artifact and day. Answering asks for
 * the same few artifacts on the same day for every question (citations, freshness, placeholders),
 * and each answer costs date arithmetic and a scan for successors; the answer is the same every
 * time, so it is decided once. Keyed by the list's identity and length, so a list that is grown in
 * place is decided afresh; entries are dropped with the list.
 */
const standings = new WeakMap<
  readonly Artifact[],
  { length: number; byArtifact: WeakMap<Artifact, Map<IsoDate, Standing>> }
>();

/** How an artifact stands on the day: current, or not yet issued / invalid / superseded / expired / lapsed, with the reason. */
export function artifactStanding(artifact: Artifact, artifacts: readonly Artifact[], asOf: IsoDate): Standing {
  let memo = standings.get(artifacts);
  if (!memo || memo.length !== artifacts.length) {
    memo = { length: artifacts.length, byArtifact: new WeakMap() };
    standings.set(artifacts, memo);
  }
  let byDay = memo.byArtifact.get(artifact);
  if (!byDay) {
    byDay = new Map();
    memo.byArtifact.set(artifact, byDay);
  }
  let standing = byDay.get(asOf);
  if (!standing) {
    standing = decideStanding(artifact, artifacts, asOf);
    byDay.set(asOf, standing);
  }
  return standing;
}

function decideStanding(artifact: Artifact, artifacts: readonly Artifact[], asOf: IsoDate): Standing {
  if (isSoc2(artifact)) return soc2Standing(artifact, artifacts, asOf);
  if (artifact.type === "iso27001-certificate") return isoStanding(artifact, artifacts, asOf);
  return otherStanding(artifact, artifacts, asOf);
}

/**
 * The last day an artifact can be offered as current as things stand on the day (SOC 2: its currency,
 * extended by a bridge letter issued by then), or null when it does not expire. Review cycles are
 * separate (reviewCycle).
 */
export function artifactValidUntil(artifact: Artifact, artifacts: readonly Artifact[], asOf: IsoDate): IsoDate | null {
  return artifactStanding(artifact, artifacts, asOf).until;
}
