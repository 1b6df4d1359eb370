import type { CustomerContext, Region } from "../answering/customer.js";
import { ndaInForce } from "../answering/customer.js";
import type { ReportQuestion } from "../answering/report.js";
import type { Artifact, ArtifactType, Library } from "../library/types.js";
import { type DetectedFramework, detectFrameworks, type FrameworkMention, type QuestionPlace } from "./frameworks.js";

/**
 * What one answered question tells about the market, kept at answer time: the frameworks it names or
 * implies, the controls it was answered with, what was cited and what was withheld and why. Pure.
 */

/** Why an artifact was withheld, as a stable code (the policy's sentence is kept beside it). */
export const WITHHELD_REASONS = [
  "no_nda",
  "nda_expired",
  "internal",
  "not_current",
  "design_only",
  "out_of_scope",
  "other",
] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

export const WITHHELD_REASON_LABEL: Readonly<Record<WithheldReason, string>> = {
  no_nda: "no NDA on file",
  nda_expired: "NDA expired",
  internal: "internal only",
  not_current: "expired, lapsed or not yet issued",
  design_only: "Type I: design only, not operating effectiveness",
  out_of_scope: "out of scope (category, SoA or product feature)",
  other: "other",
};

/** Reads the citation policy's withheld sentence (domain/citation/policy.ts) into a code. */
export function withheldReasonCode(reason: string): WithheldReason {
  if (/no NDA on file/i.test(reason)) return "no_nda";
  if (/NDA expired/i.test(reason)) return "nda_expired";
  if (/internal only/i.test(reason)) return "internal";
  if (/not operating effectiveness/i.test(reason)) return "design_only";
  if (/product feature|not in the report's scope|Statement of Applicability/i.test(reason)) return "out_of_scope";
  if (
    /expired|no longer (?:current|valid)|not issued until|after the as-of date|superseded|overdue|surveillance audit/i.test(
      reason,
    )
  ) {
    return "not_current";
  }
  return "other";
}

/** How well the library answered: drafted, sent to review, or nothing matched. */
export type Outcome = "answered" | "partial" | "unanswered";

export interface QuestionInsight {
  readonly frameworks: readonly FrameworkMention[];
  /** Control ids of the entries the answer rests on (for an unanswered question: the best candidate's). */
  readonly controls: readonly string[];
  readonly outcome: Outcome;
  readonly cited: readonly { readonly artifactId: string; readonly type: string }[];
  /** Allowed for this buyer beyond the two citations: listed as available on request. */
  readonly offered: readonly { readonly artifactId: string; readonly type: string }[];
  readonly withheld: readonly {
    readonly artifactId: string;
    readonly type: string;
    readonly reason: WithheldReason;
    readonly text: string;
  }[];
}

const OUTCOME: Readonly<Record<ReportQuestion["status"], Outcome>> = {
  drafted: "answered",
  needs_review: "partial",
  no_match: "unanswered",
};

/**
 * The library's entries and artifact types by id, built once per library (its arrays are never
 * edited in place): a questionnaire reads them for every question, and 5,000 maps of the whole
 * library cost more than the rest of the insight.
 */
const entriesById = new WeakMap<
  readonly Library["entries"][number][],
  ReadonlyMap<string, Library["entries"][number]>
>();
const typesById = new WeakMap<readonly Artifact[], ReadonlyMap<string, ArtifactType>>();
function lookupsOf(library: Pick<Library, "entries" | "artifacts">) {
  let entries = entriesById.get(library.entries);
  if (!entries) {
    entries = new Map(library.entries.map((e) => [e.id, e]));
    entriesById.set(library.entries, entries);
  }
  let types = typesById.get(library.artifacts);
  if (!types) {
    types = new Map(library.artifacts.map((a) => [a.id, a.type]));
    typesById.set(library.artifacts, types);
  }
  return { entries, types };
}

export function questionInsight(
  question: ReportQuestion,
  place: QuestionPlace,
  library: Pick<Library, "entries" | "artifacts">,
  detect: (place: QuestionPlace) => readonly FrameworkMention[] = detectFrameworks,
): QuestionInsight {
  const { entries, types } = lookupsOf(library);
  const entryIds = question.entryIds ?? (question.entryId ? [question.entryId] : []);
  // Nothing matched: the best candidate still says which control the buyer probed.
  const basis = entryIds.length > 0 ? entryIds : question.alternatives.slice(0, 1).map((a) => a.entryId);
  const controls = [...new Set(basis.flatMap((id) => entries.get(id)?.controls ?? []))];
  return {
    frameworks: detect(place),
    controls,
    outcome: OUTCOME[question.status],
    cited: question.citations.map((c) => ({ artifactId: c.artifactId, type: c.type })),
    offered: (question.onRequest ?? []).map((c) => ({ artifactId: c.artifactId, type: c.type })),
    withheld: question.withheld.map((w) => ({
      artifactId: w.artifactId,
      type: types.get(w.artifactId) ?? "other",
      reason: withheldReasonCode(w.reason),
      text: w.reason,
    })),
  };
}

/**
 * Everything questionInsight reads from a report row, as one string: two rows with the same key,
 * at the same place and under the same library, have equal insights. A large questionnaire repeats
 * its questions, so the insight is built once per key and shared (and stored once). Any new input
 * of questionInsight must be added here too; test/db/save-answered.test.ts compares each row's
 * stored insight with one built afresh.
 */
export function questionInsightKey(question: ReportQuestion): string {
  const ids = (list: readonly { readonly artifactId: string; readonly type: string }[] | undefined) =>
    (list ?? []).map((c) => `${c.artifactId}\u0002${c.type}`).join("\u0001");
  return [
    question.status,
    question.entryIds?.join("\u0001") ?? "\u0003",
    question.entryId ?? "\u0003",
    question.alternatives[0]?.entryId ?? "\u0003",
    ids(question.citations),
    ids(question.onRequest),
    question.withheld.map((w) => `${w.artifactId}\u0002${w.reason}`).join("\u0001"),
  ].join("\u0000");
}

/** The artifacts that evidence a framework by themselves (a certificate for ISO, a report for SOC 2). */
export const EVIDENCE_TYPES: Partial<Readonly<Record<DetectedFramework, readonly ArtifactType[]>>> = {
  soc2: ["soc2-type2", "soc2-type1", "bridge-letter"],
  iso27001: ["iso27001-certificate"],
};

/** A withheld artifact on a question that asked for a framework, and what was cited in its place. */
export interface WithheldFact {
  /** The framework asked for whose own artifact was withheld; null when the question did not ask for it. */
  readonly framework: DetectedFramework | null;
  readonly artifactType: string;
  readonly reason: WithheldReason;
  /** The strongest artifact cited on the same question instead, by type; null when nothing was. */
  readonly substitute: string | null;
  readonly questions: number;
}

/** Per control: questions asking about it, answered / partially / not answered. */
export type ControlTally = readonly [asked: number, answered: number, partial: number, unanswered: number];

/**
 * One questionnaire's insight, rolled up at answer time so the demand view reads one row per
 * questionnaire (tens of thousands of questionnaires in milliseconds), not every question.
 */
export interface QuestionnaireInsight {
  readonly askedOn: string;
  readonly region: Region;
  readonly ndaInForce: boolean;
  readonly questions: number;
  /** Questions naming or implying each framework. */
  readonly frameworks: Readonly<Partial<Record<DetectedFramework, number>>>;
  /** SOC 2 report types asked for, by questions. */
  readonly soc2Types: Readonly<Partial<Record<"type1" | "type2" | "both", number>>>;
  readonly isoEditions: Readonly<Partial<Record<"2013" | "2022", number>>>;
  readonly withheld: readonly WithheldFact[];
  readonly controls: Readonly<Record<string, ControlTally>>;
  /**
   * Frameworks asked for that no question of this questionnaire evidenced with the framework's own
   * artifact (SOC 2 report, ISO certificate: cited or offered on request); for frameworks without
   * one, no question asking for it was answered.
   */
  readonly unevidenced: readonly DetectedFramework[];
}

const bump = <K extends string>(map: Partial<Record<K, number>>, key: K, by = 1) => {
  map[key] = (map[key] ?? 0) + by;
};

/** A rank for "the strongest substitute": attestations first, then the rest as the policy orders them. */
const SUBSTITUTE_RANK: Readonly<Record<string, number>> = {
  "iso27001-certificate": 0,
  "soc2-type2": 1,
  "bridge-letter": 2,
  "soc2-type1": 3,
  "pentest-letter": 4,
};
const strongest = (cited: QuestionInsight["cited"]): string | null =>
  [...cited].sort((a, b) => (SUBSTITUTE_RANK[a.type] ?? 9) - (SUBSTITUTE_RANK[b.type] ?? 9))[0]?.type ?? null;

/** The framework a withheld artifact stands for (a SOC 2 report → SOC 2), so a withholding counts against the framework the buyer asked for. */
const frameworkOfArtifact = (type: string): DetectedFramework | null =>
  type.startsWith("soc2") || type === "bridge-letter" ? "soc2" : type === "iso27001-certificate" ? "iso27001" : null;

export function questionnaireInsight(
  questions: readonly QuestionInsight[],
  meta: { askedOn: string; customer: CustomerContext },
): QuestionnaireInsight {
  const frameworks: Partial<Record<DetectedFramework, number>> = {};
  const soc2Types: Partial<Record<"type1" | "type2" | "both", number>> = {};
  const isoEditions: Partial<Record<"2013" | "2022", number>> = {};
  const controls: Record<string, [number, number, number, number]> = {};
  const withheld = new Map<string, WithheldFact>();
  const asked = new Set<DetectedFramework>();
  const evidenced = new Set<DetectedFramework>();

  // Repeated questions share one insight object (services/insights/record.ts): each is read once,
  // counted as often as it occurs. Taken in order of first occurrence, every key and withheld fact
  // is first met where the row-by-row walk met it, so the rollup's order is the same.
  const occurrences = new Map<QuestionInsight, number>();
  for (const q of questions) occurrences.set(q, (occurrences.get(q) ?? 0) + 1);
  for (const [q, n] of occurrences) {
    const names = q.frameworks.map((m) => m.framework);
    for (const m of q.frameworks) {
      bump(frameworks, m.framework, n);
      asked.add(m.framework);
      if (m.soc2Type) bump(soc2Types, m.soc2Type, n);
      if (m.isoEdition) bump(isoEditions, m.isoEdition, n);
      const own = EVIDENCE_TYPES[m.framework];
      const shown = [...q.cited, ...q.offered];
      if (own ? shown.some((c) => own.includes(c.type as ArtifactType)) : q.outcome === "answered") {
        evidenced.add(m.framework);
      }
    }
    for (const id of q.controls) {
      const tally = controls[id] ?? [0, 0, 0, 0];
      controls[id] = tally;
      tally[0] += n;
      tally[q.outcome === "answered" ? 1 : q.outcome === "partial" ? 2 : 3] += n;
    }
    const substitute = strongest(q.cited);
    for (const w of q.withheld) {
      // Counted against a framework only when the buyer asked for it and the artifact is its own
      // (a SOC 2 report withheld from a SOC 2 question); otherwise it is a withholding on the side.
      const own = frameworkOfArtifact(w.type);
      const framework = own && names.includes(own) ? own : null;
      const key = `${framework}|${w.type}|${w.reason}|${substitute}`;
      const fact = withheld.get(key);
      withheld.set(key, {
        framework,
        artifactType: w.type,
        reason: w.reason,
        substitute,
        questions: (fact?.questions ?? 0) + n,
      });
    }
  }
  return {
    askedOn: meta.askedOn,
    region: meta.customer.region,
    ndaInForce: ndaInForce(meta.customer),
    questions: questions.length,
    frameworks,
    soc2Types,
    isoEditions,
    withheld: [...withheld.values()],
    controls,
    unevidenced: [...asked].filter((f) => !evidenced.has(f)),
  };
}

/** The type of each artifact id, for reading stored citations. */
export const artifactTypes = (artifacts: readonly Artifact[]): Map<string, ArtifactType> =>
  new Map(artifacts.map((a) => [a.id, a.type]));
