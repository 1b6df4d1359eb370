import { addDays } from "../dates.js";
import { weakPracticeScore } from "../drafting/inversion.js";
import { REVIEW_DUE_DAYS } from "../freshness/attention.js";
import {
  factsOf,
  fillPlaceholders,
  PLACEHOLDER_FIELDS,
  PLACEHOLDER_KINDS,
  placeholdersIn,
} from "../freshness/placeholders.js";
import { artifactStanding, reviewCycle } from "../freshness/standing.js";
import { normalizeText, wordsOf } from "../matching/tokenize.js";
import { coverage, FRAMEWORK_REFERENCES } from "./coverage.js";
import { literalArtifactFacts } from "./literal-facts.js";
import type { Artifact, Framework, Library, LibraryEntry } from "./types.js";

/** One problem found in the library. `code` is stable (tests and CI match on it). */
export interface Finding {
  readonly code: string;
  readonly message: string;
  /** The id of the control, entry, artifact or framework reference the finding is about. */
  readonly subject: string;
}

export interface CheckResult {
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

export interface CheckOptions {
  /** The day the library is judged on, YYYY-MM-DD (the CLI passes today; tests pass a fixed date). */
  readonly asOf: string;
  /** Days before an expiry or a surveillance audit that a warning starts (default 60). */
  readonly expiryWarningDays?: number;
  /** Token-set similarity at or above which two entries' questions count as near-duplicates. */
  readonly nearDuplicateThreshold?: number;
}

/**
 * Tuned on the shipped library: its closest distinct questions score at most 0.75 ("Where is customer
 * data stored?" vs "Do you store or process customer data in China?"), while a reordered or lightly
 * reworded copy ("Is customer data encrypted at rest?" vs "Do you encrypt stored customer data at
 * rest?") scores 0.8 or more.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
export const EXPIRY_WARNING_DAYS = 60;
/** Fewer content words than this and two questions collide by accident ("Encryption at rest"). */
const MIN_WORDS_FOR_SIMILARITY = 3;
const MIN_PHRASINGS = 3;

type Sink = { error: (f: Finding) => void; warn: (f: Finding) => void };

const finding = (code: string, subject: string, message: string): Finding => ({ code, subject, message });

// ——— references ———

function checkReferences(library: Library, out: Sink): void {
  const controlIds = new Set(library.controls.map((c) => c.id));
  const artifactIds = new Set(library.artifacts.map((a) => a.id));
  const known = new Map<Framework, Set<string>>(
    (Object.keys(FRAMEWORK_REFERENCES) as Framework[]).map((f) => [
      f,
      new Set(FRAMEWORK_REFERENCES[f].map((r) => r.ref)),
    ]),
  );

  for (const entry of library.entries) {
    for (const id of entry.controls) {
      if (!controlIds.has(id))
        out.error(finding("unknown_control", entry.id, `entry ${entry.id} links unknown control ${id}`));
    }
    for (const id of entry.artifacts) {
      if (!artifactIds.has(id))
        out.error(finding("unknown_artifact", entry.id, `entry ${entry.id} cites unknown artifact ${id}`));
    }
  }
  for (const artifact of library.artifacts) {
    for (const id of artifact.controls) {
      if (!controlIds.has(id)) {
        out.error(finding("unknown_control", artifact.id, `artifact ${artifact.id} evidences unknown control ${id}`));
      }
    }
    if (artifact.type === "bridge-letter") {
      const report = library.artifacts.find((a) => a.id === artifact.bridges);
      if (!artifact.bridges || !report) {
        out.error(
          finding(
            "unknown_artifact",
            artifact.id,
            `bridge letter ${artifact.id} bridges unknown report ${artifact.bridges ?? "(none)"}`,
          ),
        );
      }
    }
    if (artifact.type === "iso27001-certificate") {
      for (const e of artifact.soaExclusions) {
        if (!known.get("ISO27001:2022")?.has(e.ref)) {
          out.error(
            finding(
              "unknown_framework_ref",
              artifact.id,
              `SoA exclusion ${e.ref} is not an ISO/IEC 27001:2022 Annex A control`,
            ),
          );
        }
      }
    }
  }
  for (const control of library.controls) {
    for (const { framework, ref } of control.refs) {
      if (!known.get(framework)?.has(ref)) {
        out.error(
          finding(
            "unknown_framework_ref",
            control.id,
            `control ${control.id} maps ${framework} ${ref}, which is not in the reference list`,
          ),
        );
      }
    }
  }
}

// ——— duplicates and conflicts ———

type Polarity = "yes" | "no" | "other";

function polarity(short: string | null): Polarity {
  const s = (short ?? "").trim().toLowerCase();
  if (s === "yes") return "yes";
  if (s === "no") return "no";
  return "other";
}

interface Text {
  readonly entry: LibraryEntry;
  readonly text: string;
  /** Normalized words, in order: equal keys mean the same question. */
  readonly key: string;
  readonly words: ReadonlySet<string>;
}

function textsOf(entry: LibraryEntry): Text[] {
  return [entry.question, ...entry.phrasings].map((text) => {
    const words = wordsOf(normalizeText(text));
    return { entry, text, key: words.join(" "), words: new Set(words) };
  });
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The most similar pair of texts between two entries. */
function closest(a: readonly Text[], b: readonly Text[]): { score: number; a: Text; b: Text } | null {
  let best: { score: number; a: Text; b: Text } | null = null;
  for (const x of a) {
    for (const y of b) {
      const exact = x.key.length > 0 && x.key === y.key;
      if (!exact && Math.min(x.words.size, y.words.size) < MIN_WORDS_FOR_SIMILARITY) continue;
      const score = exact ? 1 : jaccard(x.words, y.words);
      if (!best || score > best.score) best = { score, a: x, b: y };
    }
  }
  return best;
}

/**
 * Compares every pair of entries (O(n²), fine for a few hundred). The same question in two entries is
 * an error: the matcher could pick either. Opposite Yes/No answers to the same or a near-identical
 * question (or equal answers to a question and its inverse) is an error: the library contradicts
 * itself. A near-duplicate with compatible answers is a warning: probably two entries to merge.
 */
function checkDuplicates(library: Library, threshold: number, out: Sink): void {
  const texts = library.entries.map(textsOf);
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      if (!a || !b) continue;
      const best = closest(a, b);
      if (!best || best.score < threshold) continue;
      const ea = best.a.entry;
      const eb = best.b.entry;
      const pa = polarity(ea.short);
      const pb = polarity(eb.short);
      const subject = `${ea.id}+${eb.id}`;
      const pair = `"${best.a.text}" (${ea.id}) and "${best.b.text}" (${eb.id})`;
      // "Is data encrypted?" (Yes) and "Is any data stored without encryption?" (No) agree: the texts
      // are phrased in opposite senses, which the drafter detects the same way.
      const opposite = weakPracticeScore(best.a.text) % 2 !== weakPracticeScore(best.b.text) % 2;
      if (pa !== "other" && pb !== "other" && (pa !== pb) !== opposite) {
        const why = opposite ? "ask opposite things but both answer" : "ask the same thing but answer";
        out.error(finding("conflicting_answers", subject, `${pair} ${why} ${ea.short} and ${eb.short}`));
      } else if (opposite) {
        // A deliberate inverse pair with consistent answers: nothing to merge.
      } else if (best.a.key === best.b.key) {
        out.error(finding("duplicate_question", subject, `${pair} are the same question in two entries`));
      } else {
        out.warn(
          finding(
            "near_duplicate",
            subject,
            `${pair} are near-duplicates (similarity ${best.score.toFixed(2)}); merge them or reword`,
          ),
        );
      }
    }
  }
}

