import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { isIsoDate } from "../domain/dates.js";
import { isQuireError, QuireError } from "../domain/errors.js";
import { type AttentionItem, attentionItems, byOwner } from "../domain/freshness/attention.js";
import { checkLibrary, type Finding } from "../domain/library/check.js";
import { type CoverageRow, coverage, type FrameworkCoverage } from "../domain/library/coverage.js";
import { type Crosswalk, crosswalk, crosswalkTables } from "../domain/library/crosswalk.js";
import type { Framework, Library } from "../domain/library/types.js";
import { crosswalkCsv, crosswalkXlsx } from "../export/index.js";
import { loadLibraryDir } from "../library-files/load.js";
import { parseCliArgs } from "./args.js";
import type { CliIo } from "./io.js";
import { renderTable } from "./table.js";

export const LIBRARY_USAGE = `usage: quire library check [--as-of YYYY-MM-DD] [--library <dir>]
       quire library coverage [--library <dir>] [--framework iso|soc2|nis2|gdpr] [--all]
       quire library crosswalk [--library <dir>] [--framework iso|soc2|nis2|gdpr] [--out <file.csv|file.xlsx>]`;

const FRAMEWORK_FLAG: Readonly<Record<string, Framework>> = {
  iso: "ISO27001:2022",
  soc2: "SOC2",
  nis2: "NIS2",
  gdpr: "GDPR",
};

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

function counts(library: Library): string {
  const phrasings = library.entries.reduce((n, e) => n + e.phrasings.length, 0);
  return `${library.controls.length} controls, ${library.artifacts.length} artifacts, ${library.entries.length} entries, ${phrasings} phrasings`;
}

/** Findings grouped by code, so fifty overdue reviews read as one block rather than noise. */
function renderFindings(title: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  const lines = [`${title} (${findings.length})`];
  for (const [code, list] of byCode) {
    lines.push(`  ${code} (${list.length})`);
    for (const f of list) lines.push(`    ${f.message}`);
  }
  return lines;
}

async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCliArgs(args, {
    "as-of": { type: "string" },
    library: { type: "string" },
  });
  const asOf = values["as-of"] ?? todayUtc();
  if (!isIsoDate(asOf)) throw new QuireError("usage", `--as-of must be a date as YYYY-MM-DD, got "${asOf}"`, 2);
  const dir = resolve(process.cwd(), values.library ?? "answer-library");
  const library = await loadLibraryDir(dir);
  const { errors, warnings } = checkLibrary(library, { asOf });

  io.stdout(`library check of ${dir} as of ${asOf}: ${counts(library)}`);
  const errorLines = renderFindings("errors", errors);
  if (errorLines.length > 0) io.stderr(errorLines.join("\n"));
  const warningLines = renderFindings("warnings", warnings);
  if (warningLines.length > 0) io.stdout(warningLines.join("\n"));
  const attention = renderAttention(attentionItems(library, asOf));
  if (attention.length > 0) io.stdout(attention.join("\n"));
  io.stdout(`${errors.length} error(s), ${warnings.length} warning(s): ${errors.length > 0 ? "FAILED" : "ok"}`);
  return errors.length > 0 ? 1 : 0;
}

/** The "needs attention" list the sweep records and the web pages show, by owner. */
function renderAttention(items: readonly AttentionItem[]): string[] {
  if (items.length === 0) return [];
  const lines = [`needs attention (${items.length}), by owner`];
  for (const [owner, list] of byOwner(items)) {
    lines.push(`  ${owner} (${list.length})`);
    for (const item of list) lines.push(`    ${item.dueOn}  ${item.subjectType} ${item.subject}: ${item.message}`);
  }
  return lines;
}

const MAX_LISTED = 4;

function list(ids: readonly string[]): string {
  if (ids.length === 0) return "—";
  return ids.length > MAX_LISTED
    ? `${ids.slice(0, MAX_LISTED).join(", ")} +${ids.length - MAX_LISTED}`
    : ids.join(", ");
}

function status(row: CoverageRow): string {
  if (!row.expected) return row.controls.length > 0 ? "mapped, not in scope" : "not in scope";
  if (row.controls.length === 0) return "MISSING";
  return row.note ? "covered (SoA-excluded)" : "covered";
}

