import type { PreparedLibrary } from "../../domain/answering/answer-questions.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import { decideCitations, MAX_CITATIONS } from "../../domain/citation/policy.js";
import { QuireError } from "../../domain/errors.js";
import type { AnswerRow } from "./shape.js";

/**
 * Citations a reviewer chose, checked by the same policy as drafted ones: a reviewer cannot send
 * an NDA-only SOC 2 report to a customer without an NDA, or an expired certificate, by hand, nor
 * more than two artifacts.
 */
export function reviewerCitations(
  prepared: PreparedLibrary,
  artifactIds: readonly string[],
  entryId: string | null,
  customer: CustomerContext,
): AnswerRow["citations"] {
  if (new Set(artifactIds).size > MAX_CITATIONS) {
    throw new QuireError(
      "too_many_citations",
      `an answer cites at most ${MAX_CITATIONS} artifacts; the rest are offered on request`,
      422,
    );
  }
  const artifacts = artifactIds.map((id) => {
    const artifact = prepared.library.artifacts.find((a) => a.id === id);
    if (!artifact) throw new QuireError("unknown_artifact", `artifact ${id} is not in the library`, 422);
    return artifact;
  });
  const entry = entryId ? prepared.entriesById.get(entryId) : undefined;
  const controls = (entry?.controls ?? []).flatMap((c) => prepared.controlsById.get(c) ?? []);
  const decision = decideCitations({
    controls,
    directArtifactIds: [...artifactIds],
    artifacts,
    customer,
    euRegulation: false,
  });
  for (const id of artifactIds) {
    if (decision.citations.some((c) => c.artifactId === id)) continue;
    const why = decision.withheld.find((w) => w.artifactId === id)?.reason ?? `artifact ${id} does not apply`;
    throw new QuireError("citation_not_allowed", why, 422);
  }
  return decision.citations.map((c) => ({ ...c, reason: `chosen by reviewer; ${c.reason}` }));
}
