import type { ServiceContext } from "../context.js";
import { applyChange } from "./apply.js";
import { type AnswerRow, answerRow } from "./shape.js";

export async function rejectAnswer(ctx: ServiceContext, id: string, reason: string): Promise<AnswerRow> {
  const row = await answerRow(ctx, id);
  return applyChange(ctx, row, "reject", { status: "rejected", reviewer: ctx.actor, rejectReason: reason });
}
