import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Question, QuestionKind } from "../src/domain/questionnaire/types.js";

/** One labelled buyer question (fixtures/eval/README.md). */
export const EvalItemSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(["yes_no", "choice", "free_text"]),
  acceptable: z.array(z.string()),
  answerable: z.boolean(),
  topic: z.string().optional(),
  inverted: z.literal(true).optional(),
  /** The questionnaire family the question is written in the style of (fixtures/eval/README.md). */
  family: z.string().default("mixed-buyer"),
  /** What the answer cell allows in that family: a Yes/No dropdown, a choice, or free text. */
  answerFormat: z.enum(["yes_no", "choice", "free_text"]).optional(),
  /** The row before, for follow-up rows that only make sense after it. */
  previous: z.string().optional(),
  /** The section heading the question sits under in its questionnaire, when it has one. */
  section: z.string().optional(),
});
export type EvalItem = z.infer<typeof EvalItemSchema>;

export function readEvalSet(path: string): EvalItem[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => EvalItemSchema.parse(JSON.parse(line)));
}

/** "(Monthly / Quarterly / Annually)" at the end of a choice question: the allowed values. */
export function choiceOptions(text: string): string[] | null {
  const m = /\(([^()]*\/[^()]*)\)\s*\??\s*$/.exec(text);
  if (!m?.[1]) return null;
  // A slash between digits ("24/7 internal SOC") or in "N/A" is part of one option.
  const options = m[1]
    .replace(/(\d)\/(\d)|\b(N)\/(A)\b/g, "$1$3\u0000$2$4")
    .split("/")
    .map((s) => s.replaceAll("\u0000", "/"))
    .map((s) => s.trim())
    .filter(Boolean);
  return options.length >= 2 ? options : null;
}

/** The eval item as the ingest layer would hand it to the engine. */
export function toQuestion(item: EvalItem): Question {
  // The cell decides what may be written: an open question in a Yes/No dropdown column is still
  // offered Yes / No / N/A, and the engine must see that it asks for words, not a value.
  const format: QuestionKind = item.answerFormat ?? item.kind;
  const options = format === "choice" ? choiceOptions(item.text) : null;
  // A "choice" row that lists no options ("Is the report a Type 1 (point in time) or Type 2…?") has
  // no dropdown for ingest to read: its cell takes words, as a free-text row's does.
  const kind: QuestionKind = format === "choice" && options === null ? "free_text" : format;
  return {
    id: item.id,
    sourceId: item.id,
    section: item.section ?? null,
    text: item.text,
    kind,
    allowedValues: kind === "choice" ? options : kind === "yes_no" ? ["Yes", "No", "N/A"] : null,
    location: { sheet: null, row: null, answerCell: null, commentCell: null },
    existingAnswer: null,
  };
}
