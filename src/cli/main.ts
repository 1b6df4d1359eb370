import { isQuireError } from "../domain/errors.js";
import { type CliIo, processIo } from "./io.js";
import { ANSWER_USAGE } from "./usage.js";

const USAGE = `quire — answer vendor security questionnaires from your answer library

${ANSWER_USAGE}
       quire library check [--as-of YYYY-MM-DD] [--library <dir>]
       quire library coverage [--library <dir>] [--framework iso|soc2|nis2|gdpr]
       quire library crosswalk [--library <dir>] [--framework iso|soc2|nis2|gdpr] [--out <file.csv|.xlsx>]`;

/** Runs one CLI command; every failure becomes one line on stderr and a non-zero exit code, never a stack trace. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "answer":
        // Each command's modules load when it runs: `quire --help` starts without the engine, SQLite or SheetJS.
        return await (await import("./answer-command.js")).runAnswerCommand(rest, io);
      case "library":
        return await (await import("./library-command.js")).runLibraryCommand(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`quire: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (isQuireError(error)) {
      io.stderr(`quire: ${error.message} [${error.code}]`);
      return error.code === "usage" ? 2 : 1;
    }
    io.stderr(`quire: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.QUIRE_DEBUG) io.stderr(String((error as Error)?.stack));
    return 1;
  }
}
