// The read probe sets (fixtures/eval/probes): records npm run eval:probes can score, labelled only
// with Annex A ids that exist, an unanswerable row with none, and every id used once.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEvalSet } from "../../eval/dataset.js";
import { ISO27001_2022_ANNEX_A } from "../../src/domain/library/reference-iso27001.js";

const DIR = path.resolve("fixtures/eval/probes");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".jsonl"));

describe("the read probe sets", () => {
  const annexA = new Set(ISO27001_2022_ANNEX_A.map((c) => c.id));

  it("are there, and parse as eval records", () => {
    expect(FILES.sort()).toEqual([
      "ba.jsonl",
      "bn.jsonl",
      "bo.jsonl",
      "bp.jsonl",
      "bq.jsonl",
      "br.jsonl",
      "bs.jsonl",
      "bt.jsonl",
      "bu.jsonl",
      "bv.jsonl",
      "bw.jsonl",
      "bx.jsonl",
      "by.jsonl",
      "ca.jsonl",
      "cd.jsonl",
      "cf.jsonl",
      "cg.jsonl",
      "ch.jsonl",
      "cj.jsonl",
      "co.jsonl",
      "cr.jsonl",
      "ct.jsonl",
      "cw.jsonl",
      "cx.jsonl",
    ]);
    for (const file of FILES) expect(readEvalSet(path.join(DIR, file)).length, file).toBeGreaterThanOrEqual(150);
  });

  it.each(FILES)("%s labels answerable rows with Annex A ids and unanswerable rows with none, ids unique", (file) => {
    const items = readEvalSet(path.join(DIR, file));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      expect(item.acceptable.length > 0, item.id).toBe(item.answerable);
      for (const id of item.acceptable) expect(annexA.has(id), `${item.id}: ${id}`).toBe(true);
    }
  });
});
