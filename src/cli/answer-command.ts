import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { CustomerContextSchema, RegionSchema } from "../domain/answering/customer.js";
import type { LlmAccount } from "../domain/answering/llm-account.js";
import type { AnswerReport } from "../domain/answering/report.js";
import { QuireError } from "../domain/errors.js";
import { givenHints, type LayoutHints, LayoutHintsSchema } from "../domain/questionnaire/layout-hints.js";
import { fillOriginal } from "../export/fill.js";
import { loadLibraryDirCached } from "../library-files/cache.js";
import { fileMatchIndexStore } from "../library-files/index-cache.js";
import { llmSettingsFromEnv } from "../llm/settings.js";
import { openLocalRuntime } from "../runtime/local.js";
import { type ServiceContext, systemClock } from "../services/context.js";
import { answerFile } from "../services/questionnaires/answer-file.js";
import { keepRunsSetting, pruneRuns } from "../services/questionnaires/retention.js";
import { parseCliArgs } from "./args.js";
import type { CliIo } from "./io.js";
import { cliCacheDir, syncLibrary } from "./library-sync.js";
import { progressBar } from "./progress.js";
import { writeReportFile } from "./report-file.js";
import { renderTable } from "./table.js";
import { ANSWER_USAGE } from "./usage.js";

export { ANSWER_USAGE } from "./usage.js";

/** The local tenant the CLI works in: one per database file. */
const CLI_TENANT = "local";

export async function runAnswerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    out: { type: "string" },
    report: { type: "string" },
    region: { type: "string", default: "us" },
    nda: { type: "boolean", default: false },
    "as-of": { type: "string" },
    library: { type: "string", default: "answer-library" },
    db: { type: "string", default: process.env.QUIRE_DB ?? "data/quire.db" },
    "approved-only": { type: "boolean", default: false },
    overwrite: { type: "boolean", default: false },
    llm: { type: "boolean", default: false },
    offline: { type: "boolean", default: false },
    sheet: { type: "string" },
    "header-row": { type: "string" },
    "question-column": { type: "string" },
    "answer-column": { type: "string" },
    "comment-column": { type: "string" },
    "id-column": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    io.stdout(ANSWER_USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new QuireError("usage", `expected one questionnaire file\n${ANSWER_USAGE}`, 2);

  const region = RegionSchema.safeParse(values.region);
  if (!region.success)
    throw new QuireError("usage", `--region must be one of us, eu, uk, apac, other (got "${values.region}")`, 2);
  const customer = CustomerContextSchema.safeParse({
    region: region.data,
    ndaOnFile: values.nda,
    asOf: values["as-of"] ?? systemClock.now().toISOString().slice(0, 10),
  });
  if (!customer.success)
    throw new QuireError("usage", `--as-of must be a date as YYYY-MM-DD (got "${values["as-of"]}")`, 2);

  // Run retention: checked before the run, so a wrong value is said before any work is done.
  const keepRuns = keepRunsSetting(process.env.QUIRE_KEEP_RUNS);
  const read = await readFile(file).catch(() => {
    throw new QuireError("file_not_found", `cannot read ${file}`, 404);
  });
  // One Uint8Array for ingest and write-back: the zip opened by the first is reused by the second.
  const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
  const cacheDir = cliCacheDir(values.db);
  const { library, revision } = await loadLibraryDirCached(resolve(values.library), cacheDir);

  const llm = values.offline ? undefined : llmSettingsFromEnv(process.env);
  if (values.llm && !llm) throw new QuireError("usage", "--llm needs ANTHROPIC_API_KEY in the environment", 2);

  const runtime = openLocalRuntime({ dbPath: values.db, llm });
  try {
    const ctx: ServiceContext = {
      ...runtime.deps,
      ...(cacheDir && { matchIndexes: fileMatchIndexStore(cacheDir) }),
      tenantId: CLI_TENANT,
      actor: `cli:${process.env.USER ?? "local"}`,
    };
    await syncLibrary(ctx, library, revision, values.db);
    const { questionnaire, report, questionnaireId } = await answerFile(ctx, {
      bytes,
      fileName: basename(file),
      customer: customer.data,
      hints: layoutHints(values),
      onProgress: progressBar(process.stderr, "answering"),
      onDraftProgress: progressBar(process.stderr, "drafting with Claude"),
    });
    // The report is typed by the domain that built it; the tests check the written file against AnswerReportSchema.
    const stem = basename(file, extname(file));
    const reportPath = values.report ?? join("out", `${stem}.report.json`);
    await mkdir(dirname(resolve(reportPath)), { recursive: true });
    await writeReportFile(reportPath, report);

    let filledPath: string | null = null;
    let cellsWritten = 0;
    let cellsKept = 0;
    if (questionnaire.source.format !== "pdf") {
      // Drafted answers only: what needs review or found no match stays blank in the customer's file.
      const result = fillOriginal(questionnaire.source.format, bytes, report, {
        statuses: values["approved-only"] ? ["approved"] : ["drafted"],
        locations: new Map(questionnaire.questions.map((q) => [q.id, q.location])),
        citeInText: true,
        overwrite: values.overwrite,
      });
      filledPath = values.out ?? join("out", `${stem}.filled${extname(file)}`);
      await writeOut(filledPath, result.bytes);
      cellsWritten = result.cellsWritten.length;
      cellsKept = result.cellsKept.length;
    }
    // The older runs go after this one is stored, so the newest `keepRuns` include it.
    let pruned = 0;
    if (keepRuns !== null) {
      pruned = (await pruneRuns(ctx, keepRuns)).removed.length;
      if (pruned > 0) runtime.reclaimSpace();
    }
    io.stdout(
      summaryText(report, {
        questionnaireId,
        pruned,
        keepRuns,
        reportPath,
        filledPath,
        cellsWritten,
        cellsKept,
        db: values.db,
        approvedOnly: values["approved-only"],
      }),
    );
    return 0;
  } finally {
    runtime.close();
  }
}

