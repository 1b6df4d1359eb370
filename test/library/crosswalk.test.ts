import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLibraryCommand } from "../../src/cli/library-command.js";
import { crosswalk, crosswalkTables } from "../../src/domain/library/crosswalk.js";
import { ISO27001_2022_ANNEX_A } from "../../src/domain/library/reference-iso27001.js";
import { SOC2_TSC } from "../../src/domain/library/reference-soc2.js";
import { crosswalkCsv, crosswalkXlsx } from "../../src/export/index.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { control, entry, isoCertificate, policy, smallLibrary, soc2Report } from "./fixture.js";

describe("crosswalk of a small library", () => {
  it("lists each control's references per framework, its entries and the artifacts that prove it, with why", () => {
    const cw = crosswalk(smallLibrary());
    const row = cw.controls[0];
    expect(row?.refs["ISO27001:2022"]).toHaveLength(93);
    expect(row?.refs.NIS2).toEqual(["21(2)(h)"]);
    expect(row?.refs.GDPR).toEqual(["32(1)(a)"]);
    expect(row?.entries).toEqual(["encryption-at-rest"]);
    const why = Object.fromEntries(row?.artifacts.map((a) => [a.id, a.why]) ?? []);
    expect(why["policy-cryptography"]).toBe("names CTL-ENC-01");
    expect(why["iso27001-cert-2025"]).toMatch(/^A\.5\.1, .* in the Statement of Applicability$/);
    expect(why["soc2-type2-2026"]).toMatch(/^examines CC1\.1, /);
  });

  it("never counts an attestation as proof of a product feature, and says a Type I proves design only", () => {
    const feature = control({ id: "CTL-PROD-01", title: "Customer SSO", productFeature: true });
    const lib = smallLibrary({
      controls: [feature],
      artifacts: [soc2Report(), isoCertificate(), soc2Report({ id: "soc2-type1-2024", type: "soc2-type1" })],
      entries: [entry({ controls: ["CTL-PROD-01"] })],
    });
    expect(crosswalk(lib).controls[0]?.artifacts).toEqual([]);
    const design = crosswalk(smallLibrary({ artifacts: [soc2Report({ id: "soc2-type1-2024", type: "soc2-type1" })] }))
      .controls[0]?.artifacts[0];
    expect(design?.why).toMatch(/design only, not operating effectiveness/);
  });

  it("keeps SoA-excluded Annex A controls off the certificate's proof", () => {
    const only = control({ refs: [{ framework: "ISO27001:2022", ref: "A.8.30" }] });
    const lib = smallLibrary({
      controls: [only],
      artifacts: [
        isoCertificate({ soaExclusions: [{ ref: "A.8.30", justification: "No outsourced development" }] }),
        policy({ controls: [] }),
      ],
    });
    expect(crosswalk(lib).controls[0]?.artifacts).toEqual([]);
  });

  it("marks requirements covered, partial (only partial or planned controls), gap and not in scope", () => {
    const lib = smallLibrary({
      controls: [
        control({ id: "CTL-ENC-01", refs: [{ framework: "ISO27001:2022", ref: "A.8.24" }] }),
        control({ id: "CTL-LOG-01", status: "partial", refs: [{ framework: "ISO27001:2022", ref: "A.8.15" }] }),
        control({ id: "CTL-DEV-01", status: "planned", refs: [{ framework: "SOC2", ref: "PI1.1" }] }),
      ],
    });
    const cw = crosswalk(lib);
    const iso = cw.frameworks.find((f) => f.framework === "ISO27001:2022");
    const req = (ref: string) => iso?.requirements.find((r) => r.ref === ref);
    expect(req("A.8.24")?.coverage).toBe("covered");
    expect(req("A.8.15")).toMatchObject({ coverage: "partial", controls: [{ id: "CTL-LOG-01", status: "partial" }] });
    expect(req("A.5.1")?.coverage).toBe("gap");
    expect(iso?.totals).toEqual({ covered: 1, partial: 1, gap: 91, not_in_scope: 0 });
    const soc2 = cw.frameworks.find((f) => f.framework === "SOC2");
    // PI is outside the report's scope: mapped to a planned control it is partial, the rest of PI not in scope.
    expect(soc2?.requirements.find((r) => r.ref === "PI1.1")?.coverage).toBe("partial");
    expect(soc2?.requirements.find((r) => r.ref === "PI1.2")?.coverage).toBe("not_in_scope");
    expect(soc2?.requirements.find((r) => r.ref === "CC6.1")?.coverage).toBe("gap");
  });

  it("writes a formula-safe CSV", () => {
    const lib = smallLibrary({ controls: [control({ title: '=HYPERLINK("http://evil","x")' })] });
    const csv = crosswalkCsv(crosswalkTables(crosswalk(lib))[0] as never);
    expect(csv.startsWith("\uFEFFcontrol,title,status,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});

describe("crosswalk of the shipped library", () => {
  it("lists every Annex A control and every SOC 2 criterion, and every control once", async () => {
    const library = await loadLibraryDir("answer-library");
    const cw = crosswalk(library);
    expect(cw.controls.map((c) => c.id)).toEqual(library.controls.map((c) => c.id));
    const iso = cw.frameworks.find((f) => f.framework === "ISO27001:2022");
    expect(iso?.requirements.map((r) => r.ref)).toEqual(ISO27001_2022_ANNEX_A.map((a) => a.id));
    expect(iso?.totals.covered).toBe(93);
    const soc2 = cw.frameworks.find((f) => f.framework === "SOC2");
    expect(soc2?.requirements.map((r) => r.ref)).toEqual(SOC2_TSC.map((c) => c.id));
    // Every covered requirement names the entries that answer it and an artifact that proves it.
    for (const fw of cw.frameworks)
      for (const r of fw.requirements.filter((x) => x.coverage === "covered")) {
        expect(r.entries.length, `${fw.framework} ${r.ref}`).toBeGreaterThan(0);
        expect(r.artifacts.length, `${fw.framework} ${r.ref}`).toBeGreaterThan(0);
      }
    // One framework: its requirements only, the control rows stay whole.
    expect(crosswalk(library, "NIS2").frameworks.map((f) => f.framework)).toEqual(["NIS2"]);
  });
});

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
const needsOffice = soffice || process.env.CI === "true" ? it : it.skip;

describe("crosswalk files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "quire-crosswalk-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the CLI writes the xlsx; our reader reads every sheet back", async () => {
    const out: string[] = [];
    const file = join(dir, "crosswalk.xlsx");
    const code = await runLibraryCommand(["crosswalk", "--out", file], {
      stdout: (s) => out.push(s),
      stderr: (s) => out.push(s),
    });
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/ISO\/IEC 27001:2022 Annex A\s+93\s+0\s+0\s+0/);
    const q = await ingestQuestionnaire(new Uint8Array(readFileSync(file)), "crosswalk.xlsx").catch(() => null);
    // Not a questionnaire, but a well-formed workbook: ingest opens it (it may find no questions).
    expect(q === null || Array.isArray(q.questions)).toBe(true);
  });

  it("the CLI refuses an unknown framework or output type with a usage error", async () => {
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (s: string) => err.push(s) };
    expect(await runLibraryCommand(["crosswalk", "--framework", "hipaa"], io)).toBe(2);
    expect(await runLibraryCommand(["crosswalk", "--out", join(dir, "x.pdf")], io)).toBe(2);
    expect(err.join("\n")).toMatch(
      /--framework must be one of iso, soc2, nis2, gdpr.*\[usage\][\s\S]*--out must end in \.csv or \.xlsx/,
    );
  });

  needsOffice(
    "the xlsx opens in LibreOffice and lists every Annex A control and SOC 2 criterion",
    async () => {
      const file = join(dir, "lo.xlsx");
      const library = await loadLibraryDir("answer-library");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(file, crosswalkXlsx(crosswalkTables(crosswalk(library))));
      const outDir = join(dir, "lo");
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          outDir,
          file,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const sheets = readdirSync(outDir).sort();
      expect(sheets).toEqual([
        "lo-Controls.csv",
        "lo-GDPR Art. 32.csv",
        "lo-ISO 27001 Annex A.csv",
        "lo-NIS2 Art. 21(2).csv",
        "lo-SOC 2 TSC.csv",
      ]);
      const refsIn = (name: string) =>
        readFileSync(join(outDir, name), "utf8")
          .trim()
          .split(/\r?\n/)
          .slice(1)
          .map((line) => line.split(",")[1]);
      expect(refsIn("lo-ISO 27001 Annex A.csv")).toEqual(ISO27001_2022_ANNEX_A.map((a) => a.id));
      expect(refsIn("lo-SOC 2 TSC.csv")).toEqual(SOC2_TSC.map((c) => c.id));
      expect(readFileSync(join(outDir, "lo-Controls.csv"), "utf8").trim().split(/\r?\n/)).toHaveLength(
        library.controls.length + 1,
      );
    },
    180_000,
  );
});
