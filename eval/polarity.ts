/**
 * The weak-practice probe (fixtures/eval/polarity.jsonl): Yes/No questions that ask about a lapse
 * or an exception ("Are any passwords shared…?", "Is the DR plan untested?"), where the library's
 * Yes would be a false claim, and good-practice questions on the same topics, where it is right.
 * Written by the team in its own words in five rounds on 2026-12-04; rounds inv–inv4 were read while
 * the exception shapes in src/domain/drafting/inversion.ts were written, so they are tuning data,
 * not a holdout (eval/README.md). Scored offline, as a US buyer without an NDA.
 */

import { readFileSync } from "node:fs";
import { z } from "zod";
import { answerQuestion, type PreparedLibrary } from "../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../src/domain/answering/customer.js";
import { toQuestion } from "./dataset.js";

const ItemSchema = z.object({ id: z.string(), text: z.string(), weakPractice: z.boolean(), round: z.string() });
type Item = z.infer<typeof ItemSchema>;

export interface PolarityRow {
  readonly round: string;
  readonly weak: number;
  /** Weak-practice questions drafted with the value Yes: the false claims. */
  readonly blindYes: number;
  /** Weak-practice questions drafted with No (the entry's value flipped, or an entry asked the same way). */
  readonly draftedNo: number;
  readonly good: number;
  /** Good-practice questions drafted with Yes: what the checks must not cost. */
  readonly goodDraftedYes: number;
}

export function readPolarity(path = "fixtures/eval/polarity.jsonl"): Item[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => ItemSchema.parse(JSON.parse(l)));
}

/** The item as a Yes/No row, through the eval's own toQuestion. */
const asQuestion = (item: Item) =>
  toQuestion({ id: item.id, text: item.text, kind: "yes_no", acceptable: [], answerable: true, family: "polarity" });

export function scorePolarity(
  prepared: PreparedLibrary,
  customer: CustomerContext,
  items = readPolarity(),
): PolarityRow[] {
  const rounds = [...new Set(items.map((i) => i.round))];
  return [...rounds, "all"].map((round) => {
    const inRound = items.filter((i) => round === "all" || i.round === round);
    const answered = inRound.map((item) => ({ item, q: answerQuestion(prepared, asQuestion(item), customer, {}) }));
    const drafted = (value: string, weak: boolean) =>
      answered.filter((a) => a.item.weakPractice === weak && a.q.status === "drafted" && a.q.answer?.value === value)
        .length;
    return {
      round,
      weak: inRound.filter((i) => i.weakPractice).length,
      blindYes: drafted("Yes", true),
      draftedNo: drafted("No", true),
      good: inRound.filter((i) => !i.weakPractice).length,
      goodDraftedYes: drafted("Yes", false),
    };
  });
}

export function printPolarity(rows: readonly PolarityRow[]): void {
  console.log(
    "\nweak-practice probe (fixtures/eval/polarity.jsonl; tuning data, see eval/README.md): round  weak  blind-Yes  drafted-No  good  good-drafted-Yes",
  );
  for (const r of rows)
    console.log(
      `  ${r.round.padEnd(6)} ${String(r.weak).padStart(5)} ${String(r.blindYes).padStart(10)} ${String(r.draftedNo).padStart(11)} ${String(r.good).padStart(5)} ${String(r.goodDraftedYes).padStart(17)}`,
    );
}
