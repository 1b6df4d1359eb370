import { and, eq } from "drizzle-orm";
import { questionnaires } from "../../db/schema/index.js";
import type { CustomerContext, Region } from "../../domain/answering/customer.js";
import type { LlmAccount } from "../../domain/answering/llm-account.js";
import { QuireError } from "../../domain/errors.js";
import type { LayoutHints } from "../../domain/questionnaire/layout-hints.js";
import type { QuestionnaireStatus } from "../../domain/questionnaire/status.js";
import type { StoredFormat } from "../../domain/questionnaire/types.js";
import type { ServiceContext } from "../context.js";

export type QuestionnaireRow = typeof questionnaires.$inferSelect;

export interface QuestionnaireView {
  id: string;
  customerId: string | null;
  fileName: string;
  format: StoredFormat;
  status: QuestionnaireStatus;
  failure: { code: string; message: string } | null;
  customer: {
    region: Region;
    nda: { onFile: boolean; until: string | null };
    /** Deprecated spellings of nda.onFile / nda.until, kept for existing clients. */
    ndaOnFile: boolean;
    ndaUntil: string | null;
    asOf: string;
  };
  hints: LayoutHints | null;
  deal: { stage: string; amount: number | null } | null;
  summary: Record<string, number> | null;
  warnings: string[];
  /** What drafting with the LLM cost, when it ran. */
  llm: LlmAccount | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const toQuestionnaire = (r: QuestionnaireRow): QuestionnaireView => ({
  id: r.id,
  customerId: r.customerId,
  fileName: r.fileName,
  format: r.format,
  status: r.status,
  failure: r.failure ? { code: r.failure.code, message: r.failure.message } : null,
  customer: {
    region: r.region,
    nda: { onFile: r.ndaOnFile, until: r.ndaUntil },
    ndaOnFile: r.ndaOnFile,
    ndaUntil: r.ndaUntil,
    asOf: r.asOf,
  },
  hints: r.hints,
  deal: r.dealStage ? { stage: r.dealStage, amount: r.dealAmount } : null,
  summary: r.summary,
  warnings: r.warnings ?? [],
  llm: r.llmUsage ?? null,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const customerContextOf = (r: QuestionnaireRow): CustomerContext => ({
  region: r.region,
  ndaOnFile: r.ndaOnFile,
  ndaUntil: r.ndaUntil,
  asOf: r.asOf,
});

/** The tenant's questionnaire, or 404 (another tenant's id included). */
export async function questionnaireRow(ctx: ServiceContext, id: string): Promise<QuestionnaireRow> {
  const rows = await ctx.db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.tenantId, ctx.tenantId), eq(questionnaires.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new QuireError("not_found", `questionnaire ${id} not found`, 404);
  return row;
}
