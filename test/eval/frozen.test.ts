// The eval's freeze of both holdouts (eval/frozen.ts), run on the shipped files and on tampered copies, and
// the rule that training reads the tuning part only, so neither holdout can be fitted on.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EVAL_PARTS, FROZEN_FILES, frozenProblems, isEvalPart } from "../../eval/frozen.js";

const DATA = path.resolve("fixtures/eval");

let scratch: string | undefined;
function copyOfFrozen() {
  scratch = mkdtempSync(path.join(tmpdir(), "quire-frozen-"));
  for (const { file, sha } of FROZEN_FILES) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    copyFileSync(path.join(DATA, file), path.join(scratch, file));
    copyFileSync(path.join(DATA, sha), path.join(scratch, sha));
  }
  return scratch;
}
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("eval holdout freeze", () => {
  it("scores tuning and both holdouts, and the shipped holdouts match their sha256 files", () => {
    expect(EVAL_PARTS).toEqual(["tuning", "holdout", "holdout-2"]);
    expect(isEvalPart("holdout-2")).toBe(true);
    expect(isEvalPart("holdout2")).toBe(false);
    expect(frozenProblems(DATA)).toEqual([]);
  });

  it("refuses an edited holdout-2.jsonl", () => {
    const dir = copyOfFrozen();
    const file = path.join(dir, "holdout-2.jsonl");
    writeFileSync(file, readFileSync(file, "utf8").replace(/"answerable":\s*true/, '"answerable":false'));
    expect(frozenProblems(dir)).toEqual([
      "holdout-2.jsonl does not match holdout-2.sha256: the frozen holdout was edited",
    ]);
  });

  it("refuses an edited strict holdout", () => {
    const dir = copyOfFrozen();
    const file = path.join(dir, "strict/holdout.jsonl");
    writeFileSync(file, readFileSync(file, "utf8").replace(/"answerable":\s*true/, '"answerable": false'));
    expect(frozenProblems(dir)).toEqual([
      "strict/holdout.jsonl does not match strict/holdout.sha256: the frozen holdout was edited",
    ]);
  });

  it("refuses a holdout whose sha256 file is gone", () => {
    const dir = copyOfFrozen();
    rmSync(path.join(dir, "holdout-2.sha256"));
    expect(frozenProblems(dir)).toEqual(["holdout-2.sha256 is missing: holdout-2.jsonl is not frozen"]);
  });
});

describe("what training reads", () => {
  it("npm run train reads fixtures/eval/tuning.jsonl and no other eval file", () => {
    const source = readFileSync(path.resolve("eval/train.ts"), "utf8");
    const jsonl = [...source.matchAll(/fixtures\/eval\/[\w.-]+\.jsonl/g)].map((m) => m[0]);
    expect(jsonl.length).toBeGreaterThan(0);
    expect(new Set(jsonl)).toEqual(new Set(["fixtures/eval/tuning.jsonl"]));
    expect(source).not.toMatch(/holdout[^\n]*\.jsonl["'`]/);
    expect(source).not.toMatch(/\$\{part\}\.jsonl/);
  });
});
