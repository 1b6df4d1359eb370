import type { ServiceContext } from "../context.js";
import { applyChange } from "./apply.js";
import { type AnswerRow, answerRow } from "./shape.js";

/** Hands the answer to another reviewer (a name or e-mail; Quire does not manage people). */
export async function reassignAnswer(ctx: ServiceContext, id: string, assignee: string | null): Promise<AnswerRow> {
  const row = await answerRow(ctx, id);
  return applyChange(ctx, row, "reassign", { assignee });
}
