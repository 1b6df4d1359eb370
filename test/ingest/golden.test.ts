/**
 * Golden tests over every fixture in fixtures/ (written by scripts/fixtures): each detected
 * question must match its golden entry field by field, and recall/precision of question
 * detection over all fixtures is computed and printed.
 */
import { describe, expect, it } from "vitest";
import { isQuireError } from "../../src/domain/errors.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { compare, loadGoldenCases, type Match } from "./golden.js";

const cases = loadGoldenCases();
const good = cases.filter((c) => !c.expected.expectError);
const bad = cases.filter((c) => c.expected.expectError);

describe("golden fixtures", () => {
  it("finds the fixtures", () => {
    expect(good.length).toBeGreaterThanOrEqual(8);
    expect(good.filter((c) => c.expected.format === "pdf").length).toBeGreaterThanOrEqual(2);
  });

  for (const c of good) {
    it(`${c.name}: detects exactly the golden questions`, async () => {
      const q = await ingestQuestionnaire(c.bytes, c.name);
      expect(q.source.format).toBe(c.expected.format);
      const m = compare(c.expected.questions, q);
      expect(m.falseNegatives.map((x) => `${x.sheet}!${x.row} ${x.text}`)).toEqual([]);
      expect(m.falsePositives.map((x) => `${x.sheet}!${x.row} ${x.text}`)).toEqual([]);
      expect(m.mismatches).toEqual([]);
      // Ids are unique and every question validates against the domain schema shape.
      expect(new Set(q.questions.map((x) => x.id)).size).toBe(q.questions.length);
    });
  }

  for (const c of bad) {
    it(`${c.name}: is refused with a QuireError (${c.expected.expectError?.slice(0, 60)}…)`, async () => {
      const err = await ingestQuestionnaire(c.bytes, c.name).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isQuireError(err)).toBe(true);
      if (isQuireError(err)) {
        expect(err.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect([400, 413, 422]).toContain(err.status);
        expect(err.message).not.toContain("\n");
      }
    });
  }

  it("recall and precision of question detection over all fixtures", async () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const rows: string[] = [];
    for (const c of good) {
      const q = await ingestQuestionnaire(c.bytes, c.name);
      const m: Match = compare(c.expected.questions, q);
      tp += m.truePositives;
      fp += m.falsePositives.length;
      fn += m.falseNegatives.length;
      rows.push(
        `  ${c.name.padEnd(24)} expected ${String(c.expected.questions.length).padStart(3)}  found ${String(q.questions.length).padStart(3)}  fp ${m.falsePositives.length}  fn ${m.falseNegatives.length}`,
      );
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    console.log(
      `ingest question detection over ${good.length} fixtures: recall ${(recall * 100).toFixed(1)}% (${tp}/${tp + fn}), precision ${(precision * 100).toFixed(1)}% (${tp}/${tp + fp})\n${rows.join("\n")}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(precision).toBeGreaterThanOrEqual(0.98);
  });
});
