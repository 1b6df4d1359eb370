import { citeEntries } from "../../domain/answering/cite.js";
import { mapShortAnswer } from "../../domain/drafting/values.js";
import { QuireError } from "../../domain/errors.js";
import { fillPlaceholders } from "../../domain/freshness/placeholders.js";
import type { ServiceContext } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";
import { customerContextOf, questionnaireRow } from "../questionnaires/shape.js";
import { applyChange } from "./apply.js";
import { answerCitationOptions, reviewerCitations } from "./citations.js";
import { type AnswerRow, answerRow } from "./shape.js";

export interface EditAnswerInput {
  value?: string | null | undefined;
  text?: string | undefined;
  /** Another library entry: its answer becomes the draft unless value/text are given too. */
  entryId?: string | null | undefined;
  /** Artifact ids to cite instead of the drafted citations. */
  citations?: string[] | undefined;
}

/**
 * A reviewer's edit. The answer goes back to needs_review: an edit is not an approval, and an
 * approved answer that changes must be approved again.
 */
export async function editAnswer(ctx: ServiceContext, id: string, input: EditAnswerInput): Promise<AnswerRow> {
  const row = await answerRow(ctx, id);
  const qn = await questionnaireRow(ctx, row.questionnaireId);
  const customer = customerContextOf(qn);
  const prepared = await preparedLibraryFor(ctx);
  const changes: Parameters<typeof applyChange>[3] = { status: "needs_review", reviewer: null, rejectReason: null };

  if (input.entryId !== undefined && input.entryId !== row.entryId) {
    if (input.entryId === null) {
      changes.entryId = null;
      changes.entryIds = null;
    } else {
      const entry = prepared.entriesById.get(input.entryId);
      if (!entry) throw new QuireError("unknown_entry", `library entry ${input.entryId} does not exist`, 422);
      changes.entryId = entry.id;
      changes.entryIds = null;
      changes.value = entry.short === null ? null : mapShortAnswer(entry.short, row.allowedValues);
      // The entry's text with its artifact facts as they stand on the questionnaire's date.
      changes.text = fillPlaceholders(entry.answer, prepared.library.artifacts, customer.asOf).text;
      // The entry's own citations, decided by the policy for this customer.
      const decision = citeEntries(prepared, [entry], row.question, customer);
      changes.citations = decision.citations;
      changes.onRequest = decision.onRequest;
      changes.controls = decision.refs;
    }
  }
  if (input.value !== undefined) {
    if (input.value !== null && row.allowedValues && !row.allowedValues.includes(input.value)) {
      throw new QuireError(
        "value_not_allowed",
        `value must be one of ${row.allowedValues.map((v) => `"${v}"`).join(", ")}`,
        422,
      );
    }
    changes.value = input.value;
  }
  if (input.text !== undefined) changes.text = input.text;
  if (input.citations !== undefined) {
    // Judged against the entry the answer stands on after this edit (a swap in the same request counts).
    const entryId = changes.entryId !== undefined ? changes.entryId : row.entryId;
    const entryIds = changes.entryIds !== undefined ? changes.entryIds : row.entryIds;
    changes.citations = reviewerCitations(
      prepared,
      input.citations,
      { entryId, entryIds, question: row.question },
      customer,
    );
    // A citation the reviewer dropped is still allowed: offered on request, not lost.
    changes.onRequest = answerCitationOptions(
      prepared,
      { entryId, entryIds, question: row.question },
      customer,
    ).allowed.filter((c) => !input.citations?.includes(c.artifactId));
  }
  return applyChange(ctx, row, "edit", changes, {
    fields: Object.keys(input),
    ...(input.citations && { citedArtifacts: input.citations }),
  });
}
