import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ReportQuestion } from "../src/domain/answering/report.js";
import type { EvalItem } from "./dataset.js";
import type { Outcome } from "./score.js";

/**
 * The strict parts of the eval (fixtures/eval/strict/README.md): buyer questions labelled with the
 * library ENTRIES that answer them, not with Annex A ids. An Annex A label accepts any entry that
 * shares a control, so a sibling ("the plan is tested" for "attach the plan") counts as right there;
 * here only an entry that answers the question does. Written by helpers from the entry list alone.
 */
/** The strict parts, in the order `npm run eval` scores them: strict-holdout is frozen (eval/frozen.ts). */
export const STRICT_PARTS = ["strict-tuning", "strict-holdout"] as const;

const StrictRowSchema = z
  .object({
    id: z.string().regex(/^[A-Z]-\d{3}$/),
    family: z.string().min(1),
    text: z.string().min(1),
    kind: z.enum(["yes_no", "choice", "free_text"]),
    answerable: z.boolean(),
    acceptableEntries: z.array(z.string()),
    previous: z.string().optional(),
  })
  .strict()
  .refine((r) => r.answerable === r.acceptableEntries.length > 0, {
    message: "answerable rows list their entries, unanswerable rows none",
  });

export interface StrictItem {
  readonly item: EvalItem;
  /** The entries whose answer answers the question (empty when none does). */
  readonly entries: ReadonlySet<string>;
  /** The probe set the row comes from (the letter of its id). */
  readonly set: string;
}

export function readStrictSet(path: string): StrictItem[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const r = StrictRowSchema.parse(JSON.parse(line));
      const item: EvalItem = {
        id: r.id,
        text: r.text,
        kind: r.kind,
        acceptable: [],
        answerable: r.answerable,
        family: r.family,
        ...(r.previous ? { previous: r.previous } : {}),
      };
      return { item, entries: new Set(r.acceptableEntries), set: r.id.slice(0, 1) };
    });
}

/** Right when the chosen entry is one of the labelled entries. */
export function strictOutcome(strict: StrictItem, result: ReportQuestion): Outcome {
  const correct = strict.item.answerable && result.entryId !== null && strict.entries.has(result.entryId);
  return { item: strict.item, result, drafted: result.status === "drafted", correct };
}
