import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runLibraryCommand } from "../../src/cli/library-command.js";

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Writes a tiny library whose only entry links a control that does not exist. */
async function brokenLibrary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "quire-library-"));
  dirs.push(dir);
  await mkdir(join(dir, "controls"));
  await mkdir(join(dir, "entries"));
  await writeFile(
    join(dir, "controls", "crypto.yaml"),
    `controls:
  - id: CTL-ENC-01
    title: Encryption at rest
    status: implemented
    description: Customer data is encrypted at rest with AES-256.
    iso27001: [A.8.24]
    soc2: [CC6.1]
`,
  );
  await writeFile(join(dir, "artifacts.yaml"), "artifacts: []\n");
  await writeFile(
    join(dir, "entries", "crypto.yaml"),
    `topic: cryptography
owner: Platform Security
entries:
  - id: encryption-at-rest
    question: Is customer data encrypted at rest?
    phrasings: [Storage encryption, Disk encryption for databases, AES-256 for stored data]
    short: "Yes"
    answer: Yes. All customer data at rest is encrypted with AES-256.
    controls: [CTL-ENC-01, CTL-MISSING-01]
    lastReviewed: 2026-06-01
    reviewBy: 2027-06-01
`,
  );
  return dir;
}

describe("quire library check", () => {
  it("prints what needs attention, per owner, as of the day asked", async () => {
    const { io, out } = captureIo();
    await runLibraryCommand(["check", "--as-of", "2027-08-01"], io);
    const text = out.join("\n");
    const list = text.slice(text.indexOf("needs attention ("));
    expect(list).toMatch(/^needs attention \(\d+\), by owner\n {2}\w/);
    expect(list).toMatch(
      /\n {2}Security GRC \(\d+\)\n(.*\n)*? {4}2027-09-30 {2}artifact soc2-type2-2026: SOC 2 Type II report, 1 Oct 2025 – 30 Sep 2026 is current until 2027-09-30 \(in 60 days\); renew it before then/,
    );
    expect(list).toMatch(/\n {2}IT \(\d+\)\n/);
  });

  it("rejects a placeholder that names no artifact or field", async () => {
    const dir = await brokenLibrary();
    await writeFile(
      join(dir, "entries", "crypto.yaml"),
      (await readFile(join(dir, "entries", "crypto.yaml"), "utf8"))
        .replace("controls: [CTL-ENC-01, CTL-MISSING-01]", "controls: [CTL-ENC-01]")
        .replace("with AES-256.", "with AES-256 as {{soc2.period}} and {{soc2.colour}} and {{nothing.issued}} show."),
    );
    const { io, err } = captureIo();
    expect(await runLibraryCommand(["check", "--library", dir, "--as-of", "2026-11-24"], io)).toBe(1);
    const text = err.join("\n");
    expect(text).toContain("unknown_placeholder (2)");
    expect(text).toContain('{{soc2.colour}} names no field "colour"');
    expect(text).toContain('{{nothing.issued}} names no artifact or kind "nothing"');
    // Known kind, but the library holds no SOC 2 report to fill it from.
    expect(text).toContain("unfilled_placeholder (1)");
    expect(text).toContain("{{soc2.period}} names no artifact in the library");
  });

  it("passes on the shipped library", async () => {
    const { io, out, err } = captureIo();
    const code = await runLibraryCommand(["check", "--as-of", "2026-11-24"], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^0 error\(s\), \d+ warning\(s\): ok$/);
  });

  it("fails with exit code 1 and lists errors for a broken library", async () => {
    const { io, err, out } = captureIo();
    const code = await runLibraryCommand(["check", "--library", await brokenLibrary(), "--as-of", "2026-11-24"], io);
    expect(code).toBe(1);
    const errors = err.join("\n");
    expect(errors).toContain("unknown_control");
    expect(errors).toContain("CTL-MISSING-01");
    expect(errors).toContain("uncovered_annex_a");
    expect(out.at(-1)).toMatch(/FAILED$/);
  });

  it("returns 2 on bad usage", async () => {
    const { io, err } = captureIo();
    expect(await runLibraryCommand(["check", "--as-of", "24/11/2026"], io)).toBe(2);
    expect(await runLibraryCommand(["check", "--bogus"], io)).toBe(2);
    expect(await runLibraryCommand(["frobnicate"], io)).toBe(2);
    expect(await runLibraryCommand(["coverage", "--framework", "pci"], io)).toBe(2);
    expect(err.length).toBe(4);
  });

  it("reports a missing library folder as an error, not a crash", async () => {
    const { io, err } = captureIo();
    expect(await runLibraryCommand(["check", "--library", "/nonexistent/quire-library"], io)).toBe(1);
    expect(err.join("\n")).toContain("library_not_found");
  });
});

describe("quire library coverage", () => {
  it("prints a table per framework with the totals", async () => {
    const { io, out } = captureIo();
    expect(await runLibraryCommand(["coverage"], io)).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("ISO/IEC 27001:2022 Annex A: 93/93 in scope covered");
    expect(text).toMatch(/Security \(Common Criteria\)\s+33\s+33/);
    expect(text).toContain("A.8.30");
    expect(text).toContain("NIS2 Art. 21(2) measures: 10/10");
  });

  it("limits the output to one framework", async () => {
    const { io, out } = captureIo();
    expect(await runLibraryCommand(["coverage", "--framework", "gdpr"], io)).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("GDPR Art. 32(1) measures: 4/4");
    expect(text).not.toContain("Annex A:");
  });
});
