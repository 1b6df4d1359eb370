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
const HOLDOUT2_FAMILIES = [
  "hipaa-vendor",
  "fin-services",
  "nis2-supplier",
  "gdpr-processor",
  "cloud-controls",
  "ai-vendor",
  "saas-quick",
];
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
  for (const f of ["tuning.jsonl", "holdout.jsonl", "holdout.sha256", "holdout-2.jsonl", "holdout-2.sha256"])
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

  it("reports the second holdout: at least 300 questions in seven families none of the first set has", () => {
    const { status, out } = runCheck();
    expect(status).toBe(0);
    const records = readRecords(path.join(DATA, "holdout-2.jsonl"));
    expect(records.length).toBeGreaterThanOrEqual(300);
    expect(new Set(records.map((r) => r.family))).toEqual(new Set(HOLDOUT2_FAMILIES));
    for (const family of HOLDOUT2_FAMILIES) {
      expect(NEW_FAMILIES).not.toContain(family);
      const line = out.split("\n").find((l) => l.startsWith(family));
      expect(line, family).toBeDefined();
      const [ans = 0, unans = 0, total = 0] = (line ?? "")
        .split(/[\s|]+/)
        .slice(1)
        .map(Number);
      expect(ans + unans).toBe(total);
      expect(unans / total, `${family} unanswerable share`).toBeGreaterThanOrEqual(0.12);
      expect(unans / total, `${family} unanswerable share`).toBeLessThanOrEqual(0.18);
    }
  });

  it("fails when a second-holdout record is edited after its freeze", () => {
    const dir = copyOfDataset();
    const file = path.join(dir, "holdout-2.jsonl");
    const records = readRecords(file);
    const target = records.find((r) => r.answerable);
    if (!target) throw new Error("no answerable holdout-2 record");
    target.acceptable = [...target.acceptable, target.acceptable.includes("A.5.1") ? "A.5.2" : "A.5.1"];
    writeRecords(file, records);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain("holdout-2.jsonl changed");
    expect(out).not.toContain("holdout.jsonl changed");
  });

  it("fails when a second-holdout question is a near-copy of a tuning question, even with its hash re-frozen", () => {
    const dir = copyOfDataset();
    const tuning = readRecords(path.join(dir, "tuning.jsonl"));
    const source = tuning.find((r) => r.family === "cis-derived" && r.answerable && !r.previous);
    if (!source) throw new Error("no cis-derived tuning record");
    const file = path.join(dir, "holdout-2.jsonl");
    const records = readRecords(file);
    records.push({
      ...source,
      id: "H2-9999",
      family: "saas-quick",
      text: `${source.text.replace(/\?$/, "")} at all times?`,
    });
    writeRecords(file, records);
    const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
    writeFileSync(path.join(dir, "holdout-2.sha256"), `${digest}  holdout-2.jsonl\n`);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toMatch(new RegExp(`near-duplicate questions ${source.id} and H2-9999`));
    expect(out).not.toContain("holdout-2.jsonl changed");
  });

  it("fails when a second-holdout record uses a family of the first set", () => {
    const dir = copyOfDataset();
    const file = path.join(dir, "holdout-2.jsonl");
    const records = readRecords(file);
    const [first] = records;
    if (!first) throw new Error("holdout-2.jsonl is empty");
    first.family = "webapp-long";
    writeRecords(file, records);
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain(`holdout-2.jsonl:1: unknown family webapp-long`);
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

  it("keeps tuning-only families out of the split and out of both holdouts", () => {
    const { status, out } = runCheck();
    expect(status).toBe(0);
    for (const family of [
      "cis-safeguards",
      "ce-question-set",
      "iso-2022-titles",
      "nist-requirements",
      "sector-vendor",
      "webapp-explained",
      "hecvat-campus",
      "vendor-risk-fs",
      "cloud-governance",
      "soc2-tsc",
      "pci-derived",
      "cyber-insurance",
      "dora-ict",
      "cert-attestations",
    ]) {
      expect(
        out.split("\n").some((l) => l.startsWith(family)),
        family,
      ).toBe(true);
    }
    const dir = copyOfDataset();
    const tuning = readRecords(path.join(dir, "tuning.jsonl"));
    const holdout = readRecords(path.join(dir, "holdout.jsonl"));
    const index = tuning.findIndex((r) => r.family === "sector-vendor");
    const [moved] = tuning.splice(index, 1);
    if (!moved) throw new Error("no sector-vendor tuning record");
    holdout.push({ ...moved, id: "H9999" });
    writeRecords(path.join(dir, "tuning.jsonl"), tuning);
    writeRecords(path.join(dir, "holdout.jsonl"), holdout);
    refreeze(dir);
    const moveOut = runCheck(dir);
    expect(moveOut.status).toBe(1);
    expect(moveOut.out).toContain("unknown family sector-vendor");
  });
});
