import type { Region } from "../answering/customer.js";
import { artifactStanding } from "../freshness/standing.js";
import type { Artifact } from "../library/types.js";
import { ARTIFACT_LABEL, type DemandReport } from "./demand.js";

/**
 * Recommendations from the demand figures and the domain's rules, each with its reasoning shown:
 * the figures it rests on, the rules it applies and how sure it can be. Never a bare verdict.
 */

export interface Recommendation {
  readonly id: string;
  readonly title: string;
  /** What to do, in one sentence. */
  readonly verdict: string;
  /** strong: 30 or more questionnaires behind it; moderate: 10 or more; weak: fewer. */
  readonly confidence: "strong" | "moderate" | "weak";
  /** The figures, in the order they lead to the verdict. */
  readonly reasoning: readonly string[];
  /** The domain rules applied. */
  readonly rules: readonly string[];
}

/** What the vendor can show today: which attestations it holds and whether they are current. */
export interface Holdings {
  readonly iso27001: "current" | "lapsed" | "none";
  readonly soc2Type2: "current" | "lapsed" | "none";
  readonly soc2Type1: "current" | "lapsed" | "none";
}

export const RULES = {
  regionIso:
    "EU, UK and APAC buyers expect an ISO/IEC 27001 certificate, which is public and can be shown without an NDA.",
  regionSoc2: "US buyers expect a SOC 2 Type II report.",
  type1:
    "A SOC 2 Type I shows design at a point in time, not operating effectiveness; it does not answer a Type II request.",
  nda: "A SOC 2 report is confidential: it is shared only with buyers who have an NDA on file.",
  euRegulation: "GDPR Art. 32 and NIS2 questions are best evidenced with the ISO 27001 certificate.",
} as const;

function holding(
  artifacts: readonly Artifact[],
  types: readonly Artifact["type"][],
  asOf: string,
): Holdings["iso27001"] {
  const held = artifacts.filter((a) => types.includes(a.type));
  if (held.length === 0) return "none";
  return held.some((a) => artifactStanding(a, artifacts, asOf).state === "current") ? "current" : "lapsed";
}

export function holdingsOf(artifacts: readonly Artifact[], asOf: string): Holdings {
  return {
    iso27001: holding(artifacts, ["iso27001-certificate"], asOf),
    soc2Type2: holding(artifacts, ["soc2-type2"], asOf),
    soc2Type1: holding(artifacts, ["soc2-type1"], asOf),
  };
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : "0%");
const money = (n: number) => Math.round(n).toLocaleString("en-US");
const ISO_REGIONS: readonly Region[] = ["eu", "uk", "apac"];

function confidenceOf(questionnaires: number): Recommendation["confidence"] {
  if (questionnaires >= 30) return "strong";
  if (questionnaires >= 10) return "moderate";
  return "weak";
}

