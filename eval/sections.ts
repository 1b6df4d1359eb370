/**
 * `npm run eval:sections`: questions read with their section headings (fixtures/eval/sections/).
 * Each questionnaire of the set is answered as one sheet in row order by answerQuestionnaire, so a
 * row sees its heading and the row before it as it would in a buyer's workbook. Labels are library
 * entry ids (a row is right when a drafted entry is one of them), not Annex A ids as in `npm run eval`.
 * Prints precision, coverage, abstention and top-1, for all rows and for the rows that need their
 * section; `--no-sections` answers the same rows without headings, to compare.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { answerQuestionnaire, type PreparedLibrary } from "../src/domain/answering/answer-questions.js";
import { prepareLibrary } from "../src/domain/answering/prepare.js";
import type { Question } from "../src/domain/questionnaire/types.js";
import { loadLibraryDir } from "../src/library-files/load.js";
import { toQuestion } from "./dataset.js";

const SectionedItemSchema = z.object({
  id: z.string(),
  questionnaire: z.string(),
  section: z.string(),
  family: z.string(),
  text: z.string(),
  kind: z.enum(["yes_no", "choice", "free_text"]),
  acceptable: z.array(z.string()),
  answerable: z.boolean(),
  needsSection: z.boolean(),
});
type SectionedItem = z.infer<typeof SectionedItemSchema>;

const CUSTOMER = { region: "us", ndaOnFile: false, asOf: "2026-11-24" } as const;

interface Scored {
  readonly item: SectionedItem;
  readonly drafted: boolean;
  readonly right: boolean;
}

function answerSet(prepared: PreparedLibrary, items: readonly SectionedItem[], withSections: boolean): Scored[] {
  const byQuestionnaire = new Map<string, SectionedItem[]>();
  for (const item of items)
    byQuestionnaire.set(item.questionnaire, [...(byQuestionnaire.get(item.questionnaire) ?? []), item]);
  const scored: Scored[] = [];
  for (const [name, rows] of byQuestionnaire) {
    const questions: Question[] = rows.map((item, i) => ({
      ...toQuestion({ ...item, acceptable: [], section: withSections ? item.section : undefined }),
      location: { sheet: name, row: i + 2, answerCell: null, commentCell: null },
    }));
    const report = answerQuestionnaire(
      prepared,
      { source: { file: name, format: "xlsx" }, questions, warnings: [] },
      CUSTOMER,
    );
    report.questions.forEach((answer, i) => {
      const item = rows[i] as SectionedItem;
      const entries = answer.entryIds ?? (answer.entryId ? [answer.entryId] : []);
      scored.push({
        item,
        drafted: answer.status === "drafted",
        right: item.answerable && entries.some((e) => item.acceptable.includes(e)),
      });
    });
  }
  return scored;
}

const pct = (n: number, d: number) => (d === 0 ? "   -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function line(name: string, rows: readonly Scored[]): string {
  const answerable = rows.filter((r) => r.item.answerable);
  const unanswerable = rows.filter((r) => !r.item.answerable);
  const drafted = rows.filter((r) => r.drafted);
  return [
    name.padEnd(22),
    `n=${String(rows.length).padStart(3)}`,
    `precision ${pct(drafted.filter((r) => r.right).length, drafted.length)}`,
    `coverage ${pct(answerable.filter((r) => r.drafted).length, answerable.length)}`,
    `abstention ${pct(unanswerable.filter((r) => !r.drafted).length, unanswerable.length)}`,
    `top-1 ${pct(answerable.filter((r) => r.right).length, answerable.length)}`,
  ].join("  ");
}

const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "fixtures/eval/sections/tuning.jsonl";
const items = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => SectionedItemSchema.parse(JSON.parse(l)));
const prepared = prepareLibrary(await loadLibraryDir("answer-library"));
const rows = answerSet(prepared, items, !process.argv.includes("--no-sections"));
console.log(`${file}${process.argv.includes("--no-sections") ? " (headings left out)" : ""}`);
console.log(line("all", rows));
console.log(
  line(
    "needs its section",
    rows.filter((r) => r.item.needsSection),
  ),
);
console.log(
  line(
    "self-contained",
    rows.filter((r) => !r.item.needsSection),
  ),
);
for (const family of [...new Set(items.map((i) => i.family))].sort())
  console.log(
    line(
      family,
      rows.filter((r) => r.item.family === family),
    ),
  );
