import { SOC2_CATEGORY_LABEL } from "../citation/framework-refs.js";
import { formatLongDate, formatMonthYear, type IsoDate } from "../dates.js";
import type { Artifact, ArtifactType, Soc2Report } from "../library/types.js";
import { artifactStanding, inForce, issuedOn } from "./standing.js";

/**
 * Placeholders let an entry name an artifact's facts without copying them: "for the period
 * {{soc2.period}}" is filled from artifacts.yaml when the answer is drafted, so renewing the report
 * there updates every answer that names it, with no entry edited.
 *
 * `{{<ref>.<field>}}`: ref is an artifact id (the artifact, or what replaced it by the day) or one of
 * the kinds below (the current artifact of that kind); field is one of PLACEHOLDER_FIELDS.
 */
const PLACEHOLDER = /\{\{\s*([a-z0-9][a-z0-9-]*)\.([A-Za-z]+)\s*\}\}/g;

/** Kinds an entry can name without an id: there is one current artifact of each at a time. */
export const PLACEHOLDER_KINDS: Readonly<Record<string, ArtifactType>> = {
  soc2: "soc2-type2",
  "soc2-type1": "soc2-type1",
  iso27001: "iso27001-certificate",
  bridge: "bridge-letter",
  pentest: "pentest-letter",
};

const long = (date: IsoDate | null | undefined) => (date ? formatLongDate(date) : null);

const OPINION: Record<Soc2Report["opinion"], string> = {
  unqualified: "an unqualified opinion",
  qualified: "a qualified opinion",
  adverse: "an adverse opinion",
  disclaimer: "a disclaimer of opinion",
};

/** "A, B and C". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function lastReviewOf(a: Artifact): IsoDate | null {
  if ("lastReviewed" in a && a.lastReviewed) return a.lastReviewed;
  return a.type === "soc2-type2" || a.type === "soc2-type1" || a.type === "iso27001-certificate"
    ? null
    : (a.issued ?? null);
}

/** Every fact a placeholder can name, read off the artifact; null when this artifact has no such fact. */
export const PLACEHOLDER_FIELDS: Readonly<Record<string, (a: Artifact) => string | null>> = {
  title: (a) => a.title,
  /** SOC 2: "1 October 2025 to 30 September 2026" (Type I: its date). */
  period: (a) =>
    a.type === "soc2-type2"
      ? `${formatLongDate(a.periodStart)} to ${formatLongDate(a.periodEnd)}`
      : a.type === "soc2-type1"
        ? formatLongDate(a.periodEnd)
        : null,
  periodStart: (a) => ("periodStart" in a ? long(a.periodStart) : null),
  periodEnd: (a) => ("periodEnd" in a ? long(a.periodEnd) : null),
  /** SOC 2: the service auditor; a pen-test letter: the firm that tested. */
  auditor: (a) => ("auditor" in a ? (a.auditor ?? null) : null),
  /** SOC 2: "an unqualified opinion", "a qualified opinion", … */
  opinion: (a) => ("opinion" in a ? OPINION[a.opinion] : null),
  /** SOC 2: "Security, Availability and Confidentiality". */
  categories: (a) => ("categories" in a ? listed(a.categories.map((c) => SOC2_CATEGORY_LABEL[c])) : null),
  issued: (a) => long(issuedOn(a)),
  issuedMonth: (a) => {
    const issued = issuedOn(a);
    return issued ? formatMonthYear(issued) : null;
  },
  expires: (a) => ("expires" in a ? long(a.expires) : null),
  /** Policies and other documents: the last review (default: the issue date). */
  lastReviewed: (a) => long(lastReviewOf(a)),
  lastReviewedMonth: (a) => {
    const reviewed = lastReviewOf(a);
    return reviewed ? formatMonthYear(reviewed) : null;
  },
  certificateNumber: (a) => (a.type === "iso27001-certificate" ? a.certificateNumber : null),
  body: (a) => (a.type === "iso27001-certificate" ? a.body : null),
  accreditation: (a) => (a.type === "iso27001-certificate" ? (a.accreditation ?? null) : null),
  /** ISO: the latest completed surveillance audit. */
  lastSurveillance: (a) => {
    if (a.type !== "iso27001-certificate") return null;
    const done = a.surveillanceAudits.flatMap((s) => (s.completed ? [s.completed] : [])).sort();
    return long(done.at(-1));
  },
  /** ISO: the next surveillance audit still to be done. */
  nextSurveillance: (a) => {
    if (a.type !== "iso27001-certificate") return null;
    const open = a.surveillanceAudits.filter((s) => !s.completed).map((s) => s.due);
    return long(open.sort()[0]);
  },
};

