// The strict parts of the eval (fixtures/eval/strict): entry labels that name library entries that
// exist, no row in both parts, and an outcome that is right only on a labelled entry.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readStrictSet, STRICT_PARTS, strictOutcome } from "../../eval/strict.js";
import type { ReportQuestion } from "../../src/domain/answering/report.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

const DIR = path.resolve("fixtures/eval/strict");
const read = (part: (typeof STRICT_PARTS)[number]) =>
  readStrictSet(path.join(DIR, `${part.replace("strict-", "")}.jsonl`));

describe("the strict eval parts", () => {
  it("label only entries the shipped library has, and every answerable row has one", async () => {
    const library = await loadLibraryDir("answer-library");
    const ids = new Set(library.entries.map((e) => e.id));
    for (const part of STRICT_PARTS) {
      const rows = read(part);
      expect(rows.length).toBeGreaterThan(1000);
      for (const row of rows) {
        for (const entry of row.entries) expect(ids.has(entry), `${row.item.id}: ${entry}`).toBe(true);
        expect(row.entries.size > 0).toBe(row.item.answerable);
      }
    }
  });

  it("keep every probe set, id and question text in one part only", () => {
    const [tuning, holdout] = STRICT_PARTS.map(read) as [ReturnType<typeof read>, ReturnType<typeof read>];
    const sets = (rows: typeof tuning) => new Set(rows.map((r) => r.set));
    expect([...sets(tuning)].filter((s) => sets(holdout).has(s))).toEqual([]);
    const ids = [...tuning, ...holdout].map((r) => r.item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = new Set(tuning.map((r) => r.item.text.toLowerCase().trim()));
    expect(holdout.filter((r) => texts.has(r.item.text.toLowerCase().trim())).map((r) => r.item.id)).toEqual([]);
  });

  it("score a row right only when the chosen entry is one of its labelled entries", () => {
    const [row] = read("strict-tuning").filter((r) => r.item.answerable);
    if (!row) throw new Error("no answerable row");
    const labelled = [...row.entries][0] as string;
    const result = (entryId: string | null, status: ReportQuestion["status"]) =>
      ({ id: row.item.id, entryId, status }) as ReportQuestion;
    expect(strictOutcome(row, result(labelled, "drafted"))).toMatchObject({ drafted: true, correct: true });
    expect(strictOutcome(row, result("no-such-entry", "drafted"))).toMatchObject({ drafted: true, correct: false });
    expect(strictOutcome(row, result(labelled, "needs_review"))).toMatchObject({ drafted: false, correct: true });
  });
});
