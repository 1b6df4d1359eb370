import { z } from "zod";

export const QUESTION_KINDS = ["yes_no", "choice", "free_text"] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

export const SOURCE_FORMATS = ["xlsx", "csv", "pdf"] as const;
export const SourceFormatSchema = z.enum(SOURCE_FORMATS);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;
/** A stored upload's format: "unknown" until ingest has read a file whose name did not say. */
export const STORED_FORMATS = [...SOURCE_FORMATS, "unknown"] as const;
export type StoredFormat = (typeof STORED_FORMATS)[number];

/** Where a question sits in the customer's file, so its answer can be written back in place. */
export const QuestionLocationSchema = z.object({
  sheet: z.string().nullable(),
  /** 1-based row in the sheet; for CSV the record number (header = 1); null for PDF. */
  row: z.number().int().positive().nullable(),
  /**
   * A1 reference of the cell that receives the value (Yes/No/choice, or free text), if any. In a
   * form with one column per value (an X under "Yes" | "No" | "N/A") it is the row's span of those
   * columns, "C7:E7", and allowedValues name them in column order (cell-ref's parseMarkSpan).
   */
  answerCell: z.string().nullable(),
  /** A1 reference of the comment / explanation cell, if the layout has one. */
  commentCell: z.string().nullable(),
});
export type QuestionLocation = z.infer<typeof QuestionLocationSchema>;

export const QuestionSchema = z.object({
  id: z.string(),
  sourceId: z.string().nullable(),
  section: z.string().nullable(),
  text: z.string().min(1),
  kind: QuestionKindSchema,
  allowedValues: z.array(z.string()).nullable(),
  location: QuestionLocationSchema,
  /** A value the customer already put in the answer cell; kept and reported, never overwritten by default. */
  existingAnswer: z.string().nullable(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionnaireSchema = z.object({
  source: z.object({ file: z.string(), format: SourceFormatSchema }),
  questions: z.array(QuestionSchema),
  /** Things detection was unsure about, in words a person can act on. */
  warnings: z.array(z.string()),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