/** The flag behind each layout hint, so a refusal names what the user typed. */
const HINT_FLAGS = {
  sheet: "sheet",
  headerRow: "header-row",
  questionColumn: "question-column",
  answerColumn: "answer-column",
  commentColumn: "comment-column",
  idColumn: "id-column",
} as const satisfies Record<keyof LayoutHints, string>;

function layoutHints(values: Record<string, unknown>): LayoutHints | undefined {
  const given = Object.fromEntries(Object.entries(HINT_FLAGS).map(([hint, flag]) => [hint, values[flag]]));
  const parsed = LayoutHintsSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const hint = String(issue?.path[0] ?? "");
    const flag = Object.entries(HINT_FLAGS).find(([key]) => key === hint)?.[1] ?? hint;
    throw new QuireError("usage", `--${flag}: ${issue?.message ?? "invalid"}`, 2);
  }
  return givenHints(parsed.data);
}

async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, data);
}

/** What the Claude drafting cost: calls, tokens by kind, the estimate against the ceiling. */
function llmLines(llm: LlmAccount): string[] {
  const k = (n: number) => n.toLocaleString("en-US");
  const ceiling = llm.ceilingUsd === null ? "no ceiling" : `ceiling $${llm.ceilingUsd.toFixed(2)}`;
  const lines = [
    `llm:     ${llm.model}, ${llm.calls} call${llm.calls === 1 ? "" : "s"} for ${llm.questionsSent} questions (${llm.accepted} drafts used, ${llm.fallbacks} kept offline for review)`,
    `tokens:  ${k(llm.inputTokens)} input, ${k(llm.cacheReadTokens)} cache read, ${k(llm.cacheWriteTokens)} cache write, ${k(llm.outputTokens)} output (cache hit ${Math.round(llm.cacheHitShare * 100)}%)`,
    `cost:    ~$${llm.estimatedCostUsd.toFixed(4)} estimated (${ceiling})`,
  ];
  if (llm.ceilingReached || llm.overBudget > 0) {
    lines.push(`budget:  reached; ${llm.overBudget} questions kept their offline drafts, marked for review`);
  }
  return lines;
}

function summaryText(
  report: AnswerReport,
  out: {
    questionnaireId: string;
    pruned: number;
    keepRuns: number | null;
    reportPath: string;
    filledPath: string | null;
    cellsWritten: number;
    cellsKept: number;
    db: string;
    approvedOnly: boolean;
  },
): string {
  const s = report.summary;
  const pct = (n: number) => (s.questions === 0 ? "0%" : `${Math.round((n / s.questions) * 100)}%`);
  const table = renderTable([
    ["", "count", "share"],
    ["questions found", s.questions, "100%"],
    ["drafted", s.drafted, pct(s.drafted)],
    ["needs review", s.needsReview, pct(s.needsReview)],
    ["  of which stale (lapsed entry or artifact)", s.stale, pct(s.stale)],
    ["no match", s.noMatch, pct(s.noMatch)],
    ["already answered by customer", s.alreadyAnswered, pct(s.alreadyAnswered)],
    ["citations made", s.citationsMade, ""],
    ["citations on request", s.citationsOnRequest, ""],
    ["citations withheld", s.citationsWithheld, ""],
  ]);
  const blank = [
    s.needsReview > 0 ? `${s.needsReview} needing review` : "",
    s.noMatch > 0 ? `${s.noMatch} without a match` : "",
  ].filter(Boolean);
  const lines = [
    `${report.source.file} (${report.source.format}) for a ${report.customer.region.toUpperCase()} customer, NDA ${report.customer.ndaOnFile ? "on file" : "not on file"}, as of ${report.customer.asOf}`,
    "",
    table,
    "",
    `report:  ${out.reportPath}`,
    out.filledPath
      ? `filled:  ${out.filledPath} (${out.cellsWritten} cells written, ${out.approvedOnly ? "approved answers only" : "drafted answers only"}${out.cellsKept ? `, ${out.cellsKept} customer answers kept` : ""}${blank.length > 0 ? `; ${blank.join(" and ")} left blank` : ""})`
      : "filled:  (PDF questionnaires have no cells to fill; use the report or a CSV export)",
    `stored:  questionnaire ${out.questionnaireId} in ${out.db}`,
  ];
  if (out.pruned > 0)
    lines.push(`pruned:  ${out.pruned} older run${out.pruned === 1 ? "" : "s"} (QUIRE_KEEP_RUNS=${out.keepRuns})`);
  if (report.llm) lines.push(...llmLines(report.llm));
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}
