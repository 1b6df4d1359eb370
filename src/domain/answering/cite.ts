import { type Citation, type CitationDecision, type CitationRequest, decideCitations } from "../citation/policy.js";
import { artifactStanding } from "../freshness/standing.js";
import type { Artifact, FrameworkRef, LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";
import { SECURITY_CONCEPTS } from "../matching/vocabulary.js";
import type { PreparedLibrary } from "./answer-questions.js";
import type { CustomerContext } from "./customer.js";
import { libraryMemo, ownEntries } from "./library-memo.js";

/** GDPR Art. 32 / NIS2 questions prefer ISO 27001 (only these two concepts are tested: cheap). */
const EU_REGULATION = SECURITY_CONCEPTS.filter((c) => c.token === "§gdpr" || c.token === "§nis2").flatMap(
  (c) => c.patterns,
);

export interface EntryCitations extends CitationDecision {
  /** The framework references of every control the chosen entries stand on, deduplicated. */
  readonly refs: FrameworkRef[];
}

/**
 * Runs the citation policy for the entries an answer is drafted from. Always recomputed from the
 * entries, never taken from a drafter: what may be shown to a customer is the policy's call alone.
 */
export function citeEntries(
  prepared: PreparedLibrary,
  entries: readonly LibraryEntry[],
  questionText: string,
  customer: CustomerContext,
): EntryCitations {
  const euRegulation = asksAboutEuRegulation(questionText);
  const key = decisionKey(prepared, entries, customer, euRegulation);
  let decided = key === null ? undefined : decisions.get(prepared, key);
  if (!decided) {
    const request = citationRequest(prepared, entries, euRegulation, customer);
    const decision = decideCitations(request);
    const refs = request.controls
      .flatMap((c) => c.refs)
      .filter((r, i, all) => all.findIndex((x) => x.framework === r.framework && x.ref === r.ref) === i);
    decided = { ...decision, refs };
    if (key !== null) decisions.set(prepared, key, decided);
  }
  // Each answer gets its own arrays and items (callers may edit a row's citations).
  return {
    citations: decided.citations.map((c) => ({ ...c })),
    onRequest: decided.onRequest.map((c) => ({ ...c })),
    withheld: decided.withheld.map((w) => ({ ...w })),
    refs: decided.refs.map((r) => ({ ...r })),
  };
}

/**
 * Decisions already made. A questionnaire asks the policy about the same few entry sets for one
 * customer on every row (a 5,000-row workbook: a few hundred distinct answers, fewer entry sets),
 * and the decision reads nothing else: the entries' controls and artifacts, the library's artifacts,
 * the customer and whether the question is about GDPR/NIS2.
 */
const decisions = libraryMemo<EntryCitations>(5_000);

/**
 * What a decision depends on, as a key; null when an entry is not the prepared library's own
 * object (an edited copy), which is then decided afresh. The artifact count keys a list grown in
 * place, as artifactStanding does.
 */
function decisionKey(
  prepared: PreparedLibrary,
  entries: readonly LibraryEntry[],
  customer: CustomerContext,
  euRegulation: boolean,
): string | null {
  if (!ownEntries(prepared, entries)) return null;
  return JSON.stringify([
    entries.map((e) => e.id),
    euRegulation,
    customer.region,
    customer.ndaOnFile,
    customer.ndaUntil ?? null,
    customer.asOf,
    prepared.library.artifacts.length,
  ]);
}

const asksAboutEuRegulation = (questionText: string): boolean =>
  EU_REGULATION.some((p) => p.test(normalizeText(questionText)));

/** The policy's question for an answer drafted from these entries (shared by drafting and review). */
function citationRequest(
  prepared: PreparedLibrary,
  entries: readonly LibraryEntry[],
  euRegulation: boolean,
  customer: CustomerContext,
): CitationRequest {
  const controlIds = [...new Set(entries.flatMap((e) => e.controls))];
  const controls = controlIds.flatMap((id) => prepared.controlsById.get(id) ?? []);
  // A product-feature entry's controls prove nothing to an attestation, even beside another entry's.
  const attestable = new Set(entries.filter((e) => !e.productFeature).flatMap((e) => e.controls));
  return {
    controls: controls.map((c) => (attestable.has(c.id) ? c : { ...c, productFeature: true })),
    directArtifactIds: [...new Set(entries.flatMap((e) => e.artifacts))],
    artifacts: prepared.library.artifacts,
    customer,
    euRegulation,
    productFeature: entries.length > 0 && entries.every((e) => e.productFeature === true),
  };
}

export interface CitationOption {
  readonly artifactId: string;
  readonly type: Citation["type"];
  readonly title: string;
  readonly reason: string;
}

export interface CitationOptions {
  /** What a reviewer may cite on this answer, strongest first (the policy's order and reasons). */
  readonly allowed: CitationOption[];
  /** Every other artifact of the library, with why the policy does not let this answer cite it. */
  readonly notAllowed: CitationOption[];
}

/**
 * The citations a reviewer may choose among: exactly what the policy would accept for an answer
 * drafted from these entries for this customer, without the two-citation cut (validity on the
 * as-of date, NDA, internal documents, SOC 2 type and categories in scope, ISO SoA, product
 * features). A reviewer's choice is judged by the same function, so the page offers what the API
 * accepts. Bridge letters follow their report, as in drafting.
 */
export function citationOptions(
  prepared: PreparedLibrary,
  entries: readonly LibraryEntry[],
  questionText: string,
  customer: CustomerContext,
): CitationOptions {
  const request = citationRequest(prepared, entries, asksAboutEuRegulation(questionText), customer);
  const decision = decideCitations({ ...request, maxCitations: Number.POSITIVE_INFINITY });
  const allowed = [...decision.citations, ...decision.onRequest];
  const notAllowed = prepared.library.artifacts
    .filter((a) => !allowed.some((c) => c.artifactId === a.id))
    .map((a) => ({
      artifactId: a.id,
      type: a.type,
      title: a.title,
      reason: decision.withheld.find((w) => w.artifactId === a.id)?.reason ?? unrelated(a),
    }));
  // The policy passes over what does not bear on the answer (and a replaced report) without a
  // word. A reviewer asking for one by hand is told first what would stop it for any answer (not
  // current on the day, no NDA, internal), as if it had been asked about directly, then that it
  // does not bear on this one.
  function unrelated(a: Artifact): string {
    const standing = artifactStanding(a, prepared.library.artifacts, customer.asOf);
    if (standing.state !== "current") return `"${a.title}" is not current on ${customer.asOf}: ${standing.reason}`;
    const alone = decideCitations({
      ...request,
      directArtifactIds: [a.id],
      productFeature: false,
      maxCitations: Number.POSITIVE_INFINITY,
    });
    const barred = alone.withheld.find((w) => w.artifactId === a.id);
    if (barred) return barred.reason;
    return entries.length === 0
      ? `"${a.title}" cannot be cited: the answer stands on no library entry (choose one first)`
      : `"${a.title}" does not speak to this answer's controls`;
  }
  return { allowed, notAllowed };
}
