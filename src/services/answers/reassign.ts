import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";
import { activeUserByEmail } from "../users/shape.js";
import { applyChange } from "./apply.js";
import { type AnswerRow, answerRow } from "./shape.js";

export interface ReassignInput {
  /** A user's email; null unassigns. */
  assignee: string | null;
  /** Answer by this day (YYYY-MM-DD); null clears it, left out keeps it. */
  dueOn?: string | null | undefined;
}

/**
 * Hands the answer to a person of the tenant (by email), optionally with a due date (announced as
 * answer.assigned). The assignee is a user, so "my queue" (assignee=me) finds it.
 */
export async function reassignAnswer(ctx: ServiceContext, id: string, input: ReassignInput): Promise<AnswerRow> {
  const row = await answerRow(ctx, id);
  const user = input.assignee === null ? null : await activeUserByEmail(ctx, input.assignee);
  if (input.assignee !== null && !user) {
    throw new QuireError(
      "unknown_user",
      `assignee: no active user with email ${input.assignee}; add the person with POST /v1/users`,
      422,
    );
  }
  return applyChange(ctx, row, "reassign", {
    assignee: user?.email ?? null,
    ...(input.dueOn !== undefined && { dueOn: input.dueOn }),
  });
}
