import { and, desc, eq, lt, or } from "drizzle-orm";
import { questionnaires } from "../../db/schema/index.js";
import type { QuestionnaireStatus } from "../../domain/questionnaire/status.js";
import type { ServiceContext } from "../context.js";
import { decodeCursor, encodeCursor, type Page } from "../pagination.js";
import { type QuestionnaireView, toQuestionnaire } from "./shape.js";

export interface ListQuestionnairesInput {
  limit: number;
  cursor?: string | undefined;
  status?: QuestionnaireStatus | undefined;
  customerId?: string | undefined;
}

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while uploads arrive. */
export async function listQuestionnaires(
  ctx: ServiceContext,
  input: ListQuestionnairesInput,
): Promise<Page<QuestionnaireView>> {
  const after = input.cursor ? decodeCursor(input.cursor, 2) : null;
  const rows = await ctx.db
    .select()
    .from(questionnaires)
    .where(
      and(
        eq(questionnaires.tenantId, ctx.tenantId),
        input.status ? eq(questionnaires.status, input.status) : undefined,
        input.customerId ? eq(questionnaires.customerId, input.customerId) : undefined,
        after
          ? or(
              lt(questionnaires.createdAt, String(after[0])),
              and(eq(questionnaires.createdAt, String(after[0])), lt(questionnaires.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(desc(questionnaires.createdAt), desc(questionnaires.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map(toQuestionnaire),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}
