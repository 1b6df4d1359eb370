import { z } from "zod";
import { FrameworkRefSchema } from "../library/types.js";
import { QuestionKindSchema, SourceFormatSchema } from "../questionnaire/types.js";
import { CustomerContextSchema } from "./customer.js";
import { LlmAccountSchema } from "./llm-account.js";
import { DRAFT_STATUSES, type StoredAnswerStatus } from "./status.js";

/** The JSON report of one answered questionnaire: the CLI contract (README) and the API's body. */
export const CitationSchema = z.object({
  artifactId: z.string(),
  type: z.string(),
  title: z.string(),
  reason: z.string(),
});

export const WithheldSchema = z.object({ artifactId: z.string(), reason: z.string() });

/** Why an answer was not drafted as current: an entry or artifact it rests on has lapsed. */
export const StaleSchema = z.object({
  kind: z.enum(["entry", "artifact"]),
  subject: z.string(),
  owner: z.string().nullable(),
  reason: z.string(),
});

export const AnswerStatusSchema = z.enum(DRAFT_STATUSES);

export const ReportQuestionSchema = z.object({
  id: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  sourceId: z.string().nullable(),
  section: z.string().nullable(),
  question: z.string(),
  kind: QuestionKindSchema,
  allowedValues: z.array(z.string()).nullable(),
  status: AnswerStatusSchema,
  answer: z.object({ value: z.string().nullable(), text: z.string() }).nullable(),
  confidence: z.number().min(0).max(1),
  entryId: z.string().nullable(),
  /** Set when the answer combines two entries (a question with two asks); entryId is the first. */
  entryIds: z.array(z.string()).optional(),
  /** Who wrote the answer text: the offline engine (default when absent) or the LLM drafter. */
  draftedBy: z.enum(["offline", "llm"]).optional(),
  controls: z.array(FrameworkRefSchema),
  citations: z.array(CitationSchema),
  /** Allowed for this customer but beyond the two strongest citations: listed as available on request. */
  onRequest: z.array(CitationSchema).optional(),
  withheld: z.array(WithheldSchema),
  /** Present when the answer rests on something that has lapsed on the as-of date (it is then never drafted). */
  stale: z.array(StaleSchema).optional(),
  /**
   * The runners-up, most confident first. `confidence` is the calibrated 0–1 probability, the same
   * scale as the answer's; `score` is the raw rank score, comparable within one question only.
   */
  alternatives: z.array(z.object({ entryId: z.string(), score: z.number(), confidence: z.number().optional() })),
  /** Beyond the contract's minimum: why a reviewer should look, and what matched. */
  notes: z.array(z.string()),
  matchedTerms: z.array(z.string()),
  existingAnswer: z.string().nullable(),
});
export type ReportQuestion = z.infer<typeof ReportQuestionSchema>;

export const ReportSummarySchema = z.object({
  questions: z.number().int(),
  drafted: z.number().int(),
  needsReview: z.number().int(),
  noMatch: z.number().int(),
  citationsMade: z.number().int(),
  citationsWithheld: z.number().int(),
  /** Artifacts allowed but not cited (beyond two per answer), offered on request. */
  citationsOnRequest: z.number().int(),
  /** Answers sent to review because an entry or artifact they rest on has lapsed. */
  stale: z.number().int(),
  alreadyAnswered: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const AnswerReportSchema = z.object({
  source: z.object({ file: z.string(), format: SourceFormatSchema }),
  customer: CustomerContextSchema.pick({ region: true, ndaOnFile: true, asOf: true }),
  questions: z.array(ReportQuestionSchema),
  summary: ReportSummarySchema,
  warnings: z.array(z.string()),
  /** Present when the LLM drafter ran: its calls, tokens (cache reads and writes), estimated cost and budget. */
  llm: LlmAccountSchema.optional(),
});
export type AnswerReport = z.infer<typeof AnswerReportSchema>;

/** A stored report's question after review: its status may also be a reviewer's approved or rejected. */
export type ReviewedQuestion = Omit<ReportQuestion, "status"> & { readonly status: StoredAnswerStatus };
/** A report as exports read it: a fresh AnswerReport is one, and so is a reviewed questionnaire's. */
export type ReviewedReport = Omit<AnswerReport, "questions"> & { readonly questions: readonly ReviewedQuestion[] };

export function summarize(questions: readonly ReviewedQuestion[]): ReportSummary {
  // One pass: a 5,000-row report was walked nine times.
  const summary = {
    questions: questions.length,
    drafted: 0,
    needsReview: 0,
    noMatch: 0,
    citationsMade: 0,
    citationsWithheld: 0,
    citationsOnRequest: 0,
    stale: 0,
    alreadyAnswered: 0,
  };
  for (const q of questions) {
    if (q.status === "drafted") summary.drafted++;
    else if (q.status === "needs_review") summary.needsReview++;
    else if (q.status === "no_match") summary.noMatch++;
    summary.citationsMade += q.citations.length;
    summary.citationsWithheld += q.withheld.length;
    summary.citationsOnRequest += q.onRequest?.length ?? 0;
    if ((q.stale?.length ?? 0) > 0) summary.stale++;
    if (q.existingAnswer !== null) summary.alreadyAnswered++;
  }
  return summary;
}

/**
 * One warning line per lapsed entry or artifact, with how many answers it held back, so the report
 * says at a glance what the owners must renew or review.
 */
export function staleWarnings(questions: readonly ReportQuestion[]): string[] {
  const bySubject = new Map<string, { kind: string; reason: string; owner: string | null; count: number }>();
  for (const q of questions) {
    for (const s of q.stale ?? []) {
      const seen = bySubject.get(s.subject);
      if (seen) seen.count++;
      else bySubject.set(s.subject, { kind: s.kind, reason: s.reason, owner: s.owner, count: 1 });
    }
  }
  return [...bySubject.entries()].map(([subject, s]) => {
    const who = s.owner ? ` (owner ${s.owner})` : "";
    const answers = `${s.count} answer${s.count === 1 ? "" : "s"} not drafted`;
    return `stale ${s.kind} ${subject}${who}: ${answers}; ${s.reason}`;
  });
}

/** The report's warnings with the stale lines recomputed for these questions (after a refinement). */
export function withStaleWarnings(warnings: readonly string[], questions: readonly ReportQuestion[]): string[] {
  return [...warnings.filter((w) => !w.startsWith("stale ")), ...staleWarnings(questions)];
}
