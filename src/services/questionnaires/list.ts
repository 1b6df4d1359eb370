import { and, eq } from "drizzle-orm";
import { questionnaires } from "../../db/schema/index.js";
import type { QuestionnaireStatus } from "../../domain/questionnaire/status.js";
import type { ServiceContext } from "../context.js";
import { keyset, type Page } from "../pagination.js";
import { type QuestionnaireRow, type QuestionnaireView, toQuestionnaire } from "./shape.js";

export interface ListQuestionnairesInput {
  limit: number;
  cursor?: string | undefined;
  status?: QuestionnaireStatus | undefined;
  customerId?: string | undefined;
}

const newestFirst = keyset([questionnaires.createdAt, questionnaires.id], "desc", (r: QuestionnaireRow) => [
  r.createdAt,
  r.id,
]);

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while uploads arrive. */
export async function listQuestionnaires(
  ctx: ServiceContext,
  input: ListQuestionnairesInput,
): Promise<Page<QuestionnaireView>> {
  const rows = await ctx.db
    .select()
    .from(questionnaires)
    .where(
      and(
        eq(questionnaires.tenantId, ctx.tenantId),
        input.status ? eq(questionnaires.status, input.status) : undefined,
        input.customerId ? eq(questionnaires.customerId, input.customerId) : undefined,
        newestFirst.after(input.cursor),
      ),
    )
    .orderBy(...newestFirst.order)
    .limit(input.limit + 1);
  return newestFirst.page(rows, input.limit, toQuestionnaire);
}