export interface PlaceholderRef {
  readonly raw: string;
  readonly ref: string;
  readonly field: string;
}

export function placeholdersIn(text: string): PlaceholderRef[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ raw: m[0], ref: m[1] ?? "", field: m[2] ?? "" }));
}

/**
 * The artifact a placeholder ref names on the day: an id follows its chain of successors; a kind
 * means the current artifact of that kind, else the newest one issued (the answer is then stale and
 * the freshness check says so), else the newest at all.
 */
export function resolveArtifactRef(ref: string, artifacts: readonly Artifact[], asOf: IsoDate): Artifact | null {
  const kind = PLACEHOLDER_KINDS[ref];
  if (!kind) {
    const artifact = artifacts.find((a) => a.id === ref);
    return artifact ? inForce(artifact, artifacts, asOf) : null;
  }
  const newestFirst = artifacts
    .filter((a) => a.type === kind)
    .sort((a, b) => (issuedOn(b) ?? "").localeCompare(issuedOn(a) ?? ""));
  const issued = newestFirst.filter((a) => (issuedOn(a) ?? "") <= asOf);
  return (
    issued.find((a) => artifactStanding(a, artifacts, asOf).state === "current") ?? issued[0] ?? newestFirst[0] ?? null
  );
}

export interface Filled {
  readonly text: string;
  /** The artifacts the text now names. */
  readonly artifacts: Artifact[];
  /** Placeholders that could not be filled (unknown artifact or field), in words. */
  readonly problems: string[];
}

/** Fills every placeholder from the artifacts as they stand on the day; unfillable ones stay and are reported. */
export function fillPlaceholders(text: string, artifacts: readonly Artifact[], asOf: IsoDate): Filled {
  const used = new Map<string, Artifact>();
  const problems: string[] = [];
  const filled = text.replace(PLACEHOLDER, (raw, ref: string, field: string) => {
    const artifact = resolveArtifactRef(ref, artifacts, asOf);
    const read = PLACEHOLDER_FIELDS[field];
    if (!artifact) {
      problems.push(`${raw} names no artifact in the library`);
      return raw;
    }
    const value = read ? read(artifact) : null;
    if (value === null) {
      problems.push(read ? `${raw}: ${artifact.id} has no ${field}` : `${raw}: unknown field "${field}"`);
      return raw;
    }
    used.set(artifact.id, artifact);
    return value;
  });
  return { text: filled, artifacts: [...used.values()], problems };
}

/**
 * The facts a text would name if it were written against this artifact (its period, certificate
 * number, issue and expiry dates): finding one in an answer means the answer speaks of this artifact.
 */
export function factsOf(artifact: Artifact): string[] {
  const facts = new Set<string>();
  for (const field of ["period", "certificateNumber", "issued", "expires"] as const) {
    const value = PLACEHOLDER_FIELDS[field]?.(artifact);
    if (value) facts.add(value);
  }
  if (artifact.type === "pentest-letter" || artifact.type === "other") {
    const month = PLACEHOLDER_FIELDS.issuedMonth?.(artifact);
    if (month) facts.add(month);
  }
  return [...facts];
}

/**
 * An entry's text as the matcher should read it: placeholders filled with the newest facts, so an
 * entry reads the same to the search index as it did before its dates became placeholders. Matching
 * does not depend on the day; what is true on the day is decided after drafting.
 */
export function searchableText(text: string, artifacts: readonly Artifact[]): string {
  return placeholdersIn(text).length === 0 ? text : fillPlaceholders(text, artifacts, "9999-12-31").text;
}