// ——— each entry on its own ———

const NEGATION = /\b(no|not|never|none|neither|nor|cannot)\b|n't\b/i;
const LEADING_VALUE = /^\s*(yes|no|n\/a)\b/i;

function firstSentence(text: string): string {
  return text.trim().split(/(?<=[.!?])\s+/)[0] ?? "";
}

/**
 * The short answer goes into the Yes/No column and the full answer into the comment next to it, so
 * they must say the same thing: a leading Yes/No/N/A must match, and a "No" must read as a negative.
 */
function shortContradiction(entry: LibraryEntry): string | null {
  if (entry.short === null) return null;
  const short = entry.short.trim();
  const lead = entry.answer.match(LEADING_VALUE)?.[1];
  const isValue = /^(yes|no|n\/a)$/i.test(short);
  if (isValue && lead && lead.toLowerCase() !== short.toLowerCase()) {
    return `short answer "${short}" but the answer begins "${lead}"`;
  }
  if (short.toLowerCase() === "no" && !lead && !NEGATION.test(firstSentence(entry.answer))) {
    return `short answer "No" but the answer's first sentence reads as affirmative: "${firstSentence(entry.answer)}"`;
  }
  return null;
}

function checkEntries(library: Library, asOf: string, out: Sink): void {
  const controls = new Map(library.controls.map((c) => [c.id, c]));
  const artifacts = new Map(library.artifacts.map((a) => [a.id, a]));
  for (const entry of library.entries) {
    const contradiction = shortContradiction(entry);
    if (contradiction) out.error(finding("short_contradicts_answer", entry.id, `entry ${entry.id}: ${contradiction}`));

    if (entry.reviewBy < entry.lastReviewed) {
      out.error(
        finding(
          "review_dates_invalid",
          entry.id,
          `entry ${entry.id} is due for review (${entry.reviewBy}) before it was last reviewed (${entry.lastReviewed})`,
        ),
      );
    } else if (entry.reviewBy < asOf) {
      out.warn(
        finding(
          "review_overdue",
          entry.id,
          `entry ${entry.id} was due for review on ${entry.reviewBy} (owner: ${entry.owner})`,
        ),
      );
    }
    if (entry.lastReviewed > asOf) {
      out.warn(
        finding(
          "review_in_future",
          entry.id,
          `entry ${entry.id} says it was last reviewed on ${entry.lastReviewed}, after ${asOf}`,
        ),
      );
    }

    if (entry.phrasings.length < MIN_PHRASINGS) {
      out.warn(
        finding(
          "few_phrasings",
          entry.id,
          `entry ${entry.id} has ${entry.phrasings.length} alternate phrasing(s); buyers word questions many ways, add at least ${MIN_PHRASINGS}`,
        ),
      );
    }
    if (entry.controls.length === 0 && entry.artifacts.length === 0) {
      out.warn(
        finding(
          "entry_without_control",
          entry.id,
          `entry ${entry.id} links no control or artifact, so nothing can be cited for it`,
        ),
      );
    }

    // A phrasing written twice, or the question written again as a phrasing, counts its words twice in
    // the index: the entry outweighs its siblings for no reason a reviewer can see.
    const seen = new Set([normalizeText(entry.question)]);
    for (const phrasing of entry.phrasings) {
      const key = normalizeText(phrasing);
      if (seen.has(key))
        out.error(
          finding(
            "duplicate_phrasing",
            entry.id,
            `entry ${entry.id}: "${phrasing}" is written twice (as its question or a phrasing)`,
          ),
        );
      seen.add(key);
    }

    // The drafter flips Yes/No when a buyer's question and the matched phrasing differ in sense; a
    // phrasing in the opposite sense of its own question would make it flip the wrong way.
    const base = weakPracticeScore(entry.question) % 2;
    for (const phrasing of polarity(entry.short) === "other" ? [] : entry.phrasings) {
      if (weakPracticeScore(phrasing) % 2 !== base) {
        out.warn(
          finding(
            "phrasing_polarity",
            entry.id,
            `entry ${entry.id}: "${phrasing}" reads in the opposite sense of "${entry.question}"`,
          ),
        );
      }
    }

    if (polarity(entry.short) === "yes") {
      const planned = entry.controls.filter((id) => controls.get(id)?.status === "planned");
      if (planned.length > 0) {
        out.warn(
          finding(
            "answer_on_planned_control",
            entry.id,
            `entry ${entry.id} answers Yes but stands on planned control(s) ${planned.join(", ")}`,
          ),
        );
      }
    }
    for (const id of entry.artifacts) {
      if (artifacts.get(id)?.access === "internal") {
        out.warn(
          finding(
            "internal_artifact_cited",
            entry.id,
            `entry ${entry.id} cites ${id}, which is internal and never shared with customers`,
          ),
        );
      }
    }
  }
}

