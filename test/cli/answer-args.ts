import { join } from "node:path";

/**
 * `quire answer` arguments for comparing two ways of running the CLI on one file: offline, a fixed
 * date and region, and the database, report and filled file named `name` in `dir`.
 */
export function answerArgs(file: string, dir: string, name: string): string[] {
  return [
    "answer",
    file,
    "--region",
    "eu",
    "--as-of",
    "2026-11-24",
    "--offline",
    "--db",
    join(dir, `${name}.db`),
    "--report",
    join(dir, `${name}.json`),
    "--out",
    join(dir, `${name}.xlsx`),
  ];
}
