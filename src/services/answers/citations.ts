import type { PreparedLibrary } from "../../domain/answering/answer-questions.js";
import { type CitationOptions, citationOptions } from "../../domain/answering/cite.js";
import type { CustomerContext } from "../../domain/answering/customer.js";
import { MAX_CITATIONS } from "../../domain/citation/policy.js";
import { QuireError } from "../../domain/errors.js";
import type { LibraryEntry } from "../../domain/library/types.js";
import type { AnswerRow } from "./shape.js";

/** The entries an answer stands on (several when drafted from more than one), as the library has them now. */
export function entriesOf(prepared: PreparedLibrary, row: Pick<AnswerRow, "entryId" | "entryIds">): LibraryEntry[] {
  const ids = row.entryIds?.length ? row.entryIds : row.entryId ? [row.entryId] : [];
  return ids.flatMap((id) => prepared.entriesById.get(id) ?? []);
}

/** What a reviewer may cite on this answer for its questionnaire's customer (GET /v1/answers/{id}). */
export function answerCitationOptions(
  prepared: PreparedLibrary,
  row: Pick<AnswerRow, "entryId" | "entryIds" | "question">,
  customer: CustomerContext,
): CitationOptions {
  return citationOptions(prepared, entriesOf(prepared, row), row.question, customer);
}

/**
 * Citations a reviewer chose, checked by the same policy as drafted ones (`citationOptions`): a
 * reviewer cannot send an NDA-only SOC 2 report to a customer without an NDA, an expired
 * certificate, a Type I as proof of operation, a report whose categories do not cover the answer,
 * or anything for a product feature, by hand, nor more than two artifacts.
 */
export function reviewerCitations(
  prepared: PreparedLibrary,
  artifactIds: readonly string[],
  row: Pick<AnswerRow, "entryId" | "entryIds" | "question">,
  customer: CustomerContext,
): AnswerRow["citations"] {
  const chosen = new Set(artifactIds);
  if (chosen.size > MAX_CITATIONS) {
    throw new QuireError(
      "too_many_citations",
      `an answer cites at most ${MAX_CITATIONS} artifacts; the rest are offered on request`,
      422,
    );
  }
  for (const id of chosen) {
    if (!prepared.library.artifacts.some((a) => a.id === id)) {
      throw new QuireError("unknown_artifact", `artifact ${id} is not in the library`, 422);
    }
  }
  const options = answerCitationOptions(prepared, row, customer);
  for (const id of chosen) {
    const refused = options.notAllowed.find((o) => o.artifactId === id);
    if (refused) throw new QuireError("citation_not_allowed", refused.reason, 422);
  }
  // In the policy's order (the strongest first), as a drafted answer would list them.
  return options.allowed
    .filter((c) => chosen.has(c.artifactId))
    .map((c) => ({ ...c, reason: `chosen by reviewer; ${c.reason}` }));
}