// ——— artifacts ———

/** Entries that would cite an artifact: directly, or through a control the artifact evidences. */
function citingEntries(library: Library, artifact: Artifact): string[] {
  return library.entries
    .filter((e) => e.artifacts.includes(artifact.id) || e.controls.some((c) => artifact.controls.includes(c)))
    .map((e) => e.id);
}

function listed(ids: readonly string[]): string {
  if (ids.length === 0) return "no entry cites it";
  const shown = ids.slice(0, 8).join(", ");
  return `cited by ${shown}${ids.length > 8 ? ` and ${ids.length - 8} more` : ""}`;
}

/**
 * Expired evidence is an error: the citation policy would withhold it, so every answer that leans on
 * it silently loses its proof. Replace it, or remove it (git keeps the history). A document past its
 * review (plus grace) is a warning: it is withheld until its owner reviews it. A superseded artifact is
 * history, not a finding. Currency is decided by freshness/standing.ts, the rule the citation policy
 * uses too.
 */
function checkArtifacts(library: Library, asOf: string, warningDays: number, out: Sink): void {
  const horizon = addDays(asOf, warningDays);
  for (const artifact of library.artifacts) {
    const standing = artifactStanding(artifact, library.artifacts, asOf);
    if (standing.state === "superseded" || standing.state === "not_yet_issued") continue;
    const until = standing.until;
    const entries = citingEntries(library, artifact);
    if (until && until < asOf) {
      out.error(finding("artifact_expired", artifact.id, `${artifact.title} expired on ${until}; ${listed(entries)}`));
    } else if (until && until <= horizon) {
      out.warn(
        finding(
          "artifact_expiring",
          artifact.id,
          `${artifact.title} expires on ${until} (within ${warningDays} days); ${listed(entries)}`,
        ),
      );
    }
    const cycle = reviewCycle(artifact);
    if (cycle && standing.state === "review_lapsed") {
      // A warning, not an error: the document still exists and is probably still right, but the answer
      // engine no longer cites it and sends the answers resting on it to review until its owner signs it off.
      out.warn(
        finding(
          "artifact_review_lapsed",
          artifact.id,
          `${artifact.title}: ${standing.reason}; it is no longer cited; ${listed(entries)}`,
        ),
      );
    } else if (cycle && cycle.dueOn <= addDays(asOf, REVIEW_DUE_DAYS) && standing.state === "current") {
      out.warn(
        finding(
          "artifact_review_due",
          artifact.id,
          `${artifact.title} is due for review on ${cycle.dueOn} (cited no longer after ${cycle.lapsesAfter}); ${listed(entries)}`,
        ),
      );
    }
    if (artifact.type === "iso27001-certificate") {
      for (const audit of artifact.surveillanceAudits) {
        if (audit.completed) continue;
        if (audit.due < asOf) {
          out.error(
            finding(
              "surveillance_overdue",
              artifact.id,
              `surveillance audit for ${artifact.certificateNumber} was due ${audit.due} and is not recorded as completed`,
            ),
          );
        } else if (audit.due <= horizon) {
          out.warn(
            finding(
              "surveillance_due",
              artifact.id,
              `surveillance audit for ${artifact.certificateNumber} is due ${audit.due}`,
            ),
          );
        }
      }
    }
  }
}

