import type { IsoDate } from "../dates.js";
import type { Artifact, ArtifactType, Library, LibraryEntry } from "../library/types.js";
import { factsOf, placeholdersIn, resolveArtifactRef } from "./placeholders.js";
import { artifactStanding, inForce, issuedOn, type Standing, soc2Period } from "./standing.js";

/**
 * Whether an answer may be drafted as current on a day, and if not, why: an answer is a legal
 * representation to the buyer, so anything it rests on that has lapsed sends it to a person.
 */
export interface StaleReason {
  readonly kind: "entry" | "artifact";
  /** The entry or artifact id. */
  readonly subject: string;
  /** Who can fix it (the entry's or artifact's owner), when known. */
  readonly owner: string | null;
  readonly reason: string;
}

/** What the text says it holds, by kind, when it names no artifact: "our SOC 2 Type II report". */
const KIND_MENTIONS: readonly { kinds: readonly ArtifactType[]; pattern: RegExp; label: string }[] = [
  {
    kinds: ["soc2-type2"],
    pattern: /\bsoc ?2\b[^.]{0,40}\btype (ii|2)\b|\btype (ii|2) (soc ?2 )?report/i,
    label: "a SOC 2 Type II report",
  },
  {
    kinds: ["soc2-type2", "soc2-type1"],
    pattern: /\bsoc ?2 (report|examination|attestation|audit)/i,
    label: "a SOC 2 report",
  },
  {
    kinds: ["iso27001-certificate"],
    pattern: /\biso(\/iec)? ?27001(:2022)? (certificat(e|ion)|certified)|\bcertified to iso(\/iec)? ?27001/i,
    label: "an ISO 27001 certificate",
  },
  { kinds: ["bridge-letter"], pattern: /\b(bridge|gap) letter\b/i, label: "a SOC 2 bridge letter" },
];

const LABEL: Partial<Record<ArtifactType, string>> = {
  "soc2-type2": "SOC 2 Type II",
  "soc2-type1": "SOC 2 Type I",
  "iso27001-certificate": "ISO 27001 certificate",
  "bridge-letter": "bridge letter",
  "pentest-letter": "penetration test letter",
};

/** "SOC 2 Type II for 2025-10-01..2026-09-30", "ISO 27001 certificate HM-ISMS-40721", or the title. */
export function describeArtifact(artifact: Artifact): string {
  if (artifact.type === "soc2-type2" || artifact.type === "soc2-type1") {
    return `${LABEL[artifact.type]} for ${soc2Period(artifact)}`;
  }
  if (artifact.type === "iso27001-certificate") return `${LABEL[artifact.type]} ${artifact.certificateNumber}`;
  return `"${artifact.title}"`;
}

function claimReason(artifact: Artifact, standing: Standing): string {
  return `claims ${describeArtifact(artifact)}, which ${standingPhrase(standing)}`;
}

function standingPhrase(standing: Standing): string {
  switch (standing.state) {
    case "not_yet_issued":
      return `is not yet issued (${standing.reason})`;
    case "superseded":
      return `was ${standing.reason}`;
    case "expired":
      return `is ${standing.reason}`;
    case "review_lapsed":
      return `is past its review: ${standing.reason}`;
    default:
      return `cannot be relied on: ${standing.reason}`;
  }
}

const squash = (s: string) => s.replace(/\s+/g, " ").toLowerCase();

/**
 * The artifacts an entry's text asserts: those it cites directly and those its placeholders name,
 * each as it stands on the day (a renewed report in place of the one the entry was written against).
 */
function assertedArtifacts(entry: LibraryEntry, artifacts: readonly Artifact[], asOf: IsoDate): Artifact[] {
  const found = new Map<string, Artifact>();
  for (const id of entry.artifacts) {
    const artifact = artifacts.find((a) => a.id === id);
    const current = artifact ? inForce(artifact, artifacts, asOf) : null;
    if (current) found.set(current.id, current);
  }
  for (const { ref } of placeholdersIn(entry.answer)) {
    const artifact = resolveArtifactRef(ref, artifacts, asOf);
    if (artifact) found.set(artifact.id, artifact);
  }
  return [...found.values()];
}

export interface FreshnessInput {
  readonly library: Library;
  /** The entries the answer was drafted from. */
  readonly entries: readonly LibraryEntry[];
  /** The answer text as it will be sent (placeholders filled). */
  readonly text: string;
  readonly asOf: IsoDate;
}

/**
 * Every reason the answer cannot go out as current on the day:
 * - an entry past its review-by date;
 * - an artifact the text asserts (cited directly, named by a placeholder, or a SOC 2 report / ISO
 *   certificate / bridge letter it mentions) that is expired, superseded, invalid or not yet issued;
 * - a fact of an artifact that is no longer current, named in the text in so many words;
 * - a document the answer rests on (its controls) whose review cycle lapsed.
 */
