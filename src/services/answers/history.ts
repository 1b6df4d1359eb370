import { and, asc, eq } from "drizzle-orm";
import { answerHistory } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { answerRow } from "./shape.js";

export async function answerHistoryOf(ctx: ServiceContext, id: string) {
  await answerRow(ctx, id);
  const rows = await ctx.db
    .select()
    .from(answerHistory)
    .where(and(eq(answerHistory.tenantId, ctx.tenantId), eq(answerHistory.answerId, id)))
    .orderBy(asc(answerHistory.at), asc(answerHistory.id));
  return rows.map(({ tenantId: _, ...r }) => r);
}
