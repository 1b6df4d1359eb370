import { z } from "zod";
import { columnNumber, MAX_COL, MAX_ROW } from "./cell-ref.js";

/**
 * Layout hints a caller gives when detection is unsure: the CLI flags, the API's form fields and
 * the upload page all go through this one schema, and ingest reads the result. Every field is
 * optional; a given one overrides detection. An empty form field counts as not given.
 */

/** A column as people write it in a hint: letters (`C`) or a 1-based number (`3`); null if neither. */
export function parseColumnSpec(spec: string): number | null {
  const t = spec.trim();
  if (/^[0-9]+$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= MAX_COL ? n : null;
  }
  return columnNumber(t);
}

/** HTML forms send an empty string for an empty input: that is "no hint", not an invalid one. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const column = (what: string) =>
  optional(
    z
      .string()
      .trim()
      .max(10)
      .refine((s) => parseColumnSpec(s) !== null, `the ${what} column must be a letter (C) or a number (3)`),
  ).describe(`Layout hint: the ${what} column, as a letter (C) or a 1-based number (3)`);

export const LayoutHintsSchema = z.object({
  sheet: optional(z.string().trim().max(100)).describe("Layout hint: the sheet with the questions"),
  headerRow: optional(
    z.coerce
      .number({ error: "the header row must be a whole number from 1" })
      .int({ error: "the header row must be a whole number from 1" })
      .min(1, { error: "the header row must be a whole number from 1" })
      .max(MAX_ROW, { error: `the header row must be at most ${MAX_ROW}` }),
  ).describe("Layout hint: 1-based header row"),
  questionColumn: column("question"),
  answerColumn: column("answer"),
  commentColumn: column("comment"),
  /** The column of the buyer's question ids ("AC-01"), when detection picks a row counter ("#"). */
  idColumn: column("id"),
});
export type LayoutHints = z.infer<typeof LayoutHintsSchema>;

/** The hints that were given, or undefined when none was (so nothing is stored for an upload without hints). */
export function givenHints(hints: LayoutHints | undefined): LayoutHints | undefined {
  if (!hints) return undefined;
  const { sheet, headerRow, questionColumn, answerColumn, commentColumn, idColumn } = hints;
  const given: LayoutHints = {
    ...(sheet !== undefined && { sheet }),
    ...(headerRow !== undefined && { headerRow }),
    ...(questionColumn !== undefined && { questionColumn }),
    ...(answerColumn !== undefined && { answerColumn }),
    ...(commentColumn !== undefined && { commentColumn }),
    ...(idColumn !== undefined && { idColumn }),
  };
  return Object.keys(given).length > 0 ? given : undefined;
}
