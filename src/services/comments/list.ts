import { and, asc, eq } from "drizzle-orm";
import { answerComments } from "../../db/schema/index.js";
import { answerRow } from "../answers/shape.js";
import type { ServiceContext } from "../context.js";
import type { CommentView } from "./add.js";

/** An answer's comments, oldest first. */
export async function listComments(ctx: ServiceContext, answerId: string): Promise<CommentView[]> {
  await answerRow(ctx, answerId);
  const rows = await ctx.db
    .select()
    .from(answerComments)
    .where(and(eq(answerComments.tenantId, ctx.tenantId), eq(answerComments.answerId, answerId)))
    .orderBy(asc(answerComments.createdAt), asc(answerComments.id));
  return rows.map(({ tenantId: _, ...r }) => r);
}