/** SOC 2 first or ISO 27001 first: by where the buyers are, what they ask for and what the vendor holds. */
function certificationPriority(report: DemandReport, holdings: Holdings): Recommendation | null {
  const total = report.volume.questionnaires;
  if (total === 0) return null;
  const isoRegion = ISO_REGIONS.reduce((n, r) => n + report.volume.byRegion[r], 0);
  const us = report.volume.byRegion.us;
  const asked = (f: string) => report.frameworks.find((x) => x.framework === f)?.questionnaires ?? 0;
  const iso = asked("iso27001");
  const soc2 = asked("soc2");
  const euRegulation = asked("gdpr") + asked("nis2");
  const reasoning = [
    `${total} questionnaires from ${report.volume.buyers} buyers: ${isoRegion} (${pct(isoRegion, total)}) from EU/UK/APAC buyers, ${us} (${pct(us, total)}) from US buyers.`,
    `ISO 27001 was asked for in ${iso} questionnaires, SOC 2 in ${soc2}; GDPR or NIS2 in ${euRegulation}.`,
    `The vendor holds: ISO 27001 certificate ${holdings.iso27001}, SOC 2 Type II ${holdings.soc2Type2}, SOC 2 Type I ${holdings.soc2Type1}.`,
  ];
  const rules: string[] = [RULES.regionIso, RULES.regionSoc2];
  if (euRegulation > 0) rules.push(RULES.euRegulation);
  const isoWeight = isoRegion + iso + euRegulation;
  const soc2Weight = us + soc2;
  const missingIso = holdings.iso27001 !== "current";
  const missingType2 = holdings.soc2Type2 !== "current";
  if (holdings.soc2Type1 !== "none" && missingType2 && report.soc2Types.type2 + report.soc2Types.both > 0) {
    reasoning.push(
      `${report.soc2Types.type2 + report.soc2Types.both} questionnaires asked for a SOC 2 Type II; the Type I the vendor holds does not answer them.`,
    );
    rules.push(RULES.type1);
  }
  let verdict: string;
  let title: string;
  if (missingIso && missingType2) {
    const isoFirst = isoWeight >= soc2Weight;
    title = isoFirst ? "ISO 27001 first" : "SOC 2 Type II first";
    verdict = isoFirst
      ? `Pursue ISO 27001 certification first: demand from EU/UK/APAC buyers and ISO/GDPR/NIS2 questions (${isoWeight}) outweighs US buyers and SOC 2 requests (${soc2Weight}).`
      : `Pursue a SOC 2 Type II first: US buyers and SOC 2 requests (${soc2Weight}) outweigh EU/UK/APAC buyers and ISO/GDPR/NIS2 questions (${isoWeight}).`;
  } else if (missingIso) {
    title = "Add ISO 27001";
    verdict =
      isoWeight > 0
        ? `Add an ISO 27001 certification: ${isoWeight} signals (EU/UK/APAC questionnaires, ISO, GDPR and NIS2 requests) cannot be answered with a public certificate today.`
        : "Keep the SOC 2 Type II current; no buyer in the period needed an ISO 27001 certificate.";
  } else if (missingType2) {
    title = "Add a SOC 2 Type II";
    verdict =
      soc2Weight > 0
        ? `Add a SOC 2 Type II examination: ${soc2Weight} signals (US questionnaires and SOC 2 requests) cannot be answered with an operating-effectiveness report today.`
        : "Keep the ISO 27001 certificate current; no buyer in the period needed a SOC 2 report.";
  } else {
    title = "Keep both current";
    verdict = `Keep both current: ${pct(isoWeight, isoWeight + soc2Weight)} of the demand leans to ISO 27001 and ${pct(soc2Weight, isoWeight + soc2Weight)} to SOC 2.`;
  }
  return { id: "certification-priority", title, verdict, confidence: confidenceOf(total), reasoning, rules };
}

/** Pipeline value from buyers whose framework could not be evidenced, largest first. */
function pipelineAtRisk(report: DemandReport): Recommendation | null {
  const { total, withDeal, byFramework } = report.pipeline;
  const atRisk = byFramework.filter((p) => p.unevidenced > 0).sort((a, b) => b.unevidenced - a.unevidenced);
  const top = atRisk[0];
  if (!top || total <= 0) return null;
  const reasoning = atRisk
    .slice(0, 4)
    .map(
      (p) =>
        `${p.label}: ${money(p.unevidenced)} of ${money(total)} (${pct(p.unevidenced, total)}) of pipeline value came from ${p.unevidencedBuyers} buyer${p.unevidencedBuyers === 1 ? "" : "s"} who asked for it and could not be shown its ${p.framework === "soc2" ? "report" : p.framework === "iso27001" ? "certificate" : "evidence"}.`,
    );
  reasoning.push(
    `${withDeal} of ${report.volume.questionnaires} questionnaires carried a deal amount; the others count as zero.`,
  );
  const rules: string[] = [];
  if (top.framework === "soc2") rules.push(RULES.nda, RULES.type1);
  if (top.framework === "iso27001") rules.push(RULES.regionIso);
  return {
    id: "pipeline-at-risk",
    title: `${top.label}: ${pct(top.unevidenced, total)} of pipeline unevidenced`,
    verdict: `Close the ${top.label} evidence gap first: it touches ${pct(top.unevidenced, total)} of pipeline value.`,
    confidence: confidenceOf(withDeal),
    reasoning,
    rules,
  };
}

