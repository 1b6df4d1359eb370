// The eval set's validator (fixtures/eval/check.mjs) run the way CI and engineers run it: the shipped data must
// pass, and tampered copies must fail with the problem named, so a malformed or edited dataset cannot land.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const DATA = path.resolve("fixtures/eval");
const CHECK = path.join(DATA, "check.mjs");
const NEW_FAMILIES = [
  "sig-lite-style",
  "hecvat-style",
  "nist-derived",
  "cyber-essentials",
  "cis-derived",
  "iso-annex-a",
  "rfp-one-line",
  "webapp-long",
];

interface EvalRecord {
  id: string;
  family: string;
  text: string;
  acceptable: string[];
  answerable: boolean;
  [key: string]: unknown;
}

function runCheck(dir?: string) {
  const r = spawnSync(process.execPath, dir ? [CHECK, dir] : [CHECK], { encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const readRecords = (file: string): EvalRecord[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as EvalRecord);
const writeRecords = (file: string, records: EvalRecord[]) =>
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
const refreeze = (dir: string) => {
  const digest = createHash("sha256")
    .update(readFileSync(path.join(dir, "holdout.jsonl")))
    .digest("hex");
  writeFileSync(path.join(dir, "holdout.sha256"), `${digest}  holdout.jsonl\n`);
};

let scratch: string | undefined;
function copyOfDataset() {
  scratch = mkdtempSync(path.join(tmpdir(), "quire-eval-"));
  for (const f of ["tuning.jsonl", "holdout.jsonl", "holdout.sha256"])
    copyFileSync(path.join(DATA, f), path.join(scratch, f));
  return scratch;
}
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("eval dataset validator", () => {
  it("accepts the shipped dataset and reports every family with at least 100 questions and a >= 40 % holdout", () => {
    const { status, out } = runCheck();
    expect(out).toContain("OK:");
    expect(status).toBe(0);
    for (const family of NEW_FAMILIES) {
      const line = out.split("\n").find((l) => l.startsWith(family));
      expect(line, family).toBeDefined();
      const nums = (line ?? "")
        .split(/[\s|]+/)
        .slice(1)
        .map(Number);
      const [ta = 0, tu = 0, ha = 0, hu = 0, total = 0, holdoutPct = 0] = nums;
      expect(ta + tu + ha + hu).toBe(total);
      expect(total).toBeGreaterThanOrEqual(100);
      expect(holdoutPct).toBeGreaterThanOrEqual(40);
      expect(tu + hu, `${family} has unanswerable questions`).toBeGreaterThan(0);
    }
  });

  it("fails when a holdout record is edited after the freeze", () => {
    const dir = copyOfDataset();
    const file = path.join(dir, "holdout.jsonl");
    const records = readRecords(file);
    const target = records.find((r) => r.answerable && r.family !== "mixed-buyer");
    if (!target) throw new Error("no answerable holdout record");
    target.acceptable = [...target.acceptable, target.acceptable.includes("A.5.1") ? "A.5.2" : "A.5.1"];
    writeRecords(file, records);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain("holdout.jsonl changed");
  });

  it("fails on an id that is not an ISO/IEC 27001:2022 Annex A control", () => {
    const dir = copyOfDataset();
    const file = path.join(dir, "tuning.jsonl");
    const records = readRecords(file);
    const target = records.find((r) => r.answerable);
    if (!target) throw new Error("no answerable tuning record");
    target.acceptable = ["A.12.6.1"];
    writeRecords(file, records);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain("A.12.6.1 is not an Annex A control");
  });

  it("fails on a repeated id", () => {
    const dir = copyOfDataset();
    const file = path.join(dir, "tuning.jsonl");
    const records = readRecords(file);
    const [first, second] = records;
    if (!first || !second) throw new Error("tuning.jsonl too short");
    second.id = first.id;
    writeRecords(file, records);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain(`duplicate id ${first.id}`);
  });

  it("fails when a record is moved out of the part the deterministic split gives it, even with the hash re-frozen", () => {
    const dir = copyOfDataset();
    const holdout = readRecords(path.join(dir, "holdout.jsonl"));
    const tuning = readRecords(path.join(dir, "tuning.jsonl"));
    const index = holdout.findIndex((r) => r.family === "webapp-long");
    const [moved] = holdout.splice(index, 1);
    if (!moved) throw new Error("no webapp-long holdout record");
    tuning.push({ ...moved, id: "T9999" });
    writeRecords(path.join(dir, "holdout.jsonl"), holdout);
    writeRecords(path.join(dir, "tuning.jsonl"), tuning);
    refreeze(dir);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain("split: T9999 (webapp-long) is in tuning but the split puts it in holdout");
    expect(out).not.toContain("holdout.jsonl changed");
  });

  it("fails when a near-copy of a holdout question is added to tuning", () => {
    const dir = copyOfDataset();
    const holdout = readRecords(path.join(dir, "holdout.jsonl"));
    const source = holdout.find((r) => r.family === "nist-derived" && r.answerable && !r.previous);
    if (!source) throw new Error("no nist-derived holdout record");
    const file = path.join(dir, "tuning.jsonl");
    const tuning = readRecords(file);
    tuning.push({ ...source, id: "T9998", text: `${source.text.replace(/\?$/, "")} at all times?` });
    writeRecords(file, tuning);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toMatch(new RegExp(`near-duplicate questions (T9998 and ${source.id}|${source.id} and T9998)`));
  });

  it("fails when a family falls below 100 questions", () => {
    const dir = copyOfDataset();
    const file = path.join(dir, "tuning.jsonl");
    writeRecords(
      file,
      readRecords(file).filter((r) => r.family !== "webapp-long"),
    );
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toMatch(/family webapp-long: \d+ questions, need at least 100/);
  });
});
