/**
 * The API's shapes, taken from the server's zod schemas. Type-only imports: esbuild drops them, so
 * nothing server-side reaches the browser bundle (scripts/build-web.ts refuses a bundle that would).
 */
import type { z } from "@hono/zod-openapi";
import type { DemandReportSchema } from "../../api/insight-schemas.js";
import type {
  AnswerDetailSchema,
  AnswerEditSchema,
  AnswerReassignSchema,
  AnswerRejectSchema,
  AnswerSummarySchema,
  AttentionListSchema,
  BulkApproveResultSchema,
  BulkApproveSchema,
  CitationCheckSchema,
  CommentSchema,
  CustomerInputSchema,
  CustomerSchema,
  HistoryEntrySchema,
  ProblemSchema,
  QuestionnaireSchema,
  RememberAnswerSchema,
  SweepResultSchema,
  UserSchema,
  WhoAmISchema,
} from "../../api/schemas.js";

export type { Region } from "../../domain/answering/customer.js";
export type { AnswerSort } from "../../domain/answering/status.js";

export type Problem = z.output<typeof ProblemSchema>;
export type Customer = z.output<typeof CustomerSchema>;
export type CustomerInput = z.input<typeof CustomerInputSchema>;
export type Questionnaire = z.output<typeof QuestionnaireSchema>;
export type AnswerSummary = z.output<typeof AnswerSummarySchema>;
export type AnswerDetail = z.output<typeof AnswerDetailSchema>;
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;
export type AnswerEdit = z.input<typeof AnswerEditSchema>;
export type AnswerReassign = z.input<typeof AnswerReassignSchema>;
export type AnswerReject = z.input<typeof AnswerRejectSchema>;
export type RememberAnswer = z.input<typeof RememberAnswerSchema>;
export type BulkApprove = z.input<typeof BulkApproveSchema>;
export type BulkApproveResult = z.output<typeof BulkApproveResultSchema>;
export type AttentionList = z.output<typeof AttentionListSchema>;
export type CitationCheck = z.output<typeof CitationCheckSchema>;
export type SweepResult = z.output<typeof SweepResultSchema>;
export type DemandReport = z.output<typeof DemandReportSchema>;
export interface DemandCharts {
  report: DemandReport;
  charts: { id: string; title: string; svg: string }[];
}
export type WhoAmI = z.output<typeof WhoAmISchema>;
export type User = z.output<typeof UserSchema>;
export type Comment = z.output<typeof CommentSchema>;

/** One page of a cursor-paginated list (src/api/route-kit.ts `Page`). */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
