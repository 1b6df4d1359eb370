import { atomic } from "../../db/atomic.js";
import { disagreement } from "../../domain/answering/agreement.js";
import { addMonths } from "../../domain/dates.js";
import { isInverted } from "../../domain/drafting/inversion.js";
import { QuireError } from "../../domain/errors.js";
import { type LibraryEntry, LibraryEntrySchema } from "../../domain/library/types.js";
import { type ServiceContext, todayOf } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";
import { putLibraryItem } from "../library/put.js";
import { changeStatements } from "./apply.js";
import { answerRow } from "./shape.js";

export type RememberInput =
  | { as: "phrasing"; entryId?: string | undefined }
  | { as: "entry"; entryId: string; topic?: string | undefined };

/**
 * "Approve and remember": an approved answer teaches the library. As a phrasing, the customer's
 * wording joins an entry's alternate phrasings so the next questionnaire matches it directly (only an
 * entry that answers it the way the reviewer approved, asked in the same sense); as an entry, the
 * reviewed answer becomes a new entry standing on the same controls and artifacts.
 */
export async function rememberAnswer(
  ctx: ServiceContext,
  id: string,
  input: RememberInput,
): Promise<{ entry: LibraryEntry; created: boolean }> {
  const row = await answerRow(ctx, id);
  if (row.status !== "approved") {
    throw new QuireError("not_approved", `answer ${id} must be approved before it is saved to the library`, 409);
  }
  const prepared = await preparedLibraryFor(ctx);
  const today = todayOf(ctx.clock);

  if (input.as === "phrasing") {
    const entryId = input.entryId ?? row.entryId;
    const entry = entryId ? prepared.entriesById.get(entryId) : undefined;
    if (!entry) throw new QuireError("unknown_entry", "name the library entry to add the phrasing to (entryId)", 422);
    const question = { text: row.question, kind: row.kind, allowedValues: row.allowedValues };
    // A phrasing must ask what its entry asks, in the same sense, and be answered as the entry answers:
    // otherwise the next buyer who asks it this way gets the entry's answer, which says the opposite.
    const opposite = disagreement(question, row.value, entry);
    if (opposite) {
      throw new QuireError(
        "phrasing_contradicts_entry",
        `${opposite}; remember this answer as a new entry, or add the wording to an entry that answers "${row.value}"`,
        409,
      );
    }
    if (entry.short !== null && isInverted(row.question, entry.question)) {
      throw new QuireError(
        "phrasing_contradicts_entry",
        `"${row.question}" is asked in the opposite sense of entry ${entry.id} ("${entry.question}"); as its phrasing it would be answered the wrong way round, so remember it as a new entry`,
        409,
      );
    }
    const known = [entry.question, ...entry.phrasings].some(
      (p) => p.trim().toLowerCase() === row.question.trim().toLowerCase(),
    );
    const updated: LibraryEntry = known
      ? entry
      : { ...entry, phrasings: [...entry.phrasings, row.question], lastReviewed: today };
    if (!known) await putLibraryItem(ctx, "entries", updated, "replace");
    await atomic(ctx.db, changeStatements(ctx, row, "remember", {}, { as: "phrasing", entryId: entry.id }));
    return { entry: updated, created: false };
  }

  const base = row.entryId ? prepared.entriesById.get(row.entryId) : undefined;
  const candidate = LibraryEntrySchema.safeParse({
    id: input.entryId,
    topic: input.topic ?? base?.topic ?? "general",
    question: row.question,
    phrasings: [],
    short: row.value,
    answer: row.text ?? "",
    controls: base?.controls ?? [],
    artifacts: row.citations.map((c) => c.artifactId),
    owner: ctx.actor,
    lastReviewed: today,
    reviewBy: addMonths(today, 12),
  });
  if (!candidate.success) {
    const issue = candidate.error.issues[0];
    throw new QuireError(
      "invalid_entry",
      `cannot become a library entry: ${issue?.path.join(".")}: ${issue?.message}`,
      422,
    );
  }
  await putLibraryItem(ctx, "entries", candidate.data, "create");
  await atomic(ctx.db, changeStatements(ctx, row, "remember", {}, { as: "entry", entryId: candidate.data.id }));
  return { entry: candidate.data, created: true };
}