export function staleReasons(input: FreshnessInput): StaleReason[] {
  const { library, asOf } = input;
  const artifacts = library.artifacts;
  const reasons = new Map<string, StaleReason>();
  const add = (r: StaleReason) => {
    if (!reasons.has(r.subject)) reasons.set(r.subject, { ...r });
  };
  const artifactReason = (artifact: Artifact, reason: string) =>
    add({ kind: "artifact", subject: artifact.id, owner: artifact.owner ?? null, reason });

  for (const entry of input.entries) for (const r of entryReasons(entry, artifacts, asOf)) add(r);

  const text = squash(input.text);
  for (const mention of KIND_MENTIONS) {
    if (!mention.pattern.test(input.text)) continue;
    const ofKind = artifacts.filter((a) => mention.kinds.includes(a.type));
    if (ofKind.some((a) => artifactStanding(a, artifacts, asOf).state === "current")) continue;
    // The one the buyer would expect to see: the newest already issued.
    const latest = ofKind
      .filter((a) => artifactStanding(a, artifacts, asOf).state !== "not_yet_issued")
      .sort((a, b) => (issuedOn(b) ?? "").localeCompare(issuedOn(a) ?? ""))[0];
    if (latest) {
      const standing = artifactStanding(latest, artifacts, asOf);
      artifactReason(latest, `mentions ${mention.label}, and none is current: ${claimReason(latest, standing)}`);
    } else {
      add({
        kind: "artifact",
        subject: `kind:${mention.kinds[0]}`,
        owner: null,
        reason: `mentions ${mention.label}, and the library holds none that is current on ${asOf}`,
      });
    }
  }

  // Facts copied into the text rather than filled from a placeholder still name the old artifact.
  for (const { artifact, standing, facts } of lapsedFacts(artifacts, asOf)) {
    const named = facts.find((fact) => text.includes(fact.squashed));
    if (named)
      artifactReason(
        artifact,
        `names "${named.fact}" of ${describeArtifact(artifact)}, which ${standingPhrase(standing)}`,
      );
  }
  return [...reasons.values()];
}

/**
 * Per artifact list (a library's, by identity and length, as artifactStanding keeps standings):
 * what reads only the list, an entry and the day, decided once. An answering run asks for the same
 * few entries on the same day for hundreds of questions, and each asked every artifact's standing
 * and each lapsed artifact's facts again. Entries are dropped with their objects, lists with theirs.
 */
interface KeptForList {
  readonly length: number;
  readonly byEntry: WeakMap<LibraryEntry, Map<IsoDate, readonly StaleReason[]>>;
  readonly facts: Map<IsoDate, readonly LapsedFacts[]>;
}
const kept = new WeakMap<readonly Artifact[], KeptForList>();

function keptFor(artifacts: readonly Artifact[]): KeptForList {
  let memo = kept.get(artifacts);
  if (!memo || memo.length !== artifacts.length) {
    memo = { length: artifacts.length, byEntry: new WeakMap(), facts: new Map() };
    kept.set(artifacts, memo);
  }
  return memo;
}

/**
 * An entry's own reasons, in the order staleReasons meets them (duplicates left to its first-wins
 * merge): past its review-by date, an artifact it asserts not current, a policy on its controls
 * whose review lapsed.
 */
function entryReasons(entry: LibraryEntry, artifacts: readonly Artifact[], asOf: IsoDate): readonly StaleReason[] {
  const memo = keptFor(artifacts);
  let byDay = memo.byEntry.get(entry);
  if (!byDay) {
    byDay = new Map();
    memo.byEntry.set(entry, byDay);
  }
  return perDay(byDay, asOf, () => ownReasons(entry, artifacts, asOf));
}

/** entryReasons' work, without the memo. */
function ownReasons(entry: LibraryEntry, artifacts: readonly Artifact[], asOf: IsoDate): readonly StaleReason[] {
  const out: StaleReason[] = [];
  const artifactReason = (artifact: Artifact, reason: string) =>
    out.push({ kind: "artifact", subject: artifact.id, owner: artifact.owner ?? null, reason });
  if (entry.reviewBy < asOf) {
    out.push({
      kind: "entry",
      subject: entry.id,
      owner: entry.owner,
      reason: `entry ${entry.id} due for review since ${entry.reviewBy}, owner ${entry.owner}`,
    });
  }
  for (const artifact of assertedArtifacts(entry, artifacts, asOf)) {
    const standing = artifactStanding(artifact, artifacts, asOf);
    if (standing.state !== "current") artifactReason(artifact, claimReason(artifact, standing));
  }
  // A policy whose review lapsed no longer backs the answers on its controls.
  for (const artifact of artifacts) {
    if (!artifact.controls.some((c) => entry.controls.includes(c))) continue;
    const standing = artifactStanding(artifact, artifacts, asOf);
    if (standing.state === "review_lapsed") {
      artifactReason(artifact, `rests on ${describeArtifact(artifact)}, which ${standingPhrase(standing)}`);
    }
  }
  return out;
}

/** An artifact that is issued but not current on the day, with its facts as written and squashed. */
interface LapsedFacts {
  readonly artifact: Artifact;
  readonly standing: Standing;
  readonly facts: readonly { readonly fact: string; readonly squashed: string }[];
}

function lapsedFacts(artifacts: readonly Artifact[], asOf: IsoDate): readonly LapsedFacts[] {
  return perDay(keptFor(artifacts).facts, asOf, () => {
    const out: LapsedFacts[] = [];
    for (const artifact of artifacts) {
      const standing = artifactStanding(artifact, artifacts, asOf);
      if (standing.state === "current" || standing.state === "not_yet_issued") continue;
      out.push({ artifact, standing, facts: factsOf(artifact).map((fact) => ({ fact, squashed: squash(fact) })) });
    }
    return out;
  });
}

/** A server answers for many days: each memo keeps a bounded number of them. */
const MAX_DAYS = 64;

/** The day's value from a per-day memo, computed and kept on first use. */
function perDay<T>(days: Map<IsoDate, T>, asOf: IsoDate, compute: () => T): T {
  let found = days.get(asOf);
  if (found === undefined) {
    found = compute();
    if (days.size >= MAX_DAYS) days.clear();
    days.set(asOf, found);
  }
  return found;
}
