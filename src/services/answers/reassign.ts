import type { ServiceContext } from "../context.js";
import { applyChange } from "./apply.js";
import { type AnswerRow, answerRow } from "./shape.js";

export interface ReassignInput {
  /** A user's email, or a free-text name; null unassigns. */
  assignee: string | null;
  /** Answer by this day (YYYY-MM-DD); null clears it, left out keeps it. */
  dueOn?: string | null | undefined;
}

/** Hands the answer to someone, optionally with a due date (announced as answer.assigned). */
export async function reassignAnswer(ctx: ServiceContext, id: string, input: ReassignInput): Promise<AnswerRow> {
  const row = await answerRow(ctx, id);
  return applyChange(ctx, row, "reassign", {
    assignee: input.assignee,
    ...(input.dueOn !== undefined && { dueOn: input.dueOn }),
  });
}