function renderFramework(fw: FrameworkCoverage, showAll: boolean): string {
  // Out-of-scope SOC 2 categories (privacy, processing integrity) are summarised, not listed, unless asked.
  const rows = fw.rows.filter((r) => showAll || r.expected || r.controls.length > 0);
  const table = renderTable([
    ["ref", "title", "status", "controls", "entries", "backing entries"],
    ...rows.map((r) => [r.ref, r.title, status(r), r.controls.length, r.entries.length, list(r.entries)]),
  ]);
  const groups = renderTable([
    ["group", "covered", "total", "scope"],
    ...fw.groups.map((g) => [g.group, g.covered, g.total, g.expected ? "in scope" : "not in scope"]),
  ]);
  // Only caveats on claimed coverage are worth a line; out-of-scope rows already say so in the table.
  const notes = fw.rows.filter((r) => r.note && r.expected).map((r) => `  note: ${r.ref} ${r.note}`);
  return [
    `${fw.label}: ${fw.expectedCovered}/${fw.expectedTotal} in scope covered (${fw.covered}/${fw.total} overall)`,
    table,
    "",
    groups,
    ...notes,
  ].join("\n");
}

async function runCoverage(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCliArgs(args, {
    library: { type: "string" },
    framework: { type: "string" },
    all: { type: "boolean" },
  });
  const only = frameworkFlag(values.framework);
  const dir = resolve(process.cwd(), values.library ?? "answer-library");
  const library = await loadLibraryDir(dir);
  const frameworks = coverage(library).filter((fw) => !only || fw.framework === only);
  io.stdout(frameworks.map((fw) => renderFramework(fw, values.all ?? false)).join("\n\n"));
  io.stdout(`\ntotals (${counts(library)}):`);
  io.stdout(
    renderTable([
      ["framework", "covered in scope", "in scope", "covered overall", "total"],
      ...frameworks.map((fw) => [fw.label, fw.expectedCovered, fw.expectedTotal, fw.covered, fw.total]),
    ]),
  );
  // Gaps are reported, not failed: `library check` is the gate (uncovered_annex_a, uncovered_soc2).
  return 0;
}

function frameworkFlag(value: string | undefined): Framework | undefined {
  if (value === undefined) return undefined;
  const framework = FRAMEWORK_FLAG[value.toLowerCase()];
  if (!framework) throw new QuireError("usage", `--framework must be one of iso, soc2, nis2, gdpr; got "${value}"`, 2);
  return framework;
}

/** Totals per framework and the requirements with no implemented control, named. */
function renderCrosswalk(cw: Crosswalk): string {
  const lines = [
    renderTable([
      ["framework", "covered", "partial", "gap", "not in scope"],
      ...cw.frameworks.map((fw) => [
        fw.label,
        fw.totals.covered,
        fw.totals.partial,
        fw.totals.gap,
        fw.totals.not_in_scope,
      ]),
    ]),
  ];
  for (const fw of cw.frameworks) {
    for (const r of fw.requirements.filter((x) => x.coverage === "gap" || x.coverage === "partial")) {
      const by = r.controls.map((c) => `${c.id} ${c.status}`).join(", ");
      lines.push(`  ${r.coverage}: ${fw.framework} ${r.ref} ${r.title}${by ? ` (${by})` : ""}`);
    }
  }
  return lines.join("\n");
}

async function runCrosswalk(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCliArgs(args, {
    library: { type: "string" },
    framework: { type: "string" },
    out: { type: "string" },
  });
  const only = frameworkFlag(values.framework);
  const out = values.out === undefined ? undefined : resolve(process.cwd(), values.out);
  const kind = out === undefined ? undefined : extname(out).toLowerCase();
  if (kind !== undefined && kind !== ".csv" && kind !== ".xlsx") {
    throw new QuireError("usage", `--out must end in .csv or .xlsx, got "${values.out}"`, 2);
  }
  const dir = resolve(process.cwd(), values.library ?? "answer-library");
  const cw = crosswalk(await loadLibraryDir(dir), only);
  io.stdout(`crosswalk of ${dir}: ${cw.controls.length} controls`);
  io.stdout(renderCrosswalk(cw));
  if (out) {
    const tables = crosswalkTables(cw, only);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, kind === ".csv" ? crosswalkCsv(tables[0] as (typeof tables)[number]) : crosswalkXlsx(tables));
    io.stdout(`wrote ${out}`);
  }
  return 0;
}

/** `quire library check|coverage|crosswalk …`; returns the exit code (0 ok, 1 findings or load errors, 2 bad usage). */
export async function runLibraryCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case "check":
        return await runCheck(rest, io);
      case "coverage":
        return await runCoverage(rest, io);
      case "crosswalk":
        return await runCrosswalk(rest, io);
      case "help":
      case "--help":
      case "-h":
        io.stdout(LIBRARY_USAGE);
        return 0;
      default:
        io.stderr(sub === undefined ? LIBRARY_USAGE : `quire library: unknown subcommand "${sub}"\n${LIBRARY_USAGE}`);
        return 2;
    }
  } catch (error) {
    // Handled here as well as in main.ts so that calling this function directly (tests, scripts) gives
    // the same one-line messages and exit codes.
    if (isQuireError(error)) {
      io.stderr(`quire library: ${error.message} [${error.code}]`);
      return error.code === "usage" ? 2 : 1;
    }
    throw error;
  }
}
