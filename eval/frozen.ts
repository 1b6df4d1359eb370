import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The eval's parts, in the order `npm run eval` scores them. Only `tuning` may be read for tuning
 * (`npm run train`, the confusion list); the two holdouts are scored as aggregates only. The strict
 * parts (fixtures/eval/strict, entry labels) follow them: eval/strict.ts.
 */
export const EVAL_PARTS = ["tuning", "holdout", "holdout-2"] as const;
export type EvalPart = (typeof EVAL_PARTS)[number];

/** The frozen files and the sha256 file that freezes each (fixtures/eval/README.md). */
export const FROZEN_FILES = [
  { file: "holdout.jsonl", sha: "holdout.sha256" },
  { file: "holdout-2.jsonl", sha: "holdout-2.sha256" },
  { file: "strict/holdout.jsonl", sha: "strict/holdout.sha256" },
] as const;

export function isEvalPart(s: string | undefined): s is EvalPart {
  return (EVAL_PARTS as readonly string[]).includes(s ?? "");
}

/**
 * Every frozen file that no longer matches its sha256 file, or whose sha256 file is missing: an
 * edited holdout is a new holdout, and its figures are not comparable with the old ones.
 */
export function frozenProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const { file, sha } of FROZEN_FILES) {
    const shaPath = path.join(dir, sha);
    if (!existsSync(shaPath)) {
      problems.push(`${sha} is missing: ${file} is not frozen`);
      continue;
    }
    const expected = readFileSync(shaPath, "utf8").trim().split(/\s+/)[0];
    const actual = createHash("sha256")
      .update(readFileSync(path.join(dir, file)))
      .digest("hex");
    if (expected !== actual) problems.push(`${file} does not match ${sha}: the frozen holdout was edited`);
  }
  return problems;
}
