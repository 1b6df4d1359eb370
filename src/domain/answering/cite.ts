import { type CitationDecision, decideCitations } from "../citation/policy.js";
import type { FrameworkRef, LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";
import { SECURITY_CONCEPTS } from "../matching/vocabulary.js";
import type { PreparedLibrary } from "./answer-questions.js";
import type { CustomerContext } from "./customer.js";

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
  const controlIds = [...new Set(entries.flatMap((e) => e.controls))];
  const controls = controlIds.flatMap((id) => prepared.controlsById.get(id) ?? []);
  // A product-feature entry's controls prove nothing to an attestation, even beside another entry's.
  const attestable = new Set(entries.filter((e) => !e.productFeature).flatMap((e) => e.controls));
  const decision = decideCitations({
    controls: controls.map((c) => (attestable.has(c.id) ? c : { ...c, productFeature: true })),
    directArtifactIds: [...new Set(entries.flatMap((e) => e.artifacts))],
    artifacts: prepared.library.artifacts,
    customer,
    euRegulation: EU_REGULATION.some((p) => p.test(normalizeText(questionText))),
    productFeature: entries.length > 0 && entries.every((e) => e.productFeature === true),
  });
  const refs = controls
    .flatMap((c) => c.refs)
    .filter((r, i, all) => all.findIndex((x) => x.framework === r.framework && x.ref === r.ref) === i);
  return { ...decision, refs };
}
