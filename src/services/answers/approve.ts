import { approvalValueProblem } from "../../domain/answering/agreement.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";
import { recordConflicts } from "../library/conflicts.js";
import { applyChange } from "./apply.js";
import { type AnswerRow, answerRow } from "./shape.js";

/** Why this answer cannot be approved as it stands (no text; a Yes/No or choice without a valid value), or null. */
export function approvalProblem(row: AnswerRow): { code: string; message: string; status: number } | null {
  if (row.text === null || row.text.trim() === "") {
    return {
      code: "nothing_to_approve",
      message: `answer ${row.id} has no text; edit it before approving`,
      status: 409,
    };
  }
  const value = approvalValueProblem(
    { text: row.question, kind: row.kind, allowedValues: row.allowedValues },
    row.value,
  );
  return value ? { code: "value_required", message: `answer ${row.id}: ${value}`, status: 422 } : null;
}

/**
 * Approves the answer as it stands. An answer with no text has nothing to approve, and a Yes/No or
 * choice answer needs a value its question allows (a blank dropdown is not an answer). An approved
 * value that disagrees with its library entry opens a conflict for the entry's owner.
 */
export async function approveAnswer(ctx: ServiceContext, id: string): Promise<AnswerRow> {
  const row = await answerRow(ctx, id);
  const problem = approvalProblem(row);
  if (problem) throw new QuireError(problem.code, problem.message, problem.status);
  if (row.status === "approved") return row;
  const approved = await applyChange(
    ctx,
    row,
    "approve",
    { status: "approved", reviewer: ctx.actor, rejectReason: null },
    { citations: row.citations.map((c) => c.artifactId) },
  );
  await recordConflicts(ctx, [approved]);
  return approved;
}
