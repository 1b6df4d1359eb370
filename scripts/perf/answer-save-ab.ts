/**
 * One process's answer and save figures on the big bench's workbook (5,000 rows, 452 texts), for
 * an A/B between two checkouts of the repository run alternately in the same minutes:
 *
 *   for i in 1 2 3 4 5 6; do
 *     (cd ../main-tree && QUIRE_TREE=$PWD npx tsx <this tree>/scripts/perf/answer-save-ab.ts)
 *     QUIRE_TREE=$PWD npx tsx scripts/perf/answer-save-ab.ts
 *   done
 *
 * QUIRE_TREE names the checkout whose code is measured (default: this one). Prints one JSON line,
 * CPU ms: the first answerQuestionnaire in the process (all threads, and the main thread alone from
 * /proc), matchQuestion on 1,000 distinct questions after it (the same two ways: what the main
 * thread does apart from V8 compiling on its other threads), then two saves into a fresh database,
 * as `npm run bench -- big` orders them. Nothing is written outside a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const tree = resolve(process.env.QUIRE_TREE ?? join(import.meta.dirname, "../.."));
const load = <T>(path: string): Promise<T> => import(join(tree, path)) as Promise<T>;

type Big = typeof import("../../bench/big.js");
type Match = typeof import("../../bench/match.js");
type Ingest = typeof import("../../src/ingest/index.js");
type LibraryLoad = typeof import("../../src/library-files/load.js");
type Local = typeof import("../../src/runtime/local.js");
type Replace = typeof import("../../src/services/library/replace.js");
type Prepared = typeof import("../../src/services/library/prepared.js");
type Answering = typeof import("../../src/domain/answering/answer-questions.js");
type AnswerFile = typeof import("../../src/services/questionnaires/answer-file.js");
type Context = typeof import("../../src/services/context.js");
type Matching = typeof import("../../src/domain/matching/match.js");

const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
};
/** The main thread's CPU ms (utime + stime of the thread whose id is the process id; 10 ms ticks). */
const mainThreadMs = () => {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const { bigWorkbook } = await load<Big>("bench/big.ts");
const { generateQuestionnaire } = await load<Match>("bench/match.ts");
const { ingestQuestionnaire } = await load<Ingest>("src/ingest/index.ts");
const { loadLibraryDir } = await load<LibraryLoad>("src/library-files/load.ts");
const { openLocalRuntime } = await load<Local>("src/runtime/local.ts");
const { replaceLibrary } = await load<Replace>("src/services/library/replace.ts");
const { preparedLibraryFor } = await load<Prepared>("src/services/library/prepared.ts");
const { answerQuestionnaire } = await load<Answering>("src/domain/answering/answer-questions.ts");
const { saveAnswered } = await load<AnswerFile>("src/services/questionnaires/answer-file.ts");
const { newId } = await load<Context>("src/services/context.ts");
const { matchQuestion } = await load<Matching>("src/domain/matching/match.ts");

const { bytes } = await bigWorkbook();
const customer = { region: "eu" as const, ndaOnFile: false, asOf: "2026-11-24" };
const library = await loadLibraryDir(join(tree, "answer-library"));
const distinct = generateQuestionnaire(library, 1_000).questions.map((q) => q.text);
// As bench/big.ts does: a pause outside every timed line while V8 finishes compiling the generator.
await new Promise((done) => setTimeout(done, 100));
const dir = mkdtempSync(join(tmpdir(), "quire-ab-"));
const runtime = openLocalRuntime({ dbPath: join(dir, "ab.db") });
try {
  const ctx = { ...runtime.deps, tenantId: "local", actor: "cli:bench" };
  await replaceLibrary(ctx, library);
  const questionnaire = await ingestQuestionnaire(bytes, "big.xlsx", undefined);
  const prepared = await preparedLibraryFor(ctx);
  const out: Record<string, number> = {};
  let cpu = process.cpuUsage();
  const main = mainThreadMs();
  const report = answerQuestionnaire(prepared, questionnaire, customer);
  out.answer = cpuMs(cpu);
  out.answerMainThread = mainThreadMs() - main;
  cpu = process.cpuUsage();
  const matchMain = mainThreadMs();
  for (const text of distinct) matchQuestion(prepared.index, text, 4);
  out.match1000 = cpuMs(cpu);
  out.match1000MainThread = mainThreadMs() - matchMain;
  for (const save of ["save1", "save2"]) {
    const questionnaireId = newId("qn");
    cpu = process.cpuUsage();
    await saveAnswered(ctx, {
      questionnaireId,
      blobKey: `local/${questionnaireId}/original`,
      fileName: "big.xlsx",
      customerId: null,
      hints: undefined,
      customer,
      questionnaire,
      report,
      status: "drafted",
    });
    out[save] = cpuMs(cpu);
  }
  console.log(JSON.stringify(out));
} finally {
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