// ——— placeholders and facts in answer text ———

/**
 * Placeholders must name a known artifact (or kind) and field, and fill on the day; a fact copied
 * into a text from an artifact that is no longer current (a superseded report's period) is a warning:
 * the answer engine would send every answer from that entry to review.
 */
function checkAnswerFacts(library: Library, asOf: string, out: Sink): void {
  const ids = new Set(library.artifacts.map((a) => a.id));
  const stale = library.artifacts.filter((a) => {
    const state = artifactStanding(a, library.artifacts, asOf).state;
    return state !== "current" && state !== "not_yet_issued";
  });
  for (const entry of library.entries) {
    const unknown = placeholdersIn(entry.answer).filter(
      (p) => !(p.ref in PLACEHOLDER_KINDS || ids.has(p.ref)) || !(p.field in PLACEHOLDER_FIELDS),
    );
    for (const p of unknown) {
      const what = p.field in PLACEHOLDER_FIELDS ? `no artifact or kind "${p.ref}"` : `no field "${p.field}"`;
      out.error(finding("unknown_placeholder", entry.id, `entry ${entry.id}: ${p.raw} names ${what}`));
    }
    const reported = new Set(unknown.map((p) => p.raw));
    for (const problem of fillPlaceholders(entry.answer, library.artifacts, asOf).problems) {
      if ([...reported].some((raw) => problem.startsWith(raw))) continue;
      out.error(finding("unfilled_placeholder", entry.id, `entry ${entry.id}: ${problem}`));
    }
    const staleFacts = new Set<string>();
    for (const artifact of stale) {
      const fact = factsOf(artifact).find((f) => entry.answer.replace(/\s+/g, " ").includes(f));
      if (fact) {
        staleFacts.add(fact);
        out.warn(
          finding(
            "stale_fact",
            entry.id,
            `entry ${entry.id} names "${fact}" of ${artifact.id}, which is no longer current; use a placeholder or update it`,
          ),
        );
      }
    }
    // A fact that is still true today but written out (a category list, the auditor, the certificate
    // number) goes wrong silently the day artifacts.yaml changes: a warning, as stale_fact is.
    for (const literal of literalArtifactFacts(entry, library.artifacts)) {
      if ([...staleFacts].some((f) => f.includes(literal.fact))) continue; // said once, as stale_fact
      out.warn(
        finding(
          "literal_artifact_fact",
          entry.id,
          `entry ${entry.id} states "${literal.fact}" (${literal.artifactId}) in so many words; name it with ${literal.placeholder} so the answer follows artifacts.yaml`,
        ),
      );
    }
  }
}

