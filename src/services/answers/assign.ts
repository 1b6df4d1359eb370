import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { answers, libraryEntries, questions } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { questionnaireRow } from "../questionnaires/shape.js";
import { activeUserByEmail } from "../users/shape.js";
import { deliveryWrites, subscribersOf } from "../webhooks/emit.js";
import { answerEventData, changeStatements } from "./apply.js";
import { type AnswerRow, answerColumns } from "./shape.js";

export interface AssignInput {
  /** A user's email. */
  assignee: string;
  /** Which answers: those on this sheet and/or in this section, and/or resting on an entry of this owner. */
  sheet?: string | undefined;
  section?: string | undefined;
  entryOwner?: string | undefined;
  /** Answer by this day; null clears it, left out keeps each answer's own. */
  dueOn?: string | null | undefined;
}

/** The library entries of the tenant that this owner keeps. */
async function entriesOwnedBy(ctx: ServiceContext, owner: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ id: libraryEntries.id, data: libraryEntries.data })
    .from(libraryEntries)
    .where(eq(libraryEntries.tenantId, ctx.tenantId));
  const wanted = owner.trim().toLowerCase();
  return new Set(
    rows
      .filter(
        (r) =>
          String(r.data.owner ?? "")
            .trim()
            .toLowerCase() === wanted,
      )
      .map((r) => r.id),
  );
}

/**
 * Hands a questionnaire's section (sheet or section heading) or every answer resting on one
 * owner's library entries to one person, in one transaction: a history row and an
 * answer.assigned event per answer, as a single reassignment gives. Approved answers are done and
 * stay as they are; answers already assigned so are left alone (no event for nothing).
 */
export async function assignAnswers(
  ctx: ServiceContext,
  questionnaireId: string,
  input: AssignInput,
): Promise<{ assignee: string; assigned: string[] }> {
  await questionnaireRow(ctx, questionnaireId);
  const user = await activeUserByEmail(ctx, input.assignee);
  if (!user) {
    throw new QuireError(
      "unknown_user",
      `assignee: no active user with email ${input.assignee}; add the person with POST /v1/users`,
      422,
    );
  }
  const owned = input.entryOwner !== undefined ? await entriesOwnedBy(ctx, input.entryOwner) : null;
  const rows = await ctx.db
    .select(answerColumns)
    .from(answers)
    .innerJoin(questions, and(eq(questions.tenantId, answers.tenantId), eq(questions.id, answers.id)))
    .where(and(eq(answers.tenantId, ctx.tenantId), eq(answers.questionnaireId, questionnaireId)))
    .orderBy(questions.ordinal);
  const matches = (r: AnswerRow) =>
    (input.sheet === undefined || r.sheet === input.sheet) &&
    (input.section === undefined || r.section === input.section) &&
    (owned === null || [r.entryId, ...(r.entryIds ?? [])].some((id) => id !== null && owned.has(id)));
  const dueOn = input.dueOn === undefined ? undefined : input.dueOn;
  const chosen = rows.filter(
    (r) =>
      matches(r) &&
      r.status !== "approved" &&
      (r.assignee !== user.email || (dueOn !== undefined && r.dueOn !== dueOn)),
  );
  const changes = { assignee: user.email, ...(dueOn !== undefined && { dueOn }) };
  const subscribers = await subscribersOf(ctx, "answer.assigned");
  const events = chosen.map((row) =>
    deliveryWrites(ctx, subscribers, "answer.assigned", {
      ...answerEventData(ctx, { ...row, ...changes }),
      bulk: true,
    }),
  );
  const by = {
    ...(input.sheet !== undefined && { sheet: input.sheet }),
    ...(input.section !== undefined && { section: input.section }),
    ...(input.entryOwner !== undefined && { entryOwner: input.entryOwner }),
  };
  await atomic(ctx.db, [
    ...chosen.flatMap((row) => changeStatements(ctx, row, "reassign", changes, { bulk: true, by })),
    ...events.flatMap((e) => e.statements),
  ]);
  await dispatchJobs(
    ctx,
    events.flatMap((e) => e.jobs),
  );
  return { assignee: user.email, assigned: chosen.map((r) => r.id) };
}