/** Reports withheld for want of an NDA: get the NDA earlier, or lean on what answered instead. */
function ndaFriction(report: DemandReport): Recommendation | null {
  const groups = report.withheld.filter((g) => (g.reason === "no_nda" || g.reason === "nda_expired") && g.framework);
  if (groups.length === 0) return null;
  const buyers = groups.reduce((n, g) => n + g.buyers, 0);
  const substituted = groups.reduce((n, g) => n + g.substituted, 0);
  const substitute = groups.find((g) => g.substitute)?.substitute;
  return {
    id: "nda-friction",
    title: "Evidence withheld for want of an NDA",
    verdict:
      substituted >= buyers
        ? `Keep offering ${ARTIFACT_LABEL[substitute ?? ""] ?? "the public evidence"} to buyers without an NDA, and ask for the NDA before the questionnaire is returned so the report can go too.`
        : `Ask for an NDA before returning the questionnaire: ${buyers - substituted} buyers got nothing in place of the withheld report.`,
    confidence: confidenceOf(buyers),
    reasoning: groups.slice(0, 5).map((g) => `${g.sentence}.`),
    rules: [RULES.nda, RULES.regionIso],
  };
}

/** The control asked about most that the library answers least well. */
function controlToStrengthen(report: DemandReport): Recommendation | null {
  const gap = report.controlGaps[0];
  if (!gap) return null;
  const reasoning = report.controlGaps
    .slice(0, 3)
    .map(
      (g) =>
        `${g.control} ${g.title} (library: ${g.status}): asked in ${g.asked} questions, answered ${g.answered}, partly ${g.partial}, not at all ${g.unanswered}.`,
    );
  return {
    id: "control-to-strengthen",
    title: `Strengthen ${gap.control}`,
    verdict: `Strengthen ${gap.control} ${gap.title} and its library entries: buyers probe it most among the controls the library answers only partly or not at all.`,
    confidence: confidenceOf(gap.asked),
    reasoning,
    rules: [],
  };
}

/** SOC 2 Type I vs Type II demand, said plainly. */
function typeDemand(report: DemandReport, holdings: Holdings): Recommendation | null {
  const { type1, type2, both } = report.soc2Types;
  if (type1 + type2 + both === 0) return null;
  const reasoning = [
    `SOC 2 questionnaires asking for a Type II: ${type2}; for a Type I: ${type1}; accepting either: ${both}.`,
    `The vendor's SOC 2 Type II is ${holdings.soc2Type2}, its Type I ${holdings.soc2Type1}.`,
  ];
  const verdict =
    holdings.soc2Type2 === "current"
      ? "Cite the Type II: it answers every Type I and Type II request."
      : type2 > 0
        ? `Plan a Type II examination: ${type2} questionnaires asked for operating effectiveness, which a Type I cannot show.`
        : "A Type I meets the requests seen so far; plan the Type II before US buyers ask for it.";
  return {
    id: "soc2-type",
    title: "SOC 2 Type I or Type II",
    verdict,
    confidence: confidenceOf(type1 + type2 + both),
    reasoning,
    rules: [RULES.type1, RULES.regionSoc2],
  };
}

export function recommend(report: DemandReport, holdings: Holdings): Recommendation[] {
  return [
    certificationPriority(report, holdings),
    pipelineAtRisk(report),
    typeDemand(report, holdings),
    ndaFriction(report),
    controlToStrengthen(report),
  ].filter((r): r is Recommendation => r !== null);
}