// ——— coverage ———

function checkCoverage(library: Library, out: Sink): void {
  const withEntry = new Set(library.entries.flatMap((e) => e.controls));
  for (const control of library.controls) {
    if (!withEntry.has(control.id)) {
      out.warn(
        finding(
          "control_without_entry",
          control.id,
          `control ${control.id} (${control.title}) has no entry, so no answer stands on it`,
        ),
      );
    }
  }
  for (const framework of coverage(library)) {
    if (framework.framework !== "ISO27001:2022" && framework.framework !== "SOC2") continue;
    for (const row of framework.rows) {
      if (!row.expected || row.controls.length > 0) continue;
      if (framework.framework === "ISO27001:2022") {
        out.error(finding("uncovered_annex_a", row.ref, `ISO/IEC 27001:2022 ${row.ref} (${row.title}) has no control`));
      } else {
        out.error(finding("uncovered_soc2", row.ref, `SOC 2 ${row.ref} (${row.title}) is in scope but has no control`));
      }
    }
  }
}

/**
 * Checks a library for what would make its answers wrong or unsupported (errors) and for what needs
 * an owner's attention soon (warnings). Pure: the day is passed in, nothing is read.
 */
export function checkLibrary(library: Library, options: CheckOptions): CheckResult {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const out: Sink = { error: (f) => errors.push(f), warn: (f) => warnings.push(f) };
  checkReferences(library, out);
  checkDuplicates(library, options.nearDuplicateThreshold ?? NEAR_DUPLICATE_THRESHOLD, out);
  checkEntries(library, options.asOf, out);
  checkArtifacts(library, options.asOf, options.expiryWarningDays ?? EXPIRY_WARNING_DAYS, out);
  checkAnswerFacts(library, options.asOf, out);
  checkCoverage(library, out);
  return { errors, warnings };
}
