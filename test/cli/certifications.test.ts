/**
 * End to end through the CLI: a buyer's certifications tab (fixtures/certifications.csv, made by
 * scripts/fixtures/layouts/certifications-csv.ts) answered from the shipped library. Nothing the
 * vendor does not hold is drafted as held; what it holds is drafted from its own entry, what its list
 * of schemes not held names is drafted No.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";

async function answerFixture() {
  const dir = mkdtempSync(join(tmpdir(), "quire-certs-"));
  const report = join(dir, "report.json");
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [
      "answer",
      "fixtures/certifications.csv",
      "--out",
      join(dir, "filled.csv"),
      "--report",
      report,
      "--db",
      join(dir, "quire.db"),
      "--region",
      "us",
      "--as-of",
      "2026-11-24",
    ],
    { stdout: (s) => out.push(s), stderr: (s) => err.push(s) },
  );
  expect(err.join("\n")).toBe("");
  expect(code).toBe(0);
  const parsed = AnswerReportSchema.parse(JSON.parse(readFileSync(report, "utf8")));
  return new Map(parsed.questions.map((q) => [q.sourceId, q]));
}

describe("quire answer fixtures/certifications.csv", () => {
  it("drafts held certifications, declines by name, and sends the rest to review", async () => {
    const rows = await answerFixture();
    const row = (id: string) => {
      const q = rows.get(id);
      if (!q) throw new Error(`${id} missing`);
      return q;
    };
    expect(rows.size).toBe(15);

    // Held: drafted Yes from their own entries.
    expect(row("CERT-01")).toMatchObject({ status: "drafted", entryId: "iso27001-certified" });
    expect(row("CERT-01").answer?.value).toBe("Yes");
    expect(row("CERT-02")).toMatchObject({ status: "drafted", entryId: "soc2-type2" });

    // Not held, no entry of their own but named by the library's list of schemes not held: drafted
    // No from that list, never from the SOC 2 or ISO 27001 entry.
    for (const id of ["CERT-03", "CERT-04", "CERT-05", "CERT-06", "CERT-07", "CERT-08", "CERT-09"]) {
      const q = row(id);
      expect(q.status, id).toBe("drafted");
      expect(q.entryId, id).toBe("certifications-not-held");
      expect(q.answer?.value, id).toBe("No");
    }

    // Held in another form: the held certificate's entry, for a reviewer to word.
    expect(row("CERT-10")).toMatchObject({ status: "needs_review" });
    expect(row("CERT-10").entryId).toMatch(/^soc2-/);
    expect(row("CERT-11")).toMatchObject({ status: "needs_review" });
    expect(row("CERT-11").entryId).toMatch(/^iso27001-/);

    // Declined by an entry of their own: drafted No.
    expect(row("CERT-12")).toMatchObject({ status: "drafted", entryId: "fedramp" });
    expect(row("CERT-13")).toMatchObject({ status: "drafted", entryId: "iso-27701-27017-27018" });
    expect(row("CERT-12").answer?.value).toBe("No");

    // A passing mention is about its topic; a security operations centre is no SOC report.
    expect(row("CERT-14").entryId ?? "").not.toMatch(/^(iso27001-|soc2-|certifications-not-held)/);
    expect(row("CERT-15").entryId).toBe("security-monitoring");

    // No row claims a certification it does not hold.
    for (const q of rows.values())
      if (q.status === "drafted" && q.answer?.value === "Yes")
        expect(q.answer.text ?? "", q.sourceId ?? "").not.toMatch(/SOC 1|22301|HITRUST|TISAX|C5|STAR|Cyber Essentials/);
  });
});
