import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";
import { applyChange } from "./apply.js";
import { type AnswerRow, answerRow } from "./shape.js";

/** Approves the answer as it stands. An answer with no text has nothing to approve. */
export async function approveAnswer(ctx: ServiceContext, id: string): Promise<AnswerRow> {
  const row = await answerRow(ctx, id);
  if (row.text === null || row.text.trim() === "") {
    throw new QuireError("nothing_to_approve", `answer ${id} has no text; edit it before approving`, 409);
  }
  if (row.status === "approved") return row;
  return applyChange(
    ctx,
    row,
    "approve",
    { status: "approved", reviewer: ctx.actor, rejectReason: null },
    { citations: row.citations.map((c) => c.artifactId) },
  );
}
